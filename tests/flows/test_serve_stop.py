"""`python -m flows.serve` (what `make run` starts) stops its Prefect worker and server even when a second
signal arrives while it stops them: the server runs in a session of its own, and a stop cut short left it
running without a parent (found after `make run` was stopped by a supervisor's SIGTERM)."""

from __future__ import annotations

import signal

import pytest

import flows.serve as serve


class _Running:
    pid = 0

    def poll(self):
        return None


def test_a_second_signal_while_stopping_still_stops_worker_and_server(monkeypatch, tmp_path):
    server = _Running()
    stopped = []

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the server starts

    def stop(process, **kwargs):
        stopped.append(process)
        handler = signal.getsignal(signal.SIGTERM)  # the script's TERM fallback arrives mid-stop
        if callable(handler):
            handler(signal.SIGTERM, None)

    monkeypatch.setattr(serve, "start_server", lambda *args, **kwargs: server)
    monkeypatch.setattr(serve, "wait_healthy", interrupted)
    monkeypatch.setattr(serve, "stop", stop)
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            assert serve.main(["--port", "1", "--log-dir", str(tmp_path)]) == 0
        except KeyboardInterrupt:
            pytest.fail("the second signal cut the stop short")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    assert stopped == [None, server]  # the worker (never started), then the server
