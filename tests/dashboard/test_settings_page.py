"""Settings page, project part: the current project's settings shown from the API; the owner changes
them (only what changed is sent, as a merge patch); a refusal names the setting; others only read."""

from __future__ import annotations

import json

from dashboard.api_client import ApiError
from tests.dashboard.fakes import DEFAULT_SETTINGS
from tests.dashboard.rendered import texts

PAGE = "views/settings.py"


def test_the_projects_settings_are_shown_from_the_api(make_app, fake):
    at = make_app(page=PAGE)
    assert fake.calls_named("project_settings") == [((1,), {})] * len(fake.calls_named("project_settings"))
    assert at.number_input(key="setting_review_confidence").value == 0.9
    assert at.number_input(key="setting_anomaly_approval_threshold").value == 10_000.0
    assert at.checkbox(key="setting_extraction_reread").value is True
    assert json.loads(at.text_area(key="settings_json").value) == DEFAULT_SETTINGS
    assert not at.number_input(key="setting_review_confidence").disabled
    assert not at.exception


def test_the_owner_saves_only_what_changed(make_app, fake):
    at = make_app(page=PAGE)
    at.number_input(key="setting_review_confidence").set_value(0.95)
    at.number_input(key="setting_anomaly_approval_threshold").set_value(500.0)
    at.checkbox(key="setting_extraction_reread").uncheck()
    at.text_input(key="setting_ocr_engine").input("rapidocr")
    at.button(key="project_settings_save").click().run()

    [((project, body), _)] = fake.calls_named("update_project_settings")
    assert project == 1
    assert body == {
        "review": {"confidence": 0.95},
        "anomaly": {"approval_threshold": 500.0},
        "extraction": {"reread": False},
        "ocr_engine": "rapidocr",
    }
    assert "Project settings saved" in texts(at)
    # the page starts again from what the API holds now
    assert at.number_input(key="setting_review_confidence").value == 0.95
    assert at.checkbox(key="setting_extraction_reread").value is False
    assert json.loads(at.text_area(key="settings_json").value)["ocr_engine"] == "rapidocr"
    assert not at.exception


def test_nothing_changed_sends_nothing(make_app, fake):
    at = make_app(page=PAGE)
    at.button(key="project_settings_save").click().run()
    assert fake.calls_named("update_project_settings") == []
    assert "Nothing changed" in texts(at)


def test_a_refused_setting_is_named_and_nothing_is_saved(make_app, fake):
    at = make_app(page=PAGE)
    edited = {**DEFAULT_SETTINGS, "colour": "red", "ocr": {"psm": "six"}}
    at.text_area(key="settings_json").input(json.dumps(edited))
    at.button(key="project_settings_json_save").click().run()

    assert len(fake.calls_named("update_project_settings")) == 1
    shown = texts(at)
    assert "not saved" in shown and "colour" in shown and "ocr.psm" in shown
    assert fake.project_settings(1) == DEFAULT_SETTINGS
    assert not at.exception


def test_the_json_editor_changes_any_setting(make_app, fake):
    at = make_app(page=PAGE)
    at.text_area(key="settings_json").input(json.dumps({"anomaly": {"z_threshold": 2.5}}))
    at.button(key="project_settings_json_save").click().run()
    assert fake.project_settings(1)["anomaly"]["z_threshold"] == 2.5
    assert "Project settings saved" in texts(at)


def test_text_that_is_not_json_is_not_sent(make_app, fake):
    at = make_app(page=PAGE)
    at.text_area(key="settings_json").input("{not json")
    at.button(key="project_settings_json_save").click().run()
    assert fake.calls_named("update_project_settings") == []
    assert "not JSON" in texts(at)


def test_other_errors_are_reported_like_any_api_error(make_app, fake):
    fake.fail_on["update_project_settings"] = ApiError(
        message="Only the project's owner can change its settings.", code="permission_denied", status=403
    )
    at = make_app(page=PAGE)
    at.number_input(key="setting_ocr_psm").set_value(6)
    at.button(key="project_settings_save").click().run()
    assert "Only the project's owner" in texts(at)
    assert not at.exception


def test_a_viewer_reads_the_settings_but_cannot_change_them(make_app, fake):
    fake.projects[0]["role"] = "viewer"
    at = make_app(page=PAGE)
    assert at.number_input(key="setting_review_confidence").value == 0.9
    assert at.number_input(key="setting_review_confidence").disabled
    assert at.button(key="project_settings_save").disabled
    assert "Only the project's owner" in texts(at)
    assert not at.exception


def test_signed_out_the_page_asks_for_no_project_settings(make_app, fake):
    at = make_app(signed_in=False, page=PAGE)
    assert fake.calls_named("project_settings") == []
    assert not at.exception


def test_a_degraded_api_says_why(make_app, fake, monkeypatch):
    message = "no worker polls work pool 'process' (none heard from within 90 s)"
    monkeypatch.setattr(
        fake,
        "health",
        lambda: {
            "healthy": True,
            "status": "degraded",
            "unhealthy": [],
            "degraded": ["prefect"],
            "checks": {"prefect": {"ok": True, "degraded": True, "message": message}},
        },
    )
    at = make_app(page=PAGE)
    assert any(message in w.value for w in at.warning)
    assert not any("is healthy" in s.value for s in at.success)


def test_health_details_are_words_not_a_dict(make_app, fake, monkeypatch):
    checks = {
        "tesseract": {"ok": True, "version": "5.3.0", "languages": ["deu", "eng"]},
        "prefect": {"ok": True, "mode": "embedded", "api_url": None},
    }
    monkeypatch.setattr(
        fake, "health", lambda: {"healthy": True, "status": "healthy", "unhealthy": [], "checks": checks}
    )
    at = make_app(page=PAGE)
    shown = [m.value for m in at.markdown]
    assert any("**tesseract** version: 5.3.0 · languages: deu, eng" in s for s in shown)
    assert any(s.endswith("**prefect** mode: embedded") for s in shown)  # a None is left out
    assert not any("{'" in s for s in shown)


def test_the_four_eyes_limit_is_set_in_the_form(make_app, fake):
    at = make_app(page=PAGE)
    field = "setting_review_second_approval_from_total"
    assert at.number_input(key=field).value is None  # off: one approval
    at.number_input(key=field).set_value(5000.0)
    at.button(key="project_settings_save").click().run()
    assert fake.calls_named("update_project_settings")[-1][0][1] == {
        "review": {"second_approval_from_total": 5000.0}
    }
    assert at.number_input(key=field).value == 5000.0
    assert not at.exception
