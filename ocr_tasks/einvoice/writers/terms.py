"""The EN 16931 business-term table (`business_terms.json`): names, which terms are mandatory, the
defaults an export may imply, and the typed errors that name missing terms."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ocr_tasks.errors import OcrPipelineError

TABLE_FILE = Path(__file__).with_name("business_terms.json")


@cache
def table() -> dict[str, Any]:
    return json.loads(TABLE_FILE.read_text(encoding="utf-8"))


@cache
def term_names() -> dict[str, str]:
    """BT-/BG- id -> its EN 16931 name."""
    data = table()
    return {entry["id"]: entry["name"] for entry in (*data["terms"], *data["groups"])}


def mandatory_terms() -> tuple[str, ...]:
    data = table()
    return tuple(e["id"] for e in (*data["terms"], *data["groups"]) if e.get("mandatory"))


@dataclass(frozen=True, slots=True)
class MissingTerm:
    """A business term an export needs and the document does not give: `term` (BT-1), its `name`,
    `where` (None: the document; "line 2", "VAT breakdown 1", "allowance 1") and, for a term required
    by a business rule rather than by its cardinality, the `rule` (BR-CO-26) and the terms that would
    do instead."""

    term: str
    name: str
    where: str | None = None
    rule: str | None = None
    alternatives: tuple[dict[str, str], ...] = ()  # terms that would do instead ({"term", "name"})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"term": self.term, "name": self.name}
        if self.where:
            out["where"] = self.where
        if self.rule:
            out["rule"] = self.rule
        if self.alternatives:
            out["or"] = list(self.alternatives)
        return out


def missing(
    term: str, *, where: str | None = None, rule: str | None = None, alternatives: tuple[str, ...] = ()
) -> MissingTerm:
    names = term_names()
    return MissingTerm(
        term=term,
        name=names[term],
        where=where,
        rule=rule,
        alternatives=tuple({"term": t, "name": names[t]} for t in alternatives),
    )


def _said(term: MissingTerm) -> str:
    text = f"{term.term} {term.name}"
    if term.alternatives:
        text += "".join(f" or {t['term']} {t['name']}" for t in term.alternatives)
    return text + (f" ({term.where})" if term.where else "") + (f" [{term.rule}]" if term.rule else "")


class EInvoiceIncomplete(OcrPipelineError):
    """The document lacks business terms EN 16931 requires: `detail.missing` lists each (term, name,
    where). No file is produced."""

    code = "einvoice_incomplete"
    http_status = 422

    def __init__(self, terms: list[MissingTerm], *, syntax: str) -> None:
        listed = ", ".join(_said(t) for t in terms)
        super().__init__(
            f"Cannot export as {syntax}: missing {listed}.",
            detail={"syntax": syntax, "missing": [t.to_dict() for t in terms]},
        )
        self.terms = terms


class EInvoiceExportInvalid(OcrPipelineError):
    """The document has every mandatory term but the XML built from it breaks EN 16931 rules (e.g.
    BR-CO-10: the lines do not add up to the sum of line net amounts), or cannot be written as its type
    says (a credit note mixing positive and negative totals, rule `credit-note-signs`): `detail.errors`
    lists the failed rules. No file is produced."""

    code = "einvoice_export_invalid"
    http_status = 422

    def __init__(self, errors: list[dict[str, Any]], *, syntax: str, message: str | None = None) -> None:
        rules = ", ".join(dict.fromkeys(e["rule"] for e in errors))
        super().__init__(
            message or f"The {syntax} built from this document breaks EN 16931 rules: {rules}.",
            detail={"syntax": syntax, "errors": errors},
        )
        self.errors = errors
