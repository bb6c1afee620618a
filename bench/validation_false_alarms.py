"""False alarms of the validation suites on correct documents: e-invoices read exactly from their XML.

The einvoice-dev corpus (`../shared/corpus/einvoice-dev/`: the CEN EN 16931 examples in CII and UBL, and
the XML embedded in the Factur-X/ZUGFeRD PDFs) holds invoices whose values are exact, so an error-level
failure of an arithmetic check there says the check is wrong, not the document (unless the XML itself
breaks a rule; the corpus README lists what the EN 16931 artefacts report). Prints, per expectation, how
many documents fail it, and lists the documents failing the line-item suite.

    .venv/bin/python bench/validation_false_alarms.py [--corpus DIR]

The age check is switched off (`max_age_years=100`): the examples are old on purpose.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from expectations.runner import validate_batch
from expectations.settings import ValidationSettings
from ocr_tasks.einvoice.reader import read_pdf, read_xml

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "einvoice-dev"


def _invoices(corpus: Path) -> dict:
    invoices = {}
    for path in sorted((corpus / "xml").rglob("*")):
        if path.is_file() and path.suffix.lower() == ".xml":
            try:
                invoices[f"xml/{path.parent.name}/{path.name}"] = read_xml(path.read_bytes()).as_invoice()
            except Exception as exc:  # a sample this reader does not take is reported, not counted
                print(f"skipped {path.name}: {type(exc).__name__}: {exc}")
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        read = read_pdf(path.read_bytes())
        if read is not None:
            invoices[f"pdf/{path.name}"] = read.as_invoice()
    return invoices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    invoices = _invoices(args.corpus)
    reports = validate_batch(invoices, settings=ValidationSettings(max_age_years=100))
    failing: Counter[tuple[str, str, str]] = Counter()
    item_failures: list[tuple[str, str]] = []
    for doc_id, doc_reports in reports.items():
        for report in doc_reports:
            for outcome in report.outcomes:
                if not outcome.success:
                    failing[(report.suite, outcome.severity, outcome.description)] += 1
                    if report.suite == "line_items":
                        item_failures.append((doc_id, outcome.description))
    items = sum(len(inv.line_items) for inv in invoices.values())
    print(f"{len(invoices)} e-invoices, {items} line items")
    print("| suite | severity | expectation | documents failing |\n|---|---|---|---|")
    for (suite, severity, description), count in sorted(failing.items()):
        print(f"| {suite} | {severity} | {description} | {count} |")
    print("\nline-item failures:")
    for doc_id, description in item_failures:
        print(f"- {doc_id}: {description}")


if __name__ == "__main__":
    main()
