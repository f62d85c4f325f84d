"""The Flask application behind every Flask configuration: a JSON collection at /items that accepts the
methods an API usually does. CORS is added by the configuration under test, nothing else."""
from flask import Flask, jsonify, request

app = Flask("items")


@app.route("/items", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def items():
    if request.method == "DELETE":
        return "", 204
    response = jsonify({"items": []} if request.method == "GET" else {"ok": True})
    response.headers["X-Request-Id"] = "cors-conformance"
    return response
