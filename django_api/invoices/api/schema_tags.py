"""OpenAPI post-processing: operations grouped by what they act on (projects, members, uploads and tasks,
documents, exports, webhooks, vendor memory, ...) instead of one "projects" group of every path under
`/api/projects/`, so that the Swagger UI reads like the API's table of contents."""

from __future__ import annotations

import re

_PROJECT_PATH = re.compile(r"^/api/projects/\{project_id\}/(?P<first>[^/]+)/")
# the first path segment under a project -> its group
GROUPS = {
    "members": "members",
    "settings": "projects",
    "summary": "projects",
    "rescore": "projects",
    "process-invoices": "uploads and tasks",
    "tasks": "uploads and tasks",
    "ocr-status": "uploads and tasks",
    "ocr-cancel": "uploads and tasks",
    "ocr-check-task": "uploads and tasks",
    "ocr-validation": "uploads and tasks",
    "ocr-anomalies": "uploads and tasks",
    "ocr-download": "exports",
    "export": "exports",
    "documents": "documents",
    "webhooks": "webhooks",
    "vendors": "vendor memory",
    "templates": "vendor memory",
}


def group_of(path: str) -> str | None:
    """The group of a path under a project, None for the others (they keep drf-spectacular's tag)."""
    match = _PROJECT_PATH.match(path)
    if match is None:
        return "projects" if path.startswith("/api/projects/") else None
    first = match.group("first")
    if first == "documents" and path.endswith("/einvoice/"):
        return "exports"
    return GROUPS.get(first, "projects")


def tag_by_resource(result, generator, request, public):
    """drf-spectacular postprocessing hook: each operation under a project tagged with its group."""
    for path, operations in result.get("paths", {}).items():
        group = group_of(path)
        if group is None:
            continue
        for operation in operations.values():
            if isinstance(operation, dict):
                operation["tags"] = [group]
    return result
