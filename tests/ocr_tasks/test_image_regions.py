"""Images on born-digital pages: ingest renders the ones whose text the layer lacks; when extraction
finds no sure vendor, real Tesseract reads them and their words are added where the image sits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.image_regions import image_text_document, place, placed_blocks
from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ingest.pages import ImageRegion, PageInput
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, Word
from ocr_tasks.recognise import recognise_document

CONFIG = OcrConfig(workers=1)


def test_a_box_in_the_image_is_placed_where_the_image_sits():
    region = BBox(0.1, 0.2, 0.5, 0.3)
    assert place(BBox(0.0, 0.0, 1.0, 1.0), region) == region
    placed = place(BBox(0.5, 0.5, 1.0, 1.0), region)
    assert placed.to_list() == pytest.approx([0.3, 0.25, 0.5, 0.3])


def test_unsure_and_symbol_only_words_are_dropped():
    words = [
        Word("ACME", BBox(0, 0, 0.4, 1), 0.95),
        Word("~~", BBox(0.5, 0, 0.6, 1), 0.99),
        Word("Tr4ding", BBox(0.7, 0, 1, 1), 0.3),
    ]
    (block,) = placed_blocks((Block.of([Line.of(words)]),), BBox(0, 0, 0.5, 0.1))
    assert [w.text for w in block.lines[0].words] == ["ACME"]
    assert placed_blocks((Block.of([Line.of(words[1:])]),), BBox(0, 0, 0.5, 0.1)) == ()


def test_page_input_round_trips_its_image_regions(tmp_path):
    page = PageInput(
        index=0,
        width=10,
        height=10,
        dpi=300,
        image_regions=(ImageRegion(path=str(tmp_path / "a.png"), bbox=BBox(0.1, 0.1, 0.2, 0.2)),),
    )
    assert PageInput.from_dict(json.loads(json.dumps(page.to_dict()))) == page
    assert PageInput.from_dict({"index": 0, "width": 1, "height": 1, "dpi": 72}).image_regions == ()


def test_ingest_renders_a_logo_but_not_a_tiny_icon(corpus, tmp_path):
    logo = ingest_path(
        corpus / "invoice2data-dev" / "images" / "saeco.pdf", config=CONFIG, workdir=tmp_path / "s"
    )
    icon = ingest_path(
        corpus / "invoice2data-dev" / "images" / "AzureInterior.pdf", config=CONFIG, workdir=tmp_path / "a"
    )

    (page,) = logo.pages
    assert page.text_page is not None and page.image_regions
    top = min(page.image_regions, key=lambda r: r.bbox.y0)
    assert top.bbox.y1 < 0.2 and Path(top.path).is_file()  # the letterhead logo, near the top
    assert max(r.bbox.y1 for r in page.image_regions) > 0.8  # and the footer image with the company data
    assert icon.pages[0].image_regions == ()  # a 28 x 29 pt icon carries no text worth reading


def test_vendor_printed_only_in_an_image_is_found(corpus, tmp_path):
    label = json.loads((corpus / "invoice2data-dev" / "labels" / "saeco.json").read_text())
    ingested = ingest_path(
        corpus / "invoice2data-dev" / "images" / "saeco.pdf", config=CONFIG, workdir=tmp_path
    )
    document = recognise_document(ingested, CONFIG)
    (page,) = document.pages
    assert page.source == TEXT_LAYER and "luscious" not in page.text.lower()  # not in the text layer

    without = extract_with_page_images(ingested, document, image_text=False)
    invoice = extract_with_page_images(ingested, document)

    assert "luscious" not in (without.get("vendor_name") or "").lower()
    assert "luscious" in invoice.get("vendor_name").lower()
    assert invoice.get("total") == f"{label['amount']:.2f}"  # and the rest is as before
    richer = image_text_document(ingested, document)
    assert richer.pages[0].blocks[: len(page.blocks)] == page.blocks  # the layer is kept, words added
    assert "luscious" in richer.pages[0].text.lower()


def test_a_sure_vendor_costs_no_image_reading(corpus, tmp_path, monkeypatch):
    from ocr_tasks.engines import image_regions

    calls = []
    monkeypatch.setattr(image_regions, "image_text_document", lambda *a, **k: calls.append(a))
    ingested = ingest_path(
        corpus / "invoice2data-dev" / "images" / "coolblue1.pdf", config=CONFIG, workdir=tmp_path
    )
    invoice = extract_with_page_images(ingested, recognise_document(ingested, CONFIG))
    assert invoice.fields["vendor_name"].confidence >= 0.5 and calls == []


def test_an_image_on_a_huge_page_is_rendered_within_the_pixel_bound(tmp_path, monkeypatch):
    """A poster-sized text-layer page with a big image: its render stays under REGION_MAX_PIXELS."""
    import pypdfium2 as pdfium
    from PIL import Image

    import ocr_tasks.ingest.pdf as pdf_module

    monkeypatch.setattr(pdf_module, "REGION_MAX_PIXELS", 200_000)
    # points: ~28 inches square
    path = pdf_with_images(
        tmp_path / "poster.pdf", (2000, 2000), bitmap=(400, 200), size=(800, 400), at=(100, 1500)
    )

    regions = pdf_module._image_regions(
        pdfium.PdfDocument(path)[0], NoWords(), index=0, dpi=300, workdir=tmp_path
    )  # a text layer with no words over the image

    (region,) = regions
    with Image.open(region.path) as rendered:
        assert rendered.width * rendered.height <= 200_000 * 1.05
        assert rendered.width > rendered.height  # the image's shape, not the page's
    assert region.bbox.y0 < 0.3 and region.bbox.x1 == pytest.approx(0.45)


class NoWords:
    words = ()


def test_only_the_first_page_images_are_read(corpus, tmp_path):
    """Later pages repeat the letterhead and footer: a two-page document reads the first page's only."""
    import pypdfium2 as pdfium

    one = pdfium.PdfDocument(str(corpus / "invoice2data-dev" / "images" / "saeco.pdf"))
    two = pdfium.PdfDocument.new()
    two.import_pages(one)
    two.import_pages(one)
    path = tmp_path / "twice.pdf"
    two.save(path)

    doc = ingest_path(path, config=CONFIG, workdir=tmp_path / "w")

    assert len(doc.pages) == 2 and all(p.text_page is not None for p in doc.pages)
    assert doc.pages[0].image_regions and doc.pages[1].image_regions == ()


def test_a_page_stacking_many_images_over_its_words_is_examined_a_bounded_number_of_times(tmp_path):
    import pypdfium2 as pdfium

    import ocr_tasks.ingest.pdf as pdf_module

    path = pdf_with_images(
        tmp_path / "stacked.pdf",
        (600, 800),
        bitmap=(20, 20),
        size=(200, 100),
        at=(100, 600),
        copies=pdf_module.MAX_IMAGES_EXAMINED * 3,
    )

    class WordsOverTheImages:  # a text layer whose words lie inside every image: none is read
        looked = 0

        @property
        def words(self):
            WordsOverTheImages.looked += 1
            return tuple(Word(t, BBox(0.28, 0.19, 0.32, 0.21), 0.9) for t in ("a", "b", "c"))

    regions = pdf_module._image_regions(
        pdfium.PdfDocument(path)[0], WordsOverTheImages(), index=0, dpi=300, workdir=tmp_path
    )

    assert regions == ()
    assert WordsOverTheImages.looked == pdf_module.MAX_IMAGES_EXAMINED


def pdf_with_images(path, page_size, *, bitmap, size, at, copies=1):
    """A one-page PDF of `page_size` points holding `copies` white images of `bitmap` pixels, each drawn
    `size` points large with its lower-left corner at `at`."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(*page_size)
    for _ in range(copies):
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", bitmap, "white")))
        image.set_matrix(pdfium.PdfMatrix().scale(*size).translate(*at))
        page.insert_obj(image)
    page.gen_content()
    pdf.save(path)
    return path
