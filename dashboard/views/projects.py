"""Projects page: create a project, upload files to the current one, follow its tasks live, cancel."""

from __future__ import annotations

import os

import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError, UploadFile
from dashboard.wording import (
    FAILED_ICON,
    RUNNING_STATUSES,
    progress_fraction,
    progress_text,
    short_time,
    task_heading,
    upload_banner,
)

# what the API takes (`POST .../process-invoices/`): PDF, images, and a bare CII / UBL e-invoice XML
ACCEPTED_TYPES = ["pdf", "png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "heic", "heif", "xml", "eml"]
REFRESH_SECONDS = 2.0
UPLOAD_ROUND = "upload_round"  # bumped after an upload so the uploader starts empty
LAST_UPLOAD = "last_upload"  # (project id, the API's answer) of the latest upload, shown once per project
# The API's per-file limit (same variable and default as the API) so too-big files are refused at once.
MAX_UPLOAD_MB = max(1, int(os.environ.get("OCR_MAX_FILE_BYTES", str(50 * 1024 * 1024))) // (1024 * 1024))

st.title("Projects & uploads")
client = session.client()

with st.expander("Create a project", expanded=session.project_id() is None):
    with st.form("create_project_form", clear_on_submit=True):
        new_name = st.text_input("Project name", key="new_project_name")
        create = st.form_submit_button("Create project", key="create_project")
    if create:
        if not new_name.strip():
            st.error("Give the project a name.")
        else:
            try:
                created = client.create_project(new_name.strip())
            except ApiError as exc:
                session.show_api_error(exc, what="Creating the project")
            else:
                session.choose_project(created["id"])
                st.rerun()

project_id = session.project_id()
if project_id is None:
    st.info("No project yet: create one above.")
    st.stop()

st.subheader("Upload invoices and receipts")
if not session.can_edit():
    st.info(
        "You are a viewer of this project: its owner and reviewers upload; you see its tasks and documents.",
        icon=":material/visibility:",
    )
upload_round = st.session_state.setdefault(UPLOAD_ROUND, 0)
uploaded = st.file_uploader(
    "PDF, PNG, JPEG, TIFF, WebP, BMP or HEIC (iPhone) files, e-invoice XML (CII / UBL), or e-mails (.eml: "
    "their attached invoices); "
    "drag and drop one or many",
    type=ACCEPTED_TYPES,
    accept_multiple_files=True,
    key=f"upload_files_{upload_round}",
    max_upload_size=MAX_UPLOAD_MB,
    disabled=not session.can_edit(),
)
if st.button(
    "Process files", key="process_files", type="primary", disabled=not uploaded or not session.can_edit()
):
    files = [
        UploadFile(name=f.name, data=f.getvalue(), media_type=f.type or "application/octet-stream")
        for f in uploaded or []
    ]
    try:
        answer = client.upload(project_id, files)
    except ApiError as exc:
        refused = (exc.detail or {}).get("rejected", [])
        if refused:  # every file refused: say so once, then why per file (not the first reason twice)
            st.error(f"Nothing was uploaded: {len(refused)} file(s) refused.", icon=":material/error:")
        else:
            session.show_api_error(exc, what="Uploading")
        for rejected in refused:
            st.markdown(
                f"{FAILED_ICON} {rejected.get('name')}: {rejected.get('message')} (`{rejected.get('code')}`)"
            )
    else:
        st.session_state[UPLOAD_ROUND] = upload_round + 1
        st.session_state[LAST_UPLOAD] = (project_id, answer)
        st.rerun()

last_project, last_upload = st.session_state.get(LAST_UPLOAD, (None, None))
if last_upload and last_project == project_id:
    st.success(upload_banner(last_upload), icon=":material/rocket_launch:")
    st.caption(f"Task `{last_upload.get('task_id')}`")  # what the API and the Prefect UI call it
    for rejected in last_upload.get("rejected", []):
        st.warning(
            f"{rejected.get('name')} was rejected: {rejected.get('message')} (`{rejected.get('code')}`)"
        )

st.subheader("Tasks")


def _cancel(task_id: str) -> None:
    try:
        answer = client.cancel_task(project_id, task_id)
    except ApiError as exc:
        if exc.code == "task_finished":
            st.session_state["cancel_message"] = f"Task {task_id} had already finished."
        else:
            st.session_state["cancel_message"] = f"Could not cancel task {task_id}: {exc.message}"
    else:
        st.session_state["cancel_message"] = f"Task {task_id}: {answer.get('status', 'cancelling')}."


def _load_tasks() -> list[dict] | None:
    try:
        return client.list_tasks(project_id)
    except ApiError as exc:
        session.show_api_error(exc, what="Loading tasks")
        return None


def _any_running(tasks: list[dict] | None) -> bool:
    return any(t.get("status") in RUNNING_STATUSES for t in tasks or [])


def _failure_text(task: dict) -> str:
    """Why a task failed, from its row of the task list (which carries the task's error)."""
    error = task.get("error") or {}
    reason = f"{error.get('message')} (`{error.get('code')}`)" if error.get("message") else "no reason given"
    return f"The task failed: {reason}. Upload the files again to retry."


def _cancelled_text(task: dict) -> str:
    """What a cancelled task left: the documents read before the stop keep their results; the others
    are failed (`cancelled`) and are read by uploading their files again."""
    progress = task.get("progress") or {}
    done = int(progress.get("documents_done") or 0) if isinstance(progress, dict) else 0
    total = int(task.get("document_count") or 0)
    if done <= 0:
        return "Cancelled before any document was read: upload the files again to read them."
    return (
        f"Cancelled: {done} of {total} document(s) were read and kept; the others are marked failed "
        "(cancelled): upload their files again to read them."
    )


PARTLY_FAILED = (
    "Some documents could not be read: they head the review queue with the reason (“processing "
    "failed”); upload a file again to retry it."
)


def _show_tasks(tasks: list[dict]) -> None:
    if not tasks:
        st.caption("No tasks yet: upload files above.")
        return
    message = st.session_state.pop("cancel_message", None)
    if message:
        st.info(message)
    for task in tasks:
        task_id = task["task_id"]
        status = task.get("status", "?")
        with st.container(border=True):
            left, right = st.columns([5, 1])
            left.markdown(
                f"**{task_heading(task)}** · `{status}` · {task.get('document_count', '?')} document(s) · "
                f"uploaded {short_time(task.get('created_at'))}"
                + (f" · finished {short_time(task.get('finished_at'))}" if task.get("finished_at") else "")
            )
            left.caption(f"Task `{task_id}`")  # what the API and the Prefect UI call it
            left.progress(progress_fraction(task), text=progress_text(task))
            if status == "failed":
                left.error(_failure_text(task), icon=":material/error:")
            elif status == "cancelled":
                left.info(_cancelled_text(task), icon=":material/cancel:")
            elif status == "partially_failed":
                left.warning(PARTLY_FAILED, icon=":material/warning:")
            if status in RUNNING_STATUSES and status != "cancelling":
                right.button("Cancel", key=f"cancel_{task_id}", on_click=_cancel, args=(task_id,))


initial_tasks = _load_tasks()
running = _any_running(initial_tasks)


@st.fragment(run_every=REFRESH_SECONDS if running else None)
def task_list() -> None:
    """Redrawn every few seconds while a task runs; a full rerun once everything has finished."""
    tasks = initial_tasks if st.session_state.get("_tasks_fresh", True) else _load_tasks()
    st.session_state["_tasks_fresh"] = False
    if tasks is None:
        return
    _show_tasks(tasks)
    if running and not _any_running(tasks):
        st.rerun()  # refresh the page (and stop polling) now that the tasks are done
    if any(t.get("status") in {"succeeded", "partially_failed", "failed"} for t in tasks):
        st.page_link("views/review_queue.py", label="Review the results", icon=":material/checklist:")


st.session_state["_tasks_fresh"] = True
task_list()
