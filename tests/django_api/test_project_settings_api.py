"""`GET/PATCH /api/projects/{id}/settings/`: members read, the owner changes (a JSON merge patch),
checked when written: a bad or unknown setting answers 400 `validation_error` naming it."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Project
from django_api.invoices.services.projects import project_member_set
from django_api.orchestration.django_port import DjangoPort
from expectations.project_settings import ProjectSettings
from tests.django_api.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


def _url(project) -> str:
    return f"/api/projects/{project.pk}/settings/"


def test_get_shows_every_setting_with_its_default(alice_client, vera_client, project):
    answer = alice_client.get(_url(project))
    assert answer.status_code == 200
    assert answer.json() == ProjectSettings().to_dict()
    assert answer.json()["review"] == {"confidence": 0.9, "second_approval_from_total": None}
    assert answer.json()["anomaly"]["approval_threshold"] == 10_000.0
    assert vera_client.get(_url(project)).status_code == 200  # a viewer reads them


def test_a_valid_change_is_stored_and_used(alice_client, project, processed_document):
    rows = f"/api/projects/{project.pk}/documents/"
    assert alice_client.get(rows).json()[0]["needs_review"] is False  # key fields 0.9-0.95 sure

    changed = alice_client.patch(
        _url(project),
        {"review": {"confidence": 0.95}, "anomaly": {"approval_threshold": 500}, "ocr": {"psm": 6}},
        format="json",
    )

    assert changed.status_code == 200, changed.json()
    assert changed.json()["review"]["confidence"] == 0.95 and changed.json()["ocr"]["psm"] == 6
    assert changed.json()["ocr"]["dpi"] == 300  # untouched settings keep their defaults
    project.refresh_from_db()
    assert project.settings == {
        "ocr": {"psm": 6},
        "anomaly": {"approval_threshold": 500.0},
        "review": {"confidence": 0.95},
    }
    assert alice_client.get(_url(project)).json() == changed.json()
    assert alice_client.get(rows).json()[0]["needs_review"] is True  # the selector reads it
    handed = ProjectSettings.from_dict(DjangoPort().project_settings(str(project.pk)))  # what a run gets
    assert handed.anomaly.approval_threshold == 500.0 and handed.ocr.psm == 6

    # a merge patch: other settings stay, null puts a default back
    again = alice_client.patch(_url(project), {"ocr": None, "anomaly": {"z_threshold": 2.5}}, format="json")
    assert again.status_code == 200
    project.refresh_from_db()
    assert project.settings == {
        "anomaly": {"approval_threshold": 500.0, "z_threshold": 2.5},
        "review": {"confidence": 0.95},
    }


def test_older_flat_settings_are_read_and_rewritten_in_sections(alice_client, project):
    Project.objects.filter(pk=project.pk).update(
        settings={"approval_threshold": 750, "review_confidence": 0.8, "ocr_engine": "tesseract"}
    )
    shown = alice_client.get(_url(project)).json()
    assert shown["anomaly"]["approval_threshold"] == 750.0 and shown["review"]["confidence"] == 0.8
    assert alice_client.patch(_url(project), {"ocr": {"psm": 4}}, format="json").status_code == 200
    project.refresh_from_db()
    assert project.settings == {
        "ocr_engine": "tesseract",
        "ocr": {"psm": 4},
        "anomaly": {"approval_threshold": 750.0},
        "review": {"confidence": 0.8},
    }


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"anomaly": {"approval_threshold": "1000"}}, "anomaly.approval_threshold"),
        ({"ocr": {"psm": 6.5}}, "ocr.psm"),
        ({"extraction": {"reread": "false"}}, "extraction.reread"),
        ({"review": {"confidence": 2}}, "review.confidence"),
        ({"ocr": "fast"}, "ocr"),
        ({"ocr_engine": "tesserract"}, "ocr_engine"),
        (
            {"custom_expectations": [{"type": "expect_nothing_at_all", "kwargs": {}}]},
            "custom_expectations[0]",
        ),
    ],
)
def test_a_bad_setting_is_refused_naming_it(alice_client, project, body, named):
    answer = alice_client.patch(_url(project), body, format="json")
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_error"
    assert named in answer.json()["detail"]["settings"] and named in answer.json()["message"]
    project.refresh_from_db()
    assert project.settings == {}  # nothing stored


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"colour": "red"}, "colour"),
        ({"ocr": {"speed": 2}}, "ocr.speed"),
        ({"approval_threshold": 5}, "approval_threshold"),
    ],
)
def test_an_unknown_setting_is_refused(alice_client, project, body, named):
    answer = alice_client.patch(_url(project), body, format="json")
    assert answer.status_code == 400 and answer.json()["code"] == "validation_error"
    assert named in answer.json()["detail"]["settings"]


def test_a_good_custom_expectation_is_stored_in_canonical_form(alice_client, project):
    expectation = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "vendor_name"}}
    answer = alice_client.patch(_url(project), {"custom_expectations": [expectation]}, format="json")
    assert answer.status_code == 200, answer.json()
    project.refresh_from_db()
    assert project.settings == {"custom_expectations": [expectation]}


def test_only_the_owner_changes_settings(vera_client, project):
    reviewer = make_user("rita")
    project_member_set(project=project, user=reviewer, role="reviewer")
    for client in (vera_client, client_for(reviewer)):
        answer = client.patch(_url(project), {"ocr": {"psm": 6}}, format="json")
        assert answer.status_code == 403 and answer.json()["code"] == "permission_denied"
        assert client.get(_url(project)).status_code == 200
    project.refresh_from_db()
    assert project.settings == {}


def test_another_users_project_is_not_found(bob_client, project):
    assert bob_client.get(_url(project)).status_code == 404
    answer = bob_client.patch(_url(project), {"ocr": {"psm": 6}}, format="json")
    assert answer.status_code == 404 and answer.json()["code"] == "not_found"


def test_a_form_body_is_refused(alice_client, project):
    assert alice_client.patch(_url(project), {"ocr": "x"}, format="multipart").status_code == 415


def test_settings_given_when_a_project_is_created_are_checked_too(alice):
    from django_api.invoices.errors import InvalidInput
    from django_api.invoices.services.projects import project_create

    created = project_create(user=alice, name="P", settings={"ocr": {"psm": 6, "dpi": 300}})
    assert created.settings == {"ocr": {"psm": 6}}  # only what differs from the defaults
    with pytest.raises(InvalidInput) as caught:
        project_create(user=alice, name="Q", settings={"ocr": {"psm": "6"}})
    assert "ocr.psm" in caught.value.detail["settings"]


def test_stored_settings_that_cannot_be_read_are_named_and_a_patch_repairs_them(alice_client, project):
    Project.objects.filter(pk=project.pk).update(settings={"approval_threshold": "lots", "ocr": {"psm": 6}})
    answer = alice_client.get(_url(project))
    assert answer.status_code == 400 and answer.json()["code"] == "invalid_settings"
    assert "approval_threshold" in answer.json()["message"]
    repaired = alice_client.patch(_url(project), {"approval_threshold": None}, format="json")
    assert repaired.status_code == 200, repaired.json()
    project.refresh_from_db()
    assert project.settings == {"ocr": {"psm": 6}}
