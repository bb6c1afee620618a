"""Shared test set-up: quiet, offline settings for every library, and the corpus location."""

from __future__ import annotations

import os
import tempfile
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


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus (read-only; never copied into the repository)."""
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS}; set OCR_CORPUS_DIR")
    return CORPUS
