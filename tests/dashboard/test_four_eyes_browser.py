"""Four eyes in headless Chromium, on the real API and dashboard: in a project whose
`review.second_approval_from_total` the invoice's total reaches, the first reviewer's Approve records a
first approval (the document stays in review, the page says a second reviewer is needed and its Approve
is disabled for them); a second reviewer, in their own browser session, approves it. The invoice fails
error-level checks, so both approve it anyway with a reason."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from dashboard.api_client import ApiClient, UploadFile
from tests.dashboard.browser import CHROMIUM, CHROMIUM_ARGS, artifacts_folder
from tests.dashboard.servers import (
    DEMO_PASSWORD,
    DEMO_USER,
    PYTHON,
    REPO_ROOT,
    api_environment,
    free_port,
    launch_dashboard,
    start_api,
    wait_dashboard,
)

INVOICE = "invoice2data-dev/images/coolblue2.pdf"  # a text-layer PDF: no OCR, quick to process
SECOND_USER, SECOND_PASSWORD = "e2e-second", "e2e-second-pw-1"
TASK_TIMEOUT_S = 300

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.timeout(600),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"headless Chromium not installed at {CHROMIUM} (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def artifacts() -> Path:
    return artifacts_folder()


@pytest.fixture(scope="module")
def team(tmp_path_factory, artifacts, corpus, prefect_server):
    """The API and the dashboard, a project owned by the demo reviewer with a second reviewer and a
    four-eyes limit of 0 (every document), and one processed invoice: (api, dashboard, project, doc id)."""
    data_dir = tmp_path_factory.mktemp("four-eyes")
    api_port = free_port()
    dashboard = launch_dashboard(f"http://127.0.0.1:{api_port}", data_dir)
    api = None
    try:
        api = start_api(data_dir, api_port, prefect_server)
        add_user = (
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_user({SECOND_USER!r}, password={SECOND_PASSWORD!r})"
        )
        subprocess.run(
            [PYTHON, str(REPO_ROOT / "manage.py"), "shell", "-c", add_user],
            cwd=REPO_ROOT,
            env=api_environment(data_dir, prefect_server),
            check=True,
            timeout=180,
        )
        wait_dashboard(dashboard)
        client = ApiClient(api.url)
        client.sign_in(DEMO_USER, DEMO_PASSWORD)
        project = client.create_project("Four eyes")["id"]
        client.set_member(project, SECOND_USER, "reviewer")
        client.update_project_settings(project, {"review": {"second_approval_from_total": 0}})
        upload = UploadFile("coolblue2.pdf", (corpus / INVOICE).read_bytes(), "application/pdf")
        task = client.upload(project, [upload])["task_id"]
        deadline = time.monotonic() + TASK_TIMEOUT_S
        while client.task_status(project, task)["status"] in ("queued", "running"):
            assert time.monotonic() < deadline, f"task {task} still running after {TASK_TIMEOUT_S} s"
            time.sleep(1)
        assert client.task_status(project, task)["status"] == "succeeded"
        [document] = client.list_documents(project)
        yield api, dashboard, project, document["id"]
    finally:
        for server in (dashboard, api):
            if server is not None:
                server.stop()
                shutil.copyfile(server.log, artifacts / f"four-eyes-{server.log.name}")


def _review(page, url: str, user: str, password: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="Username").fill(user)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def _approve_anyway(page, reason: str) -> None:
    """Approve; the invoice's checks fail (a 2014 date, items that do not add up to its subtotal), so the
    page asks why: approve anyway with `reason`."""
    from playwright.sync_api import expect

    page.get_by_role("button", name=re.compile(r"^Approve(?! anyway)")).click()
    expect(page.get_by_role("textbox", name="Reason for approving anyway")).to_be_visible()
    page.get_by_role("textbox", name="Reason for approving anyway").fill(reason)
    page.get_by_role("button", name="Approve anyway").click()


def test_two_reviewers_approve_a_document_the_project_asks_four_eyes_for(team, artifacts):
    from playwright.sync_api import expect, sync_playwright

    api, dashboard, project, document = team
    url = f"{dashboard.url}/review?project={project}&document={document}"
    approve = re.compile(r"^Approve(?! anyway)")
    expect.set_options(timeout=60_000)  # a review page's first run imports pandas, PIL (10-40 s when busy)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            first = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
            first.set_default_timeout(60_000)
            _review(first, url, DEMO_USER, DEMO_PASSWORD)
            expect(first.get_by_role("heading", name="coolblue2.pdf")).to_be_visible()
            _approve_anyway(first, "an old test invoice")
            expect(
                first.get_by_text(re.compile(r"First approval recorded: the project asks a second"))
            ).to_be_visible()
            expect(first.get_by_text(re.compile(r"\(you gave the first approval\)"))).to_be_visible()
            expect(first.get_by_role("button", name=approve)).to_be_disabled()
            first.screenshot(path=str(artifacts / "four-eyes-first.png"), full_page=True)

            second = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
            second.set_default_timeout(60_000)
            _review(second, url, SECOND_USER, SECOND_PASSWORD)
            expect(second.get_by_text(re.compile(rf"Approved once by {DEMO_USER} on "))).to_be_visible()
            _approve_anyway(second, "checked against the order")
            expect(second.get_by_text("Document approved.")).to_be_visible()
            second.screenshot(path=str(artifacts / "four-eyes-second.png"), full_page=True)
        finally:
            browser.close()

    client = ApiClient(api.url)
    client.sign_in(DEMO_USER, DEMO_PASSWORD)
    detail = client.document(project, document)
    assert (detail["status"], detail["approved_by"]) == ("approved", SECOND_USER)
    assert detail["first_approval"]["by"] == DEMO_USER
