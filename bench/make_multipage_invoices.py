"""Make the held-out long invoices of round 9c (issue 13, item 4): 3 to 15 pages whose item tables run over
page breaks, written by different producers the way AP departments receive them:

- `weasy`: HTML printed by WeasyPrint (a venv of its own, `/tmp/wpvenv`, as `print_weasyprint_invoices.py`
  says), either one long table whose `thead` repeats on every page under CSS paged-media margin boxes
  (`Seite counter(page) von counter(pages)`, the vendor's company data in `@bottom-center`), or pages laid out
  by the template with carried-forward rows (`Übertrag`, `Suma y sigue`, ...);
- `chromium`: the same kinds of HTML printed by headless Chromium (Playwright, the header and footer
  templates with `pageNumber` / `totalPages`);
- `reportlab`: platypus `LongTable(repeatRows=1)` with a running page header and footer drawn on every page
  (`Page 2 of 5` by a two-pass canvas), or canvas pages with carried-forward rows;
- `libreoffice`: the template's HTML converted by `soffice --convert-to pdf` (Writer).

Every document: a letterhead and address block on page 1, the vendor, invoice number and page x of y on
later pages, the vendor's company data (tax id, IBAN, registry) in every page's footer, totals and payment
terms on the last invoice page only, optionally sub-totals per delivery note, a VAT summary on a page of its
own and terms-and-conditions pages after the invoice (text with numbers, dates and percentages that are no
fields). What a reader writes down is written to `multipage_invoices/expectations.json` by construction
(the amounts summed in Decimal, per-page item counts read back from each PDF's text by pypdfium2: which page
prints which item's article code), before the product reads the pages.

    .venv/bin/python bench/make_multipage_invoices.py [--batch N] [NAME ...]

Parties, numbers and amounts are invented; VAT ids and IBANs carry valid check digits (python-stdnum,
schwifty). Random choices are seeded by the case name, so a rerun writes the same documents."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from multipage_specs import SPECS, Spec  # noqa: E402

OUT = ROOT / "tests/ocr_tasks/extraction/multipage_invoices"
WEASY = "/tmp/wpvenv/bin/python"
CENT = Decimal("0.01")
ABOUT = (
    "Long invoices of 3 to 15 pages (issue 13 item 4, round 9c), made by bench/make_multipage_invoices.py "
    "with the producer named in each entry (WeasyPrint, Chromium, reportlab platypus, LibreOffice Calc). "
    "What a reader of the printed pages writes down, written by construction before the product read the "
    "pages. A list of values means any of them is right. items: the line items' amounts in order. Dates ISO, "
    "amounts with two decimals, identifiers as printed (compacted by the comparison). null: the page prints "
    "none. items_per_page: how many items each page prints (read back from the PDF's text by each item's "
    "article code); pages: the page count; no_fields_on: pages (1-based) of terms and conditions, where no "
    "field may be found. batch: 1 written and measured first, 2 after batch 1's fixes."
)


def money(value: Decimal, lang: str) -> str:
    """An amount as the document's language prints it (`1.234,56`, `1,234.56`, `1 234,56`)."""
    text = f"{value.quantize(CENT, ROUND_HALF_UP):,.2f}"
    if lang == "en":
        return text
    if lang == "fr":
        return text.replace(",", "\u202f" if False else " ").replace(".", ",")
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def figures(spec: Spec) -> dict[str, Decimal]:
    """Net, tax per rate, tax, total and amount due of a spec's items (each rate's tax rounded once)."""
    net = sum((item.amount for item in spec.items), Decimal(0))
    bases: dict[Decimal, Decimal] = {}
    for item in spec.items:
        bases[item.rate] = bases.get(item.rate, Decimal(0)) + item.amount
    taxes = {rate: (base * rate / 100).quantize(CENT, ROUND_HALF_UP) for rate, base in bases.items()}
    tax = sum(taxes.values(), Decimal(0))
    total = net + tax
    return {"net": net, "tax": tax, "total": total, "due": total - spec.paid, "bases": bases, "taxes": taxes}


def expected(spec: Spec) -> dict:
    f = figures(spec)
    # the amount due where the page prints it under its own label (after a deposit, or a `Balance Due` row)
    due = f["due"] if spec.prints_due and (spec.paid or spec.extra.get("due_line")) else None
    fields = {
        "document_type": spec.document_type,
        "invoice_number": spec.number,
        "invoice_date": spec.date,
        "due_date": spec.due,
        "vendor_name": spec.vendor.name,
        "customer_name": spec.customer.name,
        "currency": spec.currency,
        "subtotal": f"{f['net']:.2f}",
        "tax_amount": f"{f['tax']:.2f}",
        "total": f"{f['total']:.2f}",
        "vendor_tax_id": spec.vendor.vat,
        "iban": spec.vendor.iban,
    }
    if due is not None:
        fields["amount_due"] = f"{due:.2f}"
    return {"fields": fields, "items": [f"{item.amount:.2f}" for item in spec.items]}


def per_page(pdf: Path, spec: Spec) -> tuple[list[int], int]:
    """How many items each page prints (by their article codes, each printed once) and the page count."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        texts = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    counts = [sum(item.code in text for item in spec.items) for text in texts]
    if sum(counts) != len(spec.items):
        raise SystemExit(
            f"{spec.name}: {sum(counts)} article codes found on the pages, {len(spec.items)} items"
        )
    return counts, len(texts)


def weasyprint(html: str, target: Path) -> None:
    code = "import sys, weasyprint; weasyprint.HTML(string=sys.stdin.read()).write_pdf(sys.argv[1])"
    subprocess.run([WEASY, "-c", code, str(target)], input=html, text=True, check=True, timeout=300)


def chromium(html: str, target: Path, header: str, footer: str) -> None:
    from playwright.sync_api import sync_playwright

    from tests.dashboard.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                prefer_css_page_size=not header,
                **(
                    {
                        "display_header_footer": True,
                        "header_template": header,
                        "footer_template": footer,
                        "margin": {"top": "26mm", "bottom": "24mm", "left": "16mm", "right": "16mm"},
                    }
                    if header
                    else {}
                ),
            )
        finally:
            browser.close()


def libreoffice(html: str, target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="mp-lo-") as work:
        source = Path(work) / f"{target.stem}.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                "pdf:writer_web_pdf_Export",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        Path(work, f"{target.stem}.pdf").replace(target)


def make(spec: Spec) -> Path:
    from multipage_render import render

    target = OUT / f"{spec.name}.pdf"
    kind, payload = render(spec, figures(spec))
    if kind == "weasy":
        weasyprint(payload, target)
    elif kind == "chromium":
        chromium(payload["html"], target, payload["header"], payload["footer"])
    elif kind == "libreoffice":
        libreoffice(payload, target)
    else:
        payload(target)  # reportlab draws it itself
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*")
    parser.add_argument("--batch", type=int)
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    path = OUT / "expectations.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["_about"], data["_today"] = ABOUT, "2025-12-01"
    for spec in SPECS:
        if (args.names and spec.name not in args.names) or (args.batch and spec.batch != args.batch):
            continue
        pdf = make(spec)
        counts, pages = per_page(pdf, spec)
        entry = {"batch": spec.batch, "producer": spec.producer, "language": spec.lang, "pages": pages}
        entry |= {
            "items_per_page": counts,
            "no_fields_on": list(range(pages - spec.terms_pages + 1, pages + 1)),
        }
        data[spec.name] = entry | expected(spec)
        print(f"{spec.name}: {pages} pages, items per page {counts}")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
