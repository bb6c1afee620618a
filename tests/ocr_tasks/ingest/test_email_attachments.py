"""E-mail intake, pure: which parts of an e-mail are its documents, where each came from, and how bad
e-mails are refused (cut short, no invoice attachment, over a bound) or bad attachments flagged alone."""

from __future__ import annotations

import base64
import time

import pytest

from ocr_tasks.errors import CorruptDocument, DocumentTooLarge, NoInvoiceAttachment, TooManyAttachments
from ocr_tasks.ingest.detect import PDF, PNG, XML
from ocr_tasks.ingest.email_attachments import (
    INLINE_IMAGE,
    MESSAGE_TEXT,
    NESTED_TOO_DEEP,
    NOT_AN_INVOICE,
    SMALL_IMAGE,
    EmailLimits,
    email_attachments,
)
from ocr_tasks.ingest.email_message import clean_text, looks_like_email
from tests.ocr_tasks.ingest.emails import (
    DATE,
    MESSAGE_ID,
    SENDER,
    SUBJECT,
    eml,
    forwarding,
    logo_png,
    message,
    page_png,
    pdf_page,
)

LIMITS = EmailLimits()
CII = (
    b'<?xml version="1.0"?><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:'
    b'standard:CrossIndustryInvoice:100"/>'
)


def test_each_invoice_attachment_is_a_document_remembering_the_email():
    pdf = pdf_page()
    data = eml(
        [
            ("RE-2026-0042.pdf", pdf, "application/pdf"),
            ("beleg.png", page_png(), "image/png"),
            ("xrechnung.xml", CII, "application/xml"),
        ]
    )
    contents = email_attachments(data, limits=LIMITS)

    assert [(a.name, a.media_type) for a in contents.attachments] == [
        ("RE-2026-0042.pdf", PDF),
        ("beleg.png", PNG),
        ("xrechnung.xml", XML),
    ]
    assert all(a.error is None for a in contents.attachments)
    assert contents.attachments[0].data == pdf
    origin = contents.attachments[1].origin(file="mail.eml")
    assert origin == {
        "type": "email",
        "file": "mail.eml",
        "message_id": MESSAGE_ID,
        "from": SENDER,  # the encoded word decoded (ü)
        "subject": SUBJECT,
        "date": "2026-12-01T09:15:00+01:00",
        "attachment": "beleg.png",
    }
    assert [s.reason for s in contents.skipped] == [MESSAGE_TEXT]  # the text is no document


def test_logos_shown_in_the_html_and_tiny_images_are_not_invoices_but_an_inline_photo_is():
    photo = page_png("INVOICE PHOTO", size=(1200, 1600))  # above the inline size: a photo put inline
    html = '<p>Rechnung:</p><img src="cid:logo@mail"><img src="cid:photo@mail">'
    mail = message([("icon.png", logo_png((40, 40)), "image/png")], html=html, logo=logo_png())
    mail.get_payload()[0].get_payload()[1].add_related(photo, "image", "png", cid="<photo@mail>")

    contents = email_attachments(mail.as_bytes(), limits=LIMITS)

    assert [a.data for a in contents.attachments] == [photo]
    assert contents.attachments[0].name == "attachment-1.png"  # it had no file name
    reasons = {(s.name, s.reason) for s in contents.skipped}
    assert ("", INLINE_IMAGE) in reasons and ("icon.png", SMALL_IMAGE) in reasons


def test_an_email_whose_only_image_is_its_logo_has_no_invoice_attachment():
    with pytest.raises(NoInvoiceAttachment) as refused:
        email_attachments(eml(logo=logo_png()), limits=LIMITS)
    assert refused.value.code == "no_invoice_attachment" and refused.value.http_status == 422
    reasons = [p["reason"] for p in refused.value.detail["parts"]]
    assert reasons.count(MESSAGE_TEXT) == 2 and INLINE_IMAGE in reasons

    # the same logo attached as a file (not shown in the text) is still too small to be an invoice
    with pytest.raises(NoInvoiceAttachment) as refused:
        email_attachments(eml([("logo.png", logo_png(), "image/png")]), limits=LIMITS)
    assert [p["reason"] for p in refused.value.detail["parts"]][-1] == SMALL_IMAGE


def test_an_html_invoice_in_the_body_is_refused_with_a_hint_to_print_it():
    html = "<h1>Rechnung RE-7</h1><table><tr><td>Summe</td><td>119,00 EUR</td></tr></table>"
    with pytest.raises(NoInvoiceAttachment) as refused:
        email_attachments(eml(html=html), limits=LIMITS)
    assert "print it to PDF" in refused.value.message


def test_signatures_invitations_and_other_files_are_left_out_or_named():
    data = eml(
        [
            ("smime.p7s", b"0\x82\x01", "application/pkcs7-signature"),
            ("termin.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
            ("agb.docx", b"PK\x03\x04 not an invoice file", "application/octet-stream"),
        ]
    )
    with pytest.raises(NoInvoiceAttachment) as refused:
        email_attachments(data, limits=LIMITS)
    parts = {p["name"]: p["reason"] for p in refused.value.detail["parts"] if p["name"]}
    assert parts == {
        "smime.p7s": NOT_AN_INVOICE,
        "termin.ics": NOT_AN_INVOICE,
        "agb.docx": "unsupported_type",
    }

    # beside an invoice, another file is handed on (the upload check rejects it with its own code)
    contents = email_attachments(
        eml([("r.pdf", pdf_page(), "application/pdf"), ("agb.docx", b"PK\x03\x04 x", "application/msword")]),
        limits=LIMITS,
    )
    assert [(a.name, a.media_type) for a in contents.attachments] == [("r.pdf", PDF), ("agb.docx", None)]


@pytest.mark.parametrize(
    "hostile, expected",
    [
        ("../../../etc/cron.d/evil.pdf", "evil.pdf"),
        ("C:\\Windows\\System32\\rechnung.pdf", "rechnung.pdf"),
        ("rech\x00nung\x1b[31m.pdf", "rechnung_31m.pdf"),
        ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),  # the RTL override is gone
        ("CON.pdf", "_CON.pdf"),
    ],
)
def test_hostile_attachment_names_are_sanitised(hostile, expected):
    mail = message()
    mail.add_attachment(pdf_page(), maintype="application", subtype="pdf")
    # set the raw parameter: EmailMessage would refuse some of these characters in filename=
    mail.get_payload()[1].replace_header("Content-Disposition", "attachment")
    mail.get_payload()[1].set_param("filename", hostile, header="Content-Disposition")
    (attachment,) = email_attachments(mail.as_bytes(), limits=LIMITS).attachments
    assert attachment.name == expected
    assert attachment.origin(file="m.eml")["attachment"] == expected


def test_a_very_long_attachment_name_is_bounded_in_bytes_and_keeps_its_extension():
    (attachment,) = email_attachments(
        eml([("ä" * 400 + ".pdf", pdf_page(), "application/pdf")]), limits=LIMITS
    ).attachments
    assert len(attachment.name.encode("utf-8")) <= 200 and attachment.name.endswith(".pdf")


def test_hostile_headers_are_kept_as_one_bounded_line():
    data = eml([("r.pdf", pdf_page(), "application/pdf")], subject="Rechnung " + "x" * 2000)
    data = data.replace(b"Date: " + DATE.encode(), b"Date: not a date")  # as a broken mailer writes it
    origin = email_attachments(data, limits=LIMITS).attachments[0].origin(file="m.eml")
    assert len(origin["subject"]) == 500 and origin["subject"].startswith("Rechnung xxx")
    assert origin["date"] == "not a date"  # kept as written when it does not parse
    assert clean_text("a\r\nBcc: victim@example.com\x00\u202e") == "a Bcc: victim@example.com"


def test_forwarded_messages_are_followed_and_remembered_to_a_bounded_depth():
    inner = message([("r.pdf", pdf_page(), "application/pdf")])
    contents = email_attachments(forwarding(inner, depth=2), limits=LIMITS)
    (attachment,) = contents.attachments
    origin = attachment.origin(file="fwd.eml")
    assert origin["message_id"] == "<fwd-1@example.com>"  # the e-mail that was uploaded
    assert [m["message_id"] for m in origin["forwarded"]] == ["<fwd-0@example.com>", MESSAGE_ID]
    assert origin["forwarded"][-1]["from"] == SENDER  # the vendor's own message, innermost

    with pytest.raises(NoInvoiceAttachment) as refused:  # deeper than max_depth: not followed
        email_attachments(forwarding(inner, depth=4), limits=LIMITS)
    assert NESTED_TOO_DEEP in [p["reason"] for p in refused.value.detail["parts"]]
    assert email_attachments(forwarding(inner, depth=3), limits=LIMITS).attachments


def test_damaged_base64_flags_that_attachment_alone():
    good, bad = pdf_page(label="GOOD"), pdf_page(label="BAD")
    data = eml([("good.pdf", good, "application/pdf"), ("bad.pdf", bad, "application/pdf")])
    good_lines = set(base64.encodebytes(good).splitlines())
    encoded = next(line for line in base64.encodebytes(bad).splitlines() if line not in good_lines)
    assert encoded in data
    data = data.replace(encoded, b"!!**garbage**!!" + encoded[15:])

    contents = email_attachments(data, limits=LIMITS)

    assert [(a.name, a.error is None) for a in contents.attachments] == [
        ("good.pdf", True),
        ("bad.pdf", False),
    ]
    assert isinstance(contents.attachments[1].error, CorruptDocument)
    assert contents.attachments[0].data == good


def test_a_truncated_email_is_corrupt():
    data = eml([("r.pdf", pdf_page(), "application/pdf")])
    with pytest.raises(CorruptDocument) as refused:
        email_attachments(data[: len(data) * 2 // 3], limits=LIMITS)
    assert refused.value.code == "corrupt_file"


def test_attachments_and_bytes_are_bounded():
    data = eml([(f"r{i}.pdf", pdf_page(label=str(i)), "application/pdf") for i in range(4)])
    with pytest.raises(TooManyAttachments) as refused:
        email_attachments(data, limits=EmailLimits(max_attachments=3))
    assert refused.value.http_status == 413 and refused.value.detail["max_files"] == 3
    with pytest.raises(DocumentTooLarge):
        email_attachments(data, limits=EmailLimits(max_total_bytes=len(pdf_page()) * 2))
    assert len(email_attachments(data, limits=EmailLimits(max_attachments=4)).attachments) == 4


def test_an_email_of_thousands_of_parts_is_refused_before_it_is_parsed():
    boundary = b"b0"
    parts = b"".join(b"--" + boundary + b"\r\n\r\nx\r\n" for _ in range(50_000))
    data = (
        b"From: a@example.com\r\nDate: Tue, 01 Dec 2026 09:15:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=b0\r\n\r\n" + parts + b"--b0--\r\n"
    )
    started = time.perf_counter()
    with pytest.raises(TooManyAttachments):
        email_attachments(data, limits=LIMITS)
    assert time.perf_counter() - started < 5  # parsing them would take about a minute


def test_deeply_nested_multiparts_are_refused_not_recursed():
    data = (
        b"From: a@example.com\r\nDate: Tue, 01 Dec 2026\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
    )
    for i in range(5000):
        data += f"--b{i}\r\nContent-Type: multipart/mixed; boundary=b{i + 1}\r\n\r\n".encode()
    with pytest.raises((TooManyAttachments, CorruptDocument)):
        email_attachments(data, limits=LIMITS)


@pytest.mark.parametrize(
    "data, expected",
    [
        (eml([("r.pdf", b"%PDF-1.4", "application/pdf")]), True),
        (b"From MAILER-DAEMON Tue Dec  1 09:15:00 2026\nFrom: a@b.c\nSubject: x\n\nbody", True),  # mbox
        (b"Received: from mx\r\n by mx2\r\nFrom: a@b.c\r\nDate: x\r\n\r\n", True),  # folded header
        (b"From: a@b.c\nhello, this is a note\n", False),  # text starting with From:
        (b"Subject: only a subject\n\nbody", False),  # no From
        (b"%PDF-1.7\nFrom: a@b.c\nDate: x\n\n", False),
        (b"", False),
    ],
)
def test_an_email_is_told_by_its_header_block(data, expected):
    assert looks_like_email(data) is expected


def test_reading_an_email_as_a_document_says_where_to_send_it(tmp_path):
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.errors import UnsupportedDocument
    from ocr_tasks.ingest import ingest_bytes

    with pytest.raises(UnsupportedDocument) as refused:
        ingest_bytes(
            eml([("r.pdf", pdf_page(), "application/pdf")]),
            name="m.eml",
            config=OcrConfig(),
            workdir=tmp_path,
        )
    assert refused.value.code == "unsupported_type" and "e-mail (.eml)" in refused.value.message


def test_an_e_invoice_sent_inline_as_text_xml_without_a_name_is_a_document():
    mail = message()
    mail.add_attachment(CII.decode(), subtype="xml", disposition="inline")
    (attachment,) = email_attachments(mail.as_bytes(), limits=LIMITS).attachments
    assert attachment.media_type == XML and attachment.name == "attachment-1.xml"
