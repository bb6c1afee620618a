"""Blank separator sheets told from pages with text, and each invoice's pages written as its own file."""

from __future__ import annotations

import io
import random

import pypdfium2 as pdfium
from PIL import Image

from ocr_tasks.scan_split.blank_pages import ink_fraction, is_blank
from ocr_tasks.scan_split.parts import split_file
from tests.ocr_tasks.builders import image_pdf, text_page


def speckled_sheet(size=(1240, 1754), specks: int = 300, seed: int = 7) -> Image.Image:
    """A scanned blank sheet: white with dust specks and a dark scanner edge."""
    image = Image.new("L", size, 250)
    rng = random.Random(seed)
    for _ in range(specks):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        image.putpixel((x, y), 20)
    for y in range(size[1]):  # the scanner lid's edge, inside the 5 % margin
        for x in range(10):
            image.putpixel((x, y), 0)
    return image


def test_a_speckled_blank_sheet_is_blank_and_a_page_with_one_line_is_not():
    assert is_blank(speckled_sheet())
    one_line = Image.new("L", (1240, 1754), 255)
    one_line.paste(text_page(["Thank you for your order"], size=40), (100, 800))
    assert not is_blank(one_line) and ink_fraction(one_line) > 0.001
    assert ink_fraction(text_page()) > 0.03


def test_a_pdf_and_a_tiff_are_split_into_files_of_their_pages():
    pages = [text_page([f"PAGE {i}"]) for i in range(5)]
    parts = split_file(image_pdf(pages), [(0, 1), (3,)])
    assert [len(pdfium.PdfDocument(p)) for p in parts] == [2, 1]

    pages = [text_page([f"PAGE {i}"]) for i in range(5)]  # fresh: saving as PDF left encoder settings
    buffer = io.BytesIO()
    pages[0].save(buffer, format="TIFF", save_all=True, append_images=pages[1:])
    tiffs = split_file(buffer.getvalue(), [(4,), (1, 2)])
    frames = [Image.open(io.BytesIO(t)).n_frames for t in tiffs]
    assert frames == [1, 2]
    with Image.open(io.BytesIO(tiffs[0])) as first:
        assert first.tobytes() == pages[4].tobytes()
