"""Names of the files the dashboard offers for download, safe for any file system."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def export_file_name(project_name: str, project_id: object, extension: str) -> str:
    """`Demo-results.csv` from the project's name (`Fournisseurs 2024/Q1` -> `Fournisseurs-2024-Q1-...`);
    `project-3-results.csv` when it has none."""
    stem = _UNSAFE.sub("-", project_name).strip("-.")[:80] or f"project-{project_id}"
    return f"{stem}-results.{extension}"
