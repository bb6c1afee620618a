"""A memory's identity comes from reviewed values (never from an engine that read the buyer's VAT id as the
vendor's), and a vendor whose identifiers the engine cannot read is recognised by its letterhead: a second
receipt of the same shop with a garbled name is, a shop of the same street with the same layout is not."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.invoice_types import FieldValue
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.vendor_memory import VendorMemory, learn
from ocr_tasks.vendor_memory.identity import review_memory
from ocr_tasks.vendor_memory.letterhead import HEAD_MATCH, letterhead
from tests.ocr_tasks.extraction.layout_pages import text_layer_page
from tests.ocr_tasks.vendor_memory.documents import FIRST, IBAN, SECOND, VAT, WHEN, zenith

BUYER_VAT = "DE811569869"
IBAN_COMPACT = IBAN.replace(" ", "")


def _read_buyer_vat_as_vendors(document: OcrDocument):
    """The general extraction, but with the buyer's VAT id taken for the vendor's (an engine's mistake)."""
    extracted = extract_invoice(document)
    fields = dict(extracted.fields)
    fields["vendor_tax_id"] = FieldValue("vendor_tax_id", BUYER_VAT, BUYER_VAT, 0.9, 0, None)
    return replace(extracted, fields=fields)


def test_the_reviewed_vat_id_replaces_the_engines_misreading_as_key():
    first = zenith(*FIRST)
    misread = _read_buyer_vat_as_vendors(first)
    assert misread.get("vendor_tax_id") == BUYER_VAT
    # a correction of the number alone reviews no identifier: the memory is used at once, keyed by the
    # engine's reading for now, every identifier marked unreviewed
    number_only = {"invoice_number": "ZP/88123"}
    early = learn(None, ocr=first, extracted=misread, final=number_only, actor="rita", when=WHEN)
    assert early is not None and early.key == f"vat:{BUYER_VAT}"
    assert set(early.unreviewed) == {f"vat:{BUYER_VAT}", f"iban:{IBAN_COMPACT}", "name:zenith print"}
    # the reviewer then corrects the VAT id: it replaces the engine's and keys the memory
    memory = learn(early, ocr=first, extracted=misread, final={"vendor_tax_id": VAT}, actor="rita", when=WHEN)
    assert memory is not None and memory.key == f"vat:{VAT}"
    assert f"vat:{BUYER_VAT}" not in memory.identifiers and f"vat:{VAT}" not in memory.unreviewed
    assert memory.lessons["invoice_number"].corrected  # what the first correction taught stays
    # reviewed in one go: keyed by the reviewed VAT id at once, the buyer's never among its identifiers
    at_once = learn(
        None,
        ocr=first,
        extracted=misread,
        final={**number_only, "vendor_tax_id": VAT},
        actor="rita",
        when=WHEN,
    )
    assert at_once is not None and at_once.key == f"vat:{VAT}"
    assert f"vat:{BUYER_VAT}" not in at_once.identifiers
    # the identity may come apart from `final` (the service passes what reviewers corrected so far)
    by_identity = learn(
        None,
        ocr=first,
        extracted=misread,
        final=number_only,
        actor="rita",
        when=WHEN,
        identity={"vendor_tax_id": VAT, "vendor_name": "Zenith Print GmbH"},
    )
    assert by_identity is not None and by_identity.key == f"vat:{VAT}"
    assert by_identity.name == "Zenith Print GmbH" and by_identity.unreviewed == (f"iban:{IBAN_COMPACT}",)
    # the vendor's next invoice finds it and gets the corrected field
    for taught in (memory, at_once):
        second = extract_invoice(zenith(*SECOND), memories=[taught])
        assert second.memory is not None and second.memory["vendor"] == f"vat:{VAT}"
        assert second.get("invoice_number") == "ZP/90555"


def test_a_cleared_vat_id_removes_the_engines_reading():
    first = zenith(*FIRST)
    misread = _read_buyer_vat_as_vendors(first)
    early = learn(
        None, ocr=first, extracted=misread, final={"invoice_number": "ZP/88123"}, actor="r", when=WHEN
    )
    cleared = learn(early, ocr=first, extracted=misread, final={"vendor_tax_id": None}, actor="r", when=WHEN)
    assert cleared is not None and not any(i.startswith("vat:") for i in cleared.identifiers)
    assert cleared.key == f"iban:{IBAN_COMPACT}"  # unreviewed still, the strongest left


def test_a_memory_of_the_engines_wrong_vat_id_is_not_taught_when_the_reviewer_says_otherwise():
    first = zenith(*FIRST)
    misread = _read_buyer_vat_as_vendors(first)
    wrong = VendorMemory(key=f"vat:{BUYER_VAT}", identifiers=(f"vat:{BUYER_VAT}",), name="Muster AG")
    assert review_memory([wrong], misread, {}) is wrong  # nothing reviewed: the engine's reading names it
    assert review_memory([wrong], misread, {"vendor_tax_id": VAT}) is None  # corrected: it does not
    assert review_memory([wrong], misread, {"vendor_tax_id": None}) is None  # cleared: neither
    # the memory an earlier correction of the document taught is taught again unless a reviewed VAT id
    # contradicts a reviewed one of it (an unreviewed one is replaced instead)
    provisional = replace(wrong, unreviewed=wrong.identifiers)
    assert review_memory([], misread, {"vendor_tax_id": VAT}, taught=provisional) is provisional
    assert review_memory([], misread, {"vendor_tax_id": VAT}, taught=wrong) is None


# -- letterheads -------------------------------------------------------------------------------------------


def receipt(name: str, street: str, date: str, total: str, *, number: str = "CS 10234") -> OcrDocument:
    """A shop's receipt: no VAT id, IBAN or tax number; its name, street and town at the top."""
    return text_layer_page(
        [
            [(name, 0.25)],
            [(f"NO 12, {street}", 0.2)],
            [("BANDAR MAHKOTA CHERAS", 0.25)],
            [("43200 CHERAS, SELANGOR", 0.25)],
            [("TEL 03-9081 2233", 0.3)],
            [],
            [(f"Bill No: {number}", 0.1), (f"Date: {date}", 0.55)],
            [("NASI LEMAK", 0.1), ("6.50", 0.75)],
            [("TEH TARIK", 0.1), ("2.20", 0.75)],
            [],
            [("TOTAL", 0.1), (total, 0.75)],
            [("CASH", 0.1), ("20.00", 0.75)],
            [("THANK YOU, PLEASE COME AGAIN", 0.15)],
        ],
        top=0.04,
        step=0.03,
    )


MELATI = "KEDAI MAKAN SRI MELATI"
STREET = "JALAN TEMENGGUNG 21/9, SEKSYEN 9"


def _taught_receipt() -> VendorMemory:
    first = receipt(MELATI, STREET, "19/02/2017", "8.70")
    final = {"vendor_name": "Kedai Makan Sri Melati", "invoice_date": "2017-02-19", "total": "8.70"}
    memory = learn(None, ocr=first, extracted=extract_invoice(first), final=final, actor="rita", when=WHEN)
    assert memory is not None and memory.key == "name:kedai makan sri melati"
    assert memory.identifiers[-1].startswith("head:kedai makan sri melati no jalan temenggung")
    return memory


def test_a_second_receipt_with_a_garbled_name_is_recognised_by_its_letterhead():
    memory = _taught_receipt()
    garbled = receipt("KEDAI MAKAN SR1 MELAT1", STREET, "03/03/2017", "12.40", number="CS 10388")
    general = extract_invoice(garbled)
    assert general.get("vendor_tax_id") is None and general.get("iban") is None
    assert general.get("vendor_name") != "KEDAI MAKAN SRI MELATI"  # no name match possible
    result = extract_invoice(garbled, memories=[memory])
    assert result.memory is not None and result.memory["vendor"] == memory.key


def test_a_shop_of_the_same_street_and_layout_is_not_recognised():
    memory = _taught_receipt()
    other = receipt("RESTORAN DE COFFEE", STREET, "03/03/2017", "12.40")
    head = letterhead(document_rows(other))
    remembered = memory.identifiers[-1].removeprefix("head:")
    assert 70 <= fuzz.ratio(head, remembered) < HEAD_MATCH  # alike, but under the threshold
    result = extract_invoice(other, memories=[memory])
    assert result.memory is None
    assert result.to_dict() == extract_invoice(other).to_dict()


def test_two_memories_with_alike_letterheads_recognise_neither():
    memory = _taught_receipt()
    twin = replace(memory, key="name:kedai makan sri melati cheras", identifiers=memory.identifiers[::-1])
    garbled = receipt("KEDAI MAKAN SR1 MELAT1", STREET, "03/03/2017", "12.40")
    assert extract_invoice(garbled, memories=[memory, twin]).memory is None
