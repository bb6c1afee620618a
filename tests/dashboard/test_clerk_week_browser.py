"""A clerk's week in headless Chromium, on the real API and dashboard: a file uploaded twice is not
approved with one click (the review page says it would be booked twice and asks why) and is rejected with
a reason instead, a credit note's review page says it takes its total off, and the overview exports only
the approved documents when asked.
Uploads go through the API client (the upload page has its own browser test); the review work is clicked.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import time
from pathlib import Path

import pytest

from dashboard.api_client import ApiClient, UploadFile
from tests.dashboard.browser import CHROMIUM, CHROMIUM_ARGS, artifacts_folder, settled
from tests.dashboard.servers import (
    DEMO_PASSWORD,
    DEMO_USER,
    free_port,
    launch_dashboard,
    start_api,
    wait_dashboard,
)

CREDIT_NOTE = "einvoice-dev/pdf/Avoir_FR_type381_EN16931.pdf"  # Factur-X credit note AV-2017-0005, 233.47
INVOICE = "invoice2data-dev/images/coolblue2.pdf"  # a text-layer PDF: no OCR, quick to process
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
def week(tmp_path_factory, artifacts, corpus, prefect_server):
    """The API and the dashboard, and a project holding the week's mail, processed: (api, dashboard,
    project id, {name: document id})."""
    data_dir = tmp_path_factory.mktemp("clerk-week")
    api_port = free_port()
    dashboard = launch_dashboard(f"http://127.0.0.1:{api_port}", data_dir)
    api = None
    try:
        api = start_api(data_dir, api_port, prefect_server)  # flows on the session's Prefect
        wait_dashboard(dashboard)
        client = ApiClient(api.url)
        client.sign_in(DEMO_USER, DEMO_PASSWORD)
        project = client.create_project("Week 48")["id"]
        mail = [
            ("Avoir_AV-2017-0005.pdf", corpus / CREDIT_NOTE),
            ("coolblue2.pdf", corpus / INVOICE),
        ]
        first = client.upload(project, [UploadFile(n, p.read_bytes(), "application/pdf") for n, p in mail])
        _wait(client, project, first["task_id"])
        again = [UploadFile("coolblue2 (scan again).pdf", (corpus / INVOICE).read_bytes(), "application/pdf")]
        _wait(client, project, client.upload(project, again)["task_id"])
        ids = {d["name"]: d["id"] for d in client.list_documents(project)}
        yield api, dashboard, project, ids
    finally:
        for server in (dashboard, api):
            if server is not None:
                server.stop()
                shutil.copyfile(server.log, artifacts / f"clerk-week-{server.log.name}")


def _wait(client: ApiClient, project: int, task_id: str) -> None:
    deadline = time.monotonic() + TASK_TIMEOUT_S
    while time.monotonic() < deadline:
        status = client.task_status(project, task_id)["status"]
        if status not in ("queued", "running"):
            assert status == "succeeded", status
            return
        time.sleep(1)
    raise AssertionError(f"task {task_id} still running after {TASK_TIMEOUT_S} s")


def test_a_clerks_duplicate_credit_note_and_approved_export(week, artifacts):
    from playwright.sync_api import expect, sync_playwright

    api, dashboard, project, ids = week
    expect.set_options(timeout=60_000)  # a review page's first run imports pandas, PIL (10-40 s when busy)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
        page.set_default_timeout(60_000)
        try:
            # the copy of coolblue2.pdf, opened by its link: sign in, then Approve
            page.goto(
                f"{dashboard.url}/review?project={project}&document={ids['coolblue2 (scan again).pdf']}"
            )
            page.get_by_role("textbox", name="Username").fill(DEMO_USER)
            page.get_by_role("textbox", name="Password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="coolblue2 (scan again).pdf")).to_be_visible()
            page.get_by_role("button", name=re.compile(r"^Approve(?! anyway)")).click()
            expect(
                page.get_by_text(re.compile(r"This file was uploaded before: approving this copy too"))
            ).to_be_visible()
            # the warning's list item names the first upload (the checks' own "Same file uploaded" issue,
            # once the batch checks have run, says so too: not what this step asserts)
            expect(
                page.locator("li").filter(has_text=re.compile(r"already uploaded as “coolblue2\.pdf”"))
            ).to_be_visible()
            expect(page.get_by_role("textbox", name="Reason for approving anyway")).to_be_visible()
            page.screenshot(path=str(artifacts / "clerk-week-duplicate.png"), full_page=True)
            # ... and rejects the copy instead, with a reason (the reject form is open under the warning)
            page.get_by_role("textbox", name="Reason for rejecting").fill("uploaded twice")
            page.get_by_role("button", name="Reject", exact=True).click()
            expect(page.get_by_text("Document rejected")).to_be_visible()
            expect(
                page.get_by_text(re.compile(r"Rejected by e2e-reviewer on .*because: uploaded twice"))
            ).to_be_visible()

            # the credit note: its review page says what it does; approve it (its checks pass)
            page.goto(f"{dashboard.url}/review?project={project}&document={ids['Avoir_AV-2017-0005.pdf']}")
            page.get_by_role("textbox", name="Username").fill(DEMO_USER)
            page.get_by_role("textbox", name="Password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(
                page.get_by_text(
                    re.compile(r"Credit note: it takes 233\.47 EUR off what is owed to Au bon moulin")
                )
            ).to_be_visible()
            # ... and which invoice it credits (its XML's BG-3; the page prints "Facture liée")
            expect(page.get_by_text("It credits invoice FA-2017-0010 of 2017-11-13.")).to_be_visible()
            page.get_by_role("button", name=re.compile(r"^Approve(?! anyway)")).click()
            expect(page.get_by_text("Document approved.")).to_be_visible()

            # the overview: only the approved documents exported
            page.get_by_test_id("stSidebar").get_by_role("link", name="Project overview").click()
            # the rejected copy is neither approved nor waiting: only the original is
            expect(page.get_by_text(re.compile(r"1 of 3 document\(s\) are not approved"))).to_be_visible()
            page.get_by_test_id("stCheckbox").filter(has_text="Only approved documents").click()
            expect(page.get_by_text(re.compile(r"are not approved"))).to_have_count(0)
            settled(page)
            page.get_by_role("button", name="Prepare export").click()
            with page.expect_download() as download_info:
                page.get_by_role("button", name=re.compile(r"^Download CSV")).click()
            exported = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
        except Exception:
            page.screenshot(path=str(artifacts / "clerk-week-failure.png"), full_page=True)
            raise
        finally:
            browser.close()

    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [(r["name"], r["status"], r["document_type"]) for r in rows] == [
        ("Avoir_AV-2017-0005.pdf", "approved", "credit_note")
    ]
    client = ApiClient(api.url)
    client.sign_in(DEMO_USER, DEMO_PASSWORD)
    statuses = {d["name"]: d["status"] for d in client.list_documents(project)}
    assert statuses == {
        "Avoir_AV-2017-0005.pdf": "approved",
        "coolblue2.pdf": "processed",
        "coolblue2 (scan again).pdf": "rejected",  # the refused approval changed nothing, the rejection did
    }
