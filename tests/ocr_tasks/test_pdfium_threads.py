"""PDFium from many threads at once (issue: it crashed the API worker with SIGSEGV, and a bad PDF's
error code depended on another thread's call). The stress runs in a child process, so that a crash is a
failed test rather than a dead test run: 8 threads ingest valid PDFs (a text-layer invoice of the corpus
and a rendered image PDF) and bad ones (encrypted, truncated, no pages) over and over; every valid one
must come out whole and every bad one with its own error, every time. Without the lock the same child
process dies (exit 133, SIGTRAP from PDFium) three runs out of three on this machine."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.django_api.conftest import encrypted_pdf_bytes, pdf_bytes

STRESS = textwrap.dedent(
    """
    import sys, tempfile, threading
    from pathlib import Path
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.errors import CorruptDocument, EncryptedDocument
    from ocr_tasks.ingest.pdf import pdf_pages

    text_pdf, image_pdf, encrypted = (Path(p).read_bytes() for p in sys.argv[1:4])
    truncated = text_pdf[: len(text_pdf) // 3]
    no_pages = b"%PDF-1.4\\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\\n" \\
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\\n" \\
        b"trailer << /Root 1 0 R >>\\n%%EOF\\n"
    cases = [
        ("text", text_pdf, None), ("image", image_pdf, None), ("encrypted", encrypted, EncryptedDocument),
        ("truncated", truncated, CorruptDocument), ("no pages", no_pages, CorruptDocument),
    ]
    config = OcrConfig(dpi=100)
    expected_pages = {}
    problems = []

    def work(offset):
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(12):
                name, data, error = cases[(i + offset) % len(cases)]
                try:
                    pages = pdf_pages(data, config=config, workdir=Path(tmp))
                except Exception as exc:
                    if error is None or not isinstance(exc, error):
                        problems.append(f"{name}: {type(exc).__name__}: {exc}")
                    continue
                if error is not None:
                    problems.append(f"{name}: no error")
                    continue
                shape = [(p.width, p.height, bool(p.text_page)) for p in pages]
                if expected_pages.setdefault(name, shape) != shape:
                    problems.append(f"{name}: pages differ {shape}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("\\n".join(problems[:10]) or "ok")
    sys.exit(1 if problems else 0)
    """
)


def test_eight_threads_ingest_good_and_bad_pdfs_without_a_crash_or_a_borrowed_error(corpus, tmp_path):
    text_pdf = next((corpus / "invoice2data-dev" / "images").glob("*.pdf"))
    image_pdf = tmp_path / "image.pdf"
    image_pdf.write_bytes(pdf_bytes(pages=3))
    encrypted = tmp_path / "encrypted.pdf"
    encrypted.write_bytes(encrypted_pdf_bytes())
    run = subprocess.run(
        [sys.executable, "-c", STRESS, str(text_pdf), str(image_pdf), str(encrypted)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"exit {run.returncode}: {run.stdout[-2000:]} {run.stderr[-2000:]}"
    assert run.stdout.strip() == "ok"
