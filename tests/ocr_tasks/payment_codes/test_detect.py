"""Payment QR codes found by real OpenCV on rendered pages: the held-out QR invoices (a Swiss QR-bill's
46 mm code in its payment part, a 24 mm GiroCode near the totals) rendered at 200 dpi and degraded; codes
placed as images or drawn as vector squares on text-layer pages; pages without a code or with another."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import segno

from ocr_tasks.payment_codes.detect import decode_qr_codes, payment_codes_on_image
from ocr_tasks.payment_codes.pages import document_payment_codes, names_a_payment_code

FOLDER = Path(__file__).resolve().parents[1] / "extraction" / "payment_qr_invoices"


def render(name: str, dpi: int = 200):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(FOLDER / f"{name}.pdf"))
    try:
        return document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize(
    ("name", "kind", "iban", "amount", "number"),
    [
        ("rechnung_qrbill_de", "spc", "CH4431999123000889012", "2178.22", "R-2025-0417"),
        ("fattura_qrbill_it", "spc", "CH5604835012345678009", "2399.82", "2025/118"),
        ("rechnung_girocode_de", "epc", "DE89370400440532013000", "999.48", None),
        ("factuur_girocode_nl", "epc", "NL91ABNA0417164300", "381.15", None),
    ],
)
def test_the_payment_code_of_a_200_dpi_page_is_found_and_read(name, kind, iban, amount, number):
    found = payment_codes_on_image(render(name), page=0)
    assert len(found.codes) == 1 and found.rejected == ()
    code = found.codes[0]
    assert (code.kind, code.iban, code.amount, code.invoice_number) == (kind, iban, amount, number)
    if kind == "spc":  # the payment part: the page's bottom 105 mm, the code 67 mm from the left edge
        assert code.bbox.y0 > 0.64 and 0.28 < code.bbox.x0 < 0.36
    else:  # the GiroCode under the totals, at the left margin
        assert code.bbox.x0 < 0.15 and 0.4 < code.bbox.y0 < 0.7


def test_a_degraded_copy_still_gives_its_code():
    import random

    from bench.synthetic.degrade import degrade

    image = degrade(render("facture_qrbill_fr", dpi=150).convert("RGB"), random.Random(15)).convert("L")
    codes = payment_codes_on_image(image).codes
    assert [c.iban for c in codes] == ["CH9300762011623852957"]


def _page_with(payload: str):
    from PIL import Image

    page = Image.new("L", (1654, 2339), 255)
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=6, border=4)
    buffer.seek(0)
    page.paste(Image.open(buffer).convert("L"), (200, 300))
    return page


def test_other_codes_are_ignored_and_malformed_payment_codes_rejected_with_their_reason():
    assert payment_codes_on_image(_page_with("https://example.com/track/123")).codes == ()
    assert payment_codes_on_image(_page_with("https://example.com/track/123")).rejected == ()
    bad = "BCD\n002\n1\nSCT\n\nSomeone\nDE89370400440532013001\nEUR12.00"  # a check digit wrong
    found = payment_codes_on_image(_page_with(bad))
    assert found.codes == () and found.rejected == ("bad_iban",)
    assert [q.text for q in decode_qr_codes(_page_with(bad))] == [bad]


def test_a_page_without_a_code_gives_none():
    from PIL import Image

    assert payment_codes_on_image(Image.new("L", (1654, 2339), 255)).codes == ()
    assert payment_codes_on_image(render("rechnung_qrbill_de").crop((0, 0, 1654, 1200))).codes == ()


def test_the_text_layer_names_a_payment_part_or_a_code_to_pay_with():
    assert names_a_payment_code("Empfangsschein  Zahlteil  Konto / Zahlbar an")
    assert names_a_payment_code("Payer avec le code")
    assert not names_a_payment_code("Rechnung Nr. 12  Zahlbar innert 30 Tagen")


@pytest.mark.parametrize(
    ("name", "drawn_as"),
    [
        ("rechnung_qrbill_de", "vector"),
        ("facture_qrbill_fr", "image"),
        ("rechnung_girocode_de", "image"),
        ("factuur_girocode_nl", "vector"),
    ],
)
def test_text_layer_pages_give_codes_placed_as_images_or_drawn_as_vectors(name, drawn_as, tmp_path):
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    config = OcrConfig(workers=1)
    ingested = ingest_path(FOLDER / f"{name}.pdf", config=config, workdir=tmp_path)
    document = recognise_document(ingested, config, workers=1)
    assert document.pages[0].source == "text_layer"
    assert bool(ingested.pages[0].image_regions) == (drawn_as == "image")
    codes = document_payment_codes(ingested, document).codes
    assert len(codes) == 1 and codes[0].page == 0
    rendered = payment_codes_on_image(render(name)).codes[0]
    # the box of a code read from its image region is placed on the page where the page shows it
    assert abs(codes[0].bbox.x0 - rendered.bbox.x0) < 0.02 and abs(codes[0].bbox.y0 - rendered.bbox.y0) < 0.02


def test_a_small_girocode_on_a_blurred_phone_photo_is_read_at_another_size(tmp_path):
    """The 24 mm GiroCode of a 160 dpi phone photo (`bench/payment_qr.phone_photo`: modules of ~2.5 px,
    blur, JPEG 40) is located, and OpenCV decodes its cut only enlarged: the cut is tried at 1x, 2x, 3x."""
    from PIL import Image

    from bench.payment_qr import PHOTO_SEED, phone_photo

    photo = phone_photo(
        (FOLDER / "factuur_girocode_nl.pdf").read_bytes(), tmp_path / "phone", seed=PHOTO_SEED
    )
    codes = payment_codes_on_image(Image.open(photo)).codes
    assert [(c.iban, c.amount) for c in codes] == [("NL91ABNA0417164300", "381.15")]
