#!/usr/bin/env python
"""Django's command-line utility for the API (`python manage.py migrate`, `seed_demo`, ...)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_api.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
