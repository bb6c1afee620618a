"""End to end through the real flow (`flows.dispatch.task_submit` -> `flows.process.process_invoices`),
real Tesseract, the Django port, on one SROIE receipt of the corpus: upload, poll, download JSON/CSV/XLSX,
validation and anomalies. Flows run on the test process's Prefect API (`prefect_server`)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.django_api.conftest import poll_task, upload

RECEIPT = "X00016469672"  # SOON HUAT MACHINERY ENTERPRISE, 11/01/2019, total 327.00


@pytest.mark.slow  # real OCR, and a Prefect API
@pytest.mark.django_db
def test_receipt_end_to_end_with_real_flow_and_tesseract(
    alice_client, project, run_on_commit, settings, corpus, prefect_server
):
    settings.OCR_FLOW = "flows.dispatch:task_submit"
    settings.OCR_EXECUTOR = "sync"
    data = (corpus / "sroie-sample" / "images" / f"{RECEIPT}.jpg").read_bytes()
    label = json.loads((corpus / "sroie-sample" / "labels" / f"{RECEIPT}.json").read_text())
    url = f"/api/projects/{project.pk}/process-invoices/"
    # the seam runs the flow with the Django port (no OCR_PIPELINE_PORT needed in the environment)
    first = run_on_commit(
        alice_client.post, url, {"files": [upload("receipt.jpg", data)]}, format="multipart"
    )
    assert first.status_code == 202, first.content
    body = first.json()
    status = poll_task(alice_client, body["status_url"], timeout=240.0)
    assert status["status"] == "succeeded", status
    assert status["progress"]["documents_done"] == 1 and status["progress"]["pages_done"] == 1
    # the same receipt again: the anomaly step flags the duplicate against the project's history
    second = run_on_commit(
        alice_client.post, url, {"files": [upload("receipt-again.jpg", data)]}, format="multipart"
    )
    again = second.json()
    assert poll_task(alice_client, again["status_url"], timeout=240.0)["status"] == "succeeded"

    task = body["task_id"]
    rows = json.loads(
        alice_client.get(f"/api/projects/{project.pk}/ocr-download/{task}/?format=json").content
    )
    assert len(rows) == 1 and rows[0]["name"] == "receipt.jpg"
    result = rows[0]["result"]
    text = "\n".join(
        " ".join(w["text"] for w in line["words"])
        for page in result["ocr"]["pages"]
        for block in page["blocks"]
        for line in block["lines"]
    ).lower()
    assert text.index("soon huat") < text.index("total")  # ordered lower-case substrings
    assert rows[0]["fields"].get("total") == label["total"]
    assert rows[0]["fields"].get("invoice_date") == "2019-01-11"
    assert result["ocr"]["pages"][0]["engine"].startswith("tesseract")

    table = list(
        csv.DictReader(
            io.StringIO(
                alice_client.get(
                    f"/api/projects/{project.pk}/ocr-download/{task}/?format=csv"
                ).content.decode()
            )
        )
    )
    assert [(r["name"], r["total"]) for r in table] == [("receipt.jpg", label["total"])]
    line_items = alice_client.get(
        f"/api/projects/{project.pk}/ocr-download/{task}/?format=csv&table=line_items"
    )
    assert line_items.status_code == 200 and line_items.content.startswith(
        b"document_id,name,row,description"
    )
    workbook = load_workbook(
        io.BytesIO(alice_client.get(f"/api/projects/{project.pk}/ocr-download/{task}/?format=xlsx").content)
    )
    assert workbook.sheetnames == ["documents", "line_items", "vat"] and workbook["documents"].max_row == 2

    validation = alice_client.get(f"/api/projects/{project.pk}/ocr-validation/{task}/").json()
    reports = validation["documents"][0]["reports"]
    assert reports and all(r["outcomes"] for r in reports)

    anomalies = alice_client.get(f"/api/projects/{project.pk}/ocr-anomalies/{again['task_id']}/").json()[
        "anomalies"
    ]
    duplicate = [a for a in anomalies if "duplicate" in a["kind"]]
    assert duplicate and duplicate[0]["document_name"] == "receipt-again.jpg"
    assert body["documents"][0]["id"] in duplicate[0]["related_document_ids"]

    check = alice_client.get(f"/api/projects/{project.pk}/ocr-check-task/{task}/").json()
    assert check["flow_run_id"] and check["documents"][0]["status"] == "processed"
    assert check["documents"][0]["steps"]["ocr"]["status"] == "done"
