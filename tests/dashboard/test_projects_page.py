"""Projects page: create a project, upload several files, see tasks with progress, cancel a running one."""

from __future__ import annotations

from tests.dashboard.fakes import DOWN, TASK_1, TASK_2
from tests.dashboard.rendered import texts

PAGE = "views/projects.py"


def test_upload_many_files_sends_them_all_and_reports_rejections(make_app, fake):
    fake.tasks[0]["status"] = "succeeded"
    at = make_app(page=PAGE)
    uploader = at.file_uploader(key="upload_files_0")
    assert uploader.accept_multiple_files
    uploader.set_value(
        [
            ("a.jpg", b"\xff\xd8jpeg-bytes", "image/jpeg"),
            ("b.pdf", b"%PDF-1.4", "application/pdf"),
            ("empty.png", b"", "image/png"),
        ]
    )
    at.run()
    at.button(key="process_files").click().run()

    ((args, _),) = fake.calls_named("upload")
    project_id, files = args
    assert project_id == 1
    assert [(f.name, f.data, f.media_type) for f in files] == [
        ("a.jpg", b"\xff\xd8jpeg-bytes", "image/jpeg"),
        ("b.pdf", b"%PDF-1.4", "application/pdf"),
        ("empty.png", b"", "image/png"),
    ]
    shown = texts(at)
    assert "2 document(s) uploaded: a.jpg, b.pdf. Processing has started." in shown
    assert not any(t.startswith(f"Task {TASK_2}") for t in shown)  # the names first, the id under them
    assert "empty.png was rejected: The file is empty. (`empty_file`)" in shown
    # the new task is listed, and the uploader starts empty again under a new key
    assert "**a.jpg, b.pdf** · `queued` · 2 document(s) · uploaded" in shown
    assert f"Task `{TASK_2}`" in shown  # the id is still there, below the names
    assert at.file_uploader(key="upload_files_1").value in (None, [])
    assert not at.exception


def test_all_files_rejected_shows_each_reason(make_app, fake):
    at = make_app(page=PAGE)
    at.file_uploader(key="upload_files_0").set_value([("empty.png", b"", "image/png")])
    at.run()
    at.button(key="process_files").click().run()
    shown = texts(at)
    assert "Nothing was uploaded: 1 file(s) refused." in shown
    assert "empty.png: The file is empty." in shown
    assert shown.count("The file is empty.") == 1  # the reason once, with its file, not twice


def test_running_task_shows_progress_and_can_be_cancelled(make_app, fake):
    at = make_app(page=PAGE)
    shown = texts(at)
    assert "**X51005200938.jpg, acme-0042.pdf** · `running`" in shown
    progress = at.get("progress")[0]
    assert "1/2 documents, 1/2 pages · step: ocr" in progress.proto.text
    assert progress.proto.value == 50
    at.button(key=f"cancel_{TASK_1}").click().run()
    assert fake.calls_named("cancel_task") == [((1, TASK_1), {})]
    assert f"Task {TASK_1}: cancelling." in texts(at)


def test_finished_task_has_no_cancel_button(make_app, fake):
    fake.tasks[0]["status"] = "succeeded"
    at = make_app(page=PAGE)
    assert f"cancel_{TASK_1}" not in [b.key for b in at.button]
    assert [link.label for link in at.page_link] == ["Review the results"]
    assert "1/2 documents, 1/2 pages" in at.get("progress")[0].proto.text


def test_create_project_makes_it_current(make_app, fake):
    fake.tasks[0]["status"] = "succeeded"
    at = make_app(page=PAGE)
    at.text_input(key="new_project_name").input("Invoices 2026")
    at.button(key="create_project").click().run()
    assert fake.calls_named("create_project") == [(("Invoices 2026",), {})]
    assert at.session_state["project_id"] == 2
    assert at.selectbox(key="project_id").value == 2


def test_api_down_while_loading_tasks(make_app, fake):
    at = make_app(page=PAGE)
    fake.fail_with = DOWN
    at.run()
    assert "the API is down or unreachable" in texts(at)
    assert not at.exception


def test_viewers_cannot_upload(make_app, fake):
    fake.projects[0]["role"] = "viewer"
    fake.tasks[0]["status"] = "succeeded"
    at = make_app(page=PAGE)
    assert at.file_uploader(key="upload_files_0").disabled
    assert at.button(key="process_files").disabled


def test_failed_task_shows_its_reason_from_the_task_list(make_app, fake):
    fake.tasks[0].update(
        status="failed", current_step="done", error={"code": "invalid_settings", "message": "Bad ocr.psm."}
    )
    at = make_app(page=PAGE)
    assert "The task failed: Bad ocr.psm. (`invalid_settings`). Upload the files again to retry." in texts(at)
    assert fake.calls_named("task_status") == []  # the list's row is enough
    assert not at.exception


def test_a_big_task_is_headed_by_its_first_files_and_how_many_more(make_app, fake):
    fake.tasks[0].update(
        status="succeeded", document_count=7, document_names=["a_b*.pdf", "c.jpg", "d.png", "e.xml", "f.tif"]
    )
    at = make_app(page=PAGE)
    shown = texts(at)
    # a file name's `_` and `*` stay literal, not Markdown
    assert "**a\\_b\\*.pdf, c.jpg, d.png, e.xml, f.tif and 2 more** · `succeeded` · 7 document(s)" in shown
    assert f"Task `{TASK_1}`" in shown


def test_the_sidebar_names_the_projects_id_for_the_api_and_prefect(make_app, fake):
    fake.tasks[0]["status"] = "succeeded"
    at = make_app(page=PAGE)
    captions = [c.value for c in at.sidebar.caption]
    assert any(
        c.startswith("Project id `1`: the `project_id` of the API and of the Prefect") for c in captions
    )
