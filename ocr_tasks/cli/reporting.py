"""Shared CLI helpers for every `ocr-engine` subcommand: exit codes, failure lines, progress bar,
input expansion."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

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


def failure_line(path: str | Path, exc: BaseException) -> str:
    """`path: error-code: message` for a failed input (unknown exceptions are `internal_error`)."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return f"{path}: {error_code(exc)}: {' '.join(message.split())}"


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
