"""`watch_inbox`: picks up new files from a folder into a project, then moves each one to the archive
(processed) or the error folder (failed, with a `<name>.error.json` beside it).

Nothing is processed twice: a sweep first claims its files by renaming them into a claim folder of
its own (`<inbox>/.claimed/<sweep id>/`; a rename is atomic, so two overlapping sweeps never take
the same file). Nothing is lost: a claimed file only leaves the claim folder for the archive or the
error folder; claims left by a sweep that died are given back to the inbox by the next sweep once
older than `stale_claim_seconds`; files of documents cancelled before being read go back too.
An e-mail (.eml) becomes one document per attachment that may be an invoice (the port's `create_task`
opens it as an upload does): it is archived once one of them is read, and set aside with each
attachment's error when none is. Hidden files and partial uploads (`.part`, `.tmp`, `.crdownload`) and
files modified in the last `settle_seconds` are left for a later sweep.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.port import IntakeRefusals, TaskIntake
from flows.process import process_invoices
from flows.settings import ConfigurationError, get_port
from ocr_tasks.errors import BadInput

CLAIMS = ".claimed"
PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")


def ready_files(inbox: Path, *, settle_seconds: float) -> list[Path]:
    now = time.time()
    return sorted(
        p
        for p in inbox.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and not p.name.lower().endswith(PARTIAL_SUFFIXES)
        and now - p.stat().st_mtime >= settle_seconds
    )


def sweep_batch(files: list[Path], *, max_files: int, max_bytes: int) -> list[Path]:
    """The first `files` that fit in one task (at most `max_files`, `max_bytes` together; the first file
    always, so that an oversized one gets its own error); the rest wait for the next sweep."""
    batch, total = [], 0
    for path in files[:max_files]:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue
        if batch and total + size > max_bytes:
            break
        batch.append(path)
        total += size
    return batch


def move_unique(path: Path, folder: Path) -> Path:
    """Move `path` into `folder`, never overwriting: `name (2).pdf` when `name.pdf` is taken."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    counter = 2
    while target.exists():
        target = folder / f"{path.stem} ({counter}){path.suffix}"
        counter += 1
    shutil.move(str(path), str(target))
    return target


def claim(files: list[Path], claim_folder: Path) -> list[Path]:
    """Rename each file into this sweep's claim folder; files another sweep took first are skipped."""
    claim_folder.mkdir(parents=True, exist_ok=True)
    claimed = []
    for path in files:
        target = claim_folder / path.name
        try:
            os.rename(path, target)
        except FileNotFoundError:
            continue
        claimed.append(target)
    return claimed


def release_stale_claims(inbox: Path, *, older_than: float) -> int:
    """Give back to the inbox the files of claim folders abandoned by a sweep that died."""
    released = 0
    root = inbox / CLAIMS
    if not root.is_dir():
        return 0
    for folder in root.iterdir():
        if folder.is_dir() and time.time() - folder.stat().st_mtime >= older_than:
            for path in folder.iterdir():
                move_unique(path, inbox)
                released += 1
            folder.rmdir()
    return released


def outcomes_by_file(outcomes) -> dict[str, list[dict[str, Any]]]:
    """The documents' outcomes grouped by the inbox file they came from (an e-mail: one per attachment)."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for outcome in outcomes:
        by_file.setdefault(outcome.get("file") or outcome["name"], []).append(outcome)
    return by_file


def error_report(task_id: str | None, outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """`<name>.error.json`: the task and the first error; an e-mail's also each attachment's outcome."""
    first = next((o["error"] for o in outcomes if not o["ok"]), None)
    report: dict[str, Any] = {"task_id": task_id, "error": first}
    if any(o.get("file", o.get("name")) != o.get("name") for o in outcomes):  # taken out of an e-mail
        report["documents"] = [{"name": o["name"], "error": o["error"]} for o in outcomes]
    return report


@flow(name="watch-inbox", persist_result=False)
def watch_inbox(
    inbox: str,
    project: str,
    archive: str | None = None,
    errors: str | None = None,
    settle_seconds: float = 2.0,
    stale_claim_seconds: float = 3600.0,
    max_files: int = 100,
    max_bytes: int = 200 * 1024 * 1024,
) -> dict[str, Any]:
    """One sweep of `inbox` into `project`: new files become one task, processed in this run; at most
    `max_files` / `max_bytes` per sweep (the API's per-request limits by default), the rest next time."""
    port = get_port()
    if not isinstance(port, TaskIntake):
        raise ConfigurationError(f"{type(port).__name__} cannot create tasks (TaskIntake) for watch_inbox")
    inbox_dir = Path(inbox)
    if not inbox_dir.is_dir():
        raise ConfigurationError(
            f"the inbox folder {inbox!r} does not exist (relative paths start at the worker's folder, "
            f"{os.getcwd()}): create it, or set the deployment's `inbox` parameter to an existing folder"
        )
    archive_dir = Path(archive) if archive else inbox_dir / "archive"
    errors_dir = Path(errors) if errors else inbox_dir / "errors"
    released = release_stale_claims(inbox_dir, older_than=stale_claim_seconds)
    claim_folder = inbox_dir / CLAIMS / uuid.uuid4().hex
    ready = ready_files(inbox_dir, settle_seconds=settle_seconds)
    claimed = claim(sweep_batch(ready, max_files=max_files, max_bytes=max_bytes), claim_folder)
    if not claimed:
        claim_folder.rmdir()
        return {"task_id": None, "archived": [], "failed": [], "returned": [], "released": released}

    files = [(p.name, p.read_bytes()) for p in claimed]
    try:
        if isinstance(port, IntakeRefusals):
            task_id, refused = port.create_task_noting_refusals(project, files)
        else:
            task_id, refused = port.create_task(project, files), {}
    except BadInput as exc:  # every file refused (or no such project): none is left claimed
        task_id, by_file = None, {p.name: [{"name": p.name, "ok": False, "error": exc.code}] for p in claimed}
    else:
        state = process_invoices(task_id, return_state=True)  # a cancelled or failed task's state carries
        summary = state.result(raise_on_failure=False)  # its summary too
        if isinstance(summary, BaseException):  # the flow itself failed
            raise summary
        by_file = outcomes_by_file(summary["documents"].values())
        for name, code in refused.items():  # refused whole beside good files: its own error
            by_file.setdefault(name, [{"name": name, "ok": False, "error": code}])
    archived, failed, returned = [], [], []
    for path in claimed:
        outcomes = by_file.get(path.name, [{"ok": False, "error": "not_processed"}])
        if any(o["ok"] for o in outcomes):  # an e-mail: archived once one of its attachments is read
            archived.append(move_unique(path, archive_dir).name)
        elif all(o["error"] == "cancelled" for o in outcomes):  # not read: back for the next sweep
            returned.append(move_unique(path, inbox_dir).name)
        else:
            target = move_unique(path, errors_dir)
            target.with_name(target.name + ".error.json").write_text(
                json.dumps(error_report(task_id, outcomes), indent=2)
            )
            failed.append(target.name)
    claim_folder.rmdir()
    get_run_logger().info(
        "inbox %s: %d archived, %d failed (task %s)", inbox, len(archived), len(failed), task_id
    )
    return {
        "task_id": task_id,
        "archived": archived,
        "failed": failed,
        "returned": returned,
        "released": released,
    }
