"""An in-memory stand-in for `dashboard.api_client.ApiClient` that records every call.

Its answers are the API's shapes: `tests/dashboard/test_fakes_match_schema.py` validates every body it
returns against the OpenAPI schema of the API (ids are UUID strings, times RFC 3339, no key the API does
not send, none missing). Change the API's shape and that test names what to change here."""

from __future__ import annotations

import copy
import io
from typing import Any

from PIL import Image

from dashboard.api_client import ApiError, ApiUnavailable, NotAuthenticated, NotFound

DOC_A = "0a1b2c3d-0000-4000-8000-000000000011"  # receipt.jpg: needs review
DOC_B = "0a1b2c3d-0000-4000-8000-000000000012"  # clean.pdf: looks fine
TASK_1 = "7a5c0000-0000-4000-8000-000000000001"
TASK_2 = "7a5c0000-0000-4000-8000-000000000002"
CREATED = "2026-11-28T10:00:00Z"
NOW = "2026-11-29T09:30:00Z"

# `GET /api/fields/` (django_api/invoices/api/invoice_fields.py; the schema test compares the two)
INVOICE_FIELDS: list[dict[str, str]] = [
    {"name": "document_type", "kind": "code", "label": "Document type"},
    {"name": "vendor_name", "kind": "text", "label": "Vendor name"},
    {"name": "vendor_address", "kind": "text", "label": "Vendor address"},
    {"name": "vendor_tax_id", "kind": "code", "label": "Vendor tax ID"},
    {"name": "customer_name", "kind": "text", "label": "Customer name"},
    {"name": "customer_address", "kind": "text", "label": "Customer address"},
    {"name": "invoice_number", "kind": "code", "label": "Invoice number"},
    {"name": "invoice_date", "kind": "date", "label": "Invoice date"},
    {"name": "due_date", "kind": "date", "label": "Due date"},
    {"name": "delivery_date", "kind": "date", "label": "Delivery date"},
    {"name": "po_number", "kind": "code", "label": "PO number"},
    {"name": "currency", "kind": "code", "label": "Currency"},
    {"name": "subtotal", "kind": "amount", "label": "Subtotal"},
    {"name": "tax_amount", "kind": "amount", "label": "Tax amount"},
    {"name": "tax_rate", "kind": "percent", "label": "Tax rate (%)"},
    {"name": "total", "kind": "amount", "label": "Total"},
    {"name": "amount_due", "kind": "amount", "label": "Amount due"},
    {"name": "payment_terms", "kind": "text", "label": "Payment terms"},
    {"name": "iban", "kind": "code", "label": "IBAN"},
]
# `GET /api/projects/{id}/settings/` of a project that sets nothing (expectations/project_settings.py;
# the schema test compares the two)
DEFAULT_SETTINGS: dict[str, Any] = {
    "ocr_engine": None,
    "ocr": {
        "dpi": 300,
        "psm": 3,
        "detect_orientation": True,
        "deskew": True,
        "erase_rules": True,
        "scan_text_layer": "ocr",
        "workers": None,
    },
    "extraction": {
        "day_first": None,
        "country": None,
        "decimal_separator": None,
        "languages": [
            "en",
            "de",
            "fr",
            "nl",
            "es",
            "it",
            "pl",
            "pt",
            "sv",
            "da",
            "nb",
            "fi",
            "cs",
            "sk",
            "hu",
            "ro",
            "ms",
        ],
        "scorer": "hand",
        "min_confidence": 0.01,
        "line_items": True,
        "calibrate": True,
        "reread": True,
        "enhanced": True,
        "second_opinion": True,
        "second_opinion_below": 0.8,
    },
    "validation": {"confidence_threshold": 0.6, "max_age_years": 10, "tolerance": 0.01},
    "anomaly": {
        "approval_threshold": 10000.0,
        "near_threshold_fraction": 0.05,
        "split_window_days": 7,
        "split_min_part_fraction": 0.25,
        "duplicate_window_days": 30,
        "round_amount_unit": 100.0,
        "round_amount_min": 500.0,
        "amount_tolerance": 0.01,
        "new_vendor_min_history": 20,
        "min_history": 100,
        "min_vendor_history": 5,
        "z_threshold": 3.5,
        "min_amount_ratio": 3.0,
        "contamination": 0.02,
        "n_estimators": 200,
        "random_state": 42,
    },
    "review": {"confidence": 0.9, "second_approval_from_total": None},
    "custom_expectations": [],
}
# the keys of a row of `GET .../documents/` (a detail has these and more; its `pages` is the page list)
ROW_KEYS = (
    "id",
    "name",
    "media_type",
    "pages",
    "size",
    "sha256",
    "created_at",
    "task_id",
    "status",
    "document_type",
    "vendor_name",
    "invoice_date",
    "total",
    "currency",
    "validation_errors",
    "failed_checks",
    "einvoice_rule_findings",
    "anomaly_count",
    "max_anomaly_score",
    "min_confidence",
    "key_confidence",
    "needs_review",
    "duplicate_of",
)
# current values shown in a row
ROW_VALUES = ("document_type", "vendor_name", "invoice_date", "total", "currency")
TEST_ONLY = ("failing_error_checks",)  # set by tests on a document, never part of an answer


def png_bytes(width: int = 200, height: int = 300) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _field(value: Any, confidence: float, bbox: list[float] | None = None, page: int = 0) -> dict[str, Any]:
    return {
        "value": value,
        "raw_text": str(value),
        "confidence": confidence,
        "page": page,
        "bbox": bbox,
        "corrected": False,
        "original_value": value,
    }


def document_detail(doc_id: str = DOC_A, name: str = "receipt.jpg") -> dict[str, Any]:
    return {
        "id": doc_id,
        "name": name,
        "media_type": "image/jpeg",
        "size": 1000,
        "sha256": "ab" * 32,
        "created_at": CREATED,
        "task_id": TASK_1,
        "status": "processed",
        "document_type": "receipt",
        "vendor_name": "ACME SDN BHD",
        "invoice_date": "2018-12-25",
        "total": "9.00",
        "currency": "MYR",
        "validation_errors": 1,
        "failed_checks": 1,
        "einvoice_rule_findings": 0,
        "anomaly_count": 1,
        "max_anomaly_score": 0.8,
        "min_confidence": 0.4,
        "key_confidence": 0.62,  # the total's; the subtotal (0.4) is no key field
        "needs_review": True,
        "duplicate_of": None,
        "result_version": 1,
        "preceding_invoices": [],
        "fields": {
            "vendor_name": _field("ACME SDN BHD", 0.91, [0.1, 0.05, 0.9, 0.1]),
            "invoice_date": _field("2018-12-25", 0.85, [0.1, 0.2, 0.4, 0.25]),
            "subtotal": _field("8.49", 0.4, None),
            "total": _field("9.00", 0.62, [0.5, 0.8, 0.9, 0.85]),
        },
        "line_items": [{"description": "Coffee", "quantity": "1", "unit_price": "9.00", "amount": "9.00"}],
        "validation": [
            {
                "document_id": str(doc_id),
                "suite": "invoice",
                "success": False,
                "outcomes": [
                    {
                        "expectation": "expect_column_values_to_not_be_null",
                        "description": "The total is present",
                        "success": True,
                        "severity": "error",
                        "fields": ["total"],
                        "observed_value": None,
                        "unexpected_values": [],
                    },
                    {
                        "expectation": "expect_subtotal_plus_tax_to_equal_total",
                        "description": "The subtotal plus tax equals the total",
                        "success": False,
                        "severity": "error",
                        "fields": ["subtotal", "total"],
                        "observed_value": "8.49 + 0.00 != 9.00",
                        "unexpected_values": [],
                    },
                ],
            }
        ],
        "anomalies": [
            {
                "document_id": str(doc_id),
                "kind": "arithmetic_mismatch",
                "severity": "warning",
                "score": 0.8,
                "explanation": "Subtotal and tax do not add up to the total.",
                "evidence": {},
                "related_document_ids": [],
            }
        ],
        "pages": [
            {
                "index": 0,
                "width": 200,
                "height": 300,
                "image_url": f"/api/projects/1/documents/{doc_id}/pages/0/image/",
            }
        ],
        "corrections": [],
        "approved_by": None,
        "approved_at": None,
        "approval_override_reason": None,
        "approvals_required": 1,  # 2: the project asks a second reviewer (review.second_approval_from_total)
        "first_approval": None,
        "rejection": None,
        "origin": None,  # uploaded as it is, not attached to an e-mail
        "engine_versions": {"tesseract": "5.3.0"},
        "source": None,
        "language": "en",
        "einvoice": None,
        "payment_code": None,
        "error": None,
    }


def document_row(detail: dict[str, Any]) -> dict[str, Any]:
    """The list row of a document detail, as `GET .../documents/` sends it."""
    return {**{k: detail[k] for k in ROW_KEYS}, "pages": len(detail["pages"])}


def task_item(
    task_id: str, status: str, step: str, done: int, total: int, created: str, names: list[str] | None = None
) -> dict[str, Any]:
    """A row of `GET .../tasks/`: one page per document; `names` the files (the API sends the first five)."""
    return {
        "task_id": task_id,
        "status": status,
        "current_step": step,
        "error": None,
        "created_at": created,
        "finished_at": None,
        "document_count": total,
        "document_names": list(names or [])[:5],
        "progress": {
            "documents_done": done,
            "documents_extracted": done,
            "documents_total": total,
            "pages_done": done,
            "pages_total": total,
            "percent": round(100.0 * done / total, 1) if total else 0.0,
        },
    }


def _same_kind(value: Any, default: Any) -> bool:
    """`value` may stand where `default` does: a number for a float, never a boolean for a number."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


class FakeApi:
    """Answers like the API from canned data and records every call; `fail_with`/`fail_on` make it raise."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []
        self.token: str | None = None
        self.fail_with: ApiError | None = None  # every call raises it
        self.fail_on: dict[str, ApiError] = {}  # only the named calls raise
        self.valid_password = "secret"
        self.projects = [
            {
                "id": 1,
                "name": "Receipts 2018",
                "role": "owner",
                "created_at": "2026-11-28T09:00:00Z",
                "document_count": 2,
                "task_count": 1,
            }
        ]
        self.tasks: list[dict[str, Any]] = [
            task_item(TASK_1, "running", "ocr", 1, 2, CREATED, ["X51005200938.jpg", "acme-0042.pdf"])
        ]
        self.settings: dict[
            int, dict[str, Any]
        ] = {}  # project id -> its settings (default: DEFAULT_SETTINGS)
        self.reextract_changes: dict[str, str] = {}  # what a reading again finds (`reextract`)
        self.reextract_references: list[dict[str, Any]] = []
        self.reextract_not_found: list[str] = []  # fields a reading again did not find (kept as read before)
        detail = document_detail()
        self.documents: dict[str, dict[str, Any]] = {
            DOC_A: detail,
            DOC_B: {
                **document_detail(DOC_B, "clean.pdf"),
                "validation_errors": 0,
                "failed_checks": 0,
                "anomaly_count": 0,
                "max_anomaly_score": 0.0,
                "min_confidence": 0.95,
                "key_confidence": 0.95,
                "needs_review": False,
            },
        }
        self.summary = {
            "status_counts": {"processed": 2, "failed": 1},
            "spend": [
                {"vendor": "ACME", "month": "2018-12", "currency": "MYR", "total": "9.00"},
                {"vendor": "BOOK TA.K", "month": "2019-01", "currency": "MYR", "total": "4.50"},
            ],
            "anomaly_scores": [0.1, 0.8],
            "top_anomalies": [{**detail["anomalies"][0], "document_name": "receipt.jpg"}],
            "failed_checks": [
                {
                    "suite": "invoice_fields",
                    "check": "Subtotal plus tax equals the total (within 0.01 plus rounding).",
                    "severity": "error",
                    "documents": 1,
                    "document_names": ["receipt.jpg"],
                }
            ],
        }

        self.vendors: list[dict[str, Any]] = [vendor_memory()]
        self.members: list[dict[str, Any]] = [
            {"username": "demo", "role": "owner", "added_at": CREATED},
            {"username": "vera", "role": "viewer", "added_at": NOW},
        ]
        self.known_users = {"demo", "vera", "rita"}  # accounts an administrator made
        self.templates: list[dict[str, Any]] = []

    def _record(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.calls.append((name, args, kwargs))
        if self.fail_with is not None:
            raise self.fail_with
        if name in self.fail_on:
            raise self.fail_on[name]

    def calls_named(self, name: str) -> list[tuple[tuple, dict]]:
        return [(args, kwargs) for call, args, kwargs in self.calls if call == name]

    def sign_in(self, username: str, password: str) -> str:
        self._record("sign_in", username, password)
        if password != self.valid_password:
            raise ApiError(
                message="Unable to log in with provided credentials.", code="invalid_credentials", status=400
            )
        self.token = f"token-of-{username}"
        return self.token

    def me(self) -> dict[str, Any]:
        self._record("me")
        return {"id": 1, "username": "demo"}

    def health(self) -> dict[str, Any]:
        self._record("health")
        return {
            "healthy": True,
            "status": "healthy",
            "unhealthy": [],
            "degraded": [],
            "checks": {"tesseract": {"ok": True, "version": "5.3.0"}, "database": {"ok": True}},
        }

    def fields(self) -> list[dict[str, Any]]:
        self._record("fields")
        return copy.deepcopy(INVOICE_FIELDS)

    def list_projects(self) -> list[dict[str, Any]]:
        self._record("list_projects")
        return copy.deepcopy(self.projects)

    def create_project(self, name: str) -> dict[str, Any]:
        self._record("create_project", name)
        project = {
            "id": len(self.projects) + 1,
            "name": name,
            "role": "owner",
            "created_at": NOW,
            "document_count": 0,
            "task_count": 0,
        }
        self.projects.append(project)
        return project

    def project_summary(self, project_id: int) -> dict[str, Any]:
        self._record("project_summary", project_id)
        return copy.deepcopy(self.summary)

    def project_settings(self, project_id: int) -> dict[str, Any]:
        self._record("project_settings", project_id)
        return copy.deepcopy(self.settings.setdefault(project_id, copy.deepcopy(DEFAULT_SETTINGS)))

    def update_project_settings(self, project_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """A JSON merge patch like the API's: unknown keys and values of another type than the
        default's are refused with 400 `validation_error` naming them, and nothing changes."""
        self._record("update_project_settings", project_id, copy.deepcopy(body))
        current = copy.deepcopy(self.settings.setdefault(project_id, copy.deepcopy(DEFAULT_SETTINGS)))
        problems: dict[str, str] = {}
        for key, value in body.items():
            default = DEFAULT_SETTINGS.get(key, KeyError)
            if default is KeyError:
                problems[key] = "unknown setting"
            elif value is None:
                current[key] = copy.deepcopy(default)
            elif isinstance(default, dict):
                for name, item in value.items():
                    if name not in default:
                        problems[f"{key}.{name}"] = "unknown setting"
                    elif item is None or default[name] is None or _same_kind(item, default[name]):
                        current[key][name] = default[name] if item is None else item
                    else:
                        problems[f"{key}.{name}"] = f"expected {type(default[name]).__name__}, got {item!r}"
            else:
                current[key] = value
        if problems:
            listed = "; ".join(f"{name}: {why}" for name, why in problems.items())
            raise ApiError(
                message=f"invalid project settings: {listed}",
                code="validation_error",
                status=400,
                detail={"settings": problems},
            )
        self.settings[project_id] = current
        return copy.deepcopy(current)

    def export_project(self, project_id: int, fmt: str, **options: Any) -> bytes:
        self._record("export_project", project_id, fmt, **options)
        if fmt in ("ubl", "cii"):  # one XML per exportable document, the others in missing.json
            import io
            import json
            import zipfile

            missing = [
                {
                    "document_id": "00000000-0000-4000-8000-000000000002",
                    "name": "scan.png",
                    "status": "failed",
                    "code": "einvoice_incomplete",
                    "message": "Cannot export as UBL 2.1: missing BT-1 Invoice number.",
                    "detail": {},
                }
            ]
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr(f"receipt-{fmt}.xml", "<Invoice/>")
                archive.writestr("missing.json", json.dumps(missing))
            return buffer.getvalue()
        return b"name,total\nreceipt.jpg,9.00\n"

    def upload(self, project_id: int, files: list) -> dict[str, Any]:
        files = list(files)
        self._record("upload", project_id, files)
        good = [f for f in files if f.data]
        rejected = [
            {"name": f.name, "code": "empty_file", "message": "The file is empty."}
            for f in files
            if not f.data
        ]
        if not good:
            raise ApiError(
                message="The file is empty.", code="empty_file", status=422, detail={"rejected": rejected}
            )
        self.tasks.insert(0, task_item(TASK_2, "queued", "ingest", 0, len(good), NOW, [f.name for f in good]))
        return {
            "task_id": TASK_2,
            "status_url": f"/api/projects/{project_id}/ocr-status/{TASK_2}/",
            "documents": [
                {"id": f"0a1b2c3d-0000-4000-8000-{100 + i:012d}", "name": f.name} for i, f in enumerate(good)
            ],
            "rejected": rejected,
        }

    def list_tasks(self, project_id: int) -> list[dict[str, Any]]:
        self._record("list_tasks", project_id)
        return copy.deepcopy(self.tasks)

    def task_status(self, project_id: int, task_id: str) -> dict[str, Any]:
        self._record("task_status", project_id, task_id)
        task = next((t for t in self.tasks if t["task_id"] == task_id), None)
        if task is None:
            raise NotFound(message="Task not found.", code="not_found", status=404)
        status = {k: v for k, v in task.items() if k not in ("document_count", "document_names")}
        return copy.deepcopy({"error": None, **status, "started_at": task["created_at"]})

    def cancel_task(self, project_id: int, task_id: str) -> dict[str, Any]:
        self._record("cancel_task", project_id, task_id)
        return {"task_id": task_id, "status": "cancelling"}

    def list_documents(self, project_id: int, **filters: Any) -> list[dict[str, Any]]:
        self._record("list_documents", project_id, **filters)
        words = str(filters.get("q") or "").casefold().split()

        def found(doc: dict[str, Any]) -> bool:  # the API's `q`: file name, vendor, invoice number
            number = ((doc.get("fields") or {}).get("invoice_number") or {}).get("value")
            text = " ".join(str(v) for v in (doc.get("name"), doc.get("vendor_name"), number) if v).casefold()
            return all(word in text for word in words)

        return [document_row(d) for d in self.documents.values() if found(d)]

    def _answer(self, document_id: str) -> dict[str, Any]:
        """The document as the API sends it (without what tests keep on it)."""
        return copy.deepcopy({k: v for k, v in self.documents[document_id].items() if k not in TEST_ONLY})

    def document(self, project_id: int, document_id: str) -> dict[str, Any]:
        self._record("document", project_id, document_id)
        if document_id not in self.documents:
            raise NotFound(message="No such document.", code="not_found", status=404)
        return self._answer(document_id)

    def page_image(self, project_id: int, document_id: str, index: int) -> bytes:
        self._record("page_image", project_id, document_id, index)
        return png_bytes()

    def update_fields(self, project_id: int, document_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._record("update_fields", project_id, document_id, body)
        doc = self.documents[document_id]
        if body.get("result_version") not in (None, doc.get("result_version")):
            raise ApiError(message="The document changed.", code="stale_version", status=409)
        for name, value in body.get("fields", {}).items():
            old = doc["fields"].get(name) or {
                "value": None,
                "raw_text": "",
                "confidence": 0.0,
                "page": 0,
                "bbox": None,
                "corrected": False,
                "original_value": None,
            }
            doc["corrections"].append(
                {
                    "field": name,
                    "old_value": old["value"],
                    "new_value": value,
                    "user": "demo",
                    "created_at": NOW,
                }
            )
            doc["fields"][name] = {**old, "value": value, "corrected": True}
            if name in ROW_VALUES:
                doc[name] = value
        if "line_items" in body:
            doc["line_items"] = body["line_items"]
        doc["first_approval"] = None  # it approved other values
        doc["result_version"] = doc.get("result_version", 0) + 1
        return self._answer(document_id)

    def approve(self, project_id: int, document_id: str, **options: Any) -> dict[str, Any]:
        self._record("approve", project_id, document_id, **options)
        doc = self.documents[document_id]
        if options.get("result_version") not in (None, doc.get("result_version")):
            raise ApiError(message="The document changed.", code="stale_version", status=409)
        failed = doc.get("failing_error_checks") or []
        if failed and not (options.get("force") and options.get("reason")):
            doc["result_version"] = doc.get("result_version", 0) + 1  # the approval re-checked it
            raise ApiError(
                message="Checks fail.", code="checks_failed", status=409, detail={"failed": failed}
            )
        first = doc.get("first_approval")
        if doc.get("approvals_required") == 2 and first and first.get("by") == "demo":
            raise ApiError(
                message="You gave this document its first approval; the project asks for a second reviewer.",
                code="second_approver_required",
                status=409,
            )
        if doc.get("approvals_required") == 2 and not first:
            doc["first_approval"] = {"by": "demo", "at": NOW}
            doc["result_version"] = doc.get("result_version", 0) + 1  # the approval re-checked it
            return self._answer(document_id)
        doc["status"] = "approved"
        doc["approved_by"], doc["approved_at"] = "demo", NOW
        doc["approval_override_reason"] = (options.get("reason") or None) if failed else None
        doc["rejection"] = None  # an approval takes a rejection back
        doc["result_version"] = doc.get("result_version", 0) + 1
        return self._answer(document_id)

    def reject(self, project_id: int, document_id: str, **options: Any) -> dict[str, Any]:
        self._record("reject", project_id, document_id, **options)
        doc = self.documents[document_id]
        if options.get("result_version") not in (None, doc.get("result_version")):
            raise ApiError(message="The document changed.", code="stale_version", status=409)
        doc["status"], doc["needs_review"] = "rejected", False
        doc["approved_by"] = doc["approved_at"] = doc["approval_override_reason"] = None
        doc["rejection"] = {"by": "demo", "at": NOW, "reason": options["reason"]}
        doc["first_approval"] = None
        doc["result_version"] = doc.get("result_version", 0) + 1
        return self._answer(document_id)

    def reextract(self, project_id: int, document_id: str, **options: Any) -> dict[str, Any]:
        """Reading again: the fake's `reextract_changes` (field -> new extracted value) apply where no
        reviewer corrected the field; a credit note gains `reextract_references`."""
        self._record("reextract", project_id, document_id, **options)
        doc = self.documents[document_id]
        if options.get("result_version") not in (None, doc.get("result_version")):
            raise ApiError(message="The document changed.", code="stale_version", status=409)
        if doc.get("status") == "approved":
            raise ApiError(message="The document is approved.", code="document_approved", status=409)
        kept = sorted(n for n, f in doc["fields"].items() if f.get("corrected"))
        for name, value in self.reextract_changes.items():
            if name not in kept:
                old = doc["fields"].get(name) or {
                    "raw_text": value,
                    "confidence": 1.0,
                    "page": 0,
                    "bbox": None,
                    "corrected": False,
                    "original_value": None,
                }
                doc["fields"][name] = {**old, "value": value}
        doc["preceding_invoices"] = list(self.reextract_references)
        doc["result_version"] = doc.get("result_version", 0) + 1
        return {
            "changed": sorted(self.reextract_changes),
            "corrections_kept": kept,
            "earlier_kept": list(self.reextract_not_found),
            "document": self._answer(document_id),
        }

    # -- vendor memory and templates --------------------------------------------------------------
    def _vendor(self, key: str) -> dict[str, Any]:
        for vendor in self.vendors:
            if vendor["key"] == key:
                return vendor
        raise NotFound(message="No vendor with this key.", code="not_found", status=404)

    def list_members(self, project_id: int) -> list[dict[str, Any]]:
        self._record("list_members", project_id)
        return copy.deepcopy(self.members)

    def set_member(self, project_id: int, username: str, role: str) -> dict[str, Any]:
        self._record("set_member", project_id, username, role)
        if username not in self.known_users:
            raise NotFound(message=f"No user is named {username!r}.", code="user_not_found", status=404)
        member = next((m for m in self.members if m["username"] == username), None)
        if member is None:
            member = {"username": username, "role": role, "added_at": NOW}
            self.members.append(member)
        member["role"] = role
        return dict(member)

    def remove_member(self, project_id: int, username: str) -> None:
        self._record("remove_member", project_id, username)
        self.members = [m for m in self.members if m["username"] != username]

    def list_vendors(self, project_id: int) -> list[dict[str, Any]]:
        self._record("list_vendors", project_id)
        return [dict(v) for v in self.vendors]

    def forget_vendor(self, project_id: int, key: str) -> None:
        self._record("forget_vendor", project_id, key)
        self.vendors.remove(self._vendor(key))

    def forget_vendor_field(self, project_id: int, key: str, field_name: str) -> None:
        self._record("forget_vendor_field", project_id, key, field_name)
        vendor = self._vendor(key)
        vendor["fields"] = [f for f in vendor["fields"] if f["field"] != field_name]
        if not vendor["fields"]:
            self.vendors.remove(vendor)

    def vendor_template(self, project_id: int, key: str) -> bytes:
        self._record("vendor_template", project_id, key)
        self._vendor(key)
        return (
            b"issuer: Nordwind\nkeywords: [DE136695976]\nfields:\n  invoice_number: Belegkennung\\s+(\\S+)\n"
        )

    def list_templates(self, project_id: int) -> list[dict[str, Any]]:
        self._record("list_templates", project_id)
        return [{k: v for k, v in t.items() if k != "source"} for t in self.templates]

    def upload_template(self, project_id: int, name: str, data: bytes) -> dict[str, Any]:
        self._record("upload_template", project_id, name, data)
        if b"!!python" in data:
            raise ApiError(message="bad: invalid YAML", code="invalid_template", status=400)
        if any(t["name"] == name for t in self.templates):
            raise ApiError(message="The name is taken.", code="template_exists", status=409)
        template = {
            "name": name,
            "size": len(data),
            "created_by": "demo",
            "created_at": NOW,
            "source": data.decode(),
        }
        self.templates.append(template)
        return dict(template)

    def delete_template(self, project_id: int, name: str) -> None:
        self._record("delete_template", project_id, name)
        self.templates = [t for t in self.templates if t["name"] != name]

    def rescore(self, project_id: int, *, reextract: bool = False) -> dict[str, Any]:
        self._record("rescore", project_id, reextract=reextract)
        return {"project_id": project_id, "reextract": reextract}


def vendor_memory() -> dict[str, Any]:
    """One learned vendor as `GET /api/projects/{id}/vendors/` lists it."""

    def lesson(field: str, label: str, confirmations: int, misses: int) -> dict[str, Any]:
        return {
            "field": field,
            "page": 0,
            "box": [0.57, 0.24, 0.72, 0.26],
            "label": label,
            "label_side": "left",
            "value_format": "AA-99999",
            "confirmations": confirmations,
            "misses": misses,
            "misses_in_row": 0,
            "taught_by": "demo",
            "taught_at": "2026-11-29T10:00:00+00:00",
        }

    return {
        "key": "vat:DE136695976",
        "name": "Nordwind Buerobedarf GmbH",
        "identifiers": ["vat:DE136695976", "iban:DE89370400440532013000", "name:nordwind buerobedarf"],
        "fields": [lesson("invoice_number", "belegkennung", 4, 1), lesson("po_number", "vorgang", 2, 0)],
        "created_at": "2026-11-29T10:00:00Z",
        "updated_at": "2026-11-29T11:00:00Z",
    }


DOWN = ApiUnavailable(
    message="The API at http://127.0.0.1:9 cannot be reached (ConnectionError).", code="api_unavailable"
)
EXPIRED = NotAuthenticated(message="Invalid token.", code="not_authenticated", status=401)
