"""WSGI entry point (`gunicorn django_api.config.wsgi:application`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_api.config.settings")
application = get_wsgi_application()
