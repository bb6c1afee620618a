"""Printed dates to `datetime.date`.

Handles numeric forms (`25/12/2018`, `25-12-18`, `25.12.2018`, `2018-12-25`, `2018/12/25`, `20181225`;
`25122018` alone or before a time) and month names in English, German, French, Dutch, Spanish, Italian and
the other lexicon languages (`25 DEC 2018`, `Dec 25, 2018`, `25. Dezember 2018`, `1er mars 2020`,
`18 april 2014`, `25-Dec-18`, `25 de marzo de 2024`, `3 settembre 2024`, `18. listopadu 2026`, Hungarian's
year first: `2026. november 18.`).

Day/month ambiguity (`03/04/2018`) is resolved by the caller's `day_first` cue; with no cue the
international day-first reading is used. `infer_day_first` derives the cue from the other dates printed on
the same document (an unambiguous `25/12/2018` settles it), which is what extraction passes in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "nl", "es", "it")

# The lexicons (`ocr_tasks/extraction/lexicons/<lang>.json`) hold each language's month names and forms
# (`"months": {"januar": 1, "jan": 1, ...}`); a language whose short forms are ambiguous prefixes of other
# words says `"months_exact": true` and its names match whole only.
LEXICON_DIR = Path(__file__).resolve().parents[1] / "extraction" / "lexicons"


def _month_tables() -> tuple[dict[str, dict[str, int]], frozenset[str]]:
    """Language -> month name -> number, and the languages matched whole only, read once from the lexicons.
    Matching uses the longest known form first, then a unique prefix of at least three letters (`Sept`,
    `Dezem`, `févr`)."""
    tables, exact = {}, set()
    for path in sorted(LEXICON_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("months"):
            tables[data["language"]] = {name.lower(): int(n) for name, n in data["months"].items()}
            if data.get("months_exact"):
                exact.add(data["language"])
    return tables, frozenset(exact)


_MONTHS, _EXACT_ONLY = _month_tables()
_SPANISH_MAY = re.compile(r"\d{1,2}\s+de\s+mayo\s+(?:de|del)\s+\d{4}", re.IGNORECASE)

# `października`, `července`, `noiembrie`, `március`: the letters of the months of every lexicon language
_MONTH_WORD = r"[A-Za-zÀ-ÿąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽăâîșțşţĂÂÎȘȚŞŢőűŐŰ]{3,13}\.?"
_SEP = r"[/\-.]"
_YEAR_MIN, _YEAR_MAX = 1970, 2069

# Order matters: more specific first. Every pattern has named groups d, m (digits or name), y.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2018-12-25, 2018/12/25, 2018.12.25
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<s>[/\-.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d])"),
    # 25/12/2018, 25-12-18, 25.12.2018, 12/25/2018 (separators must agree)
    re.compile(
        r"(?<![\d/.\-|lI])(?P<a>\d{1,2})(?P<g1>\s?)(?P<s>[/\-.])(?P<g2>\s?)(?P<b>\d{1,2})"
        r"(?P<g3>\s?)(?P=s)(?P<g4>\s?)(?P<y>\d{4}|\d{2})(?![\d])"
    ),
    # 25 DEC 2018, 25-Dec-18, 25. Dezember 2018, 1er mars 2020, 25th December, 2018
    re.compile(
        r"(?<![\d])(?P<d>\d{1,2})(?:st|nd|rd|th|er|e)?\.?[\s\-/]*(?:de\s+)?(?P<m>"
        + _MONTH_WORD
        + r")[\s\-/,.]*"
        r"(?:del?\s+)?(?P<y>\d{4}|\d{2})(?![\d])",
        re.IGNORECASE,
    ),
    # Dec 25, 2018 / December 25 2018 / Dec. 25th, 2018
    re.compile(
        r"(?<![A-Za-zÀ-ÿ])(?P<m>" + _MONTH_WORD + r")[\s\-/]*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[\s\-/]+"
        r"(?P<y>\d{4})(?![\d])",
        re.IGNORECASE,
    ),
    # 20181225
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"),
    # 25032018 13:11:54 (a POS printout: day first, and only before a time, so that codes are not dates)
    re.compile(
        r"(?<![\d])(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>(?:19|20)\d\d)(?=\s+\d{1,2}:\d{2}(?!\d))"
    ),
    # 2026. november 18., 2026. nov. 18. (Hungarian: the year first, a point after it and after the day)
    re.compile(
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.\s*(?P<m>" + _MONTH_WORD + r")\s*(?P<d>\d{1,2})\.?(?![\d])",
        re.IGNORECASE,
    ),
)
_COMPACT_DAY_FIRST = re.compile(r"\s*(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>(?:19|20)\d\d)\s*")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its span, the parsed value, and whether day/month order was ambiguous."""

    start: int
    end: int
    raw: str
    value: date
    ambiguous: bool = False
    numeric: bool = True


def month_number(word: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> int | None:
    """Month number of a printed month name or abbreviation in one of `languages`, else None."""
    w = word.strip(". ").lower()
    if len(w) < 3:
        return None
    found: set[int] = set()
    for lang in languages:
        table = _MONTHS.get(lang, {})
        if w in table:
            return table[w]
        if lang in _EXACT_ONLY:
            continue
        for name, number in table.items():
            if name.startswith(w):
                found.add(number)
    return found.pop() if len(found) == 1 else None


def _year(text: str) -> int | None:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y if _YEAR_MIN <= y <= _YEAR_MAX else None


def _make(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _uneven_spacing(m: re.Match[str]) -> bool:
    """Whether a numeric date's two separators are spaced differently (`1-3 - 70`, not `25 / 12 / 18`):
    with a two-digit year such a match is more often three numbers of a code or a range than a date."""
    return bool(m["g1"] or m["g2"]) != bool(m["g3"] or m["g4"])


def _from_match(
    pattern_index: int, m: re.Match[str], day_first: bool | None, languages: Sequence[str]
) -> tuple[date, bool, bool] | None:
    """(value, ambiguous, numeric) for one regex match, or None when it is not a valid date."""
    g = m.groupdict()
    year = _year(g["y"])
    if pattern_index == 1:
        if len(g["y"]) == 2 and _uneven_spacing(m):
            return None  # `1-3 - 70` in a product code: numbers apart, not a date
        a, b = int(g["a"]), int(g["b"])
        day_first_reading = _make(year, b, a)
        month_first_reading = _make(year, a, b)
        if day_first_reading and month_first_reading and a != b:
            chosen = month_first_reading if day_first is False else day_first_reading
            return chosen, True, True
        chosen = day_first_reading or month_first_reading
        return (chosen, False, True) if chosen else None
    if pattern_index in (2, 3, 6):
        month = month_number(g["m"], languages)
        if month is None and _SPANISH_MAY.fullmatch(m.group(0).strip()):
            month = 5  # `23 de mayo de 2024`: with its `de`s, mayo is the month (alone, a receipt's MAYO)
        value = _make(year, month, int(g["d"]))
        return (value, False, False) if value else None
    value = _make(year, int(g["m"]), int(g["d"]))
    return (value, False, True) if value else None


def find_dates(
    text: str, *, day_first: bool | None = None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> list[DateMatch]:
    """All non-overlapping dates in `text`, in order of position."""
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for index, pattern in enumerate(_PATTERNS):
        position = 0
        while (m := pattern.search(text, position)) is not None:
            parsed = (
                None
                if any(m.start() < e and s < m.end() for s, e in taken)
                else _from_match(index, m, day_first, languages)
            )
            if parsed is None:
                # a rejected match (`4  Data 25` of `Piano 4  Data 25 giugno 2022`) must not hide a date
                # that starts inside it: search again from its next character
                position = m.start() + 1
                continue
            value, ambiguous, numeric = parsed
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), m.group(0), value, ambiguous, numeric))
            position = m.end()
    return sorted(found, key=lambda d: d.start)


def parse_date(
    text: str, *, day_first: bool | None = None, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> date | None:
    """The first date printed in `text`, or None.

    `day_first`: True reads `03/04/2018` as 3 April, False as March 4; None uses the day-first reading
    unless only the month-first one is valid (`12/25/2018`).
    """
    if not text:
        return None
    matches = find_dates(text, day_first=day_first, languages=languages)
    if not matches and (compact := _COMPACT_DAY_FIRST.fullmatch(text)):  # a lone `25032018`
        return _make(int(compact["y"]), int(compact["m"]), int(compact["d"]))
    return matches[0].value if matches else None


def infer_day_first(texts: Iterable[str]) -> bool | None:
    """Day/month order implied by the unambiguous numeric dates in `texts` (None when no evidence).

    A numeric date whose first number is > 12 votes day-first; one whose second number is > 12 votes
    month-first. The majority wins; a tie gives None.
    """
    votes = 0
    pattern = _PATTERNS[1]
    for text in texts:
        for m in pattern.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 and b <= 12:
                votes += 1
            elif b > 12 and a <= 12:
                votes -= 1
    return None if votes == 0 else votes > 0


_LOOKALIKE = str.maketrans({"|": "1", "l": "1", "I": "1", "O": "0", "o": "0", "S": "5", "B": "8"})
_DATEISH = re.compile(r"[\d|lIOoSB]{1,4}\s?[/\-.]\s?[\d|lIOoSB]{1,4}\s?[/\-.]?\s?[\d|lIOoSB]{2,4}")
_DIGIT_SLIPS = {"9": "0", "8": "0", "4": "1", "7": "1"}  # OCR misreadings of 0 and 1 in thermal prints
_NUMERIC = re.compile(r"(?<!\d)(\d{2})([/\-.])(\d{2})([/\-.]?)(\d{4})(?!\d)")


def repair_date_text(text: str) -> str:
    """`text` with typical OCR slips inside date-like tokens undone (same length, offsets preserved):
    look-alike letters (`|7-06-2018`, `2O18`), an impossible leading digit of the day or month
    (`93/02/2018`, `45/05/2017`), and a year in the far future (`2048`). Meant for rows labelled as dates;
    values read from repaired text deserve a lower confidence."""
    chars = list(text)
    for m in _DATEISH.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= 4:
            chars[m.start() : m.end()] = list(m.group(0).translate(_LOOKALIKE))
    repaired = "".join(chars)
    out = list(repaired)
    for m in _NUMERIC.finditer(repaired):
        day, month, year = m.group(1), m.group(3), m.group(5)
        if int(day) > 31 and day[0] in _DIGIT_SLIPS:
            out[m.start(1)] = _DIGIT_SLIPS[day[0]]
        if int(month) > 12 and month[0] in _DIGIT_SLIPS:
            out[m.start(3)] = _DIGIT_SLIPS[month[0]]
        if int(year) > 2035 and year[2] in _DIGIT_SLIPS:
            out[m.start(5) + 2] = _DIGIT_SLIPS[year[2]]
    return "".join(out)


def find_glued_dates(text: str, *, day_first: bool | None = None) -> list[DateMatch]:
    """Numeric dates whose second separator was lost (`09/032018`)."""
    found = []
    for m in re.finditer(r"(?<![\d/.\-])(\d{1,2})([/\-.])(\d{1,2})((?:19|20)\d\d)(?!\d)", text):
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        value = _make(y, a, b) if day_first is False else _make(y, b, a)
        if value is not None:
            found.append(DateMatch(m.start(), m.end(), m.group(0), value, False, True))
    return found


def format_date(value: date) -> str:
    """ISO `YYYY-MM-DD`."""
    return value.isoformat()
