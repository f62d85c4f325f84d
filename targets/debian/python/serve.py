"""Serves a WSGI application on 127.0.0.1 and a port the OS picks, the way each framework's own
development server does, and prints `listening <port>` once bound (the TypeScript side waits for it)."""


def serve_werkzeug(app):
    """Flask's server (`flask run` / `app.run()` use the same werkzeug class)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(f"listening {server.server_port}", flush=True)
    server.serve_forever()


def serve_django(app):
    """Django's server (what `manage.py runserver` runs, minus the autoreloader)."""
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(app)
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()
