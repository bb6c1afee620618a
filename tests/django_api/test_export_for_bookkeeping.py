"""What a bookkeeping import takes from the CSV/XLSX export without reading `document_type`: a credit note's
total negative (`signed_total`: its amounts are kept as magnitudes, so `total` alone booked it as one more
bill), and who approved the values and when."""

from __future__ import annotations

import csv
import io

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
