"""Hostile uploads: thousands of pages, decompression bombs, truncated and mislabelled files, hostile
names, huge PDF pages. Each is refused (or stored safely) with its code; what was stored before stays."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pypdfium2 as pdfium
import pytest
from django.core.files.storage import default_storage

from django_api.invoices.models import Document, OcrTask
from django_api.invoices.page_images import MAX_PREVIEW_PIXELS
from tests.django_api.conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def blank_pdf(pages: int, size: tuple[float, float] = (612, 792)) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(*size)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring `width` x `height` pixels with a few bytes of data (a decompression bomb's shape)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    idat = zlib.compress(b"\x00" * 4096, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def thousands_of_pages() -> bytes:
    return blank_pdf(3000)


@pytest.fixture
def stored_before(alice_client, project, run_on_commit):
    """A document already stored (and processed) before the hostile uploads."""
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("kept.png", png_bytes(7))]},
        format="multipart",
    ).json()
    document = Document.objects.get(pk=body["documents"][0]["id"])
    return document.pk, document.file.name, hashlib.sha256(png_bytes(7)).hexdigest()


def _post(client, project, files, run_on_commit):
    return run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )


def _assert_kept(stored_before):
    pk, file_name, sha = stored_before
    document = Document.objects.get(pk=pk)
    assert (document.status, document.file.name, document.sha256) == ("processed", file_name, sha)
    with default_storage.open(file_name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == sha


def test_thousands_of_pages_refused_by_count_without_rendering(
    alice_client, project, run_on_commit, stored_before, thousands_of_pages, monkeypatch
):
    def no_render(*args, **kwargs):
        raise AssertionError("a page was rendered")

    monkeypatch.setattr(pdfium.PdfPage, "render", no_render)
    response = _post(alice_client, project, [upload("long.pdf", thousands_of_pages)], run_on_commit)
    assert (response.status_code, response.json()["code"]) == (413, "too_many_pages")
    assert response.json()["detail"]["pages"] == 3000
    assert Document.objects.count() == 1 and OcrTask.objects.count() == 1
    _assert_kept(stored_before)


BAD = [
    ("bomb.png", png_header_only(100_000, 100_000), "image_too_large", 413),
    ("wide.png", png_header_only(9000, 9000), "image_too_large", 413),
    ("zero.png", png_header_only(0, 10), "corrupt_file", 422),
    ("half.pdf", pdf_bytes(2)[:200], "corrupt_file", 422),
    ("half.png", png_bytes(3)[:40], "corrupt_file", 422),
    ("invoice.pdf", b"\x00" * 1000, "unsupported_type", 415),
    ("invoice.pdf", b"<html><body>%PDF-1.4</body></html>", "unsupported_type", 415),
]


@pytest.mark.parametrize(("name", "data", "code", "status"), BAD, ids=[b[0] + ":" + b[2] for b in BAD])
def test_bad_file_refused_and_stored_documents_kept(
    alice_client, project, run_on_commit, stored_before, name, data, code, status
):
    response = _post(alice_client, project, [upload(name, data)], run_on_commit)
    assert (response.status_code, response.json()["code"]) == (status, code), response.content[:300]
    assert Document.objects.count() == 1 and OcrTask.objects.count() == 1
    _assert_kept(stored_before)


def test_mixed_request_keeps_good_files_and_names_each_bad_one(
    alice_client, project, run_on_commit, stored_before, thousands_of_pages
):
    files = [
        upload("bomb.png", png_header_only(100_000, 100_000)),
        upload("good.pdf", blank_pdf(2)),
        upload("long.pdf", thousands_of_pages),
        upload("scan.pdf", png_bytes(4)),  # mislabelled: a PNG named .pdf is taken as the PNG it is
    ]
    # no flow run here: the fake flow would record the pages it "read", not the file's
    body = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    ).json()
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [
        ("bomb.png", "image_too_large"),
        ("long.pdf", "too_many_pages"),
    ]
    documents = {d["name"]: Document.objects.get(pk=d["id"]) for d in body["documents"]}
    assert {n: (d.media_type, d.pages) for n, d in documents.items()} == {
        "good.pdf": ("application/pdf", 2),
        "scan.pdf": ("image/png", 1),
    }
    assert all(default_storage.exists(d.file.name) for d in documents.values())
    _assert_kept(stored_before)


@pytest.mark.parametrize(
    "name",
    [
        "发票" * 150 + ".png",  # 900 bytes of UTF-8: above the 255 bytes a file system allows
        "../../etc/passwd",
        "/etc/passwd",
        "C:\\Windows\\system32\\CON.png",
        "inv\u202egnp.png",
        "a" * 10_000 + ".png",
        "NUL",
    ],
    ids=["cjk-long", "traversal", "absolute", "windows-device", "rtl-override", "very-long", "nul-device"],
)
def test_hostile_names_are_stored_inside_the_document_folder(alice_client, project, run_on_commit, name):
    response = _post(alice_client, project, [upload(name, png_bytes(2))], run_on_commit)
    assert response.status_code == 202, response.content[:300]
    stored = Document.objects.get(pk=response.json()["documents"][0]["id"])
    folder = f"projects/{project.pk}/documents/{stored.pk}/"
    assert stored.file.name.startswith(folder) and "/" not in stored.file.name[len(folder) :]
    assert len(stored.name.encode()) <= 200 and "\u202e" not in stored.name
    assert stored.name.split(".")[0].upper() not in {"CON", "NUL"}
    assert default_storage.exists(stored.file.name)


def test_page_image_of_a_huge_pdf_page_is_bounded(alice_client, project, run_on_commit):
    from PIL import Image

    body = _post(
        alice_client, project, [upload("poster.pdf", blank_pdf(1, size=(14_400, 14_400)))], run_on_commit
    ).json()
    path = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/pages/0/image/"
    response = alice_client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.width * image.height <= MAX_PREVIEW_PIXELS and image.width > 1000


def _raw_multipart(parts: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart body written by hand: Django's test client refuses names such as `..` itself."""
    boundary = "hostile-boundary-7d3f"
    body = b""
    for name, data in parts:
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("name", ["\x01\x02\x1b", "..", "invoices/", "\u202e", "../"])
def test_a_file_whose_name_sanitises_to_nothing_is_not_dropped(alice_client, project, name):
    """Django's parser used to drop such a file silently (`no_files`, or missing from a mixed upload)."""
    body, content_type = _raw_multipart([("good.png", png_bytes(1)), (name, png_bytes(2)), (name, b"")])
    response = alice_client.generic(
        "POST", f"/api/projects/{project.pk}/process-invoices/", body, content_type=content_type
    )
    assert response.status_code == 202, response.content[:300]
    body = response.json()
    assert [d["name"] for d in body["documents"]] == ["good.png", "unnamed"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [("unnamed", "empty_file")]
    assert Document.objects.count() == 2


def tiff_frames(*sizes: tuple[int, int]) -> bytes:
    from PIL import Image

    images = [Image.new("L", size, 255) for size in sizes]
    buffer = io.BytesIO()
    images[0].save(buffer, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate")
    return buffer.getvalue()


def test_every_frame_of_a_tiff_is_checked_not_only_the_first(
    alice_client, project, run_on_commit, settings, stored_before
):
    settings.OCR_MAX_PIXELS_PER_PAGE = 50_000
    small_then_huge = tiff_frames((100, 100), (100, 100), (400, 400))
    response = _post(alice_client, project, [upload("pages.tiff", small_then_huge)], run_on_commit)
    assert (response.status_code, response.json()["code"]) == (413, "image_too_large")
    assert response.json()["detail"]["page"] == 2
    settings.OCR_MAX_PAGES = 2
    many = _post(alice_client, project, [upload("many.tiff", tiff_frames(*[(10, 10)] * 3))], run_on_commit)
    assert (many.status_code, many.json()["code"]) == (413, "too_many_pages")
    assert Document.objects.count() == 1
    _assert_kept(stored_before)


def test_page_image_rechecks_the_frame_size_before_decoding(alice_client, project, settings):
    body = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("pages.tiff", tiff_frames((100, 100), (400, 400)))]},
        format="multipart",
    ).json()
    settings.OCR_MAX_PIXELS_PER_PAGE = 50_000  # lowered after the file was stored
    path = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/pages/"
    assert alice_client.get(path + "0/image/").status_code == 200
    response = alice_client.get(path + "1/image/")
    assert (response.status_code, response.json()["code"]) == (413, "image_too_large")
