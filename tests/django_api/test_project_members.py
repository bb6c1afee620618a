"""A team over the API: the owner adds existing users as reviewer or viewer (`PUT .../members/{username}/`),
changes and removes them; any member lists them; what each role may then do; another user's project
answers 404 and a member who is not the owner is refused 403."""

from __future__ import annotations

import pytest

from tests.api_shapes import assert_shape, operation, response_schema
from tests.django_api.conftest import client_for, make_user, process_pngs

pytestmark = pytest.mark.django_db

MEMBERS = "/api/projects/{project_id}/members/"
MEMBER = MEMBERS + "{username}/"


@pytest.fixture
def rita(db):
    return make_user("rita")


def _members(client, project) -> list[tuple[str, str]]:
    response = client.get(f"/api/projects/{project.pk}/members/")
    assert response.status_code == 200, response.content
    assert_shape(response.json(), response_schema(MEMBERS), "GET members")
    return [(m["username"], m["role"]) for m in response.json()]


def test_the_owner_forms_a_team_and_each_role_does_what_it_may(alice_client, project, rita, run_on_commit):
    url = f"/api/projects/{project.pk}/members/rita/"
    added = alice_client.put(url, {"role": "reviewer"}, format="json")
    assert added.status_code == 201, added.content
    assert_shape(added.json(), response_schema(MEMBER, "put", 201), "PUT member")
    assert added.json()["role"] == "reviewer"
    assert _members(alice_client, project) == [("alice", "owner"), ("rita", "reviewer"), ("vera", "viewer")]

    rita_client = client_for(rita)
    assert [p["role"] for p in rita_client.get("/api/projects/").json()] == ["reviewer"]
    ids = process_pngs(rita_client, project, run_on_commit, ["r.png"])  # a reviewer uploads
    doc = f"/api/projects/{project.pk}/documents/{ids['r.png']}/"
    assert (
        rita_client.patch(doc + "fields/", {"fields": {"po_number": "PO-7"}}, format="json").status_code
        == 200
    )
    approved = rita_client.post(doc + "approve/", {"force": True, "reason": "checked"}, format="json")
    assert approved.status_code == 200 and approved.json()["approved_by"] == "rita"
    # a reviewer neither manages the team nor the settings
    refused = rita_client.put(
        f"/api/projects/{project.pk}/members/vera/", {"role": "reviewer"}, format="json"
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "permission_denied")
    assert "manage its members" in refused.json()["message"]

    changed = alice_client.put(url, {"role": "viewer"}, format="json")
    assert (changed.status_code, changed.json()["role"]) == (200, "viewer")
    corrected = rita_client.patch(doc + "fields/", {"fields": {"po_number": "PO-8"}}, format="json")
    assert (corrected.status_code, corrected.json()["code"]) == (403, "permission_denied")
    assert rita_client.get(doc).status_code == 200  # a viewer reads

    assert alice_client.delete(url).status_code == 204
    assert rita_client.get(doc).status_code == 404  # no longer a member: the project is not there
    assert _members(alice_client, project) == [("alice", "owner"), ("vera", "viewer")]


def test_a_viewer_lists_the_team_but_changes_nothing(vera_client, project, rita):
    assert _members(vera_client, project) == [("alice", "owner"), ("vera", "viewer")]
    refused = vera_client.put(f"/api/projects/{project.pk}/members/rita/", {"role": "viewer"}, format="json")
    assert refused.status_code == 403
    assert vera_client.delete(f"/api/projects/{project.pk}/members/vera/").status_code == 403


def test_another_users_project_answers_404(bob_client, project, rita):
    assert bob_client.get(f"/api/projects/{project.pk}/members/").status_code == 404
    put = bob_client.put(f"/api/projects/{project.pk}/members/rita/", {"role": "viewer"}, format="json")
    assert (put.status_code, put.json()["code"]) == (404, "not_found")
    assert bob_client.delete(f"/api/projects/{project.pk}/members/vera/").status_code == 404


@pytest.mark.parametrize(
    ("username", "body", "status", "code"),
    [
        ("nobody", {"role": "viewer"}, 404, "user_not_found"),
        ("rita", {"role": "owner"}, 400, "validation_error"),
        ("rita", {"role": ["viewer"]}, 400, "validation_error"),
        ("rita", {}, 400, "validation_error"),
        ("alice", {"role": "viewer"}, 400, "validation_error"),  # the owner stays the owner
    ],
)
def test_refusals_have_stable_codes(alice_client, project, rita, username, body, status, code):
    response = alice_client.put(f"/api/projects/{project.pk}/members/{username}/", body, format="json")
    assert (response.status_code, response.json()["code"]) == (status, code), response.content


def test_removing_the_owner_or_a_non_member_is_refused(alice_client, project, rita):
    assert alice_client.delete(f"/api/projects/{project.pk}/members/alice/").status_code == 400
    gone = alice_client.delete(f"/api/projects/{project.pk}/members/rita/")
    assert (gone.status_code, gone.json()["code"]) == (404, "user_not_found")


def test_every_members_operation_has_a_summary():
    for method in ("get",):
        assert operation(MEMBERS, method)["summary"]
    for method in ("put", "delete"):
        assert operation(MEMBER, method)["summary"]
