"""`ocr-engine ocr PATH...`: OCR documents and print or write JSON, text or hOCR.

Pages of all inputs share one pool of worker processes; each input is ingested while earlier pages are
being recognised. One bad input never stops the others: it gets a failure line and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ocr_tasks.cli.reporting import (
    EXIT_USAGE,
    add_progress_argument,
    add_psm_argument,
    add_scan_text_layer_argument,
    add_workers_argument,
    exit_code,
    expand_inputs,
    positive_int,
    progress_bar,
    report_failure,
    subcommand_parser,
    unique_path,
    usage_error,
)
from ocr_tasks.cli.split_scans import split_item
from ocr_tasks.config import OcrConfig, default_workers
from ocr_tasks.errors import OcrPipelineError

SUFFIXES = {"json": ".json", "text": ".txt", "hocr": ".hocr"}


def register(subparsers) -> None:
    parser = subcommand_parser(
        subparsers,
        "ocr",
        help="OCR documents (PDF, PNG, JPEG, TIFF, WebP, BMP) into JSON, text or hOCR",
        description="OCR documents. With one input the result goes to stdout (JSON pretty-printed); with "
        "several, JSON is one document per line and text/hOCR are separated by '==> path <==' headers, "
        "unless --out DIR is given (one file per input).",
    )
    parser.add_argument("--format", choices=sorted(SUFFIXES), default="json", help="output format (json)")
    add_workers_argument(parser)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR", help="write one file per input here")
    parser.add_argument(
        "--split-into",
        type=Path,
        default=None,
        metavar="DIR",
        help="batch scans: write each invoice found in a PDF or TIFF (page markers restarting, blank "
        "separator sheets, a new invoice number or vendor) as its own file here, and print the split as "
        "JSON lines instead of the OCR result",
    )
    add_psm_argument(
        parser, default=OcrConfig().psm, help=f"Tesseract page segmentation mode ({OcrConfig().psm})"
    )
    parser.add_argument("--dpi", type=positive_int, default=OcrConfig().dpi, help="PDF rendering DPI (300)")
    parser.add_argument("--no-orientation", action="store_true", help="do not detect page orientation")
    parser.add_argument("--no-deskew", action="store_true", help="do not correct skew")
    add_scan_text_layer_argument(parser)
    add_progress_argument(parser)
    parser.set_defaults(func=run)


def _missing_languages(languages: str) -> list[str]:
    from ocr_tasks.engines.tesseract import installed_languages

    installed = set(installed_languages())
    if not installed:
        return []  # tesseract itself missing: reported per page as ocr_failed
    return [lang for lang in languages.split("+") if lang and lang not in installed]


def _emit(result, path: Path, args: argparse.Namespace, *, several: bool, used: set[Path]) -> None:
    """Write one document's result to `--out` or stdout."""
    from ocr_tasks.exporters import export, to_json

    if args.out is not None:
        unique_path(args.out, path.stem, SUFFIXES[args.format], used).write_text(
            export(result, args.format), encoding="utf-8"
        )
    elif args.format == "json" and several:
        sys.stdout.write(to_json(result, indent=None) + "\n")
    else:
        if several:
            sys.stdout.write(f"==> {path} <==\n")
        sys.stdout.write(export(result, args.format))
        if args.format == "json":
            sys.stdout.write("\n")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    from ocr_tasks.recognise import recognise_paths

    if not args.lang or any(not part for part in args.lang.split("+")):
        return usage_error(f"invalid --lang {args.lang!r}")
    missing = _missing_languages(args.lang)
    if missing:
        return usage_error(f"Tesseract language data not installed: {', '.join(missing)}")
    for folder in (args.out, args.split_into):
        if folder is not None:
            if folder.exists() and not folder.is_dir():
                return usage_error(f"{folder} exists and is not a directory")
            folder.mkdir(parents=True, exist_ok=True)
    config = OcrConfig(
        languages=args.lang,
        psm=args.psm,
        dpi=args.dpi,
        workers=args.workers or default_workers(),
        detect_orientation=not args.no_orientation,
        deskew=not args.no_deskew,
        scan_text_layer=args.scan_text_layer,
    )
    paths = expand_inputs(args.paths)
    if not paths:
        return usage_error("no input files")
    several = len(paths) > 1
    failed = 0
    used: set[Path] = set()
    with progress_bar(0, unit="page", desc="ocr", enabled=args.progress) as bar:
        for item in recognise_paths(paths, config, workers=config.workers, progress=bar):
            if not item.ok:
                failed += 1
                report_failure(item.path, item.error, bar)
                continue
            if args.split_into is not None:
                try:
                    split_item(item, args.split_into, used)
                except OcrPipelineError as exc:  # a PNG or JPEG: one page, nothing to split
                    failed += 1
                    report_failure(item.path, exc, bar)
                continue
            _emit(item.document, item.path, args, several=several, used=used)
    return exit_code(failed)


__all__ = ["EXIT_USAGE", "register", "run"]
