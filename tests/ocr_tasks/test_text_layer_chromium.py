"""The text layer of a PDF printed by Chromium (HTML invoices from web services and shops): words as a reader
sees them. Chromium places letter-spaced glyphs (CSS `letter-spacing`) one by one and PDFium generates spaces
between them; a superscript (`7,<sup>45</sup>`) is a run of its own. Found by the held-out HTML invoices
(`tests/ocr_tasks/extraction/test_held_out_html.py`): `R E C H N U N G`, `KA N TI N E`, `7,` `45` before
`ingest/text_layer.py` read a generated space as a word break only where the page shows a gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dashboard.browser import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"headless Chromium not installed at {CHROMIUM}"),
]

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 10px; }
.title { font-size: 15px; letter-spacing: 0.35em; text-transform: uppercase; }
.tag { font-size: 8.5px; letter-spacing: 0.15em; text-transform: uppercase; }
.wide { font-size: 18px; letter-spacing: 2px; }
sup { font-size: 65%; margin-left: 1px; }
td { padding: 2px 20px 2px 0; }
</style></head><body>
<p class="title">Rechnung</p>
<p class="tag">Kantine · Events · Feinkost</p>
<p class="wide">CREDIT NOTE</p>
<table><tr><td>Filterkoffie 250 g</td><td>3</td><td>€ 7,<sup>45</sup></td><td>€ 22,35</td></tr>
<tr><td>Savon</td><td>1&#x202F;160,00&nbsp;€</td><td>Total HT</td></tr></table>
<p>Zahlbar bis zum 14.02.2025 ohne Abzug.</p>
</body></html>"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """The page printed by Chromium (A4), read by the product's ingest: the words of each text-layer line."""
    from playwright.sync_api import sync_playwright

    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path
    from tests.dashboard.browser import CHROMIUM_ARGS

    folder = tmp_path_factory.mktemp("chromium-text-layer")
    pdf = folder / "page.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(PAGE, wait_until="load")
            page.pdf(path=str(pdf), format="A4")
        finally:
            browser.close()
    document = ingest_path(pdf, config=OcrConfig(), workdir=folder)
    text_page = document.pages[0].text_page
    assert text_page is not None  # read from the text layer, not rendered for OCR
    return [[w.text for w in line.words] for line in text_page.lines]


def test_letter_spaced_words_read_whole(rows):
    assert ["RECHNUNG"] in rows
    assert ["KANTINE", "·", "EVENTS", "·", "FEINKOST"] in rows
    assert ["CREDIT", "NOTE"] in rows


def test_superscript_cents_stay_with_their_euros(rows):
    assert ["Filterkoffie", "250", "g", "3", "€", "7,45", "€", "22,35"] in rows


def test_words_and_columns_still_split(rows):
    """Spaces of the content stream and gaps between table columns still split words."""
    assert ["Zahlbar", "bis", "zum", "14.02.2025", "ohne", "Abzug."] in rows
    assert ["Savon", "1", "160,00", "€", "Total", "HT"] in rows
