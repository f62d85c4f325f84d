"""Settings every django-cors-headers configuration starts from: no database, no templates, the
middleware order the django-cors-headers README asks for (CorsMiddleware before CommonMiddleware)."""
SECRET_KEY = "cors-conformance-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
ROOT_URLCONF = "django_items.urls"
USE_TZ = True
