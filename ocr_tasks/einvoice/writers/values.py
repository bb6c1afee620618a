"""An `Invoice`'s values as an export reads them: a decimal, an amount to the cent, a price without
trailing zeros, an ISO date, a text. A value that cannot be read as its kind is None (as good as
missing): nothing is guessed."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")


def decimal_value(text: Any) -> Decimal | None:
    """A finite decimal from a decimal string (blanks inside dropped: `1 000.00`), else None."""
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text).replace(" ", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def to_cent(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> Decimal:
    """Trailing zeros dropped without an exponent (100.0000 -> 100, 2.5000 -> 2.5)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


def iso_date(value: Any) -> str | None:
    """An ISO date (`YYYY-MM-DD`, as the project normalises dates), else None: a value that is not a
    date is as good as missing."""
    try:
        return date.fromisoformat(str(value).strip()).isoformat() if value else None
    except ValueError:
        return None


def text_value(value: Any) -> str | None:
    """The value as given (only outer blanks stripped: a round trip gives back the same string)."""
    if value is None:
        return None
    return str(value).strip() or None
