"""Types of the checking stages and the full per-document result: validation outcomes, anomalies,
errors, and `DocumentResult` which travels from the flow to storage and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument, SourceDocument

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True, slots=True)
class ExpectationOutcome:
    expectation: str  # GX expectation type, e.g. "expect_column_values_to_not_be_null"
    description: str  # a human sentence: "The total is present."
    success: bool
    severity: str = ERROR  # error | warning
    fields: tuple[str, ...] = ()
    observed_value: Any = None
    unexpected_values: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "expectation": self.expectation,
            "description": self.description,
            "success": self.success,
            "severity": self.severity,
            "fields": list(self.fields),
            "observed_value": self.observed_value,
            "unexpected_values": list(self.unexpected_values),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExpectationOutcome:
        return cls(
            expectation=data["expectation"],
            description=data["description"],
            success=bool(data["success"]),
            severity=data.get("severity", ERROR),
            fields=tuple(data.get("fields", ())),
            observed_value=data.get("observed_value"),
            unexpected_values=tuple(data.get("unexpected_values", ())),
        )


@dataclass(frozen=True, slots=True)
class ValidationReport:
    document_id: str
    suite: str
    outcomes: tuple[ExpectationOutcome, ...] = ()

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes if o.severity == ERROR)

    @property
    def failed(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.success)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "suite": self.suite,
            "success": self.success,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ValidationReport:
        return cls(
            document_id=data["document_id"],
            suite=data["suite"],
            outcomes=tuple(ExpectationOutcome.from_dict(o) for o in data.get("outcomes", ())),
        )


@dataclass(frozen=True, slots=True)
class Anomaly:
    document_id: str
    kind: str  # exact_duplicate | duplicate_invoice | fuzzy_duplicate | arithmetic_mismatch | ... | outlier
    severity: str  # error | warning | info
    score: float  # 0-1, higher is more anomalous
    explanation: str  # a sentence naming the evidence
    evidence: Mapping[str, Any] = field(default_factory=dict)
    related_document_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "kind": self.kind,
            "severity": self.severity,
            "score": round(self.score, 4),
            "explanation": self.explanation,
            "evidence": dict(self.evidence),
            "related_document_ids": list(self.related_document_ids),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anomaly:
        return cls(
            document_id=data["document_id"],
            kind=data["kind"],
            severity=data["severity"],
            score=float(data["score"]),
            explanation=data["explanation"],
            evidence=dict(data.get("evidence", {})),
            related_document_ids=tuple(data.get("related_document_ids", ())),
        )


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str
    message: str
    step: str = ""
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "step": self.step, "page": self.page}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorInfo:
        return cls(
            code=data["code"], message=data["message"], step=data.get("step", ""), page=data.get("page")
        )


@dataclass(frozen=True, slots=True)
class DocumentResult:
    source: SourceDocument
    ocr: OcrDocument | None = None
    invoice: Invoice | None = None
    validation: tuple[ValidationReport, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    errors: tuple[ErrorInfo, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "ocr": self.ocr.to_dict() if self.ocr else None,
            "invoice": self.invoice.to_dict() if self.invoice else None,
            "validation": [v.to_dict() for v in self.validation],
            "anomalies": [a.to_dict() for a in self.anomalies],
            "errors": [e.to_dict() for e in self.errors],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentResult:
        return cls(
            source=SourceDocument.from_dict(data["source"]),
            ocr=OcrDocument.from_dict(data["ocr"]) if data.get("ocr") else None,
            invoice=Invoice.from_dict(data["invoice"]) if data.get("invoice") else None,
            validation=tuple(ValidationReport.from_dict(v) for v in data.get("validation", ())),
            anomalies=tuple(Anomaly.from_dict(a) for a in data.get("anomalies", ())),
            errors=tuple(ErrorInfo.from_dict(e) for e in data.get("errors", ())),
            timings=dict(data.get("timings", {})),
        )
