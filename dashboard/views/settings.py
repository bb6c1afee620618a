"""Settings page: the API base URL (default from `OCR_API_URL`) and the API's health."""

from __future__ import annotations

import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.wording import FAILED_ICON, PASSED_ICON

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

st.subheader("API health")
try:
    health = session.client().health()
except ApiError as exc:
    session.show_api_error(exc, what="Health check")
else:
    if health.get("healthy"):
        st.success("The API reports that it is healthy.", icon=":material/check_circle:")
    else:
        st.warning("The API reports a problem in at least one check.", icon=":material/warning:")
    for name, check in (health.get("checks") or {}).items():
        ok = bool(check.get("ok")) if isinstance(check, dict) else bool(check)
        details = {k: v for k, v in check.items() if k != "ok"} if isinstance(check, dict) else {}
        st.markdown(f"{PASSED_ICON if ok else FAILED_ICON} **{name}** " + (f"`{details}`" if details else ""))
