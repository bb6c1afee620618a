"""Page markers printed on an invoice's pages ("Page 1 of 3", "Seite 2 von 2", "1/3" alone on a line):
the number of the page within its invoice and the invoice's page count.

The words come from `page_markers.json` (data, not code). A bare `k/N` counts only alone on its line,
since `1/3` elsewhere is as likely a date or a quantity. Pure; standard library only."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

_WORDS = json.loads(Path(__file__).with_name("page_markers.json").read_text(encoding="utf-8"))
MAX_PAGES = 999  # a marker claiming more pages than this is no page marker


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "Page 2 of 3", "Seite 2 von 3", "Page 2/3", "p. 2 of 3": a page word, k, an "of" word, N
_WORDED = re.compile(
    rf"(?<!\w)(?:{_alternatives(_WORDS['page_words'])})\s*(\d{{1,3}})\s*(?:{_alternatives(_WORDS['of_words'])})"
    r"\s*(\d{1,3})(?!\d)",
    re.IGNORECASE,
)
# "2/3", "- 2/3 -", "(2 / 3)" alone on its line
_BARE = re.compile(r"^\W{0,3}(\d{1,3})\s*/\s*(\d{1,3})\W{0,3}$")


@dataclass(frozen=True, slots=True)
class PageMarker:
    number: int  # k: this page's number within its invoice (1 = the invoice's first page)
    count: int  # N: the invoice's pages

    @property
    def first(self) -> bool:
        return self.number == 1

    @property
    def last(self) -> bool:
        return self.number == self.count


def _valid(number: int, count: int) -> bool:
    return 1 <= number <= count <= MAX_PAGES


def page_marker(text: str) -> PageMarker | None:
    """The page's marker from its text (the first valid one, worded markers before bare ones), or None."""
    for match in _WORDED.finditer(text):
        number, count = int(match.group(1)), int(match.group(2))
        if _valid(number, count):
            return PageMarker(number, count)
    for line in text.splitlines():
        match = _BARE.match(line.strip())
        if match and _valid(int(match.group(1)), int(match.group(2))):
            return PageMarker(int(match.group(1)), int(match.group(2)))
    return None
