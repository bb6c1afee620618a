"""An in-memory stand-in for `dashboard.api_client.ApiClient` that records every call."""

from __future__ import annotations

import copy
import io
from typing import Any

from PIL import Image

from dashboard.api_client import ApiError, ApiUnavailable, NotAuthenticated, NotFound


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


def document_detail(doc_id: int = 11, name: str = "receipt.jpg") -> dict[str, Any]:
    return {
        "id": doc_id,
        "name": name,
        "media_type": "image/jpeg",
        "size": 1000,
        "sha256": "ab" * 32,
        "created_at": "2026-11-28T10:00:00Z",
        "task_id": "t-1",
        "status": "processed",
        "vendor_name": "ACME SDN BHD",
        "invoice_date": "2018-12-25",
        "total": "9.00",
        "currency": "MYR",
        "validation_errors": 1,
        "anomaly_count": 1,
        "max_anomaly_score": 0.8,
        "min_confidence": 0.4,
        "needs_review": True,
        "result_version": 1,
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
        "error": None,
    }


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
                "created_at": "2026-11-28",
                "document_count": 2,
                "task_count": 1,
            }
        ]
        self.tasks: list[dict[str, Any]] = [
            {
                "task_id": "t-1",
                "status": "running",
                "current_step": "ocr",
                "created_at": "2026-11-28T10:00:00Z",
                "finished_at": None,
                "document_count": 2,
                "progress": {
                    "documents_done": 1,
                    "documents_total": 2,
                    "pages_done": 1,
                    "pages_total": 2,
                    "percent": 50.0,
                },
            }
        ]
        detail = document_detail()
        self.documents = {
            11: detail,
            12: {
                **document_detail(12, "clean.pdf"),
                "validation_errors": 0,
                "anomaly_count": 0,
                "max_anomaly_score": 0.0,
                "min_confidence": 0.95,
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
        }

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
            "checks": {"tesseract": {"ok": True, "version": "5.3.0"}, "database": {"ok": True}},
        }

    def list_projects(self) -> list[dict[str, Any]]:
        self._record("list_projects")
        return copy.deepcopy(self.projects)

    def create_project(self, name: str) -> dict[str, Any]:
        self._record("create_project", name)
        project = {
            "id": len(self.projects) + 1,
            "name": name,
            "role": "owner",
            "created_at": "now",
            "document_count": 0,
            "task_count": 0,
        }
        self.projects.append(project)
        return project

    def project_summary(self, project_id: int) -> dict[str, Any]:
        self._record("project_summary", project_id)
        return copy.deepcopy(self.summary)

    def export_project(self, project_id: int, fmt: str) -> bytes:
        self._record("export_project", project_id, fmt)
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
        self.tasks.insert(
            0,
            {
                "task_id": "t-2",
                "status": "queued",
                "current_step": "ingest",
                "created_at": "now",
                "finished_at": None,
                "document_count": len(good),
                "progress": {
                    "documents_done": 0,
                    "documents_total": len(good),
                    "pages_done": 0,
                    "pages_total": len(good),
                    "percent": 0.0,
                },
            },
        )
        return {
            "task_id": "t-2",
            "status_url": "/api/projects/1/ocr-status/t-2/",
            "documents": [{"id": 100 + i, "name": f.name} for i, f in enumerate(good)],
            "rejected": rejected,
        }

    def list_tasks(self, project_id: int) -> list[dict[str, Any]]:
        self._record("list_tasks", project_id)
        return copy.deepcopy(self.tasks)

    def cancel_task(self, project_id: int, task_id: str) -> dict[str, Any]:
        self._record("cancel_task", project_id, task_id)
        return {"task_id": task_id, "status": "cancelling"}

    def list_documents(self, project_id: int, **filters: Any) -> list[dict[str, Any]]:
        self._record("list_documents", project_id, **filters)
        keys = (
            "id",
            "name",
            "status",
            "vendor_name",
            "invoice_date",
            "total",
            "currency",
            "validation_errors",
            "anomaly_count",
            "max_anomaly_score",
            "min_confidence",
            "needs_review",
            "pages",
        )
        return [{k: d[k] for k in keys if k in d} for d in self.documents.values()]

    def document(self, project_id: int, document_id: int) -> dict[str, Any]:
        self._record("document", project_id, document_id)
        if document_id not in self.documents:
            raise NotFound(message="No such document.", code="not_found", status=404)
        return copy.deepcopy(self.documents[document_id])

    def page_image(self, project_id: int, document_id: int, index: int) -> bytes:
        self._record("page_image", project_id, document_id, index)
        return png_bytes()

    def update_fields(self, project_id: int, document_id: int, body: dict[str, Any]) -> dict[str, Any]:
        self._record("update_fields", project_id, document_id, body)
        doc = self.documents[document_id]
        if body.get("result_version") not in (None, doc.get("result_version")):
            raise ApiError(message="The document changed.", code="stale_version", status=409)
        for name, value in body.get("fields", {}).items():
            doc["fields"][name] = {**doc["fields"].get(name, {}), "value": value, "corrected": True}
        if "line_items" in body:
            doc["line_items"] = body["line_items"]
        doc["result_version"] = doc.get("result_version", 0) + 1
        return copy.deepcopy(doc)

    def approve(self, project_id: int, document_id: int, **options: Any) -> dict[str, Any]:
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
        doc["status"] = "approved"
        doc["result_version"] = doc.get("result_version", 0) + 1
        return copy.deepcopy(doc)


DOWN = ApiUnavailable(
    message="The API at http://127.0.0.1:9 cannot be reached (ConnectionError).", code="api_unavailable"
)
EXPIRED = NotAuthenticated(message="Invalid token.", code="not_authenticated", status=401)
