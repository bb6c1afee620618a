"""The sign-in form (username and password for an API token, kept in session state, never in the URL).

Drawn by the sign-in page, and in place of any other page opened while signed out (a reload, a link to
`/review?document=...`): that page then opens once signed in."""

from __future__ import annotations

import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError, NotAuthenticated


def render() -> None:
    st.title("Invoice OCR review")
    st.subheader("Sign in")

    flash = st.session_state.pop(session.FLASH, None)
    if flash:
        st.warning(flash, icon=":material/lock:")

    default_user, default_password = session.demo_credentials()
    with st.form("sign_in_form"):
        username = st.text_input("Username", value=default_user, key="sign_in_username")
        password = st.text_input("Password", value=default_password, type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary", key="sign_in_submit")

    st.caption(f"API: `{session.api_url()}` (change it under Settings or with the `OCR_API_URL` variable).")

    if submitted:
        if not username or not password:
            st.error("Enter a username and a password.")
        else:
            try:
                session.sign_in(username, password)
            except NotAuthenticated:
                st.error("The API refused the sign-in (401).")
            except ApiError as exc:
                if exc.code == "invalid_credentials" or exc.status == 400:
                    st.error("Wrong username or password.", icon=":material/key_off:")
                else:
                    session.show_api_error(exc, what="Signing in")
            else:
                st.rerun()
