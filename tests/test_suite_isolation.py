"""The suite runs on two processes (`make test`: pytest-xdist `-n 2`): each process has its own Prefect
home and data folder (SQLite test database, throttle cache), so that neither sees the other's state."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

from tests import conftest


def test_each_worker_is_given_its_own_prefect_home_and_data_folder():
    specs = [SimpleNamespace(env={}), SimpleNamespace(env={})]
    conftest.pytest_xdist_setupnodes(config=None, specs=specs)
    try:
        homes = [Path(spec.env["PREFECT_HOME"]) for spec in specs]
        data = [Path(spec.env["OCR_DATA_DIR"]) for spec in specs]
        assert len(set(homes)) == 2 and len(set(data)) == 2
        assert all(folder.is_dir() and not any(folder.iterdir()) for folder in homes + data)
        assert str(Path(os.environ["PREFECT_HOME"])) not in {str(h) for h in homes}
        assert settings.DATA_DIR not in data
    finally:
        for folder in homes + data:
            shutil.rmtree(folder, ignore_errors=True)


def test_a_worker_keeps_what_the_caller_set():
    spec = SimpleNamespace(env={"PREFECT_HOME": "/srv/prefect", "OCR_DATA_DIR": "/srv/data"})
    conftest.pytest_xdist_setupnodes(config=None, specs=[spec])
    assert spec.env == {"PREFECT_HOME": "/srv/prefect", "OCR_DATA_DIR": "/srv/data"}


def test_this_process_uses_the_folders_made_for_it():
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    home = Path(os.environ["PREFECT_HOME"]).name
    data = Path(settings.DATA_DIR).name
    if worker:  # under -n N: the folders the controlling process made for this worker
        assert home.startswith(f"prefect-home-{worker}-") and data.startswith(f"ocr-api-test-{worker}-")
        assert Path(settings.CACHES["default"]["LOCATION"]).parent == Path(settings.DATA_DIR)
    else:  # one process: the folders tests/conftest.py and settings_test made for it
        assert home.startswith("prefect-home-") and data.startswith("ocr-api-test-")
