from django.apps import AppConfig


class InvoicesConfig(AppConfig):
    name = "django_api.invoices"
    label = "invoices"
    default_auto_field = "django.db.models.BigAutoField"
