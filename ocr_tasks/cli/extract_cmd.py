"""`ocr-engine extract PATH...`: OCR documents and extract invoice fields and line items.

Output (stdout): `jsonl` (default) one object per input document
`{"source", "pages", "fields": {name: {"value", "raw_text", "confidence", "page", "bbox"}}, "line_items",
"errors", "timings"}`; `json` the same objects as one list; `csv` one row per document (value and
confidence of every field); `ubl` / `cii` an EN 16931 e-invoice XML per document written to `--output-dir`
(`<name>.<format>.xml`, validated before it is written) and the jsonl object with `einvoice_file`; a
document lacking mandatory business terms gets no file and the error `einvoice_incomplete` with the
terms (BT ids and names) in its `detail`. A failed document still gets its object (empty fields, `errors`
with the code and message) and a failure line `path: error-code: message` on stderr; exit code 1 when any
failed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from ocr_tasks.cli.reporting import (
    add_progress_argument,
    add_psm_argument,
    add_scan_text_layer_argument,
    add_workers_argument,
    exit_code,
    expand_inputs,
    failure_message,
    progress_bar,
    report_failure,
    subcommand_parser,
    unique_path,
    usage_error,
)
from ocr_tasks.config import EXTRACTION_PSM, OcrConfig, default_workers
from ocr_tasks.invoice_types import FIELD_NAMES

FORMATS = ("jsonl", "json", "csv")
EINVOICE_FORMATS = ("ubl", "cii")  # ocr_tasks.einvoice.writers.FORMATS


def register(subparsers) -> None:
    parser = subcommand_parser(
        subparsers,
        "extract",
        help="extract invoice fields and line items from documents (PDF or images)",
        description="OCR documents (PDF text layers are used as they are) and extract invoice fields with "
        "value, raw text, confidence, page and box, plus line items.",
    )
    parser.add_argument(
        "--format",
        choices=(*FORMATS, *EINVOICE_FORMATS),
        default="jsonl",
        help="output format (jsonl); ubl or cii: an EN 16931 e-invoice XML per document in --output-dir",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="where --format ubl|cii writes the XML files (the current directory)",
    )
    add_workers_argument(parser)
    parser.add_argument(
        "--templates",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of invoice2data-style YAML templates (optional per-vendor overrides)",
    )
    add_psm_argument(
        parser,
        default=EXTRACTION_PSM,
        help=f"Tesseract page segmentation mode ({EXTRACTION_PSM}: one uniform block)",
    )
    parser.add_argument(
        "--enhanced",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="second reading of amounts and dates from an enlarged, binarised copy of each "
        "image page (default on: +5-6 points on receipt totals and dates; about twice the OCR "
        "time; --no-enhanced to skip)",
    )
    parser.add_argument(
        "--second-opinion",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="when the total or date is missing or unsure, read the page images again with "
        "RapidOCR for amounts and dates (on)",
    )
    add_psm_argument(
        parser,
        "--second-psm",
        default=None,
        help="OCR image pages a second time with this page segmentation mode and use that "
        "reading as a second opinion on amounts and dates (slower; off by default)",
    )
    parser.add_argument(
        "--day-first",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read ambiguous dates day first (default: infer from the document)",
    )
    parser.add_argument("--country", default=None, help="vendor country (ISO 3166 alpha-2) when known")
    parser.add_argument(
        "--no-reread", action="store_true", help="do not re-read the total's rows from the page image"
    )
    add_scan_text_layer_argument(parser)
    add_progress_argument(parser)
    parser.set_defaults(func=run)


def document_record(source: str, pages: int, invoice, errors: list[dict], timings: dict[str, float]) -> dict:
    """The jsonl object of one document (with `einvoice`: syntax, profile, ... when read from its XML)."""
    record = {
        "source": source,
        "pages": pages,
        "fields": {name: f.to_dict() for name, f in invoice.fields.items()} if invoice else {},
        "line_items": [item.to_dict() for item in invoice.line_items] if invoice else [],
        "errors": errors,
        "timings": {k: round(v, 4) for k, v in timings.items()},
    }
    if invoice is not None and getattr(invoice, "einvoice", None) is not None:
        record["einvoice"] = {"source": invoice.source, **invoice.einvoice}
    return record


def records_to_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    columns = ["source", "pages"] + [c for name in FIELD_NAMES for c in (name, f"{name}_confidence")]
    columns += ["line_items", "errors"]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = {
            "source": record["source"],
            "pages": record["pages"],
            "line_items": len(record["line_items"]),
            "errors": "; ".join(f"{e['code']}: {e['message']}" for e in record["errors"]),
        }
        for name, data in record["fields"].items():
            row[name] = data["value"]
            row[f"{name}_confidence"] = data["confidence"]
        writer.writerow(row)
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    from ocr_tasks.errors import OcrPipelineError, error_code
    from ocr_tasks.extraction import ExtractionOptions, load_templates
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.ocr_types import OcrDocument
    from ocr_tasks.recognise import PageRecogniser, page_result

    templates = []
    if args.templates is not None:
        try:
            templates = load_templates(args.templates)
        except OcrPipelineError as exc:
            return usage_error(f"{error_code(exc)}: {exc.message}")
    paths = expand_inputs(args.paths)
    if not paths:
        return usage_error("no input files")
    config = OcrConfig(
        languages=args.lang,
        psm=args.psm,
        workers=args.workers or default_workers(),
        scan_text_layer=args.scan_text_layer,
    )
    failed = 0
    records: list[dict] = []
    written: set[Path] = set()  # e-invoice files of this run
    with (
        tempfile.TemporaryDirectory(prefix="ocr-extract-") as workdir,
        progress_bar(0, unit="page", desc="extract", enabled=args.progress) as bar,
        PageRecogniser(config, workers=config.workers) as pool,
    ):
        jobs = []
        for path in paths:
            started = time.perf_counter()
            try:
                doc = ingest_path(path, config=config, workdir=Path(workdir))
            except Exception as exc:  # noqa: BLE001 (one document's failure is reported, never fatal)
                jobs.append((path, exc, (), (0.0, 0.0)))
                continue
            ingest_seconds = time.perf_counter() - started
            bar.total += len(doc.pages)
            bar.refresh()
            started = time.perf_counter()
            futures = [pool.submit(page) for page in doc.pages]  # one worker: recognised right here
            for future in futures:
                future.add_done_callback(lambda _f: bar.update(1))
            jobs.append((path, doc, futures, (ingest_seconds, time.perf_counter() - started)))
        for path, doc, futures, (ingest_seconds, submit_seconds) in jobs:
            timings = {"ingest": ingest_seconds}
            if isinstance(doc, BaseException):
                failed += 1
                report_failure(path, doc, bar)
                records.append(document_record(str(path), 0, None, [_error(doc)], timings))
                _emit(args.format, records[-1])
                continue
            try:
                started = time.perf_counter()
                result = OcrDocument(source=doc.source, pages=tuple(page_result(f) for f in futures))
                timings["ocr"] = submit_seconds + time.perf_counter() - started
                started = time.perf_counter()
                options = ExtractionOptions(
                    day_first=args.day_first,
                    country=args.country,
                    second_reading=_second_reading(doc, config, args.second_psm),
                )
                invoice = _invoice(doc, result, args, options, templates)
                timings["extract"] = time.perf_counter() - started
            except Exception as exc:  # noqa: BLE001 (one document's failure is reported, never fatal)
                failed += 1
                report_failure(path, exc, bar)
                records.append(document_record(str(path), len(doc.pages), None, [_error(exc)], timings))
                _emit(args.format, records[-1])
                continue
            records.append(document_record(str(path), len(result.pages), invoice, [], timings))
            if args.format in EINVOICE_FORMATS and not _export(
                path, invoice, args, records[-1], bar, written
            ):
                failed += 1
            _emit(args.format, records[-1])
    _write_all(args.format, records)
    return exit_code(failed)


def _write_all(fmt: str, records: list[dict]) -> None:
    """The formats written once every document is done (jsonl and the e-invoices emit as they go)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(records_to_csv(records))


def _invoice(doc, result, args: argparse.Namespace, options, templates):
    """A document's invoice: read exactly from its e-invoice XML (checked against its page) when it has
    one, else extracted from its pages."""
    from ocr_tasks.einvoice.compare import checked_against_page
    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images

    if doc.einvoice is not None:
        return checked_against_page(doc.einvoice, result)
    return extract_with_page_images(
        doc,
        result,
        languages=args.lang,
        options=options,
        templates=templates,
        reread=not args.no_reread,
        enhanced=args.enhanced,
        second_opinion=args.second_opinion,
        psm=args.psm,
    )


def _second_reading(doc, config: OcrConfig, psm: int | None):
    """The OCR pages read again with another page segmentation mode (text-layer pages are skipped)."""
    from ocr_tasks.ocr_types import OcrDocument
    from ocr_tasks.recognise import recognise_page

    if psm is None or psm == config.psm or not any(p.needs_ocr for p in doc.pages):
        return None
    other = config.with_(psm=psm)
    return OcrDocument(
        source=doc.source, pages=tuple(recognise_page(p, other) for p in doc.pages if p.needs_ocr)
    )


def _error(exc: BaseException) -> dict:
    from ocr_tasks.errors import error_code

    error = {"code": error_code(exc), "message": failure_message(exc)}
    if getattr(exc, "detail", None):
        error["detail"] = exc.detail
    return error


def _export(path: Path, invoice, args: argparse.Namespace, record: dict, bar, written: set[Path]) -> bool:
    """Write the document's e-invoice next to the others (`record["einvoice_file"]`); False (the error in
    `record["errors"]`, a failure line on stderr) when it cannot be exported."""
    from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, EInvoiceIncomplete, export_einvoice

    try:
        exported = export_einvoice(invoice, args.format)
    except (EInvoiceIncomplete, EInvoiceExportInvalid) as exc:
        report_failure(path, exc, bar)
        record["errors"].append(_error(exc))
        record["einvoice_file"] = None
        return False
    args.output_dir.mkdir(parents=True, exist_ok=True)
    target = unique_path(args.output_dir, path.stem, f".{args.format}.xml", written)
    target.write_bytes(exported.xml)
    record["einvoice_file"] = str(target)
    return True


def _emit(fmt: str, record: dict) -> None:
    if fmt in ("jsonl", *EINVOICE_FORMATS):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()


__all__ = ["document_record", "records_to_csv", "register", "run"]
