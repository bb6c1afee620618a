"""Settings page: the API base URL (default from `OCR_API_URL`), the current project's settings (read by
every member, changed by its owner, through `GET/PATCH /api/projects/{id}/settings/`) and the API's
health."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from dashboard import members_view, session
from dashboard.api_client import ApiError
from dashboard.wording import FAILED_ICON, PASSED_ICON, markdown_safe

st.title("Settings")

with st.form("settings_form"):
    new_url = st.text_input(
        "API base URL",
        value=session.api_url(),
        key="settings_api_url",
        help="For example http://127.0.0.1:8000 (without /api/).",
    )
    saved = st.form_submit_button("Save", key="settings_save")

if saved:
    cleaned = new_url.strip().rstrip("/")
    if not cleaned.startswith(("http://", "https://")):
        st.error("The API URL must start with http:// or https://.")
    elif cleaned != session.api_url():
        session.sign_out()  # a token belongs to one API
        st.session_state[session.API_URL] = cleaned
        st.success(f"API URL set to {cleaned}. Sign in again.")
        st.rerun()

# (section, setting, label, kind) of the settings shown as fields; every other one is in the JSON editor
FORM_SETTINGS = (
    (
        "review",
        "confidence",
        "Clear a document without review when each key field is at least this sure",
        "share",
    ),
    (
        "review",
        "second_approval_from_total",
        "Four eyes: a total at or above this takes two reviewers' approvals (empty: one; 0: every document)",
        "optional_amount",
    ),
    ("anomaly", "approval_threshold", "Approval limit: invoices at or above it need approval", "amount"),
    ("validation", "confidence_threshold", "Flag a key field less sure than this", "share"),
    ("validation", "max_age_years", "An invoice date older than this many years is an error", "int"),
    ("validation", "tolerance", "Rounding allowed per line in the arithmetic checks", "amount"),
    ("ocr", "psm", "Tesseract page segmentation mode (0-13)", "int"),
    ("ocr", "dpi", "DPI of PDF pages rendered for OCR", "int"),
    ("extraction", "line_items", "Extract line items", "bool"),
    ("extraction", "reread", "Read the total's row again", "bool"),
    ("extraction", "enhanced", "Take an enhanced second reading", "bool"),
    ("extraction", "second_opinion", "Ask RapidOCR when the total or date is unsure", "bool"),
    ("extraction", "second_opinion_below", "... that is, less sure than", "share"),
)
SAVED = "project_settings_saved"  # the message shown once after a save (the page reruns)


def _key(section: str, name: str) -> str:
    return f"setting_{section}_{name}"


def _field(section: str, name: str, label: str, kind: str, value: Any, disabled: bool) -> Any:
    key = _key(section, name)
    if kind == "bool":
        return st.checkbox(label, value=bool(value), key=key, disabled=disabled)
    if kind == "int":
        return int(st.number_input(label, value=int(value), step=1, key=key, disabled=disabled))
    if kind == "share":
        return st.number_input(
            label, min_value=0.0, max_value=1.0, value=float(value), step=0.05, key=key, disabled=disabled
        )
    if kind == "optional_amount":  # empty: the setting is off (null)
        return st.number_input(
            label,
            min_value=0.0,
            value=None if value is None else float(value),
            key=key,
            disabled=disabled,
            placeholder="off",
        )
    return st.number_input(label, min_value=0.0, value=float(value), key=key, disabled=disabled)


def _changes(current: dict[str, Any], wanted: dict[tuple[str, str], Any], engine: str) -> dict[str, Any]:
    """The merge patch from `current` to what the form shows: only the settings that changed."""
    patch: dict[str, Any] = {}
    for (section, name), value in wanted.items():
        if value != current[section][name]:
            patch.setdefault(section, {})[name] = value
    if (engine.strip() or None) != current.get("ocr_engine"):
        patch["ocr_engine"] = engine.strip() or None
    return patch


def _save(client: Any, project: int, patch: dict[str, Any]) -> None:
    """PATCH the settings; a refusal names each bad setting; on success the fields start again from
    what the API now holds."""
    try:
        client.update_project_settings(project, patch)
    except ApiError as exc:
        problems = (exc.detail or {}).get("settings") if exc.code == "validation_error" else None
        if not isinstance(problems, dict):
            session.show_api_error(exc, what="Saving the settings")
            return
        st.error(
            "The settings were not saved:\n"
            + "\n".join(f"- **{name}**: {why}" for name, why in problems.items()),
            icon=":material/error:",
        )
        return
    for section, name, _, _ in FORM_SETTINGS:
        st.session_state.pop(_key(section, name), None)
    for key in ("setting_ocr_engine", "settings_json"):
        st.session_state.pop(key, None)
    st.session_state[SAVED] = "Project settings saved. New tasks use them."
    st.rerun()


def project_settings_section(project: int) -> None:
    client = session.client()
    try:
        current = client.project_settings(project)
    except ApiError as exc:
        session.show_api_error(exc, what="Loading the project's settings")
        return
    if SAVED in st.session_state:
        st.success(st.session_state.pop(SAVED), icon=":material/check_circle:")
    owner = st.session_state.get(session.PROJECT_ROLE) == "owner"
    if not owner:
        st.caption("Only the project's owner can change its settings.")
    with st.form("project_settings_form"):
        wanted = {
            (section, name): _field(section, name, label, kind, current[section][name], not owner)
            for section, name, label, kind in FORM_SETTINGS
        }
        engine = st.text_input(
            "OCR engine (empty: the default)",
            value=current.get("ocr_engine") or "",
            key="setting_ocr_engine",
            disabled=not owner,
        )
        save = st.form_submit_button("Save project settings", key="project_settings_save", disabled=not owner)
    if save:
        patch = _changes(current, wanted, engine)
        if patch:
            _save(client, project, patch)
        else:
            st.info("Nothing changed.")
    with st.expander("All settings (JSON)"):
        st.caption("Every setting with its value; `null` puts a setting back to its default.")
        with st.form("project_settings_json_form"):
            text = st.text_area(
                "Settings",
                value=json.dumps(current, indent=2),
                height=400,
                key="settings_json",
                disabled=not owner,
            )
            save_json = st.form_submit_button(
                "Save JSON", key="project_settings_json_save", disabled=not owner
            )
        if save_json:
            try:
                body = json.loads(text)
            except ValueError as exc:
                st.error(f"This is not JSON: {exc}")
            else:
                if isinstance(body, dict):
                    _save(client, project, body)
                else:
                    st.error("The settings must be a JSON object.")


if session.is_signed_in() and session.project_id() is not None:
    st.subheader("Project settings")
    project_settings_section(session.project_id())
    members_view.render(
        st,
        session.client(),
        session.project_id(),
        owner=st.session_state.get(session.PROJECT_ROLE) == "owner",
        show_error=session.show_api_error,
    )

st.subheader("API health")
try:
    health = session.client().health()
except ApiError as exc:
    session.show_api_error(exc, what="Health check")
else:
    if health.get("status") == "degraded":  # up, but no worker polls the pool: uploads wait
        reasons = [str((health.get("checks") or {}).get(n, {}).get("message", n)) for n in health["degraded"]]
        st.warning("The API is up but degraded: " + "; ".join(reasons), icon=":material/warning:")
    elif health.get("healthy"):
        st.success("The API reports that it is healthy.", icon=":material/check_circle:")
    else:
        st.warning("The API reports a problem in at least one check.", icon=":material/warning:")
    for name, check in (health.get("checks") or {}).items():
        ok = bool(check.get("ok")) if isinstance(check, dict) else bool(check)
        details = {k: v for k, v in check.items() if k != "ok"} if isinstance(check, dict) else {}
        # `key: value` pairs in words, not a Python dict's repr ({'api_url': None, ...})
        shown = " · ".join(
            f"{k.replace('_', ' ')}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in details.items()
            if v not in (None, "", [])
        )
        st.markdown(f"{PASSED_ICON if ok else FAILED_ICON} **{name}** " + markdown_safe(shown))
