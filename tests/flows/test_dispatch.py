"""Execution-mode plumbing: embedded runs without heartbeats, the local server's tuning, quoting."""

from __future__ import annotations

import pytest
from prefect.settings import get_current_settings

from flows import dispatch, serve


class RecordingFlow:
    def __init__(self) -> None:
        self.heartbeat: list[object] = []
        self.settings: list[object] = []

    def __call__(self, task_id: str, *, return_state: bool = False):
        self.settings.append(get_current_settings())
        self.heartbeat.append(self.settings[-1].flows.heartbeat_frequency)
        return task_id


@pytest.fixture
def recording_flow(monkeypatch):
    import flows.process

    fake = RecordingFlow()
    monkeypatch.setattr(flows.process, "process_invoices", fake)
    return fake


def test_embedded_runs_send_no_heartbeats_by_default(recording_flow, monkeypatch):
    monkeypatch.delenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", raising=False)
    assert get_current_settings().flows.heartbeat_frequency is not None  # Prefect's default is on

    assert dispatch.run_embedded("t1") == "t1"

    assert recording_flow.heartbeat == [None]
    assert get_current_settings().flows.heartbeat_frequency is not None  # only for that run


def test_the_settings_without_heartbeats_are_built_once_per_settings_in_force(recording_flow, monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.delenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", raising=False)
    dispatch.run_embedded("t1")
    dispatch.run_embedded("t2")
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4999/api"}):
        dispatch.run_embedded("t3")

    assert recording_flow.heartbeat == [None, None, None]
    first, second, other = recording_flow.settings
    assert first is second  # reused, not rebuilt from the environment each run
    assert other is not first and other.api.url == "http://127.0.0.1:4999/api"  # the rest is kept


def test_an_explicit_heartbeat_setting_is_kept(recording_flow, monkeypatch):
    monkeypatch.setenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "60")

    dispatch.run_embedded("t1")

    assert recording_flow.heartbeat == [get_current_settings().flows.heartbeat_frequency]
    assert recording_flow.heartbeat != [None]


def test_local_server_records_task_runs_in_batches_unless_told_otherwise():
    env = serve.stack_env(4300, base={"PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "7"})

    assert env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE"] == "100"
    assert env["PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE"] == "7"
    assert env["PREFECT_API_URL"] == "http://127.0.0.1:4300/api"
    server_command = serve.commands(4300)[0]
    assert "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE=100 " in server_command
    assert server_command.endswith("prefect server start --host 127.0.0.1 --port 4300")


@pytest.mark.slow  # runs a flow on the process's Prefect API
def test_large_arguments_are_quoted_only_for_a_thread_pool(prefect_api):
    from prefect import flow
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.submission import runs_in_threads as _runs_in_threads

    @flow(task_runner=ThreadPoolTaskRunner(max_workers=1), persist_result=False)
    def in_threads() -> bool:
        return _runs_in_threads()

    assert in_threads() is True
    assert _runs_in_threads() is False  # outside a flow run (and under Dask: see test_dask)
