"""Informational anomalies (e.g. "rules only: too little history") are shown but never counted as
something to review: the document list's count/score and the project summary leave them out."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Anomaly, Document
from tests.django_api.conftest import png_bytes, upload
from tests.django_api.test_endpoints import _process

pytestmark = pytest.mark.django_db


def test_info_anomalies_are_not_counted_but_warnings_are(alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, [upload("inv.png", png_bytes(3))])
    document = Document.objects.get(pk=body["documents"][0]["id"])
    Anomaly.objects.create(document=document, kind="rules_only", severity="info", score=0.0, explanation="x")
    base = f"/api/projects/{project.pk}"

    row = alice_client.get(f"{base}/documents/").json()[0]
    assert (row["anomaly_count"], row["max_anomaly_score"]) == (0, 0.0)
    assert alice_client.get(f"{base}/summary/").json()["top_anomalies"] == []

    Anomaly.objects.create(
        document=document, kind="round_amount", severity="warning", score=0.4, explanation="y"
    )
    row = alice_client.get(f"{base}/documents/").json()[0]
    assert (row["anomaly_count"], row["max_anomaly_score"]) == (1, 0.4)
    assert [a["kind"] for a in alice_client.get(f"{base}/summary/").json()["top_anomalies"]] == [
        "round_amount"
    ]
