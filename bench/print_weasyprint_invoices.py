"""Print the held-out HTML invoices (`tests/ocr_tasks/extraction/html_invoices/*.html`) with WeasyPrint, the
HTML-to-PDF engine of many Python back ends (Django and Flask invoicing apps, Odoo-like tools), into
`tests/ocr_tasks/extraction/weasyprint_invoices/<name>.pdf`, and write that folder's `expectations.json`
from `html_invoices/expectations.json` (the same printed content, so the same expectations; round 6d of
issue 13). `bench/held_out_pdfs.py --folder tests/ocr_tasks/extraction/weasyprint_invoices` reads them.

WeasyPrint is a build-time tool, not a product dependency: it runs in a venv of its own (it may need Pango:
`apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`):

    python3 -m venv /tmp/wpvenv && /tmp/wpvenv/bin/pip install weasyprint
    /tmp/wpvenv/bin/python bench/print_weasyprint_invoices.py [--leave-out NAME ...]

WeasyPrint runs no JavaScript. A back end fills its template on the server, so a page whose amounts a
script formats (`Intl.NumberFormat`) is first loaded in headless Chromium (`--dump-dom`, offline) and the
DOM its script left is what WeasyPrint prints: the markup such a template would have emitted. The other
pages go to WeasyPrint as they are. `--leave-out` names pages whose layout WeasyPrint breaks (content
overflowing or dropped for want of a CSS feature); they get no PDF and no expectations."""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "ocr_tasks" / "extraction" / "html_invoices"
TARGET = ROOT / "tests" / "ocr_tasks" / "extraction" / "weasyprint_invoices"
TODAY = "2025-07-01"  # html_pages.TODAY: the day the HTML round reads the same pages on
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ABOUT = (
    "The HTML invoices of html_invoices/ printed by WeasyPrint (bench/print_weasyprint_invoices.py; pages "
    "whose amounts a script formats were first loaded in headless Chromium and their resulting DOM printed, "
    "as a server-side template would emit it). The printed content is the HTML round's, so these are "
    "html_invoices/expectations.json's entries, copied unchanged (written there before the product read the "
    "pages). producer: the WeasyPrint version that printed each page."
)


def _markup(path: Path) -> str:
    """The page's HTML as WeasyPrint gets it: after its script ran in Chromium, if it has one."""
    text = path.read_text(encoding="utf-8")
    if "<script" not in text:
        return text
    done = subprocess.run(
        [*CHROMIUM, "--dump-dom", path.as_uri()], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    import weasyprint

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leave-out", nargs="*", default=[], help="pages whose layout WeasyPrint breaks")
    args = parser.parse_args(argv)
    source = json.loads((SOURCE / "expectations.json").read_text(encoding="utf-8"))
    TARGET.mkdir(exist_ok=True)
    producer = f"WeasyPrint {weasyprint.__version__}"
    out: dict[str, object] = {"_about": ABOUT, "_today": TODAY}
    for name, entry in source.items():
        if name.startswith("_"):
            continue
        pdf = TARGET / f"{name}.pdf"
        if name in args.leave_out:
            pdf.unlink(missing_ok=True)
            continue
        html = weasyprint.HTML(string=_markup(SOURCE / f"{name}.html"), base_url=str(SOURCE))
        html.write_pdf(pdf)
        out[name] = {**entry, "producer": producer}
        print(f"{name}: {pdf.stat().st_size} bytes")
    (TARGET / "expectations.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
