"""How many flow runs one Prefect worker runs at once (`flows.serve.worker_limit`, `OCR_WORKER_LIMIT`):
by default the machine's cores, so that ten one-receipt uploads do not start ten flow processes at once
on a 2-core machine; 0 lifts the limit. `scripts/local_stack.py` and `make run` start workers with it."""

from __future__ import annotations

import os

import pytest

from flows import serve
from flows.settings import ConfigurationError, InvalidSetting


def test_a_worker_runs_as_many_flow_runs_at_once_as_the_machine_has_cores_by_default():
    assert serve.worker_limit({}) == (os.cpu_count() or 1)
    args = serve.worker_args("process", {}, name="w1")
    assert args == [
        "worker",
        "start",
        "--pool",
        "process",
        "--limit",
        str(os.cpu_count() or 1),
        "--name",
        "w1",
    ]


def test_the_limit_is_set_by_ocr_worker_limit_and_zero_lifts_it():
    assert serve.worker_limit({"OCR_WORKER_LIMIT": "1"}) == 1
    assert serve.worker_args("process", {"OCR_WORKER_LIMIT": "3"})[-2:] == ["--limit", "3"]
    assert serve.worker_limit({"OCR_WORKER_LIMIT": "0"}) is None
    assert "--limit" not in serve.worker_args("process", {"OCR_WORKER_LIMIT": "0"})


@pytest.mark.parametrize("raw", ["two", "1.5", "2 workers", "0x4"])
def test_a_limit_that_is_not_a_whole_number_is_a_settings_error_naming_it(raw):
    with pytest.raises(InvalidSetting) as err:
        serve.worker_limit({"OCR_WORKER_LIMIT": raw})
    assert isinstance(err.value, ConfigurationError) and err.value.code == "invalid_setting"
    assert err.value.name == "OCR_WORKER_LIMIT"
    assert str(err.value).startswith(f"OCR_WORKER_LIMIT={raw!r} is not a whole number")
    assert "0 for no limit" in str(err.value)


def test_a_negative_limit_is_refused_not_taken_as_no_limit():
    with pytest.raises(InvalidSetting, match=r"OCR_WORKER_LIMIT=-1 is negative: set a whole number >= 1"):
        serve.worker_args("process", {"OCR_WORKER_LIMIT": "-1"})
    assert serve.worker_limit({"OCR_WORKER_LIMIT": " 2 "}) == 2  # spaces around a number are fine


def test_the_stack_refuses_a_bad_limit_before_starting_anything(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OCR_WORKER_LIMIT", "-3")
    started = []
    monkeypatch.setattr(serve, "start_server", lambda *a, **k: started.append(a))
    assert serve.main(["--log-dir", str(tmp_path / "log")]) == 2
    assert started == [] and not (tmp_path / "log").exists()
    assert "python -m flows.serve: OCR_WORKER_LIMIT=-3 is negative" in capsys.readouterr().err
