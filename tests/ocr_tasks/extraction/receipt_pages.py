"""The held-out till receipts of round 6c (`receipts/*.html`, expectations in `receipts/expectations.json`):
European and US receipts on 58 and 80 mm thermal rolls, written as HTML in a monospace font and printed by
headless Chromium on the roll's own `@page` size (`html_pages.print_pdfs`), then read as any upload: the PDF's
text layer (an e-receipt), rasterised at 200 dpi grey, a faded roll on a flatbed scanner and a faded roll
photographed on a table (`capture_forms.faded_thermal_scan`, `capture_forms.faded_till_roll_photo`).

Each entry of `expectations.json` is an `html_pages.ExpectedInvoice` plus its `batch` (1: written first; 2:
written after batch 1's fixes); `_today` is the day the receipts are read on. Fields are compared as the HTML
round compares them, the vendor's address as `bench/extraction_accuracy.py` compares SROIE's.

Nothing here knows a receipt: the pages and what a reader writes down live in the data folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.ocr_tasks.extraction.html_pages import ExpectedInvoice, expected_invoice
from tests.ocr_tasks.extraction.html_pages import matches as invoice_matches

RECEIPT_FOLDER = Path(__file__).with_name("receipts")
ADDRESS_SIMILARITY = 0.8  # as bench/extraction_accuracy.py scores SROIE's address
CAPTURE_SEED = 61  # a scan's or photo's seed is this plus the receipt's place in expectations.json


@dataclass(frozen=True)
class ReceiptCase(ExpectedInvoice):
    """One receipt: what a reader writes down, its HTML file, the paper (its `@page` rule names the roll),
    the day it is read on and its batch."""

    path: Path
    paper: str
    today: date
    batch: int


def receipt_cases(batches: tuple[int, ...] | None = None) -> dict[str, ReceiptCase]:
    """The receipts of `expectations.json` by name (only those of `batches`, when given)."""
    data = json.loads((RECEIPT_FOLDER / "expectations.json").read_text(encoding="utf-8"))
    today = date.fromisoformat(data["_today"])
    cases = {
        name: ReceiptCase(
            **expected_invoice(name, entry),
            path=RECEIPT_FOLDER / f"{name}.html",
            paper="A4",  # overridden by the page's own @page size (prefer_css_page_size)
            today=today,
            batch=entry["batch"],
        )
        for name, entry in data.items()
        if not name.startswith("_")
    }
    return {name: case for name, case in cases.items() if batches is None or case.batch in batches}


def capture_seed(name: str, seed: int = CAPTURE_SEED) -> int:
    """The seed of a receipt's captures (scan, photo): `seed` plus its place in `expectations.json`, so a
    receipt is captured alike whichever others are read with it (the bench and the test)."""
    return seed + list(receipt_cases()).index(name)


def matches(field: str, got: str | None, expected: object) -> bool:
    """As the HTML round compares a field (`html_pages.matches`); the vendor's address folded (lower case,
    whitespace collapsed) and right at an Indel similarity of at least 0.8, as SROIE's address is scored."""
    if isinstance(expected, tuple):
        return any(matches(field, got, one) for one in expected)
    if field == "vendor_address" and got is not None and expected is not None:
        from rapidfuzz import fuzz

        fold = lambda text: " ".join(text.lower().split())  # noqa: E731
        return fuzz.ratio(fold(got), fold(expected)) / 100.0 >= ADDRESS_SIMILARITY
    return invoice_matches(field, got, expected)
