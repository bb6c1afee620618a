"""Shared test set-up: quiet, offline settings for every library, and the corpus location."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_QUIET = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    "STREAMLIT_SERVER_HEADLESS": "true",
    "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    "OMP_THREAD_LIMIT": "1",
}
for _key, _value in _QUIET.items():
    os.environ.setdefault(_key, _value)
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="prefect-home-"))

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", REPO_ROOT.parent / "shared" / "corpus"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs) -> None:
    """`-n N` (pytest-xdist): each worker process gets its own Prefect home and its own data folder (the
    SQLite test database, the file cache of the login throttle, uploads), as two separate runs would. Set
    here, in the controlling process before the workers start, because every process reads the Django
    settings (`settings_test`: `OCR_DATA_DIR`) before this file."""
    for number, spec in enumerate(specs):
        spec.env.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix=f"prefect-home-gw{number}-"))
        spec.env.setdefault("OCR_DATA_DIR", tempfile.mkdtemp(prefix=f"ocr-api-test-gw{number}-"))


# a test that names one of these, or is marked django_db, runs on the Django test database
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def pytest_collection_modifyitems(items) -> None:  # before `-m` deselects, after tests/flows/conftest.py's
    """Mark the tests that use the Django test database `database`: `.ci/run` runs the API tests again on
    PostgreSQL with `-m database` (the others, e.g. gunicorn's own error pages or a settings probe in a
    subprocess, do the same on either database and ran in `make test`).

    Then put the files holding a `slow` test (servers, stacks, OCR of many pages) first, each file's tests
    in their order: `make test` hands whole files to two processes in this order
    (`--no-loadscope-reorder`), so the long files start early instead of one of them running alone at the
    end while the other process has nothing left."""
    slow_files: set[str] = set()
    for item in items:
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)
        if item.get_closest_marker("slow"):
            slow_files.add(str(item.path))
    items.sort(key=lambda item: str(item.path) not in slow_files)  # stable: the order is kept otherwise


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus (read-only; never copied into the repository)."""
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS}; set OCR_CORPUS_DIR")
    return CORPUS


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[str]:
    """One Prefect API for the test process (Prefect's test harness: a temporary database, a server
    subprocess); yields its URL. Flows run in this process use it; a test hands the URL
    (`PREFECT_API_URL`) to the API processes it starts, as `make run` does, instead of each starting
    Prefect's ephemeral server of its own (10-20 s a start, a minute on a loaded machine)."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield PREFECT_API_URL.value()
