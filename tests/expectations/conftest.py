"""GX costs seconds to import: the runner's context is built once per process and shared by every test."""

from __future__ import annotations

import pytest

from expectations.settings import ValidationSettings
from tests.expectations.invoices import TODAY


@pytest.fixture(scope="session")
def settings() -> ValidationSettings:
    return ValidationSettings(today=TODAY, max_age_years=10, confidence_threshold=0.6, tolerance=0.01)
