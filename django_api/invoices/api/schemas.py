"""Output shapes of the API (`django_api/API.md`) as serializers: the OpenAPI schema (`/api/schema/`) is
generated from them, and they are binding: the selectors build the dicts, and
`tests/django_api/test_response_shapes.py` checks every JSON body the views send against this schema
strictly (no undeclared key, every declared key present, types and formats), so a selector that adds or
drops a key fails a test; `tests/dashboard/test_fakes_match_schema.py` holds the dashboard's test fakes to
the same schema. A new key goes here first."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from django_api.invoices.models import DeliveryStatus, DocumentStatus, WebhookEvent
from django_api.invoices.models import TaskStatus as TaskStatusChoice


class Progress(serializers.Serializer):
    documents_done = serializers.IntegerField(help_text="Documents finished: checked and saved, or failed")
    documents_extracted = serializers.IntegerField(
        help_text="Documents read (OCR and extraction over, or failed): the checks of the batch and the save "
        "come after, so this counts up while documents_done waits for the end of the batch"
    )
    documents_total = serializers.IntegerField()
    pages_done = serializers.IntegerField()
    pages_total = serializers.IntegerField()
    percent = serializers.FloatField()


class ErrorInfo(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class DocumentErrorOut(ErrorInfo):
    step = serializers.CharField(help_text="the pipeline step that failed (ingest, ocr, extract, ...)")


class TaskStatus(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=TaskStatusChoice.choices)
    current_step = serializers.CharField()
    progress = Progress()
    error = ErrorInfo(allow_null=True)
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class TaskListItem(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=TaskStatusChoice.choices)
    current_step = serializers.CharField()
    progress = Progress()
    error = ErrorInfo(allow_null=True, help_text="why the task failed or was cancelled (as its status)")
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    document_count = serializers.IntegerField()
    document_names = serializers.ListField(
        child=serializers.CharField(),
        help_text="the names of the task's first five files, in upload order (`document_count` counts all)",
    )


class NamedDocument(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    email = serializers.CharField(
        required=False, help_text="the uploaded e-mail (.eml) this document was attached to; absent otherwise"
    )


class Rejected(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    message = serializers.CharField()
    email = serializers.CharField(
        required=False,
        help_text="the uploaded e-mail (.eml) the rejected attachment was in; absent otherwise",
    )


class MessageOriginOut(serializers.Serializer):
    message_id = serializers.CharField()
    # "from" is a Python keyword: declared below
    subject = serializers.CharField()
    date = serializers.CharField(help_text="ISO 8601 when the Date header parses, else its text")


MessageOriginOut._declared_fields["from"] = serializers.CharField(help_text="the From header, decoded")


class DocumentOriginOut(MessageOriginOut):
    type = serializers.ChoiceField(choices=["email"])
    file = serializers.CharField(help_text="the uploaded e-mail's file name (sanitised)")
    attachment = serializers.CharField(help_text="the attachment's file name (sanitised)")
    forwarded = MessageOriginOut(
        many=True,
        required=False,
        help_text="the attached (forwarded) messages the attachment was inside, outermost first",
    )


class UploadAccepted(serializers.Serializer):
    task_id = serializers.UUIDField()
    status_url = serializers.CharField()
    documents = NamedDocument(many=True)
    rejected = Rejected(many=True)


class CancelAccepted(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.CharField()


class DocumentRow(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    media_type = serializers.CharField()
    pages = serializers.IntegerField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    created_at = serializers.DateTimeField()
    task_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    document_type = serializers.CharField(
        allow_null=True,
        help_text="`invoice`, `credit_note`, `receipt` or `quote` (current value); a credit note's amounts "
        "are magnitudes, its type carries the direction; a quote asks for no payment",
    )
    vendor_name = serializers.CharField(allow_null=True)
    invoice_date = serializers.CharField(allow_null=True)
    total = serializers.CharField(allow_null=True)
    currency = serializers.CharField(allow_null=True)
    validation_errors = serializers.IntegerField(
        help_text="failed_checks + einvoice_rule_findings (kept for older clients)"
    )
    failed_checks = serializers.IntegerField(
        help_text="Error-level expectations of the validation suites that the document's values fail"
    )
    einvoice_rule_findings = serializers.IntegerField(
        help_text="Error-level EN 16931 rules an e-invoice's XML as received breaks (suite `en16931`; "
        "0 for other documents); a correction does not change them"
    )
    anomaly_count = serializers.IntegerField()
    max_anomaly_score = serializers.FloatField()
    min_confidence = serializers.FloatField(
        allow_null=True, help_text="The lowest confidence among all of the document's extracted fields"
    )
    key_confidence = serializers.FloatField(
        allow_null=True,
        help_text="The lowest confidence among its key fields (vendor, invoice number, invoice date, total, "
        "currency) as triage reads them: a reviewer's value counts 1.0, a field not found is left out; "
        "null when none was found",
    )
    needs_review = serializers.BooleanField()
    duplicate_of = serializers.UUIDField(allow_null=True)


class FieldOut(serializers.Serializer):
    value = serializers.CharField(allow_null=True)
    raw_text = serializers.CharField()
    confidence = serializers.FloatField()
    page = serializers.IntegerField()
    bbox = serializers.ListField(child=serializers.FloatField(), allow_null=True)
    corrected = serializers.BooleanField()
    original_value = serializers.CharField(allow_null=True)


class PageOut(serializers.Serializer):
    index = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    image_url = serializers.CharField()


class CorrectionOut(serializers.Serializer):
    field = serializers.CharField()
    old_value = serializers.JSONField()
    new_value = serializers.JSONField()
    user = serializers.CharField()
    created_at = serializers.DateTimeField()


class ExpectationOutcomeOut(serializers.Serializer):
    """One expectation of a validation suite on one document (`ocr_tasks.result_types`)."""

    expectation = serializers.CharField()
    description = serializers.CharField()
    success = serializers.BooleanField()
    severity = serializers.CharField(help_text="error | warning")
    fields = serializers.ListField(child=serializers.CharField())
    observed_value = serializers.JSONField(allow_null=True)
    unexpected_values = serializers.ListField(child=serializers.JSONField())


class ValidationReportOut(serializers.Serializer):
    document_id = serializers.UUIDField()
    suite = serializers.CharField()
    success = serializers.BooleanField()
    outcomes = ExpectationOutcomeOut(many=True)


class AnomalyOut(serializers.Serializer):
    document_id = serializers.UUIDField()
    kind = serializers.CharField(help_text="exact_duplicate, duplicate_invoice, arithmetic_mismatch, ...")
    severity = serializers.CharField(help_text="error | warning | info")
    score = serializers.FloatField()
    explanation = serializers.CharField()
    evidence = serializers.DictField()
    related_document_ids = serializers.ListField(child=serializers.CharField())


class NamedAnomaly(AnomalyOut):
    document_name = serializers.CharField()


def line_item_out() -> serializers.DictField:
    return serializers.DictField(
        child=serializers.CharField(allow_null=True), help_text="column (description, quantity, ...) -> value"
    )


class MemberOut(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.ChoiceField(choices=["owner", "reviewer", "viewer"])
    added_at = serializers.DateTimeField(help_text="when the user became a member")


class RejectionOut(serializers.Serializer):
    by = serializers.CharField(allow_null=True)
    at = serializers.DateTimeField()
    reason = serializers.CharField()


class PrecedingInvoiceOut(serializers.Serializer):
    number = serializers.CharField(help_text="BT-25: the number of the invoice this document refers to")
    date = serializers.CharField(allow_null=True, help_text="BT-26: its date (ISO when it reads as one)")
    document_id = serializers.UUIDField(
        allow_null=True, help_text="The project's document with that invoice number (current value), if any"
    )


class FirstApprovalOut(serializers.Serializer):
    by = serializers.CharField(allow_null=True, help_text="the reviewer who gave the first approval")
    at = serializers.DateTimeField()


class DocumentDetail(DocumentRow):
    origin = DocumentOriginOut(
        allow_null=True,
        help_text="Where the file came from when it was not uploaded as it is: an attachment of an e-mail "
        "(.eml) uploaded or dropped in the inbox (its Message-ID, From, Subject, Date); null otherwise",
    )
    fields = serializers.DictField(child=FieldOut())
    line_items = serializers.ListField(child=line_item_out())
    validation = ValidationReportOut(many=True)
    anomalies = AnomalyOut(many=True)
    pages = PageOut(many=True)
    corrections = CorrectionOut(many=True)
    approved_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    approval_override_reason = serializers.CharField(
        allow_null=True, help_text="Why it was approved although an error-level check failed."
    )
    approvals_required = serializers.IntegerField(
        help_text="1, or 2 when the project's `review.second_approval_from_total` asks a second reviewer to "
        "approve this document's current values (its total reaches the setting, or is not known)."
    )
    first_approval = FirstApprovalOut(
        allow_null=True,
        help_text="The first of two approvals (who, when) while the second is awaited, and kept once "
        "approved; null when none is recorded. A correction, a new reading or a rejection voids it.",
    )
    rejection = RejectionOut(
        allow_null=True, help_text="Who set the document aside, when and why (status `rejected`), else null."
    )
    result_version = serializers.IntegerField(
        help_text="Version of the current values and checks (also the ETag): send it back with a change."
    )
    engine_versions = serializers.DictField(child=serializers.CharField())
    source = serializers.CharField(
        allow_null=True, help_text='"einvoice" when read exactly from an embedded or bare CII/UBL XML'
    )
    language = serializers.CharField(
        allow_null=True, help_text="ISO 639-1 language of the page's labels (null: not detected)"
    )
    einvoice = serializers.DictField(
        allow_null=True,
        help_text="An e-invoice's XML beyond the fields: syntax, profile, seller, buyer, vat_breakdown, "
        "allowances_charges, bic, validation (null for a page read by OCR); or its `error` when a PDF's "
        "attachment could not be read",
    )
    payment_code = serializers.DictField(
        allow_null=True,
        help_text="The payment QR code (Swiss QR-bill `spc`, EPC GiroCode `epc`) weighed against the "
        "page: kind, page, bbox, fields {field: confirmed, corrected, from_code, code_over_page or "
        "page_over_code}, conflicts [{field, page, code}], statements; null when the pages carry none",
    )
    preceding_invoices = PrecedingInvoiceOut(
        many=True,
        help_text="The invoices a credit note (or a corrected invoice) refers to, as its e-invoice XML names "
        "them (EN 16931 BG-3), each with the project's document of that number when there is one; empty "
        "for a page read by OCR",
    )
    error = DocumentErrorOut(allow_null=True)


class DocumentValidation(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    success = serializers.BooleanField(allow_null=True)
    reports = ValidationReportOut(many=True)


class TaskValidation(serializers.Serializer):
    task_id = serializers.UUIDField()
    documents = DocumentValidation(many=True)


class TaskAnomalies(serializers.Serializer):
    task_id = serializers.UUIDField()
    anomalies = NamedAnomaly(many=True)


class StepOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=("done", "failed", "running", "pending"))
    seconds = serializers.FloatField(allow_null=True)


class CheckedDocument(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    status = serializers.CharField()
    pages = serializers.IntegerField()
    steps = serializers.DictField(child=StepOut(), help_text="per pipeline step, in order")
    error = DocumentErrorOut(allow_null=True)


class TaskTimings(serializers.Serializer):
    queued_seconds = serializers.FloatField(allow_null=True)
    running_seconds = serializers.FloatField(allow_null=True)


class TaskCheck(TaskStatus):
    flow_run_id = serializers.CharField(allow_null=True)
    prefect_url = serializers.CharField(allow_null=True)
    attempts = serializers.IntegerField()
    timings = TaskTimings()
    documents = CheckedDocument(many=True)


class Spend(serializers.Serializer):
    vendor = serializers.CharField()
    month = serializers.CharField()
    currency = serializers.CharField()
    total = serializers.CharField()


class FailedCheck(serializers.Serializer):
    suite = serializers.CharField()
    check = serializers.CharField(help_text="the check's sentence (an e-invoice rule's, `en16931`)")
    severity = serializers.CharField()
    documents = serializers.IntegerField(help_text="documents waiting for a reviewer that fail it")
    document_names = serializers.ListField(child=serializers.CharField(), help_text="the first five")


class ProjectSummary(serializers.Serializer):
    status_counts = serializers.DictField(child=serializers.IntegerField())
    spend = Spend(many=True)
    anomaly_scores = serializers.ListField(child=serializers.FloatField())
    top_anomalies = NamedAnomaly(many=True)
    failed_checks = FailedCheck(
        many=True,
        help_text="the checks failing on most documents still waiting for a reviewer (processed), "
        "errors first; at most 15",
    )


class ExportedDocument(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    status = serializers.CharField()
    approved_by = serializers.CharField(allow_null=True, help_text="who approved the values, if anyone")
    approved_at = serializers.DateTimeField(
        allow_null=True,
        help_text="when (ISO 8601); the largest is where `approved_after` of the next run starts",
    )
    first_approved_by = serializers.CharField(
        allow_null=True,
        help_text="who gave the first of two approvals the project asked for "
        "(review.second_approval_from_total)",
    )
    fields = serializers.DictField(child=serializers.CharField(allow_null=True))
    line_items = serializers.ListField(child=serializers.DictField())
    corrected_fields = serializers.DictField(child=serializers.CharField(allow_null=True))
    result = serializers.DictField(allow_null=True)
    error = ErrorInfo(allow_null=True)


# `?format=json|csv|xlsx` of the export endpoints: one response per file type
EXPORT_RESPONSES = {
    (200, "application/json"): ExportedDocument(many=True),
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
}


class Health(serializers.Serializer):
    healthy = serializers.BooleanField()
    status = serializers.ChoiceField(choices=["healthy", "degraded", "unhealthy"])
    unhealthy = serializers.ListField(child=serializers.CharField())
    degraded = serializers.ListField(
        child=serializers.CharField(), help_text="checks that pass but say work waits (no live worker)"
    )
    checks = serializers.DictField(child=serializers.DictField())


class WebhookOut(serializers.Serializer):
    """A webhook endpoint; its secret is shown once, in the answer that creates it (`WebhookCreated`)."""

    id = serializers.IntegerField()
    url = serializers.CharField()
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices), help_text="the events it receives"
    )
    active = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class WebhookCreated(WebhookOut):
    secret = serializers.CharField(
        help_text="HMAC-SHA256 key of the `X-OCR-Signature` header; shown only in this answer, keep it now"
    )


class WebhookDeliveryOut(serializers.Serializer):
    id = serializers.UUIDField(help_text="also the `X-OCR-Delivery` header of each attempt")
    event = serializers.ChoiceField(choices=WebhookEvent.choices)
    status = serializers.ChoiceField(choices=DeliveryStatus.choices)
    attempts = serializers.IntegerField()
    last_error = serializers.CharField(help_text="why the last attempt failed; empty after a success")
    response_status = serializers.IntegerField(allow_null=True, help_text="HTTP status of the last answer")
    payload = serializers.DictField(help_text="the JSON body sent")
    created_at = serializers.DateTimeField()
    last_attempt_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
