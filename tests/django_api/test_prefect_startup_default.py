"""The API process gives Prefect's ephemeral API 90 s to start (Prefect's own 20 s default failed every task
of a loaded machine in a browser run) unless the operator set the timeout."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.dashboard.servers import REPO_ROOT

PROBE = (
    "import django_api.bootstrap\n"
    "from prefect.settings import get_current_settings\n"
    "print(get_current_settings().server.ephemeral.startup_timeout_seconds)\n"
)


def _timeout_seen(**extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"}
    env.update(OCR_DEV_MODE="1", DJANGO_SETTINGS_MODULE="django_api.config.settings", **extra)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_api_waits_90_s_for_the_ephemeral_prefect_api_by_default():
    assert _timeout_seen() == "90"


def test_an_operators_timeout_is_kept():
    assert _timeout_seen(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="45") == "45"
