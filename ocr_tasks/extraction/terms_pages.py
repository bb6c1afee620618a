"""Pages of terms and conditions printed after an invoice: prose, not the invoice's data.

A long invoice is often sent with the seller's terms of sale on its last pages (`Terms and Conditions of
Sale`, `Allgemeine Geschäftsbedingungen`, `Conditions générales de vente`, `Algemene voorwaarden`). Their
clauses print dates (`version of 12 May 2021`), amounts (`a fixed sum of £40.00`), rates and numbers that
are no field of the invoice, so their rows give no candidates. A page is such a page when it is not the
first and one of its first rows is a terms title (the lexicons' `terms_and_conditions`) standing alone (the
title is most of the row); the pages after it belong to the terms too unless one prints an items table's
header (the invoice goes on). The rows of those pages are left out of extraction; a row that only
mentions the terms (`Es gelten unsere AGB`, `Terms: 30 days`) is no title and changes nothing.

Must not import the rest of extraction beyond rows, keywords and the items header."""

from __future__ import annotations

from ocr_tasks.extraction.item_table_header import is_items_header
from ocr_tasks.extraction.keywords import concept_pattern
from ocr_tasks.extraction.rows import Row

__all__ = ["terms_pages", "without_terms_pages"]

_TITLE = concept_pattern(("terms_and_conditions",))
# rows of a page looked at for its title (a running header with the vendor and page x of y comes first)
_TITLE_ROWS = 4
# share of a title row's letters the terms title covers (`Terms and Conditions of Sale`, `1. AGB`)
_TITLE_SHARE = 0.6


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_title(row: Row) -> bool:
    found = _TITLE.search(row.text)
    return found is not None and _letters(found.group(0)) >= _TITLE_SHARE * _letters(row.text)


def terms_pages(rows: list[Row]) -> frozenset[int]:
    """The pages (0-based) of terms and conditions after the invoice."""
    by_page: dict[int, list[Row]] = {}
    for row in rows:
        by_page.setdefault(row.page, []).append(row)
    found: set[int] = set()
    in_terms = False
    for page in sorted(by_page):
        page_rows = sorted(by_page[page], key=lambda r: r.index)
        if any(is_items_header(r) for r in page_rows):
            in_terms = False
        elif page > 0 and any(_is_title(r) for r in page_rows[:_TITLE_ROWS]):
            in_terms = True
        if in_terms:
            found.add(page)
    return frozenset(found)


def without_terms_pages(rows: list[Row]) -> list[Row]:
    """`rows` without those of the terms-and-conditions pages after the invoice."""
    pages = terms_pages(rows)
    return [row for row in rows if row.page not in pages] if pages else rows
