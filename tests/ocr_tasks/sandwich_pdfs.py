"""Scanned pages as they reach accounts payable from a scanner or OCRmyPDF: a PDF whose page is one image
with someone else's OCR laid over it as invisible text (text render mode 3), for the tests and the
held-out scan bench.

- `tesseract_sandwich`: Tesseract's own PDF renderer (`tesseract page.png out pdf`, what OCRmyPDF wraps):
  a good layer, the words where the ink is;
- `poor_sandwich`: a layer as a cheap scanner OCR writes it, drawn with reportlab over the image: the
  words of a word-level Tesseract reading (psm 11, sparse text: no table structure), then, seeded,
  characters confused (0/O, 1/l, 5/S, 8/B, `,`/`.`), neighbouring words merged, lines emitted in a wrong
  order, some lines left out, and the boxes placed at a wrong DPI's scale (they do not sit on the ink);
- `under_image_sandwich`: the older way some scanners hide their OCR: ordinary (visible) text drawn
  first and the page image drawn over it.
- `image_only_pdf`: the image alone in a PDF (no text), and `with_pages`: pages of several PDFs in one
  (a born-digital invoice with a scanned delivery note appended).
"""

from __future__ import annotations

import io
import random
import subprocess
import tempfile
from pathlib import Path

CONFUSIONS = dict(zip("0O1l5S8B,.", "O0l1S5B8.,", strict=True))


def tesseract_sandwich(image: Path) -> bytes:
    """Tesseract's PDF renderer on `image` (its DPI as the image declares it): the image with Tesseract's
    words as invisible text over it."""
    with tempfile.TemporaryDirectory(prefix="sandwich-") as tmp:
        base = Path(tmp) / "page"
        subprocess.run(
            ["tesseract", str(image), str(base), "pdf"],
            capture_output=True,
            timeout=120,
            check=True,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
        return base.with_suffix(".pdf").read_bytes()


def _words(image) -> list[list[tuple[str, tuple[int, int, int, int]]]]:
    """Lines of (word, pixel box) of a sparse-text Tesseract reading (psm 11: no layout, no table)."""
    import pytesseract

    data = pytesseract.image_to_data(image, config="--psm 11", output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list] = {}
    for i, text in enumerate(data["text"]):
        if not text.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        lines.setdefault(key, []).append((text, box))
    return list(lines.values())


def _spoil(lines, rng: random.Random, *, confusion: float, merge: float, drop: float, swap: float):
    """The lines with a cheap OCR's defects (see the module's docstring)."""
    spoilt = []
    for line in lines:
        if rng.random() < drop:
            continue
        words = []
        for text, box in line:
            text = "".join(CONFUSIONS[c] if c in CONFUSIONS and rng.random() < confusion else c for c in text)
            if words and rng.random() < merge:  # merged with the word before: no space, one box
                last_text, (x, y, w, h) = words[-1]
                x1, y1 = max(x + w, box[0] + box[2]), max(y + h, box[1] + box[3])
                x0, y0 = min(x, box[0]), min(y, box[1])
                words[-1] = (last_text + text, (x0, y0, x1 - x0, y1 - y0))
            else:
                words.append((text, box))
        spoilt.append(words)
    for i in range(len(spoilt) - 1):  # lines out of order: neighbours swapped
        if rng.random() < swap:
            spoilt[i], spoilt[i + 1] = spoilt[i + 1], spoilt[i]
    return spoilt


def poor_sandwich(
    image: Path,
    *,
    seed: int,
    confusion: float = 0.06,
    merge: float = 0.15,
    drop: float = 0.05,
    swap: float = 0.2,
    scale: float = 0.92,
) -> bytes:
    """`image` as a full page with a poor invisible OCR layer over it (render mode 3). `scale`: the layer's
    boxes are placed as if the image had `scale` times its DPI's pixels per point (a wrong DPI)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    with Image.open(image) as opened:
        picture = opened.convert("L")
        dpi = float((opened.info.get("dpi") or (200,))[0]) or 200.0
    px_to_pt = 72.0 / dpi
    width, height = picture.width * px_to_pt, picture.height * px_to_pt
    lines = _spoil(_words(picture), rng, confusion=confusion, merge=merge, drop=drop, swap=swap)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.drawImage(ImageReader(picture), 0, 0, width=width, height=height)
    for line in lines:
        for text, (x, y, w, h) in line:
            size = max(2.0, h * px_to_pt * scale)
            left, baseline = x * px_to_pt * scale, height - (y + h) * px_to_pt * scale
            natural = stringWidth(text, "Helvetica", size) or 1.0
            obj = pdf.beginText(left, baseline)
            obj.setTextRenderMode(3)
            obj.setFont("Helvetica", size)
            obj.setHorizScale(100.0 * w * px_to_pt * scale / natural)
            obj.textOut(text)
            pdf.drawText(obj)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def under_image_sandwich(image: Path) -> bytes:
    """`image` drawn as a full page over ordinary visible text (the words of a Tesseract reading, drawn
    first): the text is in the PDF but nobody sees it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    with Image.open(image) as opened:
        picture = opened.convert("L")
        dpi = float((opened.info.get("dpi") or (200,))[0]) or 200.0
    px_to_pt = 72.0 / dpi
    width, height = picture.width * px_to_pt, picture.height * px_to_pt
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    for line in _words(picture):
        for text, (x, y, _w, h) in line:
            pdf.setFont("Helvetica", max(2.0, h * px_to_pt))
            pdf.drawString(x * px_to_pt, height - (y + h) * px_to_pt, text)
    pdf.drawImage(ImageReader(picture), 0, 0, width=width, height=height)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def image_only_pdf(image: Path) -> bytes:
    """`image` alone as a full PDF page at its DPI (no text at all)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    with Image.open(image) as opened:
        picture = opened.convert("L")
        dpi = float((opened.info.get("dpi") or (200,))[0]) or 200.0
    width, height = picture.width * 72.0 / dpi, picture.height * 72.0 / dpi
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.drawImage(ImageReader(picture), 0, 0, width=width, height=height)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def with_pages(*pdfs: bytes) -> bytes:
    """The pages of `pdfs` in order, in one PDF (pypdfium2)."""
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    try:
        for data in pdfs:
            source = pdfium.PdfDocument(data)
            try:
                merged.import_pages(source)
            finally:
                source.close()
        buffer = io.BytesIO()
        merged.save(buffer)
        return buffer.getvalue()
    finally:
        merged.close()


def each_page(image: Path, make) -> bytes:
    """`make(page_image) -> PDF bytes` for every frame of `image` (a multi-page TIFF gives several),
    joined into one PDF."""
    from PIL import Image, ImageSequence

    with Image.open(image) as opened, tempfile.TemporaryDirectory(prefix="sandwich-pages-") as tmp:
        dpi = opened.info.get("dpi") or (200, 200)
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(opened)]
        if len(frames) == 1:
            return make(image)
        pdfs = []
        for number, frame in enumerate(frames):
            path = Path(tmp) / f"page-{number}.png"
            frame.save(path, dpi=dpi)
            pdfs.append(make(path))
        return with_pages(*pdfs)
