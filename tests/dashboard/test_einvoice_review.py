"""A bare e-invoice XML in the review page: no page image (0 pages), fields without boxes; nothing crashes."""

from __future__ import annotations

from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A
from tests.dashboard.rendered import texts

REVIEW = "views/document_review.py"


def test_a_document_without_pages_is_reviewed_without_an_image(make_app, fake):
    doc = fake.documents[DOC_A]
    doc["media_type"] = "application/xml"
    doc["pages"] = []
    for field in doc["fields"].values():
        field.update(confidence=1.0, bbox=None, page=0)

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    assert "No page images for this document." in texts(at)
    assert fake.calls_named("page_image") == []
    total = at.text_input(key=widget_key("field_total", scope_of(DOC_A, 1)))
    assert total.label == "total (1.00)"


def _ubl_details() -> dict:
    """What the API's detail carries for the official UBL example (read by the real reader)."""
    from pathlib import Path

    from ocr_tasks.einvoice.reader import read_xml

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "einvoice-dev" / "xml" / "ubl"
    return dict(read_xml((corpus / "ubl-tc434-example2.xml").read_bytes()).as_invoice().einvoice)


def test_a_bare_xml_is_rendered_with_parties_vat_table_and_charges(make_app, fake):
    doc = fake.documents[DOC_A]
    doc.update(media_type="application/xml", pages=[], source="einvoice", einvoice=_ubl_details())
    doc["einvoice"]["validation"] = {"checked": ["UBL XSD", "EN 16931"], "errors": 0, "warnings": 1}

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    shown = texts(at)
    assert "No page images" not in shown
    assert "e-invoice XML, no page image" in shown and "0 page(s)" not in shown  # the header's caption
    assert "UBL 2.1 Invoice · profile EN 16931" in shown
    assert "Salescompany ltd." in shown and "VAT id: NO123456789MVA" in shown  # seller
    assert "The Buyercompany" in shown and "VAT id: NO987654321MVA" in shown  # buyer
    assert "BIC: DNBANOKK" in shown
    assert any("valid, 1 warning" in w.value for w in at.warning)
    tables = [df.value for df in at.dataframe]
    vat = next(t for t in tables if "rate %" in t.columns and "basis" in t.columns)
    assert list(vat["rate %"]) == ["25.00", "15.00", "0.00"]
    assert "Exempt New Means of Transport" in list(vat["exemption"])
    charges = next(t for t in tables if "kind" in t.columns)
    assert sorted(charges["kind"]) == ["allowance", "charge"]


def test_an_unreadable_attachment_is_said_not_drawn(make_app, fake):
    doc = fake.documents[DOC_A]
    doc.update(pages=[], einvoice={"error": "einvoice_invalid: not an invoice"})

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    assert any("could not be read" in w.value for w in at.warning)


def test_a_pdf_carrying_an_xml_shows_the_page_and_the_xml_under_it(make_app, fake):
    doc = fake.documents[DOC_A]
    doc.update(source="einvoice", einvoice=_ubl_details())

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    assert fake.calls_named("page_image")  # the visible page is still shown for review
    assert [e.label for e in at.expander if "E-invoice" in e.label] == ["E-invoice data (from the XML)"]
    assert "Salescompany ltd." in texts(at)
