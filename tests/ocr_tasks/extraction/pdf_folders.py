"""Held-out invoices kept as committed PDFs: a folder of `<case>.pdf` files beside one `expectations.json`
(`office_invoices/`, exported by LibreOffice; `latex_invoices/`, typeset by TeX), read by
`test_held_out_office.py`, the LaTeX round's test and `bench/held_out_pdfs.py`.

`expectations.json` maps each case name to {"fields": {field: value or a list of acceptable values, null: the
page prints none}, "items": the line items' amounts in order, optionally "items_or": another acceptable
reading, and anything else the folder notes about the case (its source, its batch)}. Keys starting with `_`
are notes, except `_today`: the ISO day the pages are read on (every printed date lies before it; default:
the day of the run). Fields are compared as the HTML round compares them (`html_pages.matches`).

Nothing here knows an invoice: the pages and what a reader writes down live in the data folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.ocr_tasks.extraction.html_pages import ExpectedInvoice, expected_invoice, matches

__all__ = ["PdfCase", "matches", "pdf_cases"]


@dataclass(frozen=True)
class PdfCase(ExpectedInvoice):
    """One committed PDF: what a reader writes down, the file, the day it is read on, and the folder's other
    notes on it."""

    pdf: Path
    today: date
    notes: dict[str, object]


def pdf_cases(folder: Path) -> dict[str, PdfCase]:
    """The cases of `folder/expectations.json`, each with its `folder/<name>.pdf`, by name."""
    data = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    today = date.fromisoformat(data["_today"]) if "_today" in data else date.today()
    return {
        name: PdfCase(
            **expected_invoice(name, entry),
            pdf=folder / f"{name}.pdf",
            today=today,
            notes={k: v for k, v in entry.items() if k not in {"fields", "items", "items_or"}},
        )
        for name, entry in data.items()
        if not name.startswith("_")
    }
