"""Flow tests: one Prefect API for the session (`prefect_server`, shared with the other tests of the
process), a fresh in-memory port per test, and the fake engines registered in the engine registry."""

from __future__ import annotations

import os

os.environ.setdefault("OCR_RETRY_DELAY_SECONDS", "0.2")  # read when flows.tasks is imported
os.environ.setdefault("OCR_PAGE_CONCURRENCY", "2")

import pytest

from flows.memory_port import InMemoryPort
from flows.settings import use_port
from ocr_tasks.engines import ENGINES
from tests.flows.fakes import FAKE_ENGINES


def pytest_collection_modifyitems(items):
    """A test that needs the Prefect API starts a server: it is `slow`, so `-m "not slow"` starts none."""
    for item in items:
        if {"prefect_api", "prefect_server"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def prefect_api(prefect_server):
    """The process's Prefect API (`prefect_server`, tests/conftest.py): in-process flows run on it."""
    return prefect_server


@pytest.fixture
def port(prefect_api):
    memory = InMemoryPort()
    with use_port(memory):
        yield memory


@pytest.fixture
def fake_engines(monkeypatch):
    for name, engine in FAKE_ENGINES.items():
        engine.calls = 0
        monkeypatch.setitem(ENGINES, name, engine)
    return FAKE_ENGINES
