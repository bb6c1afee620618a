"""Health endpoint, the management commands, and the import boundary of django_api."""

from __future__ import annotations

import ast
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from django_api.invoices.models import Document, OcrTask, Project

pytestmark = pytest.mark.django_db
DJANGO_API = Path(__file__).resolve().parents[2] / "django_api"


def test_health_reports_every_check(anon_client):
    response = anon_client.get("/api/ocr-health/")
    body = response.json()
    assert set(body["checks"]) == {"tesseract", "database", "prefect", "storage", "queue"}
    assert body["checks"]["tesseract"]["ok"] and body["checks"]["tesseract"]["version"].startswith("5.")
    assert "eng" in body["checks"]["tesseract"]["languages"]
    assert body["checks"]["database"]["ok"] and body["checks"]["storage"]["ok"]
    assert body["checks"]["queue"] == {"ok": True, "depth": 0, "max_depth": 1000}
    assert response.status_code == (200 if body["healthy"] else 503)


def test_health_is_503_and_names_what_is_unhealthy(anon_client, settings):
    settings.OCR_PIPELINE_MODE = "distributed"
    settings.PREFECT_API_URL = "http://127.0.0.1:9/api"  # nothing listens on the discard port
    settings.OCR_LANGUAGES = "eng+xxx"
    response = anon_client.get("/api/ocr-health/")
    assert response.status_code == 503
    body = response.json()
    assert body["healthy"] is False and body["unhealthy"] == ["tesseract", "prefect"]
    assert body["checks"]["tesseract"]["message"] == "missing languages: xxx"
    assert body["checks"]["prefect"]["message"].startswith("unreachable")


def test_seed_demo_creates_user_and_project_idempotently(monkeypatch, tmp_path):
    monkeypatch.setenv("OCR_CORPUS_DIR", str(tmp_path))  # an empty corpus: nothing to process
    out = StringIO()
    call_command("seed_demo", "--password", "s3cret-demo", stdout=out)
    call_command("seed_demo", "--password", "s3cret-demo", stdout=out)
    user = get_user_model().objects.get(username="demo")
    assert user.check_password("s3cret-demo")
    assert Project.objects.filter(owner=user, name="Demo").count() == 1
    assert "password: s3cret-demo" in out.getvalue() and "no sample documents" in out.getvalue()
    assert f"under {tmp_path}; the Demo project is empty (set OCR_CORPUS_DIR to the folder" in out.getvalue()


def test_seed_demo_processes_samples(monkeypatch, tmp_path):
    from tests.django_api.conftest import pdf_bytes, png_bytes

    (tmp_path / "invoice2data-dev" / "images").mkdir(parents=True)
    (tmp_path / "sroie-sample" / "images").mkdir(parents=True)
    (tmp_path / "invoice2data-dev" / "images" / "AzureInterior.pdf").write_bytes(pdf_bytes())
    (tmp_path / "sroie-sample" / "images" / "X00016469672.jpg").write_bytes(png_bytes(3))
    monkeypatch.setenv("OCR_CORPUS_DIR", str(tmp_path))
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "(generated)" in out.getvalue()
    assert sorted(Document.objects.values_list("name", "status")) == [
        ("AzureInterior.pdf", "processed"),
        ("X00016469672.jpg", "processed"),
    ]
    assert OcrTask.objects.get().status == "succeeded"


def test_recover_tasks_command_fails_exhausted_running_tasks(alice, project, settings):
    task = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=settings.OCR_MAX_ATTEMPTS
    )
    out = StringIO()
    call_command("recover_tasks", stdout=out)
    task.refresh_from_db()
    assert (task.status, task.error_code) == ("failed", "interrupted")
    assert "recovered 0 task(s)" in out.getvalue()


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_orchestration_seam_reaches_flows_and_prefect():
    offenders = {}
    for path in DJANGO_API.rglob("*.py"):
        rel = path.relative_to(DJANGO_API).as_posix()
        reached = {n for n in _imports(path) if n.split(".")[0] in ("flows", "prefect")}
        allowed = set()
        if rel == "orchestration/seam.py":
            allowed = reached
        elif rel == "orchestration/django_port.py":
            allowed = {"flows.port"}
        if reached - allowed:
            offenders[rel] = sorted(reached - allowed)
    assert offenders == {}
    assert "flows.dispatch" in _imports(DJANGO_API / "orchestration" / "seam.py")
