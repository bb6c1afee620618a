"""Held-out invoices kept as committed PDFs: a folder of `<case>.pdf` files beside one `expectations.json`
(`office_invoices/` by LibreOffice, `latex_invoices/` by TeX, `library_invoices/` by reportlab and fpdf2,
`erp_invoices/` by line printers, `weasyprint_invoices/`, `plpt_invoices/`), read by the rounds' tests
(`FolderReadings`: one reading per case and way, the checks they share) and `bench/held_out_pdfs.py`.

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

__all__ = ["FolderReadings", "PdfCase", "item_amounts", "matches", "pdf_cases"]


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


def item_amounts(invoice) -> list[str]:
    """The line items' amounts of an extracted invoice, in order."""
    return [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]


class FolderReadings:
    """A folder's cases read as the held-out tests read them, once per case and reading: `text layer` (the
    committed PDF through the product's ingest) or `200 dpi` (the pages rasterised, no text layer, read by
    Tesseract), with the checks those tests make. `misses`: (case, field, why) the text layer still misses,
    marked strict xfail in `params`."""

    def __init__(self, cases: dict[str, PdfCase], misses: list[tuple[str, str, str]] = ()) -> None:
        self.cases = cases
        self.xfail = {(case, field): reason for case, field, reason in misses}
        self._read: dict[tuple[str, str], object] = {}

    def read(self, case: str, reading: str = "text layer", tmp_path_factory=None):
        """The extracted invoice of `case` in `reading` (`tmp_path_factory` for the rasterised page)."""
        from ocr_tasks.extraction import ExtractionOptions
        from tests.ocr_tasks.extraction.rendered_pages import rasterise, read_invoice

        key = (case, reading)
        if key not in self._read:
            path = self.cases[case].pdf
            if reading == "200 dpi":
                path = rasterise(path.read_bytes(), tmp_path_factory.mktemp("pages") / f"{case}-200.png")
            self._read[key] = read_invoice(path, ExtractionOptions(today=self.cases[case].today))[0]
        return self._read[key]

    def params(self, *, fields: bool) -> list:
        """pytest params (case, field) of every expected field, or (case, "line_items") per case."""
        import pytest

        out = []
        for case in sorted(self.cases):
            for name in list(self.cases[case].expected) if fields else ["line_items"]:
                reason = self.xfail.get((case, name))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                out.append(pytest.param(case, name, id=f"{case}-{name}", marks=marks))
        return out

    def assert_field(self, case: str, name: str, tmp_path_factory=None) -> None:
        field = self.read(case, "text layer", tmp_path_factory).fields.get(name)
        got = None if field is None else field.value
        expected = self.cases[case].expected[name]
        assert matches(name, got, expected), f"{case}.{name}: got {got!r}, expected {expected!r}"

    def assert_items(self, case: str, tmp_path_factory=None) -> None:
        amounts = item_amounts(self.read(case, "text layer", tmp_path_factory))
        expected = list(self.cases[case].items)
        assert self.cases[case].item_amounts_right(amounts), f"{case}: got {amounts}, expected {expected}"

    def assert_rasterised(self, case: str, tmp_path_factory) -> None:
        """Every field and the items of the page rasterised at 200 dpi."""
        invoice = self.read(case, "200 dpi", tmp_path_factory)
        wrong = {}
        for name, expected in self.cases[case].expected.items():
            field = invoice.fields.get(name)
            got = None if field is None else field.value
            if not matches(name, got, expected):
                wrong[name] = (got, expected)
        if not self.cases[case].item_amounts_right(item_amounts(invoice)):
            wrong["line_items"] = (item_amounts(invoice), self.cases[case].items)
        assert not wrong
