"""Flow runs started by hand (the Prefect UI's Run button, `prefect deployment run`) with a wrong or
missing input say so in words: the walk-through saw watch-inbox fail with a bare `FileNotFoundError:
'var/inbox'` traceback, and rescore-project of a project that does not exist end Completed, saying
nothing."""

from __future__ import annotations

import pytest

from flows.inbox import watch_inbox
from flows.maintenance import rescore_project
from flows.port import UnknownId
from flows.process import process_invoices
from flows.settings import ConfigurationError
from tests.flows.fakes import fake_settings, png_bytes


def test_an_inbox_folder_that_does_not_exist_is_named_with_what_to_do(port, tmp_path):
    missing = tmp_path / "inbox"
    with pytest.raises(ConfigurationError, match=r"the inbox folder '.*inbox' does not exist") as info:
        watch_inbox(str(missing), "mailroom")
    assert "create it, or set the deployment's `inbox` parameter" in str(info.value)
    assert not missing.exists()  # nothing created behind the user's back


def test_rescoring_a_project_that_does_not_exist_fails_naming_it(port, fake_engines):
    task_id = port.add_task("p", [("a.png", png_bytes("a"))], settings=fake_settings("fake"))
    process_invoices(task_id)
    with pytest.raises(
        UnknownId, match=r"project '999' does not exist: the ids are those of GET /api/projects/"
    ):
        rescore_project("999")
    assert rescore_project("p")["rescored"] == 1  # a project that exists is rescored as before


def test_a_process_invoices_run_is_named_after_its_task_and_logs_its_files(port, fake_engines, caplog):
    # the Prefect UI listed runs as `marigold-sponge`: which upload was it? The dashboard shows the task id
    from prefect.client.orchestration import get_client

    task_id = port.add_task(
        "p", [(f"r{i}.png", png_bytes(f"r{i}")) for i in range(7)], settings=fake_settings("fake")
    )
    with caplog.at_level("INFO", logger="prefect.flow_runs"):
        state = process_invoices(task_id, return_state=True)
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(state.state_details.flow_run_id).name == f"task-{task_id}"
    assert (
        f"task {task_id} of project p: 7 document(s): r0.png, r1.png, r2.png, r3.png, r4.png and 2 more"
        in (caplog.text)
    )
