"""Bad uploads: each gets its stable code; good files of the same request proceed; all-bad stores nothing."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from django_api.invoices.models import Document, OcrTask
from django_api.invoices.services.upload_checks import sanitize_filename
from tests.django_api.conftest import encrypted_pdf_bytes, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def _stored_files(project) -> list[str]:
    folder = f"projects/{project.pk}/documents"
    if not default_storage.exists(folder):
        return []
    return default_storage.listdir(folder)[0]


def _post(client, project, files, run_on_commit):
    return run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )


BAD_FILES = [
    ("empty.pdf", b"", "empty_file", 400),
    ("notes.pdf", b"just some text pretending to be a PDF\n" * 10, "unsupported_type", 415),
    ("archive.png", b"PK\x03\x04" + b"\x00" * 100, "unsupported_type", 415),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "corrupt_file", 422),
    ("truncated.png", png_bytes(1)[:60], "corrupt_file", 422),
    ("locked.pdf", encrypted_pdf_bytes(), "encrypted_pdf", 422),
]


@pytest.mark.parametrize(
    ("name", "data", "code", "status"), BAD_FILES, ids=[b[2] + ":" + b[0] for b in BAD_FILES]
)
def test_each_bad_file_alone_is_rejected_and_nothing_stored(
    alice_client, project, run_on_commit, name, data, code, status
):
    response = _post(alice_client, project, [upload(name, data)], run_on_commit)
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code and body["message"]
    assert body["detail"]["rejected"] == [{"name": name, "code": code, "message": body["message"]}]
    assert OcrTask.objects.count() == 0 and Document.objects.count() == 0 and _stored_files(project) == []


def test_limits_file_pages_pixels(alice_client, project, run_on_commit, settings):
    settings.OCR_MAX_FILE_BYTES = 2000
    big = _post(
        alice_client,
        project,
        [upload("big.png", png_bytes(1, size=(900, 900)) + b"\x00" * 3000)],
        run_on_commit,
    )
    assert (big.status_code, big.json()["code"]) == (413, "file_too_large")
    settings.OCR_MAX_FILE_BYTES = 10_000_000
    settings.OCR_MAX_PAGES = 2
    pages = _post(alice_client, project, [upload("long.pdf", pdf_bytes(3))], run_on_commit)
    assert (pages.status_code, pages.json()["code"]) == (413, "too_many_pages")
    settings.OCR_MAX_PIXELS_PER_PAGE = 5000
    pixels = _post(alice_client, project, [upload("huge.png", png_bytes(1, size=(100, 100)))], run_on_commit)
    assert (pixels.status_code, pixels.json()["code"]) == (413, "image_too_large")
    assert Document.objects.count() == 0 and _stored_files(project) == []


def test_request_limits(alice_client, project, run_on_commit, settings):
    settings.OCR_MAX_REQUEST_BYTES = 1000
    too_big = _post(
        alice_client,
        project,
        [upload("a.png", png_bytes(1, size=(400, 400))), upload("b.png", png_bytes(2, size=(400, 400)))],
        run_on_commit,
    )
    assert (too_big.status_code, too_big.json()["code"]) == (413, "request_too_large")
    none = alice_client.post(f"/api/projects/{project.pk}/process-invoices/", {}, format="multipart")
    assert (none.status_code, none.json()["code"]) == (400, "no_files")
    assert Document.objects.count() == 0


def test_mixed_request_rejects_bad_files_and_processes_good_ones(alice_client, project, run_on_commit):
    files = [
        upload("good.png", png_bytes(1)),
        upload("empty.png", b""),
        upload("locked.pdf", encrypted_pdf_bytes()),
        upload("good2.pdf", pdf_bytes()),
    ]
    response = _post(alice_client, project, files, run_on_commit)
    assert response.status_code == 202
    body = response.json()
    assert [d["name"] for d in body["documents"]] == ["good.png", "good2.pdf"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [
        ("empty.png", "empty_file"),
        ("locked.pdf", "encrypted_pdf"),
    ]
    assert Document.objects.count() == 2 and len(_stored_files(project)) == 2
    assert alice_client.get(body["status_url"]).json()["status"] == "succeeded"


def test_type_is_taken_from_content_not_name(alice_client, project, run_on_commit):
    body = _post(
        alice_client, project, [upload("scan.pdf", png_bytes(1), "application/pdf")], run_on_commit
    ).json()
    document = Document.objects.get(pk=body["documents"][0]["id"])
    assert document.media_type == "image/png" and document.pages == 1
    assert document.sha256 and document.size == len(png_bytes(1))


def test_filenames_are_sanitised_on_upload(alice_client, project, run_on_commit):
    body = _post(
        alice_client, project, [upload("../../etc/passwd\x00\x07.png", png_bytes(1))], run_on_commit
    ).json()
    name = body["documents"][0]["name"]
    assert "/" not in name and "\x00" not in name and ".." not in name
    document = Document.objects.get(pk=body["documents"][0]["id"])
    assert document.file.name.startswith(f"projects/{project.pk}/documents/{document.id}/")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\invoice 7.pdf", "invoice 7.pdf"),
        ("in\x00vo\x1bice\n.png", "invoice.png"),
        ("..", "document.pdf"),
        ("", "document.pdf"),
        ("rechnung<script>.pdf", "rechnung_script_.pdf"),
    ],
)
def test_sanitize_filename(raw, expected):
    assert sanitize_filename(raw, media_type="application/pdf") == expected


def test_sanitize_filename_bounds_length():
    name = sanitize_filename("a" * 500 + ".pdf")
    assert len(name) == 200 and name.endswith(".pdf")


def test_oversized_request_refused_from_its_declared_length(alice_client, project, settings):
    settings.OCR_MAX_REQUEST_BYTES = 10
    big = b"x" * (2 * 1024 * 1024)
    response = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": [upload("a.png", big)]}, format="multipart"
    )
    assert (response.status_code, response.json()["code"]) == (413, "request_too_large")
    assert Document.objects.count() == 0


def test_too_many_files_is_413_with_the_error_body(alice_client, project, settings):
    settings.OCR_MAX_FILES_PER_REQUEST = 3
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 4  # Django's own parser limit (settings: our limit + 1)
    files = [upload(f"{i}.png", png_bytes(i)) for i in range(4)]
    ours = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert (ours.status_code, ours.json()["code"]) == (413, "request_too_large")
    files = [upload(f"{i}.png", png_bytes(i)) for i in range(6)]
    djangos = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert (djangos.status_code, djangos.json()["code"]) == (413, "request_too_large")
    assert Document.objects.count() == 0


def test_content_of_no_known_kind_is_described_without_unknown_content(alice_client, project, run_on_commit):
    """Found in a browser walk-through: a text file named .pdf was refused with 'the content is unknown
    content, not a PDF, ...'."""
    response = _post(alice_client, project, [upload("notes.pdf", b"this is not a pdf")], run_on_commit)
    message = response.json()["message"]
    assert "unknown content" not in message
    assert "content is not a PDF, a PNG/JPEG/TIFF/WebP/BMP image or a CII/UBL e-invoice XML" in message
    zipped = _post(
        alice_client, project, [upload("archive.png", b"PK\x03\x04" + b"\x00" * 100)], run_on_commit
    )
    assert "content is application/zip, not a PDF" in zipped.json()["message"]
