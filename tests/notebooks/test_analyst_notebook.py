"""The analyst notebook (`notebooks/analyst.ipynb`) runs top to bottom against a real API (dev server,
temp SQLite, embedded flow) with processed documents, so it never rots: executed by nbclient in a real
Jupyter kernel, its DataFrame, plots and exports checked against what the API holds."""

from __future__ import annotations

import time

import nbformat
import openpyxl
import pytest
from nbclient import NotebookClient

from dashboard.api_client import ApiClient, UploadFile
from tests.dashboard.servers import DEMO_PASSWORD, DEMO_USER, REPO_ROOT, free_port, start_api

pytestmark = pytest.mark.slow

NOTEBOOK = REPO_ROOT / "notebooks" / "analyst.ipynb"
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "invoice2data-dev" / "images"
PDFS = ("AzureInterior.pdf", "coolblue1.pdf", "coolblue2.pdf")


@pytest.fixture(scope="module")
def processed_project(tmp_path_factory, prefect_server):
    """A running API with one project whose three invoice PDFs (text layer) have been processed."""
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: {CORPUS}")
    api = start_api(tmp_path_factory.mktemp("notebook-api"), free_port(), prefect_server)  # flows on it
    try:
        client = ApiClient(api.url, timeout=60)
        client.sign_in(DEMO_USER, DEMO_PASSWORD)
        project = client.create_project("analyst-notebook")
        files = [UploadFile(name, (CORPUS / name).read_bytes(), "application/pdf") for name in PDFS]
        task_id = client.upload(project["id"], files)["task_id"]
        deadline = time.monotonic() + 240
        while (status := client.task_status(project["id"], task_id))["status"] not in {
            "succeeded",
            "partial",
            "failed",
            "cancelled",
        }:
            assert time.monotonic() < deadline, f"task not done in 240 s: {status}\n{api.log_tail()}"
            time.sleep(0.2)  # a status read is cheap: stop waiting soon after the task ends
        assert status["status"] == "succeeded", status
        yield api, client, project
    finally:
        api.stop()


def test_the_analyst_notebook_runs_against_a_live_api(processed_project, tmp_path, monkeypatch):
    api, client, project = processed_project
    monkeypatch.setenv("OCR_API_URL", api.url)
    monkeypatch.setenv("OCR_API_USER", DEMO_USER)
    monkeypatch.setenv("OCR_API_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("OCR_PROJECT", project["name"])
    monkeypatch.setenv("OCR_NOTEBOOK_OUT", str(tmp_path))
    monkeypatch.delenv("OCR_API_TOKEN", raising=False)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit the notebook without outputs"
    )

    NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()  # raises CellExecutionError on the first failing cell

    printed = "".join(
        out.get("text", "")
        for cell in notebook.cells
        for out in cell.get("outputs", [])
        if out.output_type == "stream"
    )
    assert f"{len(PDFS)} documents" in printed
    documents = client.list_documents(project["id"])
    assert len(documents) == len(PDFS)

    sheet = openpyxl.load_workbook(tmp_path / "analyst-notebook.xlsx", read_only=True).worksheets[0]
    assert sheet.max_row - 1 == len(PDFS)  # a header row, then one row per document
    frame = (tmp_path / "analyst-notebook-documents.csv").read_text().splitlines()
    assert len(frame) == len(PDFS) + 1
    assert (tmp_path / "spend.png").stat().st_size > 1000  # the two charts were drawn
    # the spend table shows the vendors the API read, with the totals it holds
    tables = "".join(
        out.get("data", {}).get("text/plain", "")
        for cell in notebook.cells
        for out in cell.get("outputs", [])
        if out.output_type == "execute_result"
    )
    vendors = {
        (client.document(project["id"], doc["id"])["fields"].get("vendor_name") or {}).get("value")
        for doc in documents
    } - {None}
    assert len(vendors) >= 2  # coolblue twice, Azure Interior once: the text layer names them
    for vendor in vendors:
        assert vendor[:20] in tables
