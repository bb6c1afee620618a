"""What the browser tests share: the headless Chromium they drive (offline: no network, no updates), where
they leave screenshots, and the wait for the end of the app's current run."""

from __future__ import annotations

import os
from pathlib import Path

from tests.dashboard.servers import REPO_ROOT

CHROMIUM = os.environ.get("OCR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def artifacts_folder() -> Path:
    """The folder for the browser tests' screenshots (`OCR_TEST_ARTIFACTS`, else test-artifacts/)."""
    folder = Path(os.environ.get("OCR_TEST_ARTIFACTS", REPO_ROOT / "test-artifacts")) / "dashboard"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settled(page) -> None:
    """Wait until the app has finished its current run (Streamlit's running indicator is gone), so
    that what is typed next goes into the widgets of the page as it stays."""
    page.wait_for_timeout(300)  # a rerun requested by the last click has started by now
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=60_000,
    )
