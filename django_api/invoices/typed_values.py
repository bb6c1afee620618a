"""A reviewer's typed value written the way the pipeline writes it, when its reading is certain.

A clerk types dates and amounts as they are printed: `31.12.2024`, `12/31/2024`, `31 Dec 2024`,
`1.234,50`, `EUR 49,99`. The checks read dates as ISO (`2024-12-31`) and amounts as decimal strings
(`1234.50`), so such a value is rewritten before it is stored; one already in that form (`12.5`) is kept
as sent. Only a whole value with one reading is
rewritten: `03/04/2024` (3 April or 4 March) and `1.234` (1234 or 1.234) stay as typed, and the checks
then say what is wrong with them. A dotted date is read day first (`1.12.2024` is 1 December), as it is
written wherever dots separate a date. Text fields are never changed.
"""

from __future__ import annotations

import re

from ocr_tasks.invoice_types import AMOUNT_FIELDS, DATE_FIELDS
from ocr_tasks.normalise.amounts import find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates, format_date

# one separator followed by exactly three digits and nothing else: thousands or decimals, no telling
_AMBIGUOUS_AMOUNT = re.compile(r"[-+]?\d{1,3}[.,]\d{3}")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_PLAIN_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")  # already as the checks read it: kept as sent (`12.5`)


def _whole(text: str, start: int, end: int) -> bool:
    return start == 0 and end == len(text)


def typed_date(text: str) -> str | None:
    """`31.12.2024` / `12/31/2024` / `31 Dec 2024` -> `2024-12-31`; None when the text is not one date
    with a single reading."""
    matches = find_dates(text, day_first=True if _DOTTED_DATE.fullmatch(text) else None)
    if len(matches) != 1 or not _whole(text, matches[0].start, matches[0].end):
        return None
    match = matches[0]
    if match.ambiguous and not _DOTTED_DATE.fullmatch(text):
        return None
    return format_date(match.value)


def typed_amount(text: str) -> str | None:
    """`1.234,50` / `1,234.50` / `EUR 49,99` / `-80,00` -> `1234.50` / `49.99` / `-80.00`; None when the
    text is not one amount with a single reading (`1.234`)."""
    if _PLAIN_DECIMAL.fullmatch(text):
        return text
    if _AMBIGUOUS_AMOUNT.fullmatch(text):
        return None
    matches = find_amounts(text, lenient_spaces=True)
    if len(matches) != 1 or not _whole(text, matches[0].start, matches[0].end):
        return None
    return format_amount(matches[0].value)


def typed_field_value(name: str, value: str | None) -> str | None:
    """The value to store for field `name` as typed (already stripped): a date or amount in the
    pipeline's form when its reading is certain, else the text as it is."""
    if not value:
        return value
    if name in DATE_FIELDS:
        return typed_date(value) or value
    if name in AMOUNT_FIELDS:
        return typed_amount(value) or value
    return value
