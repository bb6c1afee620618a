"""Candidates for identifiers and terms: invoice_number, po_number, payment_terms.

An identifier is a token with at least one digit that follows its label on the same row (`Invoice No:
INV/2023/03/0008`) or sits under the label in the same column. The vendor's VAT id and the IBAN are
`tax_id_fields`'.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ocr_tasks.extraction.candidates import Candidate, header_chunk
from ocr_tasks.extraction.document_type import is_quote
from ocr_tasks.extraction.identifier_rules import (
    bare_no_value_ok,
    blocked_qualifier,
    in_address,
    repair_prefix,
    separated_prefix,
)
from ocr_tasks.extraction.keywords import (
    DOCUMENT_TITLES,
    LABELS,
    NUMBERED_DOCUMENT,
    PHONE_LABELS,
    concept_pattern,
    fold,
    label_strength,
    ocr_shape,
    phrases,
    without_number_signs,
)
from ocr_tasks.extraction.rows import Row, row_cells
from ocr_tasks.normalise.dates import find_dates

_ID_TOKEN = re.compile(r"[A-Za-z0-9$€©¢§][A-Za-z0-9$€©¢§/\-_.#]*\d[A-Za-z0-9/\-_.,]*|\d+")
# An amount as printed (`1.234,56`, `52195,60`, `$12.00`): no document number
_AMOUNT_TOKEN = re.compile(r"[$€£]?-?(?:\d{1,3}(?:[.,]\d{3})+|\d+)[.,]\d{2}")
# Amounts printed unmistakably as amounts: a decimal comma, thousands groups or a currency sign
_PRINTED_AMOUNT = re.compile(r"[$€£]-?[\d.,]*\d|-?\d+,\d{2}|-?\d{1,3}(?:[.,]\d{3})+[.,]\d{2}")
_TERMS_RE = re.compile(
    r"\b(net\s?\d{1,3}|\d{1,3}\s?(?:days?|dagen|tage|jours)(?:\s+net)?|due on receipt|immediate|"
    r"cash on delivery|cod|end of month|eom)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # the identifier fields' phrases in all languages (~1,000) stay compiled
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A label phrase as printed: words separated by spaces, dots or hyphens or run together (`Inv. No`,
    `Inv#`, `Rechnungs-Nr.`), on word boundaries."""
    words = [re.escape(w) for w in phrase.lower().split()]
    return re.compile(r"(?<![a-z0-9])" + r"[\s.\-]*".join(words) + r"(?![a-z0-9\-/_])")


@lru_cache(maxsize=4096)
def _first_word(phrase: str) -> str:
    words = phrase.lower().split()
    return words[0] if words else ""


# A long label run into its value without a space (a spreadsheet's bold label filling its cell up to the
# value's cell: `Rechnungsnummer2025-20931` in the text layer and on the page)
GLUED_LABEL_LETTERS = 6


@lru_cache(maxsize=4096)  # every row of every document tries every long label
def _glued_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.lower().split()]
    return re.compile(r"(?<![a-z0-9])" + r"[\s.\-]*".join(words) + r"[.:]?(?=\d)")


BARE_NO_STRENGTH = 0.8
# Number markers printed alone as a label (`No. 12345`, `Núm. R4472222`): weaker, and their value needs
# at least four digits (house numbers have fewer)
BARE_MARKERS = frozenset({"no", "nr", "num", "núm", "nº", "n°", "n.º", "#", "č."})  # Czech, Slovak `č.`
# A number sign that starts a printed segment, right before a number (`INVOICE` over `# INV-000087`,
# web templates' title blocks): a bare marker, like `No`; inside a segment (`Table # 12`) it labels nothing
_SEGMENT_NUMBER_SIGN = re.compile(r"(?:^|(?<=\s{2}))(#)\s*(?=[A-Za-z]{0,4}[-\s]?\d)")
COMPOSED_STRENGTH = 1.1  # as a two-word phrase


@lru_cache(maxsize=4096)
def _plain_phrase(phrase: str) -> str | None:
    """The phrase without its accents (`számla sorszáma` -> `szamla sorszama`), None when it has none."""
    plain = _unaccented(phrase)
    return None if plain == phrase else plain


def _label_span(
    row_text: str, phrases: tuple[str, ...], composed: re.Pattern[str] | None = None
) -> tuple[float, int, int, str]:
    """Strength of the best label on the row, its start, the offset just after it, and the phrase; a
    `composed` label pattern (a document noun with a number marker) counts as a two-word phrase."""
    lowered = row_text.lower()
    plain = _unaccented(lowered)  # OCR drops accents (`Szamla sorszama`, `Cislo faktury`): offsets kept
    best, start, end, label = 0.0, -1, -1, ""
    for phrase in phrases:
        bare = _plain_phrase(phrase)
        if _first_word(phrase) not in lowered and (bare is None or _first_word(bare) not in plain):
            continue  # both patterns start with the phrase's first word as printed: no need to search
        found = list(_phrase_pattern(phrase).finditer(lowered))
        if not found and bare is not None:
            found = list(_phrase_pattern(bare).finditer(plain))
        if not found and len(phrase.replace(" ", "")) >= GLUED_LABEL_LETTERS:
            found = list(_glued_pattern(phrase).finditer(lowered))
        for m in found:
            strength = BARE_NO_STRENGTH if phrase in BARE_MARKERS else 1.0 + 0.05 * len(phrase.split())
            if strength > best or (strength == best and m.end() < end):
                best, start, end, label = strength, m.start(), m.end(), phrase
    if best == 0.0 and (sign := _SEGMENT_NUMBER_SIGN.search(row_text)):
        best, start, end, label = BARE_NO_STRENGTH, sign.start(1), sign.end(1), "#"
    if composed is not None:
        for m in composed.finditer(row_text):
            if COMPOSED_STRENGTH > best or (COMPOSED_STRENGTH == best and m.end() < end):
                best, start, end, label = COMPOSED_STRENGTH, m.start(), m.end(), fold(m.group(0))
    return best, start, end, label


def _identifier(
    field: str, span: tuple[int, int], target: Row, rows: list[Row], features: dict[str, float]
) -> Candidate | None:
    start, end = span
    raw = target.text[start:end]
    token = repair_prefix(re.sub(r"\s+", "", raw).strip(".#:-,"))
    if _SERIES_CODE.fullmatch(raw.strip()):
        token = raw.strip()  # `FT 2025/123`: a document's type code and its series/number, as printed
    if len(token) < 2 or re.fullmatch(r"\d{1,2}[:.]\d{2}", token) or not any(ch.isdigit() for ch in token):
        return None
    if len(token) <= 2 and not token.isdigit():
        return None  # `N2`: a number sign read as a digit (`Nº`), not a document number
    if _PRINTED_AMOUNT.fullmatch(token):
        return None  # `52195,60`, `1.234,56`, `€12.00`: an amount, never a document number
    digits = sum(ch.isdigit() for ch in token)
    features.update(
        {
            "digits": min(digits, 10) / 10.0,
            "digit_ratio": digits / len(token),
            "rel_y": target.bbox.center[1],
            "amount_like": float(bool(_AMOUNT_TOKEN.fullmatch(token))),
        }
    )
    return Candidate(
        field=field,
        value=token,
        raw_text=raw,
        page=target.page,
        bbox=target.span_bbox(start, end),
        ocr_confidence=target.span_confidence(start, end),
        features=features,
        row_index=rows.index(target),
    )


# A document's type code printed apart before its series and number (`FT 2025/123`, `NC 2025/17`, `FT
# A2025/58`: the document id a Portuguese invoice prints, the space part of it); `CS 23304` is joined
_SERIES_CODE = re.compile(r"[A-Z]{2,4} [A-Z]?\d+/\d+")


def _is_date(token: re.Match[str], date_spans: list[tuple[int, int]]) -> bool:
    """Whether a token is a printed date: a date found inside a longer identifier (`RE-20140703/502`, a
    trip number `20240315-088`) does not make the identifier a date."""
    start, end = token.span()
    for s, e in date_spans:
        if s < end and start < e and (e - s) >= 0.8 * (end - start):
            return True
    return False


# A reference to another document's number (`Relating to invoice 688219`, `Facture liée FA-2017-0010`) is
# not the document's own number; a bare `No` after a register's name (`Registered in England No. 93704`)
# is the company's number.
_REFERENCE = concept_pattern(("invoice_reference",))
# Another document's or party's number labelled with a generic marker (`Order No.`, `Despatch Note No.`,
# `Lieferschein-Nr.`, `N° BL`, `Customer No.`) or a payment's reference (`OCR-nummer`, `KID`, `viitenumero`):
# never the document's own number.
_OTHER_NUMBER = concept_pattern(("order_number", "customer_number", "delivery_note", "payment_reference"))
# A tax-id word between a number marker and its value (`N° TVA client: BE0678563005`): a VAT number
_TAX_ID_WORDS = concept_pattern(("customer_vat", "vat_id", "tax_number"))
_REGISTER = concept_pattern(("company_registration", "tax_number", "vat_id"))
# A number printed in groups of digits, alone in its cell (`2024 0312 4477`, as telecom and utility bills
# print invoice and customer numbers): one number, the groups separated by single spaces up to a column gap
_GROUPED_DIGITS = re.compile(r"\d{3,6}(?: \d{2,6}){1,4}(?=\s{2,}|\s*$)")
_GENERIC_LABELS = frozenset(
    {"no", "nr", "number", "nummer", "numéro", "número", "numero", "ref", "reference"}
)


def _titled(row_text: str, label_start: int, label: str) -> bool:
    """Whether the word before the label makes a document title with it or with its first word (`VAT
    Invoice`, `Tax invoice`, `VAT Invoice no.`)."""
    before = fold(row_text[:label_start]).split()[-1:]
    words = fold(label).split()
    return bool(before) and bool(
        {f"{before[0]} {fold(label)}", f"{before[0]} {words[0] if words else ''}"} & DOCUMENT_TITLES
    )


def _last_segment(text: str) -> str:
    """The last printed segment of `text` (after its last column gap of two or more spaces)."""
    return re.split(r"\s{2,}", text.rstrip())[-1]


# A quote's noun right before a number marker (`Devis n°`, `Angebot Nr.`, `Quote No.`): on an invoice, the
# quote it follows; no invoice word beside it (`Please quote invoice no.` names the invoice)
_QUOTE_WORDS = concept_pattern(("quote_title", "quote_number"))


def _quotes_number(label_text: str) -> bool:
    """Whether the label's last printed words (up to three) name a quote and no invoice."""
    tail = " ".join(_last_segment(label_text).split()[-3:])
    return bool(_QUOTE_WORDS.search(tail)) and not _INVOICE_WORD.search(tail)


def _someone_elses(
    field: str, row_text: str, label_start: int, label_end: int, label: str, *, quote: bool = False
) -> bool:
    """Whether the label names another document's or party's number (`quote`: the document is a quote,
    whose own number a quote's label names)."""
    if blocked_qualifier(row_text, label_start) and not _titled(row_text, label_start, label):
        return True
    if field == "invoice_number" and not quote and _quotes_number(row_text[:label_end]):
        return True
    if field == "invoice_number" and _REFERENCE.search(row_text[:label_end]):
        return True
    if field == "invoice_number" and _OTHER_NUMBER.search(_last_segment(row_text[:label_end])):
        return True
    # the register's word in the label's own printed segment: a label that starts a column of its own
    # (`CIF B56299068 · Tel. 976 57 22 10  Número  2025/0618`) is none of the register's
    before = row_text[:label_start]
    own = "" if re.search(r"\s{2,}$", before) else _last_segment(before)
    return label in _GENERIC_LABELS and bool(_REGISTER.search(own))


# Fields whose labels also come composed (a document noun with a number marker)
_COMPOSED_LABELS = {"invoice_number": NUMBERED_DOCUMENT}


def _unaccented(text: str) -> str:
    """`text` with the accents of its letters dropped, one character for one (offsets kept): OCR prints
    `piéce` for `pièce`, `Numero` for `Número`."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


# The composed labels matched without accents on either side
_COMPOSED_PLAIN = {
    field: re.compile(_unaccented(pattern.pattern), pattern.flags)
    for field, pattern in _COMPOSED_LABELS.items()
}


def _composed_in(field: str, text: str) -> bool:
    """Whether a composed label of `field` is printed in `text`, accents misread or not."""
    pattern = _COMPOSED_PLAIN.get(field)
    return pattern is not None and bool(pattern.search(_unaccented(text)))


# A row that starts with the document's title, a compound of it or a bilingual title, right before a
# number (`Verkoopfactuur 2023-1993`, `Handwerkerrechnung INV-88006`, `Rechnung / Invoice RE-2022-60770`,
# `Ricevuta n. 3/2024`, `Angebot AN-77`, `Faktúra č. 20260458`: OCR reads `č.` as `€.` or `¢.`)
_TITLE_NOUNS = "|".join(
    sorted(
        (
            re.escape(p)
            for p in phrases("invoice_title", "receipt_title", "quote_title", "credit_note_title")
            if " " not in p and len(p) >= 5
        ),
        key=len,
        reverse=True,
    )
)
TITLE_BEFORE_NUMBER = re.compile(
    rf"^\W*[^\W\d]*(?:{_TITLE_NOUNS})(?:\s*/\s*[^\W\d]+)?"
    # `Ricevuta per prestazione occasionale n. 3/2024`: up to three words, then a number sign
    rf"(?:(?:\s+[^\W\d]{{2,}}){{1,3}}\s+(?:n[°º.]+|no\.|nr\.?|#)|(?:\s+(?:n[°ºr.o]*|no\.?|#|[č¢€]\.))?)"
    rf"(?=\s*:?\s*[A-Z]{{0,4}}[-\s]?\d)",
    re.IGNORECASE,
)


# On a credit note, a number labelled as an invoice's (`Réf. facture F2025/1317`) is the corrected
# invoice's; the credit note's own number has a credit word in its label (`N° d'avoir`, `Credit No.`).
_CREDIT_WORD = concept_pattern(("credit_note_title", "credit_word"), whole_words=False)
_INVOICE_WORD = concept_pattern(("invoice_title",), whole_words=False)
CREDIT_NOTE_INVOICE_LABEL = 0.6


def _label_factor(field: str, label_text: str, credit_note: bool) -> float:
    """On a credit note, a label naming an invoice and no credit (`Réf. facture`, `Rechnung Nr.`) is the
    corrected invoice's; a neutral one (`Documento n.`, `Beleg-Nr.`) may be the credit note's own."""
    if (
        credit_note
        and field == "invoice_number"
        and _INVOICE_WORD.search(label_text)
        and not _CREDIT_WORD.search(label_text)
    ):
        return CREDIT_NOTE_INVOICE_LABEL
    return 1.0


def _named_number(label: str, distance: int) -> bool:
    """Whether a date-shaped token right after its label is a number: the label names the document's number
    in words (`Numer faktury  27/06/2025`, `Invoice number 01/2025`), no bare marker or title."""
    return distance == 0 and " " in label and fold(label) in _NAMED_NUMBER_LABELS


_NAMED_NUMBER_LABELS = frozenset(fold(p) for p in phrases("invoice_number") if " " in p)


def _segment_title(text: str) -> tuple[int, int, str] | None:
    """The title before a number (`TITLE_BEFORE_NUMBER`) starting the row or one of its printed segments
    (`Tipografia Atlântico, Lda.      Fatura FT 2025/123`: the letterhead and the title on one row), as
    (start, end, folded label)."""
    for gap in [None, *re.finditer(r"\s{2,}", text)]:
        offset = 0 if gap is None else gap.end()
        if (title := TITLE_BEFORE_NUMBER.match(text[offset:])) is not None:
            return offset + title.start(), offset + title.end(), fold(title.group(0))
    return None


def _same_row_candidates(
    field: str,
    row: Row,
    rows: list[Row],
    phrases: tuple[str, ...],
    credit_note: bool = False,
    *,
    quote: bool = False,
) -> list[Candidate]:
    """Identifiers printed after their label on the row (at most the third token after it)."""
    strength, label_start, end, label = _label_span(row.text, phrases, _COMPOSED_LABELS.get(field))
    if field == "invoice_number" and strength < COMPOSED_STRENGTH and (title := _segment_title(row.text)):
        strength, label_start, end, label = (COMPOSED_STRENGTH, *title)
    if strength <= 0 or _someone_elses(field, row.text, label_start, end, label, quote=quote):
        return []
    strength *= _label_factor(field, row.text[:end], credit_note)
    date_spans = [(d.start, d.end) for d in find_dates(row.text)]
    # the label's printed segment (offsets kept): a phone or tax label in another column before a column
    # gap (`Phone: 539.449.2325  Document No. R6556354`) says nothing of this value
    gap = row.text.rfind("  ", 0, label_start)
    own = " " * (gap + 1) + row.text[gap + 1 :] if gap >= 0 else row.text
    out = []
    for distance, m in enumerate(_ID_TOKEN.finditer(row.text, end)):
        if distance > 2:
            break
        if (_is_date(m, date_spans) and not _named_number(label, distance)) or in_address(
            row.text, label_start, m.end()
        ):
            continue
        start = m.start()
        prefix = separated_prefix(row.text[end:start], m.group(0))
        if prefix is not None:
            start -= len(prefix) + 1
        if label in BARE_MARKERS and (
            not bare_no_value_ok(m.group(0)) or re.search(r"[^\W\d_]", row.text[end:start])
        ):
            continue  # a bare marker labels the number right after it (`č. ú. 28004561/2010`: an account's)
        if field == "invoice_number" and (
            _OTHER_NUMBER.search(row.text[label_start:start]) or _TAX_ID_WORDS.search(row.text[end:start])
        ):
            break  # `Nº albarán: 8935352`, `Nº cliente 676498`, `N° TVA client`: another number
        between = row.text[end:start]
        words_between = len(re.findall(r"[A-Za-z]{2,}", between))
        grouped = _GROUPED_DIGITS.match(row.text, start) if m.group(0).isdigit() else None
        c = _identifier(
            field,
            (start, grouped.end() if grouped else m.end()),
            row,
            rows,
            {
                "label": strength,
                "distance": distance / 3.0,
                "words_between": min(words_between, 3) / 3.0,
                "tax_id_label": label_strength(own[:start], LABELS["vendor_tax_id"], fuzzy=False),
                "phone_label": label_strength(own[:start], PHONE_LABELS, fuzzy=False),
                "generic_label": float(
                    fold(row.text[:end]).endswith(("no", "ref", "inv", "invoice", "receipt", "factuur"))
                ),
            },
        )
        if c is not None:
            out.append(c)
        if grouped:
            break  # its groups are no numbers of their own
    return out


def _values_row(rows: list[Row], index: int) -> Row | None:
    """The row of values under the label row `index`: the next row on its page, or the one after it when
    the next holds no digit and sits close under the labels (a second line of a label, `Documento di
    trasporto` under `Ordine n.  Data consegna`)."""
    row = rows[index]
    following = [r for r in rows[index + 1 : index + 3] if r.page == row.page]
    if not following:
        return None
    first = following[0]
    if (
        len(following) == 2
        and not re.search(r"\d", first.text)
        and first.bbox.y0 - row.bbox.y1 < first.height
        and re.search(r"\d", following[1].text)
    ):
        return following[1]
    return first


# Folded bare number markers (`Num.`, `Nr.`, `N°`) that name a number column alone in a row of labels
_BARE_FOLDED = frozenset(fold(m) for m in BARE_MARKERS)


def _bare_column(field: str, header: str, value: str) -> bool:
    """Whether a header chunk is a bare number marker over a document number of four digits or more."""
    marker = fold(header) in _BARE_FOLDED or ocr_shape(header) in _BARE_FOLDED  # `Nº` read `Ne`
    return field == "invoice_number" and marker and bare_no_value_ok(value)


# A value that names itself a purchase order (`PO 5521`, `P.O.-7734`), whatever label it is printed under
# (`Reference  PO 5521`): the buyer's order number, never the document's own number
_ORDER_VALUE = re.compile(r"^P\.?\s?O\.?[\s#:\-]*\d", re.IGNORECASE)


def _as_order_number(c: Candidate) -> Candidate:
    """An invoice-number candidate whose value names itself a purchase order, as a po_number candidate."""
    if c.field == "invoice_number" and _ORDER_VALUE.match(c.raw_text.strip()):
        c.field = "po_number"
    return c


def labelled_identifier_candidates(
    rows: list[Row],
    field: str,
    *,
    label_key: str | None = None,
    credit_note: bool = False,
) -> list[Candidate]:
    """Identifiers after their label on the same row, or under it in the same column on the next row
    (`credit_note`: the document is a credit note, whose own number is labelled as such). A value that
    names itself a purchase order (`PO 5521`) is a po_number candidate whatever its label. A quote's label
    (`Devis n°`) labels the document's own number on a quote only (`label_key="quote_number"` reads it
    there); elsewhere it is the quote an invoice follows."""
    quote = label_key is not None or (field == "invoice_number" and is_quote(rows))
    found = _labelled_identifiers(rows, field, label_key, credit_note, quote=quote)
    return [_as_order_number(c) for c in found]


def _labelled_identifiers(
    rows: list[Row], field: str, label_key: str | None, credit_note: bool, *, quote: bool
) -> list[Candidate]:
    phrases = LABELS[label_key or field]
    out: list[Candidate] = []
    # a lone document title (`TAX INVOICE`, `RECEIPT`) over a number is no label for it; in a header row
    # of several columns (`Klant  Order  Factuur  Vervaldatum`) the same word names the column
    table_phrases = tuple(p for p in phrases if len(p) >= 4)
    column_phrases = tuple(p for p in table_phrases if p not in DOCUMENT_TITLES)
    for i, row in enumerate(rows):
        out += _same_row_candidates(field, row, rows, phrases, credit_note, quote=quote)
        header_row = not re.search(r"\d", without_number_signs(row.text))  # `Abono n2` is a label
        table_header = (
            sum(bool(re.search(r"[A-Za-z]{2}", part)) for part in re.split(r"\s{2,}", row.text)) >= 2
        )
        below = _values_row(rows, i) if header_row else None
        if below is not None:
            spans = [(d.start, d.end) for d in find_dates(below.text)]
            for m in _ID_TOKEN.finditer(below.text):
                if _is_date(m, spans):
                    continue
                start = m.start()
                prefix = separated_prefix(below.text[max(0, start - 6) : start], m.group(0))
                if prefix is not None:
                    start -= len(prefix) + 1
                header = header_chunk(row, below.span_bbox(m.start(), m.end()), values=below)
                cell = _header_cell(row, below.span_bbox(m.start(), m.end()))
                column_strength = label_strength(
                    header, table_phrases if table_header else column_phrases, fuzzy=False
                )
                if _composed_in(field, header):
                    column_strength = max(column_strength, 1.0)
                if table_header and _bare_column(field, header, m.group(0)):
                    column_strength = max(column_strength, BARE_NO_STRENGTH)  # `Num.  del  Vs. ordine`
                if field == "invoice_number" and (
                    _OTHER_NUMBER.search(header)
                    or _TAX_ID_WORDS.search(header)
                    or _TAX_ID_WORDS.search(cell)  # `VAT Number` over `GB 285 3749 19`: `Number` over `3749`
                    or (not quote and _quotes_number(header))
                ):
                    continue  # a `Despatch Note No.`, `Customer No.`, `Uw btw-nummer` or `Angebot Nr.` column
                column_strength *= _label_factor(field, header, credit_note)
                if column_strength <= 0:
                    continue
                c = _identifier(
                    field,
                    (start, m.end()),
                    below,
                    rows,
                    {"label": column_strength * 0.9, "distance": 0.0, "words_between": 0.0, "column": 1.0},
                )
                if c is not None:
                    out.append(c)
    return out


def _header_cell(row: Row, bbox) -> str:
    """The whole cells of a header row over `bbox` (`VAT Number` over a part of the id printed under it)."""
    return " ".join(
        w.text
        for cell in row_cells(row)
        if min(bbox.x1, cell[-1].bbox.x1) > max(bbox.x0, cell[0].bbox.x0)
        for w in cell
    )


def payment_terms_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in rows:
        label = label_strength(row.text, LABELS["payment_terms"], fuzzy=False)
        for m in _TERMS_RE.finditer(row.text):
            out.append(
                Candidate(
                    field="payment_terms",
                    value=m.group(1),
                    raw_text=m.group(1),
                    page=row.page,
                    bbox=row.span_bbox(m.start(), m.end()),
                    ocr_confidence=row.span_confidence(m.start(), m.end()),
                    features={"label": label},
                    row_index=rows.index(row),
                )
            )
    return out
