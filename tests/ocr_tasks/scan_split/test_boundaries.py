"""Where a batch scan's invoices begin, from each page's evidence (pure): page markers restarting, blank
separator sheets (not the blank backs of a duplex scan), a new invoice number or vendor; a continuation
marker always wins; no evidence, no split."""

from __future__ import annotations

import pytest

from ocr_tasks.scan_split.boundaries import DUPLEX_BACK, SEPARATOR, PageEvidence, invoice_groups
from ocr_tasks.scan_split.page_markers import PageMarker, page_marker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ACME Ltd\nInvoice INV-1\nPage 1 of 3", (1, 3)),
        ("Seite 2 von 2", (2, 2)),
        ("Página 1 de 2", (1, 2)),
        ("Strona 1 z 4", (1, 4)),
        ("Pagina 3 di 3", (3, 3)),
        ("page 2/3", (2, 3)),
        ("Total 119,00\n  1/3  \nBank: IBAN DE89", (1, 3)),  # alone on its line
        ("- 2 / 2 -", (2, 2)),
        ("Date 1/3/2024", None),  # a date
        ("Paper 1/3 box 12.50", None),  # not alone on its line
        ("Page 4 of 3", None),
        ("Seite 0 von 2", None),
        ("Homepage 1 of our site", None),  # "page" inside a word
        ("", None),
    ],
)
def test_page_markers(text, expected):
    found = page_marker(text)
    assert (found.number, found.count) == expected if expected else found is None


def m(number: int, count: int) -> PageMarker:
    return PageMarker(number, count)


def plan(*pages: dict):
    return invoice_groups([PageEvidence(index=i, **p) for i, p in enumerate(pages)])


def test_without_evidence_the_scan_stays_one_document():
    assert plan({}, {}, {}).groups == ((0, 1, 2),)
    assert plan({"invoice_number": "A-1"}, {}, {"invoice_number": "a 1"}).groups == (
        (0, 1, 2),
    )  # same number


def test_a_restarting_page_marker_or_a_last_page_begins_a_new_invoice():
    result = plan({"marker": m(1, 2)}, {"marker": m(2, 2)}, {"marker": m(1, 1)}, {"vendor": "Other GmbH"})
    assert result.groups == ((0, 1), (2,), (3,))
    assert result.reasons == {
        2: "page marker restarts (1 of 1)",
        3: "the page before was the last of its invoice (1 of 1)",
    }
    # a sheet without an invoice's number or vendor after the last page (its terms) stays with it
    assert plan({"marker": m(1, 1)}, {}).groups == ((0, 1),)


def test_a_new_invoice_number_or_vendor_begins_a_new_invoice():
    result = plan(
        {"invoice_number": "A-1"}, {}, {"invoice_number": "B-2", "vendor": "ACME"}, {"vendor": "Other GmbH"}
    )
    assert result.groups == ((0, 1), (2,), (3,))  # the third invoice: a vendor, no number
    assert result.reasons[2] == "new invoice number B-2"
    # a vendor read beside the current invoice's number, or the same name shorter, is no new invoice
    assert plan(
        {"vendor": "ACME", "invoice_number": "7"}, {"vendor": "Nordwind", "invoice_number": "7"}
    ).groups == ((0, 1),)
    assert plan({"vendor": "ACME Office Supplies Ltd"}, {"vendor": "ACME"}).groups == ((0, 1),)


def test_a_continuation_marker_wins_over_a_different_number():
    assert plan(
        {"invoice_number": "A-1", "marker": m(1, 2)}, {"invoice_number": "B-2", "marker": m(2, 2)}
    ).groups == ((0, 1),)


def test_a_blank_separator_sheet_is_dropped_and_separates():
    result = plan({"blank": True}, {}, {}, {"blank": True}, {}, {"blank": True})
    assert result.groups == ((1, 2), (4,))
    assert result.dropped == {0: SEPARATOR, 3: SEPARATOR, 5: SEPARATOR}
    assert result.reasons == {4: SEPARATOR}


def test_the_blank_backs_of_a_duplex_scan_separate_nothing():
    result = plan({}, {"blank": True}, {}, {"blank": True}, {"marker": m(1, 1)}, {"blank": True})
    assert result.groups == ((0, 2), (4,))  # only the marker splits
    assert set(result.dropped.values()) == {DUPLEX_BACK}


def test_a_continuation_after_a_separator_stays_with_its_invoice():
    # a blank page between the two pages of one invoice (a sheet fed twice): its marker keeps them together
    assert plan({"marker": m(1, 2)}, {"blank": True}, {"marker": m(2, 2)}).groups == ((0, 2),)
