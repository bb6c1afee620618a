"""The overview's top anomalies leave out rejected documents (found in a first-hour walk: the copy of a file
uploaded twice, rejected for being one, still headed "Top anomalies" as "Same file uploaded before").
Fake engine behind the real port."""

from __future__ import annotations

import pytest

from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def test_a_rejected_duplicates_anomaly_leaves_the_top_anomalies(alice_client, project, run_on_commit):
    files = [upload("a.png", png_bytes(1)), upload("a-again.png", png_bytes(1))]  # the same bytes twice
    response = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": files},
        format="multipart",
    )
    assert response.status_code == 202, response.content
    ids = {d["name"]: d["id"] for d in response.json()["documents"]}
    summary = f"/api/projects/{project.pk}/summary/"
    before = alice_client.get(summary).json()
    assert [a["document_name"] for a in before["top_anomalies"]] == ["a-again.png"]
    assert len(before["anomaly_scores"]) == 1

    rejected = alice_client.post(
        f"/api/projects/{project.pk}/documents/{ids['a-again.png']}/reject/",
        {"reason": "uploaded twice"},
        format="json",
    )
    assert rejected.status_code == 200, rejected.json()
    after = alice_client.get(summary).json()
    assert after["top_anomalies"] == [] and after["anomaly_scores"] == []
    # the anomaly itself is kept on the document, with the rejection
    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{ids['a-again.png']}/").json()
    assert [a["kind"] for a in detail["anomalies"]] == ["exact_duplicate"]
    assert detail["status"] == "rejected"
