"""Print the held-out ERP line-printer invoices (issue 13, round 6b) from their plain-text sources.

Each `tests/ocr_tasks/extraction/erp_invoices/<case>.txt` is what an ERP system's print spool holds:
fixed-width Courier lines, columns aligned by spaces, pages split by form feeds (`\\f`). `layout.json` beside
them says how each is put on paper, by one of two line-printer paths that share no code with the product:

- `enscript`: GNU enscript sets the text in Courier with no page header (`-B`), Ghostscript's `ps2pdf` turns
  the PostScript into a PDF (the AS/400 and plain spool-file path);
- `reportlab`: ReportLab places every line of Courier on a fixed character grid and draws the preprinted form
  under it (frames and rules in character cells, optionally green-bar bands of continuous paper), as SAPscript
  and Smart Forms, Navision reports and form overlays print.

The PDFs are committed beside the sources; the tests and `bench/held_out_pdfs.py` read them. The tools are
build-time only, not product dependencies: `apt-get install -y enscript ghostscript` and a separate venv,
`python3 -m venv /tmp/genvenv2 && /tmp/genvenv2/bin/pip install reportlab`.

    /tmp/genvenv2/bin/python bench/print_erp_invoices.py                 # every source in the folder
    /tmp/genvenv2/bin/python bench/print_erp_invoices.py sap_rechnung_de # some of them

layout.json: {case: {"printer": "enscript" | "reportlab", "paper": "A4" | "Letter", "font": points (9),
"lpi": lines per inch (6), "left": left margin in points, "top": top margin in points, "form": [element...]}}
with form elements in character cells (row 0 = the page's first line, column 0 = its first character):
{"box": [row0, col0, row1, col1], "pages": [page numbers from 1] or absent for every page},
{"rule": [row, col0, col1]} (a line under that row), {"greenbar": 3} (shaded bands of that many lines).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "ocr_tasks" / "extraction" / "erp_invoices"
PAPER = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}


def _pages(text: str) -> list[list[str]]:
    pages = text.rstrip("\n").split("\f")
    return [page.lstrip("\n").split("\n") if i else page.split("\n") for i, page in enumerate(pages)]


def _on_page(element: dict, page: int) -> bool:
    return "pages" not in element or page in element["pages"]


def print_reportlab(source: Path, target: Path, layout: dict) -> None:
    from reportlab.pdfgen import canvas

    width, height = PAPER[layout.get("paper", "A4")]
    size = float(layout.get("font", 9))
    char = 0.6 * size  # Courier's advance
    lead = 72.0 / float(layout.get("lpi", 6))
    left, top = float(layout.get("left", 42)), float(layout.get("top", 40))
    pdf = canvas.Canvas(str(target), pagesize=(width, height), invariant=1, pageCompression=0)
    pdf.setTitle(source.stem)
    pdf.setCreator("print_erp_invoices.py (reportlab)")

    def baseline(row: int) -> float:
        return height - top - row * lead

    for number, lines in enumerate(_pages(source.read_text(encoding="utf-8")), start=1):
        for element in layout.get("form", []):
            if not _on_page(element, number):
                continue
            if "greenbar" in element:
                band = int(element["greenbar"])
                pdf.setFillGray(0.9)
                for row in range(0, len(lines) + band, 2 * band):
                    y = baseline(row + band - 1) - 0.3 * lead
                    pdf.rect(left - char, y, width - 2 * left + 2 * char, band * lead, stroke=0, fill=1)
                pdf.setFillGray(0)
            elif "box" in element:
                row0, col0, row1, col1 = element["box"]
                x0, x1 = left + col0 * char - 0.5 * char, left + (col1 + 1) * char + 0.5 * char
                y0, y1 = baseline(row0) + 0.85 * lead, baseline(row1) - 0.4 * lead
                pdf.setLineWidth(0.6)
                pdf.rect(x0, y1, x1 - x0, y0 - y1, stroke=1, fill=0)
            elif "rule" in element:
                row, col0, col1 = element["rule"]
                y = baseline(row) - 0.4 * lead
                pdf.setLineWidth(0.6)
                pdf.line(left + col0 * char, y, left + (col1 + 1) * char, y)
        pdf.setFont("Courier", size)
        for row, line in enumerate(lines):
            if line.strip():
                pdf.drawString(left, baseline(row), line)
        pdf.showPage()
    pdf.save()


def print_enscript(source: Path, target: Path, layout: dict) -> None:
    paper = layout.get("paper", "A4")
    size = layout.get("font", 9)
    with tempfile.TemporaryDirectory(prefix="erp-print-") as work:
        postscript, latin1 = Path(work) / f"{source.stem}.ps", Path(work) / f"{source.stem}.txt"
        latin1.write_bytes(source.read_text(encoding="utf-8").encode("latin-1"))  # enscript's input encoding
        subprocess.run(
            ["enscript", "-B", "-q", f"-M{paper}", f"-fCourier{size}", "--margins=40:30:40:30",
             f"--title={source.stem}", "-p", str(postscript), str(latin1)],
            check=True,
            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        )  # fmt: skip
        subprocess.run(
            ["ps2pdf", f"-sPAPERSIZE={paper.lower()}", str(postscript), str(target)],
            check=True,
            env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1767225600"},
        )


def main(argv: list[str]) -> int:
    layouts = json.loads((FOLDER / "layout.json").read_text(encoding="utf-8"))
    names = argv or sorted(name for name in layouts if not name.startswith("_"))
    for name in names:
        layout = layouts[name]
        source, target = FOLDER / f"{name}.txt", FOLDER / f"{name}.pdf"
        printer = print_enscript if layout["printer"] == "enscript" else print_reportlab
        printer(source, target, layout)
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
