"""The held-out HTML invoices (`html_invoices/*.html`, expectations in `html_invoices/expectations.json`) as
a browser prints them: each page loaded in headless Chromium (Playwright, the Debian browser, offline: every
request off the page is refused), its scripts run (amounts formatted by `Intl.NumberFormat`), then printed
with `page.pdf()` on the page size its `@page` rule names (A4, or US Letter), backgrounds on. The PDFs are
then read as any upload: through the product's ingest (text layer, pypdfium2) or rasterised at 200 dpi grey
without the text layer (`rendered_pages.rasterise`, `rendered_pages.read_invoice`).

Nothing here knows an invoice: the pages and what a reader writes down live in the data folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HTML_FOLDER = Path(__file__).with_name("html_invoices")
EXPECTATIONS = HTML_FOLDER / "expectations.json"
TODAY = date(2025, 7, 1)  # the day the pages are read on: every printed date lies before it


@dataclass(frozen=True)
class ExpectedInvoice:
    """What a reader writes down from one held-out invoice (a tuple: any of its values) and its line items'
    amounts in order (and another acceptable reading), as an `expectations.json` entry gives them."""

    name: str
    expected: dict[str, object]
    items: tuple[str, ...]
    items_or: tuple[str, ...] | None

    def item_amounts_right(self, amounts: list[str]) -> bool:
        return tuple(amounts) == self.items or (self.items_or is not None and tuple(amounts) == self.items_or)


def expected_invoice(name: str, entry: dict) -> dict[str, object]:
    """The `ExpectedInvoice` fields of an `expectations.json` entry ({"fields", "items", "items_or"})."""
    return {
        "name": name,
        "expected": {k: tuple(v) if isinstance(v, list) else v for k, v in entry["fields"].items()},
        "items": tuple(entry["items"]),
        "items_or": tuple(entry["items_or"]) if "items_or" in entry else None,
    }


@dataclass(frozen=True)
class HtmlCase(ExpectedInvoice):
    """One HTML invoice: what a reader writes down, its file and the paper it is printed on."""

    path: Path
    paper: str


def html_cases() -> dict[str, HtmlCase]:
    data = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    return {
        name: HtmlCase(
            **expected_invoice(name, entry), path=HTML_FOLDER / f"{name}.html", paper=entry.get("page", "A4")
        )
        for name, entry in data.items()
        if not name.startswith("_")
    }


def matches(field: str, got: str | None, expected: object) -> bool:
    """As round 2 compares (`test_held_out_invoices_2._matches`): ids compacted (an id printed without its
    country prefix may be reported with it), names case-folded, a tuple: any of its values."""
    from tests.ocr_tasks.extraction.test_held_out_invoices_2 import _matches

    return _matches(field, got, expected)


def _refuse_network(route) -> None:
    if route.request.url.startswith(("about:", "data:")):
        route.continue_()
    else:
        route.abort()


def print_pdfs(cases: list[HtmlCase], out: Path) -> dict[str, Path]:
    """Print every case to `out/<name>.pdf` with one Chromium; returns the files by case name."""
    from playwright.sync_api import sync_playwright

    from tests.dashboard.browser import CHROMIUM, CHROMIUM_ARGS

    out.mkdir(parents=True, exist_ok=True)
    files = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for case in cases:
                # a page of its own per invoice: `set_content` keeps the window, so a second page's
                # top-level `const` of the same name would not run
                page = browser.new_page()
                page.route("**/*", _refuse_network)
                page.set_content(case.path.read_text(encoding="utf-8"), wait_until="load")
                target = out / f"{case.name}.pdf"
                page.pdf(
                    path=str(target), format=case.paper, print_background=True, prefer_css_page_size=True
                )
                page.close()
                files[case.name] = target
        finally:
            browser.close()
    return files
