"""What a bookkeeping import takes from the CSV/XLSX export without reading `document_type`: a credit note's
total negative (`signed_total`: its amounts are kept as magnitudes, so `total` alone booked it as one more
bill), and who approved the values and when."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def test_a_credit_note_books_negative_and_the_approval_is_named(alice_client, project, run_on_commit):
    ids = process_pngs(alice_client, project, run_on_commit, ["fa-1.png", "av-1.png"])
    base = f"/api/projects/{project.pk}"
    typed = alice_client.patch(
        f"{base}/documents/{ids['av-1.png']}/fields/",
        {"fields": {"document_type": "credit_note"}},
        format="json",
    )
    assert typed.status_code == 200, typed.json()
    for doc_id in ids.values():
        approved = alice_client.post(
            f"{base}/documents/{doc_id}/approve/", {"force": True, "reason": "checked"}, format="json"
        )
        assert approved.status_code == 200, approved.json()

    rows = {
        r["name"]: r
        for r in csv.DictReader(
            io.StringIO(alice_client.get(f"{base}/export/?format=csv&status=approved").content.decode())
        )
    }
    assert (rows["av-1.png"]["total"], rows["av-1.png"]["signed_total"]) == ("12.50", "-12.50")
    assert (rows["fa-1.png"]["total"], rows["fa-1.png"]["signed_total"]) == ("12.50", "12.50")
    assert rows["fa-1.png"]["approved_by"] == "alice" and rows["fa-1.png"]["approved_at"].startswith("20")

    sheet = load_workbook(io.BytesIO(alice_client.get(f"{base}/export/?format=xlsx").content))["documents"]
    header = [c.value for c in sheet[1]]
    assert {"signed_total", "approved_by", "approved_at"} <= set(header)


def test_an_import_that_runs_again_takes_only_the_approvals_since_its_last_run(
    alice_client, project, run_on_commit
):
    """`approved_after`: the approvals after an instant (strictly), approved documents only; the largest
    `approved_at` of one run is where the next one starts."""
    ids = process_pngs(alice_client, project, run_on_commit, ["a.png", "b.png", "c.png"])
    base = f"/api/projects/{project.pk}"

    def approve(name: str) -> None:
        response = alice_client.post(
            f"{base}/documents/{ids[name]}/approve/", {"force": True, "reason": "checked"}, format="json"
        )
        assert response.status_code == 200, response.json()

    def export(query: str = "") -> list[dict]:
        return alice_client.get(f"{base}/export/?format=json{query}").json()

    approve("a.png")
    first = export("&status=approved")
    assert [d["name"] for d in first] == ["a.png"]
    cursor = max(d["approved_at"] for d in first)
    assert export(f"&approved_after={quote(cursor)}") == []  # nothing approved since
    approve("c.png")
    since = export(f"&approved_after={quote(cursor)}")
    assert [d["name"] for d in since] == ["c.png"]  # not a.png again, not the unapproved b.png
    assert {d["name"] for d in export("&approved_after=2000-01-01T00:00:00Z")} == {"a.png", "c.png"}
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                alice_client.get(f"{base}/export/?format=csv&approved_after={quote(cursor)}").content.decode()
            )
        )
    )
    assert [r["name"] for r in csv_rows] == ["c.png"]
    bad = alice_client.get(f"{base}/export/?format=json&approved_after=yesterday")
    assert bad.status_code == 400 and bad.json()["code"] == "validation_error"
