"""Candidates for the amount fields (total, subtotal, tax_amount, amount_due) and the tax rate.

Every amount printed on a row is a candidate for each amount field. Features: the label to its left or
above (`keywords`), labels that say it is something else (cash, change, quantity...), its rank among the
page's amounts, how often the same value is printed, whether cash minus change gives it, its position.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from ocr_tasks.extraction.candidates import Candidate, above_context, left_context, totals_table_header
from ocr_tasks.extraction.items_sum_row import label_items_sums
from ocr_tasks.extraction.keywords import (
    FINAL_TOTAL_LABELS,
    LABELS,
    concept_alternation,
    concept_pattern,
    has_inclusive,
    has_label,
    has_negative,
    label_strength,
)
from ocr_tasks.extraction.rows import Row
from ocr_tasks.extraction.tax_id_fields import valid_iban_spans, valid_tax_id_spans
from ocr_tasks.normalise.amounts import AmountMatch, find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.normalise.percents import LONE_PERCENT, RATE_AFTER_PERCENT_LABEL, percent_value

AMOUNT_FIELD_NAMES = ("total", "subtotal", "tax_amount", "amount_due")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
_CURRENCY_HINT = re.compile(r"(RM|€|\$|£|EUR|USD|MYR|SGD|GBP)", re.IGNORECASE)
# Numbers that are no amounts: digit groups joined by slashes (`Steuernummer 13/245/67890`, `FV24/00213`),
# the number of a legal reference (`§ 19 UStG`, `art. 293 B du CGI`, `Art. 196 MwStSystRL`) and the groups
# of a valid VAT id or IBAN (`tax_id_fields.valid_tax_id_spans`, `valid_iban_spans`)
_SLASHED_NUMBER = re.compile(r"\d+(?:/\d+)+")
_LEGAL_REFERENCE = re.compile(
    r"(?:§+|(?<![^\W\d_])(?:art|artikel|article|articolo|artículo)\b\.?)\s*\d+"
    # and its paragraphs (`art. 11 lid 1 sub g`, `§ 4 Abs. 5 Ziff. 2`, `art. 17 c. 6`, `art. 84.Uno.2º`)
    r"(?:\s*(?:lid|abs|absatz|ziff|nr|al|alinéa|comma|c|apartado|par|para|sub)\b\.?\s*\d+)*",
    re.IGNORECASE,
)

# the number of a column a label refers to (`Total de plată (col. 5 + col. 6)`: the lexicons'
# `column_reference`)
_COLUMN_REFERENCE = re.compile(
    r"(?<!\w)(?:" + concept_alternation("column_reference", min_length=1) + r")\s*\d{1,2}(?!\d)",
    re.IGNORECASE,
)

_SPLIT_DECIMALS = re.compile(r"(?<![\d.,])(\d{1,6})\s(\d{2})\s*\W{0,2}$")
_AMOUNT_ROW_LABEL = re.compile(
    r"(total|amount|amt|due|subtotal|cash|change|gst|tax|vat|payable|nett|jumlah|"
    r"rounding|balance|totaal|summe|betrag)",
    re.IGNORECASE,
)
_SUMMARY_ROW = re.compile(
    r"\b(summary|summery|sumary|samenvatting|zusammenfassung|récapitulatif|breakdown)\b|"
    r"\b(tax|gst|vat|btw)\s*(code|%)",
    re.IGNORECASE,
)
_ROUNDING_ROW = concept_pattern(
    ("rounding",), extra=r"founding|round(?:ed)?\s*(?:adj\w*|total)|total\s*round\w*", whole_words=False
)
_CASH_ROW = concept_pattern(("cash", "change", "card_payment"))
_CASH_GIVEN = concept_pattern(("cash",))
_CHANGE_GIVEN = concept_pattern(("change",))


def _is_totals_header(text: str, *, fuzzy: bool = True) -> bool:
    """A header row of a totals table: no numbers but a rate (`TVA 20 %`), and labels of at least two of net,
    tax and total (`fuzzy=False`: exact labels only; an items header's `U/P—AMOUNT` is no `tax amount`)."""
    if re.search(r"\d", LONE_PERCENT.sub("", text)):
        return False
    names = ("subtotal", "tax_amount", "total")
    return sum(label_strength(text, LABELS[name], fuzzy=fuzzy) >= 1.0 for name in names) >= 2


# The label of a totals table's sum row: a total word (or Σ) and nothing else before its amounts
_SUM_LABEL = re.compile(
    r"^\W*(?:" + concept_alternation("total", min_length=4) + r"|σ|summe|sum)\W*[A-Z]{0,3}\W*$", re.IGNORECASE
)


def _is_exact_totals_header(text: str) -> bool:
    return _is_totals_header(text, fuzzy=False)


_CURRENCY_MARKS = re.compile(r"^[\s€$£]*(?:EUR|CHF|USD|GBP)?\b\s*", re.IGNORECASE)


def _label_right(row: Row, amounts: list[AmountMatch], i: int) -> str:
    """The label printed right of a row's only amount when the row starts with it (a totals block whose
    labels follow their values: `566,70 €   Warenwert netto`); empty otherwise."""
    a = amounts[i]
    if len(amounts) != 1 or not a.has_decimals or row.text[: a.start].strip():
        return ""
    after = _CURRENCY_MARKS.sub("", row.text[a.end :]).strip()
    return after if re.search(r"[^\W\d_]{3}", after) and len(after) <= 40 else ""


def _repaired_amount(row: Row, found: list[AmountMatch]) -> AmountMatch | None:
    """`TOTAL 6 00` (decimal point lost by OCR) read as 6.00 on rows with an amount label."""
    m = _SPLIT_DECIMALS.search(row.text)
    if not m or not _AMOUNT_ROW_LABEL.search(row.text[: m.start()]):
        return None
    if any(a.has_decimals and a.start >= m.start() for a in found):
        return None
    value = Decimal(f"{m.group(1)}.{m.group(2)}")
    return AmountMatch(m.start(1), m.end(2), m.group(0).strip(), value, True)


# any number printed right before a percent sign is a rate, never an amount (`7.250%`, a US sales tax rate
# with three decimals, would read 7250.00)
_BEFORE_PERCENT = re.compile(r"(?<![\d.,])(\d[\d.,]*\d|\d)\s?%")


def _row_amounts(row: Row, decimal_separator: str | None) -> list[AmountMatch]:
    blocked = [(d.start, d.end) for d in find_dates(row.text)]
    blocked += [(m.start(), m.end()) for m in _TIME_RE.finditer(row.text)]
    blocked += [(m.start(), m.end()) for m in LONE_PERCENT.finditer(row.text)]
    blocked += [m.span(1) for m in _BEFORE_PERCENT.finditer(row.text)]  # `SALES TAX 7.250%`: a rate
    blocked += [m.span(1) for m in RATE_AFTER_PERCENT_LABEL.finditer(row.text)]  # `MwSt.-% 19,0`: no amount
    blocked += [m.span() for m in _SLASHED_NUMBER.finditer(row.text)]
    blocked += [m.span() for m in _LEGAL_REFERENCE.finditer(row.text)]
    blocked += [m.span() for m in _COLUMN_REFERENCE.finditer(row.text)]
    blocked += valid_tax_id_spans(row.text) + valid_iban_spans(row.text)
    found = []
    for a in find_amounts(row.text, decimal_separator=decimal_separator):
        if any(a.start < e and s < a.end for s, e in blocked):
            continue
        digits = sum(ch.isdigit() for ch in a.raw)
        if not a.has_decimals and digits > 6:
            continue  # phone numbers, ids
        if abs(a.value) >= Decimal(100000000):
            continue
        found.append(a)
    repaired = _repaired_amount(row, found)
    if repaired is not None:
        found = [a for a in found if not (a.start < repaired.end and repaired.start < a.end)] + [repaired]
        found.sort(key=lambda a: a.start)
    return found


# a label that says its amount lies outside the tax (`Débours non soumis à TVA`, `umsatzsteuerfrei`: the
# lexicons' `tax_exempt`), anywhere before the amount on its row: no tax, whatever tax word the label holds
_TAX_EXEMPT = concept_pattern(("tax_exempt",))


def _in_sentence(before: str) -> bool:
    """Whether the value ends a sentence of six words or more in its cell (`Compenso lordo per la conduzione
    di due laboratori di fotografia  1.000,00`), rather than a label's few words."""
    cell = re.split(r"\s{2,}", before.rstrip())[-1]
    return len(re.findall(r"[^\W\d_]{2,}", cell)) >= 6


def _sentence_label(left: str, name: str) -> float:
    """A label in a sentence before a value: it labels the value only where it ends the sentence (its last
    two words) or starts the words read (`Gesamtbetrag ...`); a word inside the sentence is no label (the
    Italian `due`, two, is no `due`)."""
    words = left.split()
    return max(has_label(" ".join(words[-2:]), name), has_label(words[0], name) if words else 0.0)


def _magnitudes(per_row: list[tuple[Row, list[AmountMatch]]]) -> list[tuple[Row, list[AmountMatch]]]:
    """The amounts of a credit note as magnitudes (its totals may be printed negative: `-233,47 €`,
    `233,47-`, `(233,47)`): EN 16931 lets the document type carry the direction, amounts are positive."""
    return [(row, [replace(a, value=abs(a.value)) for a in amounts]) for row, amounts in per_row]


CENT = Decimal("0.01")


def _rate_pairs(row: Row, amounts: list[AmountMatch]) -> tuple[set[int], dict[int, float]]:
    """On a tax-per-rate row (`TVA 20,0 %  81,90 €  16,38 €`, `MwSt 19 % auf 496,00  94,24`): which amounts
    are a rate's base (their index) and which its tax (index -> strength of the row's tax label). The tax
    is the amount printed after another that equals that amount times the row's rate, to the cent."""
    bases: set[int] = set()
    taxes: dict[int, float] = {}
    rates = [percent_value(m) for m in LONE_PERCENT.finditer(row.text)]
    rates = [r for r in rates if 0 <= r <= 30]
    if not rates or len(amounts) < 2:
        return bases, taxes
    label = has_label(row.text[: min(a.start for a in amounts)], "tax_amount")
    for j, tax in enumerate(amounts):
        for i, base in enumerate(amounts[:j]):
            # a zero rate's tax is zero (`VAT (0% on €588.00)  €0.00`, reverse charge, exempt supplies)
            if tax.has_decimals and 0 <= tax.value < base.value and (tax.value > 0 or 0 in rates):
                if any(abs(base.value * r / 100 - tax.value) <= CENT for r in rates):
                    bases.add(i)
                    taxes[j] = label
    return bases, taxes


def _first_cell_header(rows: list[Row], row: Row, amounts: list) -> str:
    """The column header over the text that starts a row of amounts (`esigibilità iva` over `I (immediata)`
    in `RIEPILOGHI IVA E TOTALI`), or "" when the text heads the row alone."""
    lead = row.text[: amounts[0].start].rstrip() if amounts else ""
    if not re.search(r"[A-Za-z]{3}", lead) or sum(a.has_decimals for a in amounts) < 2:
        return ""  # a table's row holds several amounts
    return above_context(rows, row, row.span_bbox(0, len(lead)))


def _table_cell(cell_header: str, above: str) -> bool:
    """Whether a row's leading text is a cell of a table whose header also heads the amount: both have a
    worded header, and not the same one (a row of a totals table under `Totale imponibile  Totale imposta`,
    whose first cell names the VAT's due rule): the amount's label is its column's header, not that text."""
    worded = re.compile(r"[A-Za-z]{3}")
    headers = bool(worded.search(cell_header) and worded.search(above)) and cell_header != above
    return headers and len(above.split()) <= 4  # a column's header, not a sentence over the row


# a column heading of rates (`MwSt-%`, `TVA %`) over an amount: no tax label for it; the amount's own
# heading stays when it is printed close beside one (`MwSt-Betrag  MwSt-%` read as one heading)
_RATE_HEADING = re.compile(r"\S*\s?%")


def amount_candidates(
    rows: list[Row], *, decimal_separator: str | None = None, credit_note: bool = False
) -> list[Candidate]:
    """Candidates for every amount field. On a document recognised as a credit note every amount is a
    magnitude (positive, as EN 16931 and the e-invoice intake read a credit note: `document_type` says
    the direction); any other document keeps the sign it prints (a negative `Facture` stays negative)."""
    per_row = [(row, _row_amounts(row, decimal_separator)) for row in rows]
    if credit_note:
        per_row = _magnitudes(per_row)
    decimals = [a.value for _, amounts in per_row for a in amounts if a.has_decimals and a.value > 0]
    counts = Counter(decimals)
    distinct = sorted(set(decimals), reverse=True)
    largest = distinct[0] if distinct else Decimal(0)
    cash_change = _cash_minus_change(per_row)
    cash_rows = [i for i, (row, amounts) in enumerate(per_row) if amounts and _CASH_ROW.search(row.text)]
    labelled_max = _largest_labelled_total(per_row)
    # a document that is no credit note but prints its totals negative means them negative (EN 16931
    # allows a negative invoice): its negative amounts are not the usual discount or return lines
    negative_meant = _totals_printed_negative(per_row)
    rounding_printed = any(_ROUNDING_ROW.search(row.text) for row in rows)
    pages = {row.page for row in rows}
    rows_per_page = {p: sum(1 for r in rows if r.page == p) for p in pages}
    out: list[Candidate] = []
    summary_rows = [i for i, (row, _) in enumerate(per_row) if _SUMMARY_ROW.search(row.text)]
    for row_number, (row, amounts) in enumerate(per_row):
        cash_below = any(0 < c - row_number <= 4 for c in cash_rows)
        in_summary = any(0 < row_number - s <= 6 for s in summary_rows)
        sum_row = len(amounts) >= 2 and _SUM_LABEL.match(row.text[: amounts[0].start]) is not None
        rate_bases, rate_taxes = _rate_pairs(row, amounts)
        cell_header = _first_cell_header(rows, row, amounts)
        for i, a in enumerate(amounts):
            if a.value <= 0 and not a.has_decimals:
                continue
            num_start = a.start + (len(row.text[a.start : a.end]) - len(row.text[a.start : a.end].lstrip()))
            left = left_context(row, num_start) or _label_right(row, amounts, i)
            bbox = row.span_bbox(a.start, a.end)
            above = above_context(rows, row, bbox)
            column = totals_table_header(rows, row, bbox, _is_totals_header)
            if sum_row and column and totals_table_header(rows, row, bbox, _is_exact_totals_header):
                # the sum row of a totals table (`Total  89.978,37  14.627,50  104.605,87` under
                # `Net  VAT  Gross`): each amount is what its column says, the row's label sums them all
                left = above = column
            elif column:
                above = column  # the last row of a totals table: its header read cell by cell
            rank = distinct.index(a.value) if a.value in distinct else len(distinct)
            base = {
                "has_decimals": float(a.has_decimals),
                "is_largest": float(a.value == largest and a.has_decimals),
                "rank": min(rank, 10) / 10.0,
                "repeats": min(counts.get(a.value, 0) - 1, 3) / 3.0 if a.has_decimals else 0.0,
                "rightmost": float(i == len(amounts) - 1),
                "currency_mark": float(
                    bool(_CURRENCY_HINT.search(a.raw) or _CURRENCY_HINT.search(left[-4:]))
                ),
                "cash_minus_change": float(cash_change is not None and a.value == cash_change),
                "rel_y": row.bbox.center[1],
                "row_frac": row.index / max(1, rows_per_page[row.page] - 1),
                "x_right": bbox.x1,
                "negative": float(a.value < 0 and not negative_meant),
                "left_has_digits_only": float(not re.search(r"[A-Za-z]", left)),
                "cash_below": float(cash_below),
                "largest_labelled": float(labelled_max is not None and a.value == labelled_max),
                "inclusive_label": has_inclusive(left),
                "repaired": float(a.raw.count(" ") > 0 and "." not in a.raw and "," not in a.raw),
                "over_ten_times_rest": float(
                    len(distinct) > 1 and a.value == largest and largest > 10 * distinct[1]
                ),
                "rounded_005": float(rounding_printed and a.has_decimals and (a.value * 20) % 1 == 0),
                "rounding_printed": float(rounding_printed),
                "in_summary_table": float(in_summary),
                "final_total_label": label_strength(left, FINAL_TOTAL_LABELS, fuzzy=False),
                "amount_due_label": min(1.0, has_label(left, "amount_due")),
                "rate_on_row": float(bool(LONE_PERCENT.search(row.text))),
            }
            sentence = _in_sentence(row.text[:num_start])
            for name in AMOUNT_FIELD_NAMES:
                feats = dict(base)
                feats["label_left"] = has_label(left, name) if not sentence else _sentence_label(left, name)
                labelled_left = re.search(r"[A-Za-z]{3}", left) and not (
                    a.has_decimals and _table_cell(cell_header, above)
                )
                feats["label_above"] = has_label(above, name) if not labelled_left else 0.0
                feats["negative_label"] = has_negative(left, name)
                if name == "tax_amount" and _TAX_EXEMPT.search(row.text[:num_start]):
                    feats["negative_label"] = max(feats["negative_label"], 1.1)
                if name == "tax_amount" and feats["label_above"]:
                    # a tax word in a column heading that says the column is no tax (`GST Excl`, the net)
                    feats["negative_label"] = max(feats["negative_label"], has_negative(above, name))
                    feats["label_above"] = has_label(_RATE_HEADING.sub(" ", above), name)
                if name == "tax_amount" and i in rate_bases:
                    feats["label_left"] = 0.0  # the base a rate's tax is computed on, not a tax
                elif name == "tax_amount" and i in rate_taxes:
                    feats["label_left"] = max(feats["label_left"], rate_taxes[i])
                    feats["negative_label"] = 0.0  # `base` in `TVA 6 % base 7 700,13  462,01` names the base
                out.append(
                    Candidate(
                        field=name,
                        value=format_amount(a.value),
                        raw_text=row.text[a.start : a.end].strip(),
                        page=row.page,
                        bbox=bbox,
                        ocr_confidence=row.span_confidence(a.start, a.end),
                        features=feats,
                        row_index=rows.index(row),
                    )
                )
    # the row that sums the items' net and tax columns (`Total  8.450,00  1.774,50`)
    return label_items_sums(out, rows, per_row, _SUM_LABEL)


def _largest_labelled_total(per_row: list[tuple[Row, list[AmountMatch]]]) -> Decimal | None:
    """Largest amount printed on a row with a total label and no cash/change/tax label."""
    values = []
    for row, amounts in per_row:
        decimals = [a for a in amounts if a.has_decimals and a.value > 0]
        if not decimals:
            continue
        left = row.text[: decimals[-1].start]
        if has_label(left, "total") >= 1.0 and has_negative(left, "total") == 0:
            values.append(decimals[-1].value)
    return max(values) if values else None


def _totals_printed_negative(per_row: list[tuple[Row, list[AmountMatch]]]) -> bool:
    """Whether every row labelled as a total prints its amount negative (at least one such row)."""
    signs = []
    for row, amounts in per_row:
        decimals = [a for a in amounts if a.has_decimals and a.value != 0]
        if decimals:
            left = row.text[: decimals[-1].start]
            if has_label(left, "total") >= 1.0 and has_negative(left, "total") == 0:
                signs.append(decimals[-1].value < 0)
    return bool(signs) and all(signs)


def _cash_minus_change(per_row: list[tuple[Row, list[AmountMatch]]]) -> Decimal | None:
    """Cash handed over minus change given, when both are printed (a strong hint for the total)."""
    cash = change = None
    for row, amounts in per_row:
        if not amounts:
            continue
        if cash is None and _CASH_GIVEN.search(row.text):
            cash = amounts[-1].value
        elif change is None and _CHANGE_GIVEN.search(row.text):
            change = amounts[-1].value
    if cash is not None and change is not None and cash > change >= 0:
        return cash - change
    return None


def tax_rate_candidates(rows: list[Row]) -> list[Candidate]:
    """Percentages printed next to tax labels (`GST 6%`, `BTW 21%`)."""
    out: list[Candidate] = []
    for row in rows:
        for m in LONE_PERCENT.finditer(row.text):
            value = percent_value(m)
            if not (0 < value <= 30):
                continue
            left = left_context(row, m.start())
            strength = max(
                has_label(left, "tax_amount"),
                has_label(left, "tax_rate"),
                has_label(row.text, "tax_amount") * 0.8,
            )
            out.append(
                Candidate(
                    field="tax_rate",
                    value=format_amount(value),
                    raw_text=m.group(0),
                    page=row.page,
                    bbox=row.span_bbox(m.start(), m.end()),
                    ocr_confidence=row.span_confidence(m.start(), m.end()),
                    features={"label_left": strength, "rel_y": row.bbox.center[1]},
                    row_index=rows.index(row),
                )
            )
    return out
