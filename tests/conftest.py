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


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus (read-only; never copied into the repository)."""
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS}; set OCR_CORPUS_DIR")
    return CORPUS
