"""Settings of the test suite: dev key, a temporary data folder, a file SQLite database (so threads share
it, in WAL mode) or `TEST_DATABASE_URL`/`DATABASE_URL` for PostgreSQL, and the synchronous executor."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("OCR_DEV_MODE", "1")
os.environ.setdefault("OCR_DATA_DIR", tempfile.mkdtemp(prefix="ocr-api-test-"))
if os.environ.get("TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["TEST_DATABASE_URL"]

# Django reads every upper-case name of this module: the star import carries all of the base settings over.
from django_api.config.settings import *  # noqa: F403
from django_api.config.settings import DATA_DIR, DATABASES, REST_FRAMEWORK, sqlite_database

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"] = sqlite_database(DATA_DIR / "db.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test_db.sqlite3")}
else:  # one test database per run, so that two runs on the same server do not collide
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}

OCR_EXECUTOR = "sync"
OCR_PIPELINE_MODE = "embedded"
OCR_FLOW = "tests.django_api.fake_flow:process_invoices"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "10000/min"}}  # tests log in often
# webhook deliveries: the flow's logic without a Prefect server (tests/flows run the Prefect flow itself),
# retried quickly and briefly (an endpoint the schema fuzzer creates never holds a test up for long)
OCR_WEBHOOK_FLOW = "flows.webhooks:deliveries_send"
OCR_WEBHOOK_MAX_ATTEMPTS = 3
OCR_WEBHOOK_BACKOFF_SECONDS = 0.01
OCR_WEBHOOK_TIMEOUT_SECONDS = 1.0
