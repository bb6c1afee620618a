"""Old word lists in code against their data replacements (issue 13, item 2: knowledge as data; session 15).

Session 15 moved word lists and country knowledge that sat in code as regular expressions into the
lexicons (`ocr_tasks/extraction/lexicons/<lang>.json`) and the country packs
(`ocr_tasks/normalise/country_packs.json`).
This script runs each old pattern (copied here as it stood in code before the move) and the pattern the code
now compiles from the data over real text lines and counts the lines where they differ: the spans matched
and the text with the matches cut out (what `sub` gives) must be the same.

Lines: the SROIE sample's ground-truth OCR lines (English/Malay receipts), the text layers of the corpus's
einvoice-dev and invoice2data-dev PDFs (German, French, English invoices) and of the held-out PDFs under
`tests/ocr_tasks/extraction/*/` (office, LaTeX, ERP, library, WeasyPrint, spreadsheet, Nordic, PL/PT, ...).

Usage:
    .venv/bin/python bench/knowledge_as_data_check.py            # counts per pattern
    .venv/bin/python bench/knowledge_as_data_check.py --show 5   # and up to 5 differing lines each
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

# the patterns as they stood in code before session 15 (party_fields, keywords)
OLD = {
    "party_fields.LEGAL_FORM": re.compile(
        r"\b(S[DO]N\.?\s?BHD\.?|BHD|B\.\s?V\.?|N\.\s?V\.?|GMBH|AG|LTD\.?|LIMITED|LLC|INC\.?|CORP\.?|CO\.|PLC|S\.?A\.?S?|"
        r"S\.?R\.?L\.?|SARL|PTE\.?\s?LTD|PTY\.?\s?LTD|ENTERPRISES?|TRADING|COMPANY|HOLDINGS|INDUSTRIES|STORES?|"
        r"MARKET|MART|RESTAURANT|RESTORAN|CAFE|BAKERY|HARDWARE|STATIONERY|PHARMACY|MACHINERY|SUPERMARKET|"
        r"KEDAI|GARDEN|ELECTRICAL|FURNITURE|BOOKS?|BUILDING|MATERIALS?|SERVICES|SOLUTIONS|CENTRE|CENTER)"
        r"(?:\b|(?<=\.))",
        re.IGNORECASE,
    ),
    "party_fields._NOT_NAME": re.compile(
        r"\b(invoice|receipt|tax|gst|tel|phone|fax|email|e-mail|www|http|date|cashier|table|bill|order|"
        r"factuur|rechnung|facture|page|total|welcome|thank|co\.?\s?reg|reg\.? ?no|company no|roc|"
        r"factuuradres|afleveradres|bill to|ship to|sold to|customer|klant|kunde|rechnungsadresse|"
        r"lieferadresse)\b",
        re.IGNORECASE,
    ),
    "party_fields._REGISTRATION_ROW": re.compile(
        r"^\W*(co[.\s-]*(reg|no)|reg\.?\s*no|company\s*(reg|no)|roc|[g6c]st|sst|vat|business\s*reg|"
        r"\(?\d{4,}-?[A-Z]\)?$)",
        re.IGNORECASE,
    ),
    "party_fields._TAX_ID_IN_ROW": re.compile(r"\b[G6C]ST\b|\bID\.?\s*NO", re.IGNORECASE),
    "keywords._INCLUSIVE": re.compile(
        r"\b(incl\w*|inkl\w*|i\s?n?clusive|ttc|with)[.\s]*(of\s+)?(gst|tax|vat|btw|mwst|sst|tva|ust|iva)\b|"
        r"\b(gst|tax|vat|btw|mwst|sst|tva|ust|iva)\.?\s*(incl\w*|inkl\w*)",
        re.IGNORECASE,
    ),
    "keywords._EXCLUSIVE": re.compile(
        r"\b(excl\w*|exkl\w*|ex|before|without|w/o|net\s+of|ohne|hors|sin|senza|zonder)[.\s]*(of\s+)?"
        r"(gst|tax|taxes|vat|btw|mwst|sst|tva|ust|iva)\b",
        re.IGNORECASE,
    ),
}


def _new() -> dict[str, re.Pattern[str]]:
    from ocr_tasks.extraction import keywords, party_fields

    return {
        "party_fields.LEGAL_FORM": party_fields.LEGAL_FORM,
        "party_fields._NOT_NAME": party_fields._NOT_NAME,
        "party_fields._REGISTRATION_ROW": party_fields._REGISTRATION_ROW,
        "party_fields._TAX_ID_IN_ROW": party_fields._TAX_ID_IN_ROW,
        "keywords._INCLUSIVE": keywords._INCLUSIVE,
        "keywords._EXCLUSIVE": keywords._EXCLUSIVE,
    }


def _pdf_lines(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    lines: list[str] = []
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - a file pdfium cannot open adds no lines
        return lines
    for page in pdf:
        lines += page.get_textpage().get_text_range().splitlines()
    return lines


def text_lines() -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {"sroie ground truth": []}
    for path in sorted((CORPUS / "sroie-sample" / "ocr_lines").glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split(",", 8)
            if len(parts) == 9:
                sets["sroie ground truth"].append(parts[8])
    for name in ("einvoice-dev", "invoice2data-dev"):
        sets[name] = [ln for p in sorted((CORPUS / name).rglob("*.pdf")) for ln in _pdf_lines(p)]
    held_out = ROOT / "tests" / "ocr_tasks" / "extraction"
    sets["held-out PDFs"] = [ln for p in sorted(held_out.glob("*/*.pdf")) for ln in _pdf_lines(p)]
    return {name: [ln.strip() for ln in lines if ln.strip()] for name, lines in sets.items()}


def differs(old: re.Pattern[str], new: re.Pattern[str], line: str) -> bool:
    spans = [m.span() for m in old.finditer(line)], [m.span() for m in new.finditer(line)]
    return spans[0] != spans[1] or old.sub(" ", line) != new.sub(" ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="differing lines to print per pattern")
    args = parser.parse_args()
    sets, new = text_lines(), _new()
    print("| pattern | " + " | ".join(f"{n} ({len(v)} lines)" for n, v in sets.items()) + " |")
    print("|---|" + "---|" * len(sets))
    for key, old in OLD.items():
        cells, shown = [], []
        for lines in sets.values():
            matched = sum(1 for ln in lines if old.search(ln))
            bad = [ln for ln in lines if differs(old, new[key], ln)]
            cells.append(f"{matched} matched, {len(bad)} differ")
            shown += bad[: args.show]
        print(f"| {key} | " + " | ".join(cells) + " |")
        for line in shown:
            print(f"    differs: {line!r}")


if __name__ == "__main__":
    main()
