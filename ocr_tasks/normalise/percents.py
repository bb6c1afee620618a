"""Percentages as pages print them (`19%`, `7,5 %`, `10.25%`): the one pattern that every reader of a
rate or a discount uses (`ocr_tasks.extraction`, `expectations.frames`). Standard library only.

A percentage is a number of one or two digits with up to two decimals (`.` or `,`), an optional space,
then `%`; group 1 holds the number (`percent_value` reads it). Three forms of the same pattern:
- `PERCENT` finds one anywhere, also as the tail of a longer number (in `100%` it finds `00%`);
- `LONE_PERCENT` only where no digit, dot or comma stands before it (`119%` holds none);
- `PERCENT_AHEAD`, for `PERCENT_AHEAD.match(text, pos)`: a percentage at `pos`, after optional blanks.
A rate may also be printed after a `%` label (`MwSt.-% 19,0`, `USt % 7`): `RATE_AFTER_PERCENT_LABEL`, the
number in group 1 (all of the number: `% 1.234,50` is no rate).
"""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = r"\d{1,2}(?:[.,]\d{1,2})?"

PERCENT = re.compile(rf"({_NUMBER})\s?%")
LONE_PERCENT = re.compile(rf"(?<![\d.,])({_NUMBER})\s?%")
PERCENT_AHEAD = re.compile(rf"\s*({_NUMBER})\s?%")
# the number is all of what follows the label: not the head of a longer amount (`% 1.234,50` is no 1.23)
RATE_AFTER_PERCENT_LABEL = re.compile(rf"[A-Za-z.\-]\s?%\s*[:=]?\s*({_NUMBER})(?!\d)(?![.,]\d)")


def percent_value(match: re.Match[str]) -> Decimal:
    """The number of a percentage matched by one of the patterns above (`7,5 %` -> Decimal("7.5"))."""
    return Decimal(match.group(1).replace(",", "."))
