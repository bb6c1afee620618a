"""The invoices app: projects and roles, documents, OCR task records, results, validation, anomalies and
the correction audit trail. Services write, selectors read, API views are thin. Imports no `flows` or
`prefect` (the orchestration seam in `django_api.orchestration` does)."""
