"""Entry point: `streamlit run dashboard/app.py`.

Sets up the page, signs the demo user in when `OCR_DASHBOARD_AUTO_SIGN_IN=1`, draws the sidebar (user,
current project, sign-out) and hands over to the pages with `st.navigation`.
"""

from __future__ import annotations

import streamlit as st

from dashboard import session, sign_in_form
from dashboard.api_client import ApiError

st.set_page_config(page_title="Invoice OCR review", page_icon=":material/receipt_long:", layout="wide")
session.try_auto_sign_in()

sign_in_page = st.Page("views/sign_in.py", title="Sign in", icon=":material/login:", url_path="sign-in")
settings_page = st.Page(
    "views/settings.py", title="Settings", icon=":material/settings:", url_path="settings"
)
# the pages of a signed-in user: (script, title, icon, URL path)
REVIEW_PAGES = (
    ("views/projects.py", "Projects & uploads", ":material/upload_file:", "projects"),
    ("views/review_queue.py", "Review queue", ":material/checklist:", "queue"),
    ("views/document_review.py", "Document review", ":material/edit_document:", "review"),
    ("views/overview.py", "Project overview", ":material/monitoring:", "overview"),
    ("views/vendors.py", "Vendors (learned)", ":material/school:", "vendors"),
)


def open_first_page() -> None:
    """The root URL `/` of a signed-in user: the first review page (Projects). Streamlit serves its
    default page at `/` only, so were Projects the default, a typed `/projects` would be "Page not
    found"; this hidden default hands over to it instead, and every review page keeps its own URL."""
    st.switch_page(REVIEW_PAGES[0][0])


def review_pages() -> list:
    return [
        st.Page(open_first_page, title="Home", url_path="home", default=True, visibility="hidden"),
        *(
            st.Page(script, title=title, icon=icon, url_path=path)
            for script, title, icon, path in REVIEW_PAGES
        ),
    ]


def signed_out_pages() -> list:
    """The review pages' URLs while signed out: known (no "Page not found" on a reload or a link), hidden,
    each drawing the sign-in form; once signed in the same URL opens the page itself."""
    return [
        st.Page(sign_in_form.render, title=title, url_path=path, visibility="hidden")
        for _, title, _, path in REVIEW_PAGES
    ]


if not session.is_signed_in():
    # The signed-in pages are known but hidden, so that a reload or a link (`/review?document=...`)
    # shows the sign-in form, not Streamlit's "Page not found", and opens that page once signed in.
    st.navigation([sign_in_page, settings_page, *signed_out_pages()]).run()
    st.stop()

# A project chosen elsewhere (e.g. just created) is applied before the selectbox exists.
if session.PENDING_PROJECT in st.session_state:
    st.session_state[session.PROJECT_ID] = st.session_state.pop(session.PENDING_PROJECT)
# A reload or a second tab of a review page: its URL names the project and document it showed.
session.restore_document_from_url()

with st.sidebar:
    st.caption(f"Signed in as **{st.session_state.get(session.USERNAME, '?')}** · API {session.api_url()}")
    try:
        projects = session.client().list_projects()
    except ApiError as exc:
        projects = []
        session.show_api_error(exc, what="Loading projects")
    project_names = {p["id"]: p["name"] for p in projects}
    if st.session_state.get(session.PROJECT_ID) not in project_names:
        st.session_state[session.PROJECT_ID] = next(iter(project_names), None)
    st.selectbox(
        "Project",
        options=list(project_names),
        format_func=lambda pid: project_names.get(pid, "?"),
        key=session.PROJECT_ID,
        placeholder="Create a project first",
    )
    roles = {p["id"]: p.get("role", "viewer") for p in projects}
    st.session_state[session.PROJECT_ROLE] = roles.get(st.session_state.get(session.PROJECT_ID))
    st.session_state[session.PROJECT_NAME] = project_names.get(st.session_state.get(session.PROJECT_ID), "")
    if st.session_state.get(session.PROJECT_ID) is not None:  # what the API and the Prefect UI call it
        st.caption(
            f"Project id `{st.session_state[session.PROJECT_ID]}`: the `project_id` of the API and of the "
            "Prefect deployments (rescore-project, watch-inbox's `project`)"
        )
    if st.session_state[session.PROJECT_ROLE] == "viewer":
        st.caption("You are a **viewer** of this project: you can read but not upload, correct or approve.")
    if st.button("Sign out", key="sign_out", icon=":material/logout:"):
        session.sign_out()
        st.rerun()

navigation = st.navigation(
    {
        "Review": review_pages(),
        "Account": [settings_page],
    }
)
navigation.run()
