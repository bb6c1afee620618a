"""An items table's header: which column each header word names, in every language of the lexicons.

The column labels are the lexicons' `column_*` concepts (description, quantity, unit price, amount, tax
rate); a header word names a column exactly, with the next word, as a part (`Material/Beschreibung`),
as a compound that ends with a label (`Zeilenbetrag`) or as a label cut short with a dot (`Aant.`). A
row with two or more column labels, one of them a price or an amount, and no amounts is a header.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ocr_tasks.extraction.keywords import fold, phrases
from ocr_tasks.extraction.rows import Row
from ocr_tasks.normalise.amounts import find_amounts

# Column -> the header words that name it (the lexicons' `column_*` concepts, all languages).
COLUMN_LABELS: dict[str, frozenset[str]] = {
    column: frozenset(fold(p) for p in phrases(f"column_{column}"))
    for column in ("description", "quantity", "unit_price", "amount", "tax_rate")
}

# one-word discount labels (`Rem.`, `Rabatt`, `Sconto`): a column of percentages that are no tax rate
_DISCOUNT_WORDS = frozenset(fold(p) for p in phrases("discount") if " " not in p)


# Column labels that a compound ends with (`Regeltotaal`, `Zeilenbetrag`, `Nettoeinzelpreis`) or that a
# header abbreviates with a dot (`Aant.`, `Hoev.`, `Anz.`, `Einzelpr.`, `Omschr.`)
_COMPOUND_TAIL = 5
_ABBREVIATION = re.compile(r"([^\W\d_]{3,})\.$")


def _abbreviated(word: str, labels: frozenset[str]) -> bool:
    """Whether `word` is a label of `labels` cut short with a dot (`Aant.` for `aantal`)."""
    m = _ABBREVIATION.search(word)
    if m is None:
        return False
    stem = fold(m.group(1))
    return any(
        label.startswith(stem) and len(label) >= len(stem) + 2 and " " not in label for label in labels
    )


# Column -> a pattern of a one-word token that ends with one of its one-word labels of 5+ letters
_TAILS: dict[str, re.Pattern[str]] = {
    column: re.compile(
        r"\w(?:"
        + "|".join(
            re.escape(x)
            for x in sorted(labels, key=len, reverse=True)
            if len(x) >= _COMPOUND_TAIL and " " not in x
        )
        + r")$"
    )
    for column, labels in COLUMN_LABELS.items()
}


def _compound(token: str, column: str) -> bool:
    """Whether a one-word header `token` ends with a label of at least five letters (a compound noun)."""
    return " " not in token and _TAILS[column].search(token) is not None


@lru_cache(maxsize=65536)  # the same header words recur on every row and document
def _column_of(word: str, token: str, pair: str) -> str | None:
    """The column a header word names: exactly (or with the next word), as a part, then as a compound or
    an abbreviation when that names one column only."""
    token = token.strip("% ") or token  # `BTW%`
    for column, labels in COLUMN_LABELS.items():
        if token in labels or pair in labels:
            return column
    parts = set(token.split())  # `Material/Beschreibung`, `Art-Nr`
    for column, labels in COLUMN_LABELS.items():
        if parts & labels:
            return column
    loose = [c for c, labels in COLUMN_LABELS.items() if _compound(token, c) or _abbreviated(word, labels)]
    return loose[0] if len(loose) == 1 else None


# words that make the tax word after them a qualifier of the column label before, no column of its own
_TAX_QUALIFIERS = frozenset(
    {
        "excl",
        "exkl",
        "incl",
        "inkl",
        "zzgl",
        "hors",
        "ohne",
        "exclusief",
        "inclusief",
        "excluding",
        "including",
    }
)
_EDGE_MARKS = re.compile(r"^[_|—–\-~=]+|[_|—–~=]+$")


def _tax_word(text: str) -> bool:
    return text.strip(".:%()") in COLUMN_LABELS["tax_rate"]


def _amount_word(text: str) -> bool:
    return text.strip(".:()") in COLUMN_LABELS["amount"] or _compound(text.strip(".:()"), "amount")


# the tax words a compound label may start with (`Steuerbetrag`); a tuple for one `str.startswith` per word
_TAX_PREFIXES = tuple(sorted(tax for tax in COLUMN_LABELS["tax_rate"] if len(tax) >= 3))


def _names_tax_amount(row: Row, word_index: int) -> bool:
    """Whether a header word names the tax charged on each line, no line amount: a tax word and an amount
    word in one token (`USt-Betrag`, `MwSt.-Betrag`, `BTW-bedrag`, `Steuerbetrag`) or as the two words of
    one cell, either way round (`VAT amount`, `Montant TVA`, `Importe IVA`; not `Totale (IVA escl.)`)."""
    token = fold(_EDGE_MARKS.sub("", row.words[word_index].text) or row.words[word_index].text)
    parts = [p for p in re.split(r"[-/\s]", token) if p]
    if len(parts) >= 2 and _tax_word(parts[0]) and _amount_word(parts[-1]):
        return True
    if token.startswith(_TAX_PREFIXES) and any(
        token.startswith(tax) and _amount_word(token[len(tax) :]) for tax in _TAX_PREFIXES
    ):
        return True
    first = word_index
    while first > 0 and _same_cell(row, first - 1):
        first -= 1
    last = word_index
    while last + 1 < len(row.words) and _same_cell(row, last):
        last += 1
    if last - first != 1 or _starts_label(row, first):  # one label of two words (`Montant HT`)
        return False
    word, beside = (fold(row.words[i].text) for i in (first, last))
    return (_tax_word(word) and _amount_word(beside)) or (_amount_word(word) and _tax_word(beside))


def _starts_label(row: Row, i: int) -> bool:
    """Whether words `i` and `i + 1` of a row make one column label (`Montant HT`, `Unit price`)."""
    if i + 1 >= len(row.words):
        return False
    pair = fold(row.words[i].text + " " + row.words[i + 1].text)
    return any(pair in labels for labels in COLUMN_LABELS.values())


def _same_cell(row: Row, i: int) -> bool:
    """Whether words `i` and `i + 1` of a row are printed in one cell (one space apart, no column gap)."""
    return row.starts[i + 1] - (row.starts[i] + len(row.words[i].text)) == 1


def _column_hits(row: Row) -> dict[str, float]:
    """Column name -> x centre of its label on a header row."""
    hits: dict[str, float] = {}
    for word_index, word in enumerate(row.words):
        pair = (
            fold(word.text + " " + row.words[word_index + 1].text) if word_index + 1 < len(row.words) else ""
        )
        # OCR sets rules and table lines as marks beside a label (`_—_Leistung`, `|Menge`)
        text = _EDGE_MARKS.sub("", word.text) or word.text
        column = _column_of(text, fold(text), pair)
        if word_index and fold(row.words[word_index - 1].text).strip(".:") in _TAX_QUALIFIERS:
            column = None  # `Bedrag excl. btw`, `Preis inkl. MwSt.`: the tax word qualifies its label
        if column is None and fold(text).strip(".:%") in _DISCOUNT_WORDS:
            column = "discount"
        if column in ("amount", "tax_rate", None) and _names_tax_amount(row, word_index):
            column = "tax_amount"  # the tax of each line (`USt-Betrag`), neither its rate nor its amount
        if column is not None and column not in hits:
            hits[column] = word.bbox.center[0]
        elif column == "amount" and "unit_price" in hits and hits["amount"] < hits["unit_price"]:
            # an amount label left of the price names no line amount (quantity x price lies right of the
            # price: `Amount  Product  VAT  Price  Total`, a translated `Anzahl`): the later one does, and
            # the first is the quantity when no other label names it
            hits.setdefault("quantity", hits["amount"])
            hits["amount"] = word.bbox.center[0]
    return hits


def header_hits(row: Row) -> dict[str, float] | None:
    """The column hits of a row that reads as an items table's header (at least two column labels, one
    of them a price or an amount, no amounts), else None."""
    hits = _header_hits(row)  # the parties, dates and items each ask of the same rows
    return dict(hits) if hits is not None else None


@lru_cache(maxsize=4096)
def _header_hits(row: Row) -> dict[str, float] | None:
    hits = _column_hits(row)
    named = len(hits) - ("discount" in hits)  # a discount column alone does not make a header
    if named >= 2 and ("amount" in hits or "unit_price" in hits) and not find_amounts(row.text):
        return hits
    return None


def is_items_header(row: Row) -> bool:
    """Whether a row reads as an items table's header (`Description  Qty  Price  Amount`)."""
    return header_hits(row) is not None


def find_header(rows: list[Row]) -> tuple[int, dict[str, float]] | None:
    best: tuple[int, dict[str, float]] | None = None
    for i, row in enumerate(rows):
        hits = header_hits(row)
        if hits is None or re.search(r"summary|ringkasan", row.text, re.IGNORECASE):
            continue
        if "tax_rate" in hits and not {"description", "quantity"} & hits.keys():
            continue  # a VAT table's header (`VAT RATE  NET  VAT  GROSS` under a till's total): no items
        if best is None or len(hits) > len(best[1]):
            best = (i, hits)
    return best
