"""Root URLs: the API under /api/, its OpenAPI schema and Swagger UI."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/", include("django_api.invoices.urls")),
]

handler400 = "django_api.invoices.api.errors.bad_request"
handler403 = "django_api.invoices.api.errors.permission_denied"
handler404 = "django_api.invoices.api.errors.not_found"
handler500 = "django_api.invoices.api.errors.server_error"
