"""A process Django did not start (a Prefect worker) loads the port by its `OCR_PIPELINE_PORT` path: the
port's module sets Django up through `django_api.bootstrap` before importing the models (issue 17 item 4)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DJANGO_API = ROOT / "django_api"


def test_a_fresh_process_loads_the_port_by_its_path(tmp_path):
    code = (
        "import importlib\n"
        "from django.apps import apps\n"
        "assert not apps.ready\n"
        "module, _, name = 'django_api.orchestration.django_port:build_port'.partition(':')\n"
        "port = getattr(importlib.import_module(module), name)()\n"
        "from flows.port import PipelinePort, TaskIntake\n"
        "assert apps.ready and isinstance(port, PipelinePort) and isinstance(port, TaskIntake)\n"
        "import sys; print(sorted(m for m in ('prefect',) if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(OCR_DEV_MODE="1", OCR_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"  # the port needs no Prefect


def _calls_django_setup(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setup":
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "django":
                return True
    return False


def test_django_setup_happens_in_one_bootstrap_module():
    callers = sorted(
        p.relative_to(DJANGO_API).as_posix() for p in DJANGO_API.rglob("*.py") if _calls_django_setup(p)
    )
    assert callers == ["bootstrap.py"]


def test_the_upload_service_does_not_reach_the_seam():
    """The view records the upload, then submits it: services do not call up into orchestration."""
    path = DJANGO_API / "invoices" / "services" / "uploads.py"
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {name for name in imported if name.startswith("django_api.orchestration")}
    assert "dispatch" not in path.read_text()
