"""The application: a JSON collection at /items that accepts the methods an API usually does."""
from django.http import HttpResponse, JsonResponse
from django.urls import path


def items(request):
    if request.method == "DELETE":
        return HttpResponse(status=204)
    response = JsonResponse({"items": []} if request.method in ("GET", "HEAD") else {"ok": True})
    response["X-Request-Id"] = "cors-conformance"
    return response


urlpatterns = [path("items", items)]
