"""E-mail intake through the API and the inbox port: an uploaded .eml becomes one document per invoice
attachment, each remembering the e-mail; bad e-mails and bad attachments answer their codes under the
upload policy (bad ones rejected, good ones kept; all bad -> the first error, nothing stored)."""

from __future__ import annotations

import base64

import pytest
from django.core.files.storage import default_storage

from django_api.invoices.models import Document, OcrTask
from django_api.orchestration.django_port import DjangoPort
from ocr_tasks.errors import BadInput
from tests.api_shapes import assert_shape, response_schema
from tests.django_api.conftest import png_bytes, upload
from tests.ocr_tasks.ingest.emails import (
    MESSAGE_ID,
    SENDER,
    SUBJECT,
    eml,
    forwarding,
    message,
    page_png,
    pdf_page,
)

pytestmark = pytest.mark.django_db
UPLOAD = "/api/projects/{}/process-invoices/"


def post(client, project, *files):
    return client.post(UPLOAD.format(project.pk), {"files": list(files)}, format="multipart")


def test_an_email_becomes_one_document_per_invoice_attachment_remembering_it(
    alice_client, project, run_on_commit
):
    pdf, photo = pdf_page(), page_png()
    mail = eml([("RE-0042.pdf", pdf, "application/pdf"), ("beleg.png", photo, "image/png")])

    response = run_on_commit(post, alice_client, project, upload("rechnung.eml", mail, "message/rfc822"))

    assert response.status_code == 202, response.content
    body = response.json()
    assert_shape(body, response_schema("/api/projects/{project_id}/process-invoices/", "post", 202), "upload")
    assert [(d["name"], d["email"]) for d in body["documents"]] == [
        ("RE-0042.pdf", "rechnung.eml"),
        ("beleg.png", "rechnung.eml"),
    ]
    assert body["rejected"] == []
    documents = {d.name: d for d in Document.objects.filter(task_id=body["task_id"])}
    assert default_storage.open(documents["RE-0042.pdf"].file.name).read() == pdf
    assert documents["beleg.png"].media_type == "image/png" and documents["RE-0042.pdf"].pages == 1
    assert documents["beleg.png"].origin == {
        "type": "email",
        "file": "rechnung.eml",
        "message_id": MESSAGE_ID,
        "from": SENDER,
        "subject": SUBJECT,
        "date": "2026-12-01T09:15:00+01:00",
        "attachment": "beleg.png",
    }

    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{documents['beleg.png'].pk}/")
    assert detail.status_code == 200
    schema = response_schema("/api/projects/{project_id}/documents/{document_id}/")
    assert_shape(detail.json(), schema, "document detail")
    assert detail.json()["origin"]["from"] == SENDER
    plain = run_on_commit(post, alice_client, project, upload("a.png", png_bytes(1))).json()
    plain_detail = alice_client.get(f"/api/projects/{project.pk}/documents/{plain['documents'][0]['id']}/")
    assert plain_detail.json()["origin"] is None and "email" not in plain["documents"][0]


def test_a_damaged_attachment_is_rejected_alone_and_the_good_one_kept(alice_client, project, run_on_commit):
    good, bad = pdf_page(label="GOOD"), pdf_page(label="BAD")
    mail = eml([("good.pdf", good, "application/pdf"), ("bad.pdf", bad, "application/pdf")])
    good_lines = set(base64.encodebytes(good).splitlines())
    line = next(x for x in base64.encodebytes(bad).splitlines() if x not in good_lines)
    mail = mail.replace(line, b"%%garbage%%" + line[11:])

    response = run_on_commit(post, alice_client, project, upload("mail.eml", mail))

    assert response.status_code == 202, response.content
    body = response.json()
    assert [d["name"] for d in body["documents"]] == ["good.pdf"]
    assert [(r["name"], r["code"], r["email"]) for r in body["rejected"]] == [
        ("bad.pdf", "corrupt_file", "mail.eml")
    ]


def test_an_attachment_that_is_no_invoice_file_is_rejected_beside_the_invoice(alice_client, project):
    mail = eml(
        [("r.pdf", pdf_page(), "application/pdf"), ("agb.docx", b"PK\x03\x04 terms", "application/msword")]
    )
    body = post(alice_client, project, upload("m.eml", mail)).json()
    assert [d["name"] for d in body["documents"]] == ["r.pdf"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [("agb.docx", "unsupported_type")]


def test_an_email_without_an_invoice_attachment_answers_422_and_stores_nothing(alice_client, project):
    html = "<h1>Rechnung RE-7</h1><p>Summe 119,00 EUR</p>"
    response = post(alice_client, project, upload("body-only.eml", eml(html=html)))

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "no_invoice_attachment" and "print it to PDF" in body["message"]
    assert {p["reason"] for p in body["detail"]["parts"]} == {"message_text"}
    assert body["detail"]["rejected"][0]["name"] == "body-only.eml"
    assert not Document.objects.exists() and not OcrTask.objects.exists()


def test_an_email_without_invoice_beside_a_good_file_is_rejected_by_name(alice_client, project):
    response = post(alice_client, project, upload("a.png", png_bytes(1)), upload("hello.eml", eml()))
    assert response.status_code == 202
    body = response.json()
    assert [d["name"] for d in body["documents"]] == ["a.png"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [("hello.eml", "no_invoice_attachment")]


def test_a_truncated_email_is_corrupt_file(alice_client, project):
    mail = eml([("r.pdf", pdf_page(), "application/pdf")])
    response = post(alice_client, project, upload("cut.eml", mail[: len(mail) // 2]))
    assert response.status_code == 422 and response.json()["code"] == "corrupt_file"
    assert not Document.objects.exists()


def test_attachments_count_against_the_files_per_request(alice_client, project, settings):
    settings.OCR_MAX_FILES_PER_REQUEST = 2
    three = eml([(f"r{i}.pdf", pdf_page(label=str(i)), "application/pdf") for i in range(3)])
    response = post(alice_client, project, upload("three.eml", three))
    assert response.status_code == 413 and response.json()["code"] == "too_many_attachments"

    two = eml([(f"r{i}.pdf", pdf_page(label=str(i)), "application/pdf") for i in range(2)])
    response = post(alice_client, project, upload("two.eml", two), upload("a.png", png_bytes(1)))
    assert response.status_code == 413 and response.json()["code"] == "request_too_large"
    assert response.json()["detail"] == {"files": 3, "max_files": 2}
    assert not Document.objects.exists()


def test_an_attachment_over_the_page_limit_is_rejected_with_its_code(alice_client, project, settings):
    settings.OCR_MAX_PAGES = 2
    mail = eml(
        [("long.pdf", pdf_page(pages=3), "application/pdf"), ("short.pdf", pdf_page(), "application/pdf")]
    )
    body = post(alice_client, project, upload("m.eml", mail)).json()
    assert [d["name"] for d in body["documents"]] == ["short.pdf"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [("long.pdf", "too_many_pages")]


def test_a_hostile_attachment_name_is_stored_sanitised(alice_client, project):
    mail = message()
    mail.add_attachment(pdf_page(), maintype="application", subtype="pdf")
    mail.get_payload()[1].replace_header("Content-Disposition", "attachment")
    mail.get_payload()[1].set_param(
        "filename", "../../../../etc/\x1b[2Jevil.pdf", header="Content-Disposition"
    )

    body = post(alice_client, project, upload("m.eml", mail.as_bytes())).json()

    (document,) = Document.objects.filter(pk=body["documents"][0]["id"])
    assert document.name == "2Jevil.pdf" and document.origin["attachment"] == "2Jevil.pdf"
    assert document.file.name == f"projects/{project.pk}/documents/{document.pk}/2Jevil.pdf"


def test_another_users_project_and_email_documents_answer_404(alice_client, bob_client, project):
    mail = eml([("r.pdf", pdf_page(), "application/pdf")])
    assert post(bob_client, project, upload("m.eml", mail)).status_code == 404
    body = post(alice_client, project, upload("m.eml", mail)).json()
    document_id = body["documents"][0]["id"]
    assert bob_client.get(f"/api/projects/{project.pk}/documents/{document_id}/").status_code == 404


def test_a_viewer_cannot_upload_an_email(vera_client, project):
    mail = eml([("r.pdf", pdf_page(), "application/pdf")])
    assert post(vera_client, project, upload("m.eml", mail)).status_code == 403
    assert not Document.objects.exists()


def test_the_inbox_port_opens_an_email_and_its_documents_know_their_file(project):
    port = DjangoPort()
    forwarded = forwarding(message([("r.pdf", pdf_page(), "application/pdf")]))
    task_id = port.create_task(str(project.pk), [("fwd.eml", forwarded), ("a.png", png_bytes(2))])

    inputs = port.load_task(task_id)
    assert [(s.name, s.received_in) for s in inputs.documents] == [("r.pdf", "fwd.eml"), ("a.png", "")]
    document = Document.objects.get(task_id=task_id, name="r.pdf")
    assert document.origin["forwarded"][0]["from"] == SENDER

    with pytest.raises(BadInput) as refused:  # an e-mail without an invoice alone: the sweep's error
        port.create_task(str(project.pk), [("hello.eml", eml())])
    assert refused.value.code == "no_invoice_attachment"

    # beside good files, the files refused whole are named with their codes (for the sweep's error folder);
    # an e-mail with one bad attachment is not refused: its good one goes on
    mixed = eml(
        [("r.pdf", pdf_page(label="R"), "application/pdf"), ("x.docx", b"PK\x03\x04", "application/msword")]
    )
    task_id, refusals = port.create_task_noting_refusals(
        str(project.pk), [("hello.eml", eml()), ("notes.txt", b"hello"), ("mixed.eml", mixed)]
    )
    assert refusals == {"hello.eml": "no_invoice_attachment", "notes.txt": "unsupported_type"}
    assert [d.name for d in Document.objects.filter(task_id=task_id)] == ["r.pdf"]
