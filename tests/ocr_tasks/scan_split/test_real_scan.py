"""A batch scan read by real Tesseract and split into its invoices: six drawn A4 pages at 200 dpi (a
two-page German invoice marked "Seite 1/2 von 2", a speckled blank separator sheet, a one-page
invoice, a one-page invoice marked "Page 1 of 1", and a sheet of its terms with no marker), as one
multi-page TIFF, the way a sheet-fed scanner writes a stack; its last sheet, the second invoice's terms
with no marker, stays with it."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

from ocr_tasks.config import OcrConfig
from ocr_tasks.ingest import ingest_path
from ocr_tasks.recognise import recognise_document
from ocr_tasks.scan_split.boundaries import SEPARATOR
from ocr_tasks.scan_split.evidence import split_plan
from ocr_tasks.scan_split.parts import split_file
from tests.ocr_tasks.builders import font

A4_200DPI = (1654, 2339)


def sheet(lines: list[str], *, footer: str = "", seed: int = 0) -> Image.Image:
    image = Image.new("L", A4_200DPI, 252)
    draw = ImageDraw.Draw(image)
    face = font(34)
    for row, line in enumerate(lines):
        draw.text((150, 180 + row * 70), line, fill=10, font=face)
    if footer:
        draw.text((700, 2150), footer, fill=10, font=face)
    rng = random.Random(seed)  # scanner dust
    for _ in range(200):
        draw.point((rng.randrange(A4_200DPI[0]), rng.randrange(A4_200DPI[1])), fill=30)
    return image


PAGES = [
    sheet(
        [
            "Nordwind Papier GmbH",
            "Hafenstrasse 12, 20457 Hamburg",
            "Rechnung Nr. NP-4711",
            "Datum 03.11.2026",
            "Kopierpapier A4 10 x 4,50 45,00",
        ],
        footer="Seite 1 von 2",
        seed=1,
    ),
    sheet(
        [
            "Nordwind Papier GmbH",
            "Rechnung Nr. NP-4711",
            "Summe netto 45,00",
            "MwSt 19% 8,55",
            "Gesamt EUR 53,55",
        ],
        footer="Seite 2 von 2",
        seed=2,
    ),
    sheet([], seed=3),  # the blank separator sheet
    sheet(
        [
            "ACME Office Supplies Ltd",
            "Invoice number INV-2024-0042",
            "Date 12 March 2024",
            "Stapler heavy duty 1 x 24.90",
            "Total due EUR 24.90",
        ],
        seed=4,
    ),
    sheet(
        ["Brightline Tools Inc", "Invoice No. BT-88812", "Date 5 May 2024", "Drill bits set 1 x 39.00"],
        footer="Page 1 of 1",
        seed=5,
    ),
    sheet(["Terms: payment within 30 days", "Thank you for your business"], seed=6),
]


def read_stack(pages: list[Image.Image], folder):
    """The stack as one multi-page TIFF, ingested and read by Tesseract: (its path, images, document)."""
    scan = folder / "stack.tif"
    # copies: an image saved before keeps its last encoder's settings (Pillow's `encoderconfig`), which
    # the TIFF writer would pass on to its own encoder
    first, *rest = [page.copy() for page in pages]
    first.save(scan, format="TIFF", save_all=True, append_images=rest, dpi=(200, 200))
    config = OcrConfig(languages="eng", workers=1)
    ingested = ingest_path(scan, config=config, workdir=folder / "pages")
    return scan, [p.image_path for p in ingested.pages], recognise_document(ingested, config, workers=1)


def test_a_scanned_stack_is_split_at_its_invoices(tmp_path):
    scan, images, document = read_stack(PAGES, tmp_path)

    plan = split_plan(document, images)

    # the premise: Tesseract read the markers the plan rests on
    assert "Seite 2 von 2" in document.pages[1].text and "Page 1 of 1" in document.pages[4].text
    assert plan.groups == ((0, 1), (3,), (4, 5)), plan.to_dict()
    assert plan.dropped == {2: SEPARATOR}
    assert plan.reasons == {3: SEPARATOR, 4: "page marker restarts (1 of 1)"}
    # the sheet after "Page 1 of 1" shows no invoice number or vendor (its terms): it stays

    parts = split_file(scan.read_bytes(), plan.groups)
    assert [Image.open(io.BytesIO(p)).n_frames for p in parts] == [2, 1, 2]


def test_without_separator_or_marker_a_new_invoice_number_and_vendor_split(tmp_path):
    # the German invoice's two sheets (markers hidden by a fold: none read), then ACME's invoice
    pages = [p.copy() for p in (PAGES[0], PAGES[1], PAGES[3])]
    for page in pages[:2]:
        ImageDraw.Draw(page).rectangle((600, 2100, 1200, 2250), fill=252)
    _, images, document = read_stack(pages, tmp_path)

    plan = split_plan(document, images)

    assert "Seite" not in document.pages[0].text  # the premise: no marker left to read
    assert plan.groups == ((0, 1), (2,)), plan.to_dict()
    assert plan.reasons[2] in ("new invoice number INV-2024-0042", "new vendor ACME Office Supplies Ltd")
