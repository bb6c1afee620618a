"""The dashboard reaches the system only over HTTP, and only through dashboard/api_client.py."""

from __future__ import annotations

import ast
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
HTTP_MODULES = {"requests", "httpx", "urllib3", "urllib.request", "http.client", "aiohttp"}
FORBIDDEN = {"ocr_tasks", "expectations", "flows", "django_api", "django", "prefect"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_api_client_imports_an_http_library_and_nothing_imports_the_backend():
    sources = sorted(DASHBOARD.rglob("*.py"))
    assert len(sources) > 8
    http_users = {
        p.relative_to(DASHBOARD).as_posix()
        for p in sources
        if any(n == m or n.startswith(m + ".") for n in _imports(p) for m in HTTP_MODULES)
    }
    assert http_users == {"api_client.py"}
    for path in sources:
        reached = {n.split(".")[0] for n in _imports(path)} & FORBIDDEN
        assert not reached, f"{path.name} imports {reached}"
