"""Settings of the validation suites: one frozen object, passed in (never read from the environment)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ValidationSettings:
    """`confidence_threshold`: a key field below it "needs review" (warning).
    `max_age_years`: an invoice date older than this is an error. `tolerance`: allowed rounding gap per
    line in the arithmetic checks (plus half a cent). `today`: the reference date (None: the real today),
    set in tests so that "not in the future" is reproducible."""

    confidence_threshold: float = 0.6
    max_age_years: int = 10
    tolerance: float = 0.01
    today: date | None = None

    def reference_date(self) -> date:
        return self.today or date.today()


DEFAULT_SETTINGS = ValidationSettings()
