"""Options of `extract_invoice` (a frozen object passed in; nothing is read from the environment)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OcrDocument

if TYPE_CHECKING:
    from ocr_tasks.payment_codes import PaymentCode

# (page index, region) -> text read again from the page image (e.g. a crop OCRed at a larger scale).
RegionReader = Callable[[int, BBox], str]


@dataclass(frozen=True, slots=True)
class ExtractionOptions:
    """`day_first`: day/month order when a date is ambiguous (None: infer from the document).
    `country`: ISO 3166 alpha-2 of the vendor when known (resolves `$`, currency fallback; None: guess).
    `decimal_separator`: force `.` or `,` for ambiguous amounts (None: infer per amount).
    `scorer`: `hand` (default: measured end to end on the corpus, the learned model did not beat it) or
    `learned` (the shipped logistic model for the fields where it won on held-out folds, hand weights
    for the others).
    `region_reader`: optional second reading of a page region, used to confirm or recover the total.
    `min_confidence`: fields below it are left out.
    `line_items`: extract the items table.
    `calibrate`: map confidences through the shipped per-field calibration (Platt scaling).
    `second_reading`: another OCR reading of the same pages (e.g. a different page segmentation); its
    amounts and dates become candidates too, and values both readings agree on score higher.
    `languages`: the lexicons' languages (ISO 639-1) the document may be in: its language is detected
    among them (`Invoice.language`) and month names are read in them.
    `payment_codes`: the payment QR codes decoded on the document's pages (`ocr_tasks.payment_codes`):
    their IBAN, amount, currency, creditor and invoice number weigh as evidence
    (`extraction.payment_evidence`).
    `today`: the date invoice dates are checked against (None: the system date); a date more than a year
    after it is no invoice date."""

    day_first: bool | None = None
    country: str | None = None
    decimal_separator: str | None = None
    languages: Sequence[str] = (
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
    )
    scorer: str = "hand"
    region_reader: RegionReader | None = None
    min_confidence: float = 0.01
    line_items: bool = True
    calibrate: bool = True
    second_reading: OcrDocument | None = None
    today: date | None = None
    payment_codes: Sequence[PaymentCode] = ()
