"""URLs of the API (paths fixed by the contract, `django_api/API.md`)."""

from django.urls import path

from django_api.invoices.api import (
    auth,
    documents,
    einvoice_export,
    health,
    invoice_fields,
    members,
    projects,
    rescore,
    root,
    tasks,
    vendor_memory,
    webhooks,
)

P = "projects/<int:project_id>/"
T = "<str:task_id>/"
D = P + "documents/<str:document_id>/"
W = P + "webhooks/<int:webhook_id>/"
V = P + "vendors/<str:key>/"  # a vendor key holds ':' (vat:DE123): one segment, sent as is or %-encoded

urlpatterns = [
    path("", root.ApiRootApi.as_view(), name="api-root"),
    path("auth/token/", auth.TokenLoginApi.as_view(), name="auth-token"),
    path("auth/logout/", auth.LogoutApi.as_view(), name="auth-logout"),
    path("me/", auth.MeApi.as_view(), name="me"),
    path("ocr-health/", health.OcrHealthApi.as_view(), name="ocr-health"),
    path("fields/", invoice_fields.InvoiceFieldsApi.as_view(), name="invoice-fields"),
    path("projects/", projects.ProjectsApi.as_view(), name="projects"),
    path(P, projects.ProjectDetailApi.as_view(), name="project-detail"),
    path(P + "settings/", projects.ProjectSettingsApi.as_view(), name="project-settings"),
    path(P + "summary/", projects.ProjectSummaryApi.as_view(), name="project-summary"),
    path(P + "members/", members.ProjectMemberListApi.as_view(), name="member-list"),
    path(P + "members/<str:username>/", members.ProjectMemberDetailApi.as_view(), name="member-detail"),
    path(P + "export/", projects.ProjectExportApi.as_view(), name="project-export"),
    path(P + "process-invoices/", tasks.InvoiceUploadApi.as_view(), name="process-invoices"),
    path(P + "tasks/", tasks.TaskListApi.as_view(), name="task-list"),
    path(P + "ocr-status/" + T, tasks.TaskStatusApi.as_view(), name="ocr-status"),
    path(P + "ocr-cancel/" + T, tasks.TaskCancelApi.as_view(), name="ocr-cancel"),
    path(P + "ocr-download/" + T, tasks.TaskDownloadApi.as_view(), name="ocr-download"),
    path(P + "ocr-validation/" + T, tasks.TaskValidationApi.as_view(), name="ocr-validation"),
    path(P + "ocr-anomalies/" + T, tasks.TaskAnomaliesApi.as_view(), name="ocr-anomalies"),
    path(P + "ocr-check-task/" + T, tasks.TaskCheckApi.as_view(), name="ocr-check-task"),
    path(P + "documents/", documents.DocumentListApi.as_view(), name="document-list"),
    path(D, documents.DocumentDetailApi.as_view(), name="document-detail"),
    path(
        D + "pages/<int:index>/image/", documents.DocumentPageImageApi.as_view(), name="document-page-image"
    ),
    path(D + "fields/", documents.DocumentFieldsUpdateApi.as_view(), name="document-fields"),
    path(D + "approve/", documents.DocumentApproveApi.as_view(), name="document-approve"),
    path(D + "reject/", documents.DocumentRejectApi.as_view(), name="document-reject"),
    path(D + "reextract/", documents.DocumentReextractApi.as_view(), name="document-reextract"),
    path(D + "einvoice/", einvoice_export.DocumentEInvoiceApi.as_view(), name="document-einvoice"),
    path(P + "webhooks/", webhooks.WebhookListApi.as_view(), name="webhook-list"),
    path(W, webhooks.WebhookDetailApi.as_view(), name="webhook-detail"),
    path(W + "deliveries/", webhooks.WebhookDeliveryListApi.as_view(), name="webhook-deliveries"),
    path(P + "vendors/", vendor_memory.VendorListApi.as_view(), name="vendor-list"),
    path(V, vendor_memory.VendorDetailApi.as_view(), name="vendor-detail"),
    path(V + "fields/<str:field>/", vendor_memory.VendorFieldApi.as_view(), name="vendor-field"),
    path(V + "template/", vendor_memory.VendorTemplateApi.as_view(), name="vendor-template"),
    path(P + "rescore/", rescore.ProjectRescoreApi.as_view(), name="project-rescore"),
    path(P + "templates/", vendor_memory.ProjectTemplateListApi.as_view(), name="template-list"),
    path(
        P + "templates/<str:name>/", vendor_memory.ProjectTemplateDetailApi.as_view(), name="template-detail"
    ),
]
