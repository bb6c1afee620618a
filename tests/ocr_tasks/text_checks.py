"""How OCR output is compared in tests: ordered lower-case substrings of whitespace-normalised text."""

from __future__ import annotations


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def assert_in_order(text: str, *parts: str) -> None:
    """Each of `parts` occurs in `text` (normalised), each after the previous one."""
    haystack = normalise(text)
    position = 0
    for part in parts:
        found = haystack.find(normalise(part), position)
        assert found >= 0, f"{part!r} not found in order in {haystack!r}"
        position = found + len(normalise(part))
