"""hOCR export (https://kba.github.io/hocr-spec/1.2/): pages, blocks (`ocr_carea` holding one `ocr_par`),
lines and words with pixel `bbox` and `x_wconf`, readable by hocr-tools and OCR viewers."""

from __future__ import annotations

from html import escape

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OcrDocument, OcrPage


def _bbox(box: BBox, page: OcrPage) -> str:
    x0, y0, x1, y1 = box.to_pixels(page.width, page.height)
    return f"bbox {x0} {y0} {x1} {y1}"


def _page(page: OcrPage, out: list[str]) -> None:
    n = page.index + 1
    out.append(
        f'  <div class="ocr_page" id="page_{n}" title="image page_{n}; bbox 0 0 {page.width} {page.height}; '
        f'ppageno {page.index}; scan_res {page.dpi} {page.dpi}">'
    )
    for b, block in enumerate(page.blocks, 1):
        out.append(f'   <div class="ocr_carea" id="block_{n}_{b}" title="{_bbox(block.bbox, page)}">')
        out.append(f'    <p class="ocr_par" id="par_{n}_{b}" title="{_bbox(block.bbox, page)}">')
        for li, line in enumerate(block.lines, 1):
            out.append(
                f'     <span class="ocr_line" id="line_{n}_{b}_{li}" title="{_bbox(line.bbox, page)}">'
            )
            for w, word in enumerate(line.words, 1):
                conf = round(word.confidence * 100)
                out.append(
                    f'      <span class="ocrx_word" id="word_{n}_{b}_{li}_{w}" '
                    f'title="{_bbox(word.bbox, page)}; x_wconf {conf}">{escape(word.text)}</span>'
                )
            out.append("     </span>")
        out.append("    </p>")
        out.append("   </div>")
    out.append("  </div>")


def to_hocr(doc: OcrDocument) -> str:
    engines = ", ".join(f"{name} {version}" for name, version in doc.engines.items()) or "unknown"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
        " <head>",
        f"  <title>{escape(doc.source.name or doc.source.id)}</title>",
        '  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
        f'  <meta name="ocr-system" content="{escape(engines)}"/>',
        '  <meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word"/>',
        " </head>",
        " <body>",
    ]
    for page in doc.pages:
        _page(page, out)
    out += [" </body>", "</html>", ""]
    return "\n".join(out)
