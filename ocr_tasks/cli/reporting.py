"""Shared CLI helpers for every `ocr-engine` subcommand: the arguments they share, exit codes, failure
lines, progress bar, input expansion, output file names."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ocr_tasks.config import default_workers
from ocr_tasks.errors import error_code

EXIT_OK = 0  # every input succeeded
EXIT_SOME_FAILED = 1  # at least one input failed (each reported by a failure line)
EXIT_USAGE = 2  # bad arguments (argparse uses 2 as well)
EXIT_INTERRUPTED = 130


def positive_int(value: str) -> int:
    """argparse type for counts such as --workers: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


EXIT_CODES_HELP = (
    "Exit code 0: all succeeded; 1: some failed (each reported on stderr as 'path: error-code: message'); "
    "2: usage error"
)


def subcommand_parser(subparsers, name: str, *, help: str, description: str, exit_codes: str = ""):
    """A subcommand's parser: its help, its description followed by the exit codes every subcommand
    keeps (`exit_codes` adds its own, e.g. `; 130: interrupted`), and the input arguments."""
    parser = subparsers.add_parser(
        name, help=help, description=f"{description} {EXIT_CODES_HELP}{exit_codes}."
    )
    add_input_arguments(parser)
    return parser


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The input paths and the Tesseract languages, as every subcommand reads them."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories of files")
    parser.add_argument("--lang", default="eng", help="Tesseract languages, e.g. eng or eng+deu (eng)")


def add_workers_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        help=f"OCR processes (default: cores = {default_workers()})",
    )


def add_psm_argument(
    parser: argparse.ArgumentParser, flag: str = "--psm", *, default: int | None, help: str
) -> None:
    """A Tesseract page segmentation mode (0-13)."""
    parser.add_argument(flag, type=int, default=default, choices=range(14), metavar="N", help=help)


def add_scan_text_layer_argument(parser: argparse.ArgumentParser) -> None:
    """How a scanned PDF page's own OCR layer (a scanner's, OCRmyPDF's) is read (`OcrConfig`)."""
    from ocr_tasks.config import SCAN_TEXT_LAYER_CHOICES

    parser.add_argument(
        "--scan-text-layer",
        choices=SCAN_TEXT_LAYER_CHOICES,
        default="ocr",
        help="a scanned PDF page's own invisible OCR text: ocr = read the page image with our OCR (default), "
        "trust = read that text instead (faster, its OCR's mistakes included)",
    )


def add_progress_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )


def failure_message(exc: BaseException) -> str:
    """The message of a failed input on one line (an exception without one: its type's name)."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(message.split())


def failure_line(path: str | Path, exc: BaseException) -> str:
    """`path: error-code: message` for a failed input (unknown exceptions are `internal_error`)."""
    return f"{path}: {error_code(exc)}: {failure_message(exc)}"


def report_failure(
    path: str | Path, exc: BaseException, progress=None, stream: IO[str] | None = None
) -> None:
    """Print the failure line on stderr, without garbling a progress bar that is showing."""
    line = failure_line(path, exc)
    if progress is not None and not getattr(progress, "disable", True):
        progress.write(line, file=stream or sys.stderr)
    else:
        print(line, file=stream or sys.stderr, flush=True)


def exit_code(failed: int) -> int:
    return EXIT_SOME_FAILED if failed else EXIT_OK


def usage_error(message: str, prog: str = "ocr-engine") -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def progress_bar(total: int = 0, *, unit: str = "page", desc: str = "", enabled: bool | None = None):
    """A tqdm bar on stderr. `enabled=None`: shown only when stderr is a terminal. `total` may grow later
    (`bar.total += n; bar.refresh()`)."""
    from tqdm import tqdm

    disable = (not sys.stderr.isatty()) if enabled is None else not enabled
    return tqdm(
        total=total, unit=unit, desc=desc, file=sys.stderr, disable=disable, dynamic_ncols=True, leave=False
    )


def unique_path(directory: Path, stem: str, suffix: str, used: set[Path]) -> Path:
    """`directory/<stem><suffix>`, or `<stem>-2<suffix>`, `-3`, ... when an earlier input of this run
    took the name (two inputs of the same name); the path is added to `used`."""
    candidate = directory / f"{stem}{suffix}"
    number = 2
    while candidate in used:
        candidate = directory / f"{stem}-{number}{suffix}"
        number += 1
    used.add(candidate)
    return candidate


def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Paths as given; a directory stands for the files under it (recursively, sorted, hidden ones
    skipped). Missing paths are kept so that they are reported as failures."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not any(s.startswith(".") for s in p.relative_to(path).parts)
                )
            )
        else:
            out.append(path)
    return out
