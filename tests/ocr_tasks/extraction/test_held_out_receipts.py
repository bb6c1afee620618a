"""Held-out round 6c (issue 13): European and US till receipts (`receipts/*.html`, what a reader writes down
in `receipts/expectations.json`, written and committed before the product read them; `receipt_pages.py`),
58 and 80 mm thermal rolls printed by headless Chromium and read through the product's real path: every
receipt from its PDF's text layer (an e-receipt), and three with real Tesseract - one rasterised at 200 dpi,
one as a faded thermal roll on a flatbed at 300 dpi, one as the faded roll photographed on a table
(`capture_forms.faded_thermal_scan`, `faded_till_roll_photo`, at the bench's seeds). The fields are those a
SROIE-style receipt carries (document type, vendor, its address, date, currency, total, tax, the vendor's
VAT id) and the items' amounts. `bench/held_out_receipts.py` reads every receipt all four ways.

Measured with `bench/held_out_receipts.py` (checks wrong: text layer, 200 dpi, faded thermal scan, photo):
batch 1 (10 receipts, 90 checks each) first run 14, 15, 23, 22; after its fixes (16e724f) 3, 3, 16, 12;
batch 2 (6 receipts written after those fixes, 54 checks each) first run 1, 3, 8, 6; with the Spanish street
(`C/`) and Italian pharmacist (`della Dott.ssa`) lexicon entries batch 1 is at 2, 2, 15, 12 and batch 2 at 0,
2, 7, 6 (all 16: 2, 4, 22, 18 of 144). Session 14 (helper H5): `customer_name` is checked too (null on every
roll: none names its customer), the receipt word lists are lexicon data, a till receipt names a customer only
where it says so, a faded roll's garbled item amounts are read again (`receipt_reread`); batch 3 (8 rolls:
Belgian pharmacy, Spanish bar, Italian alimentari, Swiss supermarket, York cafe, Ohio hardware store, Polish
paragon, Portuguese fatura simplificada) was written after the first of those and read first at 7, 9, 16, 11
of 80 (bench/README.md, round 6c). Session 15 (helper H5): the two VAT ids of batch 3 read with another
country's prefix (`86408610664` as `BG408610664`, `570204763` as `ESS70204763`) are read right (a number
that is a VAT number as printed has no look-alike prefix; `NIF` is Portugal's label too).

Strict xfails: the misses left in the readings tested here, each with its cause (`_MISSES`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr_tasks.extraction import ExtractionOptions
from tests.dashboard.browser import CHROMIUM
from tests.ocr_tasks.extraction.capture_forms import faded_thermal_scan, faded_till_roll_photo
from tests.ocr_tasks.extraction.html_pages import print_pdfs
from tests.ocr_tasks.extraction.receipt_pages import capture_seed, matches, receipt_cases
from tests.ocr_tasks.extraction.rendered_pages import rasterise, read_invoice

CASES = receipt_cases()
TEXT_LAYER = "text layer"
# three receipts read with real Tesseract (~5-10 s each), one per kind of image
OCR_READINGS = {"supermarkt_de": "200 dpi", "ticket_caisse_fr": "thermal scan", "grocery_us": "photo"}
printed = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"headless Chromium not installed at {CHROMIUM}"
)

# (case, reading, field, why it is still missed)
_MISSES = [
    (
        "scontrino_bar_it",
        TEXT_LAYER,
        "vendor_name",
        "the sign over the partnership's name (`PASTICCERIA BAR DEL CORSO` / `di Ferri Luca & C. S.n.c.`) is "
        "read as one two-row name, its legal form at the end; the expectations, written before the run, name "
        "the sign or the partnership alone (the two together are the firm's full name: arguably right, "
        "left as written)",
    ),
    (
        "ticket_caisse_fr",
        "thermal scan",
        "vendor_address",
        "the faded phone row is misread (`Téa: 701 42505) 1Ses7`): no phone label is left to end the address",
    ),
    (
        "grocery_us",
        "photo",
        "line_items",
        "the photo's `SUBTOTAL  39.82` is misread (`SUBTOTAL  a  igure a  ge`): the items (39.82) add up to "
        "no amount printed under the first totals row (the total is 39.82 + the sales tax), so none are "
        "reported",
    ),
    # batch 3 (session 14), written after the till customer/type rules: its text layer's first-run misses
    (
        "supermarkt_ch",
        TEXT_LAYER,
        "vendor_address",
        "the co-operative's legal name under the shop's name (`Genossenschaft Seeblick`) is read as the "
        "address's first row",
    ),
    (
        "supermarkt_ch",
        TEXT_LAYER,
        "line_items",
        "the item table's last column is the MWST code (`Total  Z`: `3.50  0`), so the code digits are read "
        "as the amounts (0.00, 1.00)",
    ),
    (
        "paragon_pl",
        TEXT_LAYER,
        "vendor_address",
        "the company's name under the shop's sign (`Złoty Kłos sp. z o.o.`) is read as the address's first "
        "row",
    ),
    (
        "paragon_pl",
        TEXT_LAYER,
        "tax_amount",
        "a paragon's tax rows (`PTU A 23,00 %  0,09` ... `SUMA PTU  1,60`): `PTU` is no tax label in pl.json",
    ),
    (
        "paragon_pl",
        TEXT_LAYER,
        "line_items",
        "items over two rows whose price row is a count times a unit price (`1 x 7,50  7,50 C`) above "
        "`SPRZEDAŻ OPODATK.` and `PTU` rows, before `SUMA PLN`: the block does not reach a totals row the "
        "items add up to",
    ),
]
XFAIL = {(case, reading, field): reason for case, reading, field, reason in _MISSES}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every receipt printed once by Chromium (~0.5 s a roll)."""
    return print_pdfs(list(CASES.values()), tmp_path_factory.mktemp("receipts"))


_READ: dict[tuple[str, str], object] = {}


def _read(pdfs, case: str, reading: str):
    key = (case, reading)
    if key not in _READ:
        pdf = pdfs[case]
        stem = pdf.with_name(f"{case}-{reading.replace(' ', '-')}")
        if reading == "200 dpi":
            path = rasterise(pdf.read_bytes(), stem)
        elif reading == "thermal scan":
            path = faded_thermal_scan(pdf.read_bytes(), stem, capture_seed(case))
        elif reading == "photo":
            path = faded_till_roll_photo(pdf.read_bytes(), stem, capture_seed(case))
        else:
            path = pdf
        _READ[key] = read_invoice(path, ExtractionOptions(today=CASES[case].today))[0]
    return _READ[key]


def _params():
    readings = [(case, TEXT_LAYER) for case in sorted(CASES)] + sorted(OCR_READINGS.items())
    for case, reading in readings:
        for field in [*CASES[case].expected, "line_items"]:
            reason = XFAIL.get((case, reading, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(
                case, reading, field, id=f"{case}-{reading.replace(' ', '_')}-{field}", marks=marks
            )


@pytest.mark.browser
@printed
@pytest.mark.parametrize(("case", "reading", "field"), list(_params()))
def test_what_a_reader_writes_down(pdfs, case, reading, field):
    invoice = _read(pdfs, case, reading)
    expected = CASES[case]
    if field == "line_items":
        amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
        assert expected.item_amounts_right(amounts), f"{case} ({reading}) items: {amounts}"
        return
    got = invoice.fields[field].value if field in invoice.fields else None
    assert matches(field, got, expected.expected[field]), f"{case} ({reading}).{field}: {got!r}"
