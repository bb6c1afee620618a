"""Four eyes: a project's `review.second_approval_from_total` makes a document whose total reaches it (or
whose total is not known) take two reviewers' approvals. The first is recorded and the document stays in
review; the same reviewer cannot give the second (409 `second_approver_required`); another reviewer's
approval approves it. A correction, a rejection or a new reading voids the first approval."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, DocumentResult, DocumentStatus
from django_api.invoices.services.pipeline_records import document_result_save
from django_api.invoices.services.projects import project_member_set
from tests.django_api.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(project):
    user = make_user("rita")
    project_member_set(project=project, user=user, role="reviewer")
    return user


@pytest.fixture
def rita_client(rita):
    return client_for(rita)


def _url(project, doc_id: str) -> str:
    return f"/api/projects/{project.pk}/documents/{doc_id}/"


def _from_total(client, project, value) -> None:
    answer = client.patch(
        f"/api/projects/{project.pk}/settings/",
        {"review": {"second_approval_from_total": value}},
        format="json",
    )
    assert answer.status_code == 200, answer.json()


def test_without_the_setting_one_approval_approves(alice_client, project, processed_document):
    _, doc_id = processed_document
    detail = alice_client.get(_url(project, doc_id)).json()
    assert (detail["approvals_required"], detail["first_approval"]) == (1, None)
    approved = alice_client.post(_url(project, doc_id) + "approve/")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["first_approval"] is None


def test_a_total_at_the_limit_takes_two_reviewers(alice_client, rita_client, project, processed_document):
    _, doc_id = processed_document
    _from_total(alice_client, project, 12.5)  # the document's total is 12.50: at the limit
    url = _url(project, doc_id)
    assert alice_client.get(url).json()["approvals_required"] == 2

    first = alice_client.post(url + "approve/")
    assert first.status_code == 200, first.json()
    body = first.json()
    assert body["status"] == "processed" and body["approved_by"] is None
    assert body["first_approval"]["by"] == "alice" and body["first_approval"]["at"]

    version = alice_client.get(url).json()["result_version"]
    again = alice_client.post(url + "approve/")
    assert (again.status_code, again.json()["code"]) == (409, "second_approver_required")
    after = alice_client.get(url).json()
    assert after["result_version"] == version  # refused before any re-check: nothing stored
    assert after["status"] == "processed"

    second = rita_client.post(url + "approve/")
    assert second.status_code == 200, second.json()
    assert (second.json()["status"], second.json()["approved_by"]) == ("approved", "rita")
    assert second.json()["first_approval"]["by"] == "alice"  # both stay on record
    exported = alice_client.get(f"/api/projects/{project.pk}/export/?format=json&status=approved")
    assert exported.status_code == 200
    assert [(d["approved_by"], d["first_approved_by"]) for d in exported.json()] == [("rita", "alice")]


def test_a_total_below_the_limit_needs_one_approval(alice_client, project, processed_document):
    _, doc_id = processed_document
    _from_total(alice_client, project, 12.51)
    approved = alice_client.post(_url(project, doc_id) + "approve/")
    assert approved.json()["status"] == "approved" and approved.json()["approvals_required"] == 1


def test_an_unknown_total_takes_two_reviewers(alice_client, project, processed_document):
    _, doc_id = processed_document
    _from_total(alice_client, project, 1_000_000)
    url = _url(project, doc_id)
    cleared = alice_client.patch(url + "fields/", {"fields": {"total": None}}, format="json")
    assert cleared.status_code == 200, cleared.json()
    assert alice_client.get(url).json()["approvals_required"] == 2
    forced = alice_client.post(url + "approve/", {"force": True, "reason": "total on page 2"}, format="json")
    assert forced.status_code == 200 and forced.json()["status"] == "processed"
    assert forced.json()["first_approval"]["by"] == "alice"


def test_a_correction_voids_the_first_approval(alice_client, rita_client, project, processed_document):
    _, doc_id = processed_document
    _from_total(alice_client, project, 0)  # every document
    url = _url(project, doc_id)
    assert alice_client.post(url + "approve/").json()["first_approval"]["by"] == "alice"

    corrected = rita_client.patch(url + "fields/", {"fields": {"invoice_number": "R-77"}}, format="json")
    assert corrected.status_code == 200, corrected.json()
    assert rita_client.get(url).json()["first_approval"] is None  # alice approved other values

    first = rita_client.post(url + "approve/")  # so rita's approval is a first one again
    assert (first.json()["status"], first.json()["first_approval"]["by"]) == ("processed", "rita")
    second = alice_client.post(url + "approve/")
    assert (second.json()["status"], second.json()["approved_by"]) == ("approved", "alice")


def test_a_rejection_and_a_new_reading_void_the_first_approval(
    alice_client, rita_client, project, processed_document
):
    _, doc_id = processed_document
    _from_total(alice_client, project, 0)
    url = _url(project, doc_id)
    alice_client.post(url + "approve/")
    rejected = rita_client.post(url + "reject/", {"reason": "sent twice"}, format="json")
    assert rejected.status_code == 200 and rejected.json()["first_approval"] is None

    alice_client.post(url + "approve/")  # taken back: a first approval again
    assert Document.objects.get(pk=doc_id).first_approved_by.username == "alice"
    result = DocumentResult.objects.get(document_id=doc_id).result
    document_result_save(document_id=doc_id, result=result)  # the document read again
    document = Document.objects.get(pk=doc_id)
    assert document.first_approved_by is None and document.status == DocumentStatus.PROCESSED


def test_the_setting_is_checked(alice_client, project):
    for bad in (-1, "5000", True):
        answer = alice_client.patch(
            f"/api/projects/{project.pk}/settings/",
            {"review": {"second_approval_from_total": bad}},
            format="json",
        )
        assert answer.status_code == 400, bad
        assert "review.second_approval_from_total" in str(answer.json())
