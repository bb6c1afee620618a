"""The language a document is printed in, from the labels it prints.

Each language's lexicon (`lexicons/<lang>.json`) holds the words invoices print for their concepts. The
phrases only one language has (`Rechnungsnummer`, `Date d'échéance`, `Factuurdatum`; not `Total`, which
several share) are counted on the document's text, longer phrases counting more; the language with the
most is the document's, when it has at least MIN_HITS and clearly more than the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ocr_tasks.extraction.keywords import LANGUAGES, fold, lexicon

MIN_HITS = 2.0  # weighted hits of the winner
MARGIN = 1.5  # the winner's hits at least this many times the runner-up's
# word lists moved from code to the lexicons (session 15): words of names and tax phrases (`TRADING`,
# `Kunde`, `with`, `ohne`), no labels; they do not say which language a page is in
_NOT_LANGUAGE_EVIDENCE = frozenset(
    {
        "business_word",
        "not_name",
        "registration_lead",
        "tax_id_mark",
        "tax_word",
        "tax_inclusive_word",
        "tax_exclusive_word",
    }
)


@lru_cache(maxsize=16)
def _own_phrases(languages: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """Per language: one pattern of the folded phrases (at least 4 letters) no other language has."""
    folded = {
        lang: {
            fold(p)
            for concept, phrases in lexicon((lang,)).items()
            if concept not in _NOT_LANGUAGE_EVIDENCE
            for p in phrases
            if len(fold(p)) >= 4
        }
        for lang in languages
    }
    out = {}
    for lang, mine in folded.items():
        others = set().union(*(v for k, v in folded.items() if k != lang))
        own = sorted(mine - others, key=len, reverse=True)
        if own:
            out[lang] = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(p) for p in own) + r")(?![a-z0-9])")
    return out


def detect_language(lines: Iterable[str], languages: Sequence[str] = LANGUAGES) -> str | None:
    """ISO 639-1 code of the document's language among `languages`, or None when its labels do not say."""
    text = fold("\n".join(lines))
    scores = {
        lang: sum(1.0 + 0.5 * m.group(1).count(" ") for m in pattern.finditer(text))
        for lang, pattern in _own_phrases(tuple(languages)).items()
    }
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]
