"""Django, set up for processes that Django did not start (a Prefect worker loading the port through
`OCR_PIPELINE_PORT=django_api.orchestration.django_port:build_port`): importing this module sets Django up
once, with `django_api.config.settings` unless `DJANGO_SETTINGS_MODULE` says otherwise. In the API, a
management command or the tests Django is already set up and this does nothing. The one `django.setup()`
of `django_api`: modules that need the models in such a process import this first."""

from __future__ import annotations

import os

import django
from django.apps import apps


def setup() -> None:
    if apps.ready or apps.loading:  # set up, or being set up (an import during the app registry's load)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_api.config.settings")
    django.setup()


setup()
