"""Label knowledge of the extraction: per-language lexicons compiled into label lists per field, and a
noise-tolerant label matcher.

The lexicons are data (`lexicons/<lang>.json`: en, de, fr, nl, es, it, pl, pt, sv, da, nb, fi, and ms for
the receipts of Malaysia and Singapore), one file per language, each mapping a *concept* (invoice number,
due date, amount due, cash, change, bill-to, VAT id, ...) to the phrases that print it. They are read and
compiled once (`lexicon`, cached). A field's labels are the union of its concepts (`FIELD_CONCEPTS`); the
labels that say a value is something else (cash handed over, change, an amount excluding tax...) are
concepts too (`NEGATIVE_CONCEPTS`) plus a few short words. Adding a language is one file; adding a phrase
is one line.

A label is the text printed before a value on its row, or just above it in the same column. Matching is
exact on word boundaries first, then fuzzy (rapidfuzz partial ratio) so that OCR noise such as `T0TAL` or
`Totai` still counts, with a lower strength.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ocr_tasks.field_registry import FIELDS

LEXICON_DIR = Path(__file__).with_name("lexicons")
LANGUAGES: tuple[str, ...] = (
    "en",
    "de",
    "fr",
    "nl",
    "es",
    "it",
    "pl",
    "pt",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "hu",
    "ro",
    "ms",
)


# German letters as a printer without them spells them (a line printer's or an old ERP's character set:
# `UEBERTRAG`, `FAELLIG`, `RUECKGELD`, `GROSSHANDEL`)
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spellings(phrase: str) -> list[str]:
    """A phrase as the lexicon prints it (lower case) and, when it holds an umlaut or `ß`, as a printer
    without them spells it (`übertrag` -> `uebertrag`)."""
    lowered = phrase.lower()
    plain = lowered.translate(_TRANSLITERATION)
    return [lowered] if plain == lowered else [lowered, plain]


@lru_cache(maxsize=16)
def lexicon(languages: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """Concept -> phrases (lower case, first-seen order, no duplicates) over the given languages' files,
    each phrase with an umlaut also as spelt without it (`_spellings`)."""
    merged: dict[str, list[str]] = {}
    for language in languages:
        path = LEXICON_DIR / f"{language}.json"
        if not path.is_file():
            continue
        for concept, phrases in json.loads(path.read_text(encoding="utf-8"))["concepts"].items():
            bucket = merged.setdefault(concept, [])
            bucket += [s for p in phrases for s in _spellings(p) if s not in bucket]
    return {concept: tuple(phrases) for concept, phrases in merged.items()}


def phrases(*concepts: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The phrases of one or more concepts (union, first-seen order)."""
    table = lexicon(languages)
    out: list[str] = []
    for concept in concepts:
        out += [p for p in table.get(concept, ()) if p not in out]
    return tuple(out)


# Field -> the concepts whose phrases label it (the fields' own from the registry), and the label groups
# that are no field but are looked for: other dates and numbers, the parties' headings, amounts paid.
FIELD_CONCEPTS: dict[str, tuple[str, ...]] = {
    **{spec.name: spec.concepts for spec in FIELDS if spec.concepts},
    "delivery_date": ("delivery_date",),
    "customer_number": ("customer_number",),
    "quote_number": ("quote_number",),  # a quote's own number (`Angebotsnummer`), read on quotes only
    "customer": ("bill_to", "ship_to"),
    "seller": ("seller",),
    "already_paid": ("already_paid",),
}
# Field -> (concepts, extra words) of labels that say an amount or date is something else.
NEGATIVE_CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "total": (
        (
            "cash",
            "change",
            "already_paid",
            "rounding",
            "discount",
            "quantity",
            "exclusive_marker",
            "tax",
            "loyalty",
            "card_payment",
            "refund",
            "unit_price",
            "service_charge",
            "tip",
            "carried_forward",
        ),
        ("sub total", "subtotal", "balance"),
    ),
    "subtotal": (
        ("cash", "change", "quantity", "inclusive_marker", "rounding", "carried_forward"),
        ("gst", "tax", "grand", "a pagare", "da pagare"),  # `Netto a pagare`: the amount due
    ),
    "tax_amount": (
        (),
        (
            "incl",
            "inclusive",
            "excl",
            "excluding",
            "id",
            "reg",
            "no",
            "nr",
            "summary",
            "code",
            "basis",
            "base",
            "frei",  # `Barauslagen (ust-frei)`: an amount free of the tax, not the tax
            "steuerfrei",
        ),
    ),
    "invoice_date": (("due_date", "delivery_date", "birth_date"), ("expiry", "exp", "order")),
    "amount_due": (
        ("cash", "change", "already_paid", "rounding", "discount", "carried_forward"),
        ("change due",),
    ),
    "due_date": (("delivery_date", "birth_date"), ()),
}
# Single words that label a date without saying which one (they never say a date is *not* a due date).
_GENERIC_DATE_WORDS = frozenset(
    {"date", "datum", "data", "fecha", "vom", "issued", "dated", "tarikh", "dato", "pvm", "päivämäärä"}
)


def _negatives(field: str) -> tuple[str, ...]:
    concepts, words = NEGATIVE_CONCEPTS.get(field, ((), ()))
    out = phrases(*concepts) + words
    if field == "due_date":  # a labelled invoice or order date is not the due date
        out += tuple(p for p in phrases("invoice_date") if p not in _GENERIC_DATE_WORDS)
    return out


LABELS: dict[str, tuple[str, ...]] = {field: phrases(*concepts) for field, concepts in FIELD_CONCEPTS.items()}
NEGATIVE: dict[str, tuple[str, ...]] = {field: _negatives(field) for field in NEGATIVE_CONCEPTS}
FINAL_TOTAL_LABELS: tuple[str, ...] = phrases("final_total")
DOCUMENT_TITLES: frozenset[str] = frozenset(phrases("invoice_title", "credit_note_title")) | {"resit"}
PHONE_LABELS: tuple[str, ...] = phrases("phone")


def _numbered_document_pattern() -> re.Pattern[str]:
    """A document noun with a number marker, in either order and any spacing (`Rechnung Nr.`,
    `Documentnr.`, `Nr. documento`, `N° pièce`, `Nº rectificativa`, `Verkoopfactuur nr.`): the lexicons'
    `document_noun` x `number_marker`, matched as one pattern instead of listing every pair."""

    def alternation(concept: str) -> str:
        words = sorted(phrases(concept), key=len, reverse=True)
        return "|".join(r"[\s.\-]*".join(re.escape(w) for w in p.split()) for p in words)

    noun, marker = alternation("document_noun"), alternation("number_marker")
    return re.compile(
        rf"(?<![^\W\d_])(?:(?:{noun})[\s.\-:]*(?:{marker})|(?:{marker})[\s.\-:]*(?:{noun}))(?![^\W\d_])",
        re.IGNORECASE,
    )


# `Rechnung Nr.`, `Nr. documento`, `Documentnr.`: labels of the document's own number (see above)
NUMBERED_DOCUMENT = _numbered_document_pattern()


def _accent_tolerant(word: str) -> str:
    """`word` as a regex in which an accented letter may also be read without its accent (`Échéance` as
    OCR reads it: `Echéance`, `Übertrag`: `Ubertrag`)."""
    out = []
    for ch in word:
        base = unicodedata.normalize("NFKD", ch)[0]
        out.append(f"[{re.escape(ch)}{re.escape(base)}]" if base != ch and base.isascii() else re.escape(ch))
    return "".join(out)


@lru_cache(maxsize=256)
def concept_pattern(
    concepts: tuple[str, ...], *, extra: str = "", whole_words: bool = True
) -> re.Pattern[str]:
    """A case-insensitive pattern for the phrases of `concepts` as printed (words apart by spaces, dots,
    hyphens or a colon: `Bezug: Rechnung`), on word boundaries (or as word prefixes with
    `whole_words=False`); `extra` is an additional regex alternative (e.g. an OCR slip)."""
    alternatives = [r"[\s.\-:]*".join(_accent_tolerant(w) for w in p.split()) for p in phrases(*concepts)]
    alternatives.sort(key=len, reverse=True)
    if extra:
        alternatives.append(extra)
    tail = r"(?!\w)" if whole_words else ""
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + ")" + tail, re.IGNORECASE)


def concept_alternation(*concepts: str, min_length: int = 4) -> str:
    """The phrases of `concepts` (at least `min_length` characters) as a regex alternation to splice into
    a larger pattern: words apart by spaces, dots or hyphens, longest first."""
    words = [p for p in phrases(*concepts) if len(p) >= min_length]
    alternatives = sorted(
        (r"[\s.\-]*".join(_accent_tolerant(w) for w in p.split()) for p in words), key=len, reverse=True
    )
    return "|".join(alternatives)


def concept_in(text: str, concepts: Iterable[str]) -> bool:
    """Whether one of the concepts' phrases is printed in `text` (whole words)."""
    return bool(concept_pattern(tuple(concepts)).search(text))


_DOTTED_ACRONYM = re.compile(r"(?<![a-z0-9])(?:[a-z]\.){2,}(?=[a-z]|\s|$|[^\w])")
# The number sign as printed or as OCR reads it (`N°`, `Nº`, `N.º`, `Nª`, `N2`, `N&`) before a space, a
# colon, a dot or the end: one token `no`
_NUMBER_SIGN = re.compile(r"(?<![^\W\d_])n\.?\s?[°º&ª2](?=[\s.:]|$)")


_NUMBER_SIGN_ANY_CASE = re.compile(_NUMBER_SIGN.pattern, re.IGNORECASE)


def without_number_signs(text: str) -> str:
    """`text` with the number sign as printed or as OCR reads it (`Nº`, `N2`, `n&`, `Ne`) written `no`,
    for the checks that a row holds no digit (`Abono n2  Cliente n&` is a row of labels)."""
    return _NUMBER_SIGN_ANY_CASE.sub("no", _NUMBER_SIGN_MISREAD.sub("no", text)) if text else text


# A title printed letter-spaced (`*** I N V O I C E ***`, `C R E D I T   M E M O`, `R E C H N U N G`: a line
# printer's way to set a word off): single letters apart by single spaces, words of two letters or more
# apart by two to four spaces, the first word of four letters or more
_LETTER_SPACED = re.compile(
    r"(?<![^\s*=#~-])(?:[^\W\d_] ){3,}[^\W\d_](?:\s{2,4}(?:[^\W\d_] )+[^\W\d_])*(?![^\s*=#~-])"
)


def letters_joined(text: str) -> str:
    """`text` with its letter-spaced words written as words (`C R E D I T   M E M O` -> `CREDIT MEMO`)."""
    return _LETTER_SPACED.sub(
        lambda m: " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", m.group(0))), text
    )


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents (OCR drops and swaps them: `Malaucéne`, `Falligkeit`), the number sign
    as one word (`N°`, `Nº`, `N2`, `N&` -> `no`), dotted acronyms joined (`I.V.A.` -> `iva`, `T.V.A.` ->
    `tva`, `M.w.St.` -> `mwst`), other punctuation except `#%` turned into spaces, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", _NUMBER_SIGN.sub("no", text.lower()))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), plain)
    plain = _RATE_GLUED.sub(" ", plain)
    return " ".join(re.sub(r"[^\w#%]+", " ", plain).split())


# A tax's name glued to its rate, the rate repeated in brackets after it (`CGST9 (9%)`, `IGST18 (18%)`: an
# accounting program's tax names): the name is a word of its own
_RATE_GLUED = re.compile(r"(?<=[a-z])(?=(\d{1,2}(?:\.\d{1,3})?)\s*\(\s*\1\s*%\s*\))")


@lru_cache(maxsize=4096)
def _compiled(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold(phrase)) + r"(?![a-z0-9])")


# Letters and digits OCR confuses, folded to one shape (`Tota1`, `LV.A.` for `I.V.A.`, `T0TAL`,
# `Rechnungsnumrner`): applied to words holding a letter, so that numbers stay numbers.
_SHAPES = str.maketrans({"1": "i", "l": "i", "|": "i", "!": "i", "0": "o", "5": "s"})
_SHAPE_PAIRS = (("rn", "m"), ("vv", "w"))
# `Nº` as OCR reads a small or bold `º` (`Ne`, `N9`, `Nq`): a capital N and the misread sign alone
_NUMBER_SIGN_MISREAD = re.compile(r"(?<![^\W\d_])N[e9q](?=[\s.:]|$)")
_BAR_IN_WORD = re.compile(r"(?<=[^\W\d_])[|!]|[|!](?=[^\W\d_])")
# letters and dots in groups of one or two (`lv.a.`, `m.w.st.`, `s.r.1.`): an acronym whose dots OCR
# dropped or moved
_LOOSE_ACRONYM = re.compile(r"(?<![^\W_])[^\W_]{1,2}(?:\.[^\W_]{1,2})+\.?(?![^\W_])")


@lru_cache(maxsize=65536)
def ocr_shape(text: str) -> str:
    """`fold` with the characters OCR confuses made one (`1 l | I` -> `i`, `0` -> `o`, `5` -> `s`, `rn` ->
    `m`, `vv` -> `w`) in words that hold a letter, loose acronyms joined (`LV.A.` -> `iva`) and the number
    sign as OCR misreads it (`Ne`, `N9` -> `no`)."""
    lowered = _NUMBER_SIGN.sub("no", _NUMBER_SIGN_MISREAD.sub("no", text).lower())
    lowered = _BAR_IN_WORD.sub("l", lowered)  # `Tota|`, `Sag!`: a bar read for an `l`, before fold drops it
    lowered = _LOOSE_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), lowered)
    words = []
    for word in fold(lowered).split():
        if any(c.isalpha() for c in word):
            word = word.translate(_SHAPES)
            for printed, shape in _SHAPE_PAIRS:
                word = word.replace(printed, shape)
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=64)
def _shape_alternation(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """The phrases' OCR shapes (of at least two characters) as one pattern on word boundaries."""
    shapes = sorted({ocr_shape(p) for p in phrases if len(ocr_shape(p)) >= 2}, key=len, reverse=True)
    if not shapes:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(s) for s in shapes) + r")(?![a-z0-9])")


def _shape_strength(label: str, phrases: tuple[str, ...]) -> float:
    """0.9 (+0.02 per extra word) when a phrase is printed in `label` up to characters OCR confuses."""
    pattern = _shape_alternation(phrases)
    if pattern is None:
        return 0.0
    words = [m.group(0).count(" ") for m in pattern.finditer(ocr_shape(label))]
    return 0.9 + 0.02 * min(max(words), 4) if words else 0.0


@lru_cache(maxsize=256)
def _folded_phrases(phrases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(folded phrase, its pattern on word boundaries) of each phrase that folds to something."""
    return tuple((fold(phrase), _compiled(phrase)) for phrase in phrases if fold(phrase))


@lru_cache(maxsize=16384)  # the same row labels are scored for many candidates and fields
def label_strength(label: str, phrases: tuple[str, ...], *, fuzzy: bool = True) -> float:
    """1.0 for an exact phrase match in `label` (longer phrases beat shorter: +0.02 per extra word), 0.9
    for one up to the characters OCR confuses (`Tota1`, `LV.A.`: `ocr_shape`; with `fuzzy=False` too, as
    it is no looser a match), up to 0.8 for a fuzzy one of a phrase of at least 5 letters, else 0."""
    text = fold(label)
    if not text:
        return 0.0
    best = 0.0
    for folded, pattern in _folded_phrases(phrases):
        if folded in text and pattern.search(text):  # the substring first: most phrases are not printed
            best = max(best, 1.0 + 0.02 * (folded.count(" ")))
        elif fuzzy and len(folded) >= 5 and len(text) >= 0.6 * len(folded):
            ratio = fuzz.partial_ratio(folded, text) / 100.0
            if ratio >= 0.8 and _words_found(folded, text):
                best = max(best, 0.8 * (ratio - 0.8) / 0.2)
    if best < 0.9:
        best = max(best, _shape_strength(label, phrases))
    return best


def _words_found(phrase: str, text: str) -> bool:
    """Whether every word of a folded phrase (of two letters or more) is printed in folded `text` with
    at most a slip (`T0TAL`, `Totai`, run together: `TOTALDUE`): a fuzzy match of the whole phrase alone
    lets one word stand for another (`Total des lignes` for `total due`)."""
    words = text.split()
    return all(
        any(_word_slip(word, printed) for printed in words) for word in phrase.split() if len(word) >= 2
    )


def _word_slip(word: str, printed: str) -> bool:
    """`printed` is `word` with at most one edit (two for words of six letters or more), or holds it
    with at most a slip when longer (words run together)."""
    if len(printed) > len(word) + 1:
        return fuzz.partial_ratio(word, printed) >= 80
    return Levenshtein.distance(word, printed) <= (1 if len(word) <= 5 else 2)


def has_label(label: str, field: str) -> float:
    return label_strength(label, LABELS.get(field, ()))


def phrase_regex(phrase: str, gap: str = r"\s?") -> str:
    """A lexicon phrase of a word list as a regular expression: its dots may be left out (`co. reg`: `CO REG`,
    `Co.Reg`), its words apart by `gap`, and a trailing `*` stands for the rest of a word (`incl*`:
    `inclusive`, `incl.`)."""
    stem = phrase.endswith("*")
    body = gap.join(re.escape(word).replace(r"\.", r"\.?") for word in phrase.rstrip("*").split())
    return body + (r"\w*" if stem else "")


def words_alternation(*concepts: str, gap: str = r"\s?") -> str:
    """The phrases of word-list concepts (`tax_word`, `not_name`, ...) as one alternation, in the lexicons'
    order (`phrase_regex`)."""
    return "|".join(phrase_regex(p, gap) for p in phrases(*concepts))


_TAX_WORD = words_alternation("tax_word")  # `GST`, `MwSt`, `TVA`, `IVA`: the lexicons' `tax_word`
# `incl. GST`, `inkl. MwSt.`, `TTC`, `with tax`, `GST incl.`: a gross amount's label, no tax label (the
# lexicons' `tax_inclusive_word` before a `tax_word`, or one of its word stems after it)
_INCLUSIVE_WORD = words_alternation("tax_inclusive_word")
_INCLUSIVE_STEM = "|".join(phrase_regex(p) for p in phrases("tax_inclusive_word") if p.endswith("*"))
_INCLUSIVE = re.compile(
    rf"\b({_INCLUSIVE_WORD})[.\s]*(of\s+)?({_TAX_WORD})\b|\b({_TAX_WORD})\.?\s*({_INCLUSIVE_STEM})",
    re.IGNORECASE,
)

# `excl. GST`, `ex GST`, `before tax`, `ohne MwSt.`, `hors TVA`: the tax word of a net's label, no tax label
# (the lexicons' `tax_exclusive_word` before a `tax_word`)
_EXCLUSIVE_WORD = words_alternation("tax_exclusive_word", gap=r"\s+")
_EXCLUSIVE = re.compile(rf"\b({_EXCLUSIVE_WORD})[.\s]*(of\s+)?({_TAX_WORD})\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for several folded phrases on word boundaries, longest first."""
    folded = sorted({fold(p) for p in phrases if fold(p)}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(f) for f in folded) + r")(?![a-z0-9])")


def _spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of every phrase in folded `text`, overlapping matches included."""
    pattern = _alternation(phrases)
    if pattern is None:
        return []
    out, position = [], 0
    while (m := pattern.search(text, position)) is not None:
        out.append(m.span())
        position = m.start() + 1
    return out


@lru_cache(maxsize=16384)  # the same row labels are checked for many candidates
def _tax_word_only_in_subtotal_label(text: str) -> bool:
    """Whether every tax word of a folded label is part of a subtotal or total phrase (`Total sin IVA`,
    `excl. BTW`, `Total toutes taxes`, `Total incl. VAT`): the amount is the net or the gross, not the
    tax."""
    phrases_with_tax = LABELS["subtotal"] + LABELS["total"]
    subtotal = _spans(text, tuple(p for p in phrases_with_tax if " " in fold(p)))
    taxes = _spans(text, LABELS["tax_amount"])
    return bool(subtotal and taxes) and all(any(s <= a and b <= e for s, e in subtotal) for a, b in taxes)


# `vom` labels an invoice's date after the document's own noun (`Rechnung vom`) or alone; after another
# noun it labels that thing's date (`Retoure vom 02.10.2025`, `Bestellung vom`, `Ihre Nachricht vom`)
_DATE_OF = frozenset({"vom"})
_DOCUMENT_NOUNS = frozenset(
    fold(p) for p in phrases("invoice_title", "credit_note_title", "document_noun") if " " not in fold(p)
)


def _date_of_another_thing(label: str) -> bool:
    words = fold(label).split()
    return (
        len(words) >= 2
        and words[-1] in _DATE_OF
        and words[-2].isalpha()
        and len(words[-2]) >= 3
        and words[-2] not in _DOCUMENT_NOUNS
    )


@lru_cache(maxsize=64)
def _own_phrases(field: str) -> tuple[str, ...]:
    """The field's own labels of several words (`Total before tax`), whose words say nothing against it."""
    return tuple(p for p in LABELS.get(field, ()) if " " in fold(p))


@lru_cache(maxsize=64)
def _own_shapes(field: str) -> tuple[str, ...]:
    return tuple(ocr_shape(p) for p in _own_phrases(field))


@lru_cache(maxsize=64)
def _negative_shapes(field: str) -> tuple[str, ...]:
    """The field's negative labels as OCR may slip on them (`ocr_shape`), those of 3+ characters."""
    return tuple(ocr_shape(p) for p in NEGATIVE.get(field, ()) if len(ocr_shape(p)) >= 3)


def has_negative(label: str, field: str) -> float:
    """Strength of labels saying the value is something else; `incl. GST` is not a tax label, and a word
    inside the field's own longer label (`tax` in `Total before tax`) says nothing against it. An invoice
    date labelled `<noun> vom` names another thing's date unless the noun is the document's own."""
    if field == "invoice_date" and _date_of_another_thing(label):
        return 1.02  # a two-word phrase, stronger than the bare `vom`
    if field in ("total", "amount_due"):
        label = _INCLUSIVE.sub(" ", label)
    elif field == "subtotal":  # `Subtotal (excl. GST)`: the tax word says what the net leaves out
        label = _EXCLUSIVE.sub(" ", label)
    text = fold(label)
    negatives = NEGATIVE.get(field, ())
    if not text or not negatives:
        return 0.0
    if field == "tax_amount" and _tax_word_only_in_subtotal_label(text):
        return 1.0
    own = _spans(text, _own_phrases(field))
    best = 0.0
    for start, end in _spans(text, negatives):
        if not any(s <= start and end <= e for s, e in own):
            best = max(best, 1.0 + 0.02 * text[start:end].count(" "))
    shaped = ocr_shape(label)
    if not best and shaped != text:  # a negative label with an OCR slip (`Subtota1`, `Ba1ance`)
        own = _spans(shaped, _own_shapes(field))
        for start, end in _spans(shaped, _negative_shapes(field)):
            if not any(s <= start and end <= e for s, e in own):
                best = 0.9
    return best


def has_inclusive(label: str) -> float:
    return 1.0 if _INCLUSIVE.search(label) else 0.0


_SLIPPED_LETTERS = frozenset("10|!5IÌÍ")  # `I` for `l` (`S.r.I.`), with an accent OCR added (`S.r.Ì.`)


@lru_cache(maxsize=1)
def _legal_form_shapes() -> dict[tuple[str, bool], str]:
    """OCR shape -> letters of the lexicons' legal forms (`s.r.l.` -> `srl`); a form printed with points
    (`a.s.`) only for a word with points (`A5`, a paper size, is no `a.s.`)."""
    return {(ocr_shape(p), "." in p): re.sub(r"[^a-z]", "", p) for p in phrases("legal_form") if " " not in p}


def repair_legal_form(name: str) -> str:
    """A name whose last word is a legal form with characters OCR confuses (`Colombo S.r.1.`, `S.r.I.`,
    `Acme 1TD`) with those characters read as the form's letters (`S.r.l.`, `LTD`), in the case of the
    word's other letters (a first letter in capitals); any other name as it is."""
    head, _, last = name.rpartition(" ")
    if not head or not any(c in _SLIPPED_LETTERS for c in last) or not any(c.isalpha() for c in last):
        return name
    shapes = _legal_form_shapes()
    letters = shapes.get((ocr_shape(last), "." in last)) or shapes.get((ocr_shape(last), False))
    printed = [c for c in last if c.isalnum() or c in "|!"]
    if letters is None or len(printed) != len(letters):
        return name
    upper = all(c.isupper() for c in printed if c.isalpha())
    fixed, position = [], 0
    for c in last:
        if c.isalnum() or c in "|!":
            if c in _SLIPPED_LETTERS:
                c = letters[position].upper() if upper or position == 0 else letters[position]
            position += 1
        fixed.append(c)
    return f"{head} {''.join(fixed)}"
