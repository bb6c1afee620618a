"""`ocr-engine ocr --split-into DIR`: a batch scan (a stack of paper invoices in one PDF or TIFF) written
as one file per invoice found (`ocr_tasks.scan_split`), and the plan printed as one JSON line per input:
`{"file", "parts": [{"file", "pages"}], "dropped": {page: why}, "reasons": {page: why}}`, pages
numbered from 1 as a reader counts them. The parts can then be uploaded or dropped in the inbox."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ocr_tasks.cli.reporting import unique_path
from ocr_tasks.ingest.detect import extension_for


def split_item(item, folder: Path, used: set[Path]) -> None:
    """Write the parts of one recognised input (`recognise.BatchItem`, its page images still on disk)."""
    from ocr_tasks.scan_split.evidence import split_plan
    from ocr_tasks.scan_split.parts import split_file

    images = [Path(p.image_path) if p.image_path else None for p in item.ingested.pages]
    plan = split_plan(item.document, images)
    suffix = extension_for(item.ingested.source.media_type)
    parts = []
    for number, (pages, data) in enumerate(
        zip(plan.groups, split_file(item.path.read_bytes(), plan.groups), strict=True), 1
    ):
        target = unique_path(folder, f"{item.path.stem}-{number}", suffix, used)
        target.write_bytes(data)
        parts.append({"file": str(target), "pages": [i + 1 for i in pages]})
    line = {
        "file": str(item.path),
        "parts": parts,
        "dropped": {str(i + 1): why for i, why in plan.dropped.items()},
        "reasons": {str(i + 1): why for i, why in plan.reasons.items()},
    }
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    sys.stdout.flush()
