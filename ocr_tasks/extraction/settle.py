"""What the chosen fields imply for the fields the page does not label: the amount due, the subtotal of a
document without tax and the due date.

- Amount due: with no amount-due label and no amount already paid printed (deposit, `Acompte`,
  `Anzahlung`) nor the whole said received (`dankend erhalten`), the whole total is due.
- Subtotal: a subtotal of zero under a non-zero total (a `Total : 0.00` row of a receipt's rounding or
  tax block read as the net) yields to a non-zero net candidate (the one equal to total - tax when a tax
  is chosen), else is dropped. With a tax of zero chosen (exempt, intra-community, reverse charge) and no
  net amount read, the net is the total; so too with no tax read on a page that says no VAT is charged
  (`Gemäß § 19 UStG wird keine Umsatzsteuer berechnet`, `TVA non applicable`: the lexicons' `tax_exempt`).
- Due date: a due date before the invoice date is not the due date; with none printed, payment terms
  (`Zahlbar innerhalb von 14 Tagen`, `Payment terms: 30 days net`, `à 30 jours`, `Terms  Net 15`) give the
  invoice date plus that many days (none when payable on receipt). Terms of a cash discount (`2 % Skonto
  bei Zahlung innerhalb 8 Tagen`: a discount word and a percentage) are no due date; `sans escompte` (no
  discount word with a rate) is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import concept_pattern
from ocr_tasks.extraction.rows import Row
from ocr_tasks.extraction.scoring import best
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.normalise.percents import PERCENT_AHEAD

_PAID_ROW = concept_pattern(("already_paid",))
_DISCOUNT = concept_pattern(("discount",))
_PAID_IN_FULL = concept_pattern(("paid_in_full",))
_DAYS = re.compile(
    r"(?<![\d.,])(\d{1,3})\s?(?:days?|tage[n]?|jours?|j\b|dagen|d[ií]as|giorni|gg\b)", re.IGNORECASE
)
# `Net 15`, `NET 30`: the US terms of payment, days without the word
_NET_DAYS = re.compile(r"\bnet\s?(\d{1,3})(?![\d.,])", re.IGNORECASE)
_PAYMENT_WORDS = concept_pattern(
    ("payment_terms", "due_date", "amount_due"),
    extra=r"net|netto|innerhalb|innert|within|binnen|entro|dentro|dans\s+les|sous|payable",
)
_TAX_EXEMPT = concept_pattern(("tax_exempt",))
# `45 jours fin de mois`, `30 gg d.f.f.m.`, `30 days end of month`: the days, then the end of that month
_END_OF_MONTH = concept_pattern(("end_of_month",))
# a refund, or a shop's return policy (`Returns within 30 days with receipt`, `Umtausch innerhalb 14 Tagen`:
# the lexicons' `return_policy`): days that are no term of payment
_REFUND = concept_pattern(("refund_note", "return_policy"))
# `Payable sur réception`, `Zahlbar sofort`, `Due on receipt`: due the day it is issued
_ON_RECEIPT = concept_pattern(("due_on_receipt",))
# where one clause of a terms sentence ends: `,` (no decimal comma) `;` or the word for `or`
# a net term beside a cash discount names itself (`30 Tage netto`, `net 30 days`, `ohne Abzug`)
_NET_TERM = re.compile(
    r"\bnet(?:to|ti|o)?\b|ohne\s+abzug|sans\s+escompte|zonder\s+korting|senza\s+sconto|sin\s+descuento",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",(?!\d)|;|\b(?:oder|or|ou|of|o|sonst|otherwise|sinon|anders)\b", re.IGNORECASE)


def _paid_printed(rows: list[Row]) -> bool:
    """Whether the page prints an amount already paid (deposit, prepayment, `Acompte`, `Anzahlung`), or says
    the whole was received (`Betrag in bar dankend erhalten`, `Pour acquit`: the lexicons' `paid_in_full`)."""
    return any(
        _PAID_ROW.search(r.text) and re.search(r"\d[.,]\d{2}\b", r.text) or _PAID_IN_FULL.search(r.text)
        for r in rows
    )


def payment_days(rows: list[Row]) -> tuple[int, Row] | None:
    """Days to pay from the payment terms (`zahlbar innerhalb 14 Tagen`, `30 days net`), and their row.
    A row's terms are read clause by clause (apart by `,` `;` or an `or`): a clause with a cash discount
    (`mit 2 % Skonto`) gives no due date, the net term beside it does (`... oder innerhalb von 30 Tagen
    netto`). A refund (`wordt binnen 14 dagen teruggestort`, the lexicons' `refund_note`) or a return
    policy (`Returns within 30 days`, `return_policy`) is no term.
    Payment on receipt (`Payable sur réception`, `Zahlbar sofort`: the lexicons' `due_on_receipt`) is 0
    days."""
    for row in rows:
        if _ON_RECEIPT.search(row.text) and not _DAYS.search(row.text):
            return 0, row
        if not _PAYMENT_WORDS.search(row.text) or _REFUND.search(row.text):
            continue
        clauses = _CLAUSE_BREAK.split(row.text)
        discounted = [bool(_DISCOUNT.search(c) and PERCENT_AHEAD.search(c)) for c in clauses]
        for clause, discount in zip(clauses, discounted, strict=True):
            if discount or any(discounted) and not _NET_TERM.search(clause):
                continue  # `8 Tagen mit 2 % Skonto`, `innerhalb 8 Tagen, abzüglich 2 % Skonto`: a discount's
            for m in [*_DAYS.finditer(clause), *_NET_DAYS.finditer(clause)]:
                if PERCENT_AHEAD.match(clause, m.end()):
                    continue  # `10 Tage 2 %`: the days of a cash discount
                days = int(m.group(1))
                if 0 < days <= 180:
                    return days, row
    return None


def _clause_at(text: str, start: int) -> str:
    """The clause of a terms sentence that holds offset `start` (clauses apart by `_CLAUSE_BREAK`)."""
    begin = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() >= start:
            return text[begin : m.start()]
        begin = m.end()
    return text[begin:]


def _discount_clause(clause: str) -> bool:
    return bool(_DISCOUNT.search(clause) and PERCENT_AHEAD.search(clause) and not _NET_TERM.search(clause))


def _row_of(rows: list[Row], c: Candidate) -> int | None:
    middle = (c.bbox.y0 + c.bbox.y1) / 2
    return next(
        (i for i, r in enumerate(rows) if r.page == c.page and r.bbox.y0 <= middle <= r.bbox.y1), None
    )


def _discount_deadline(rows: list[Row], c: Candidate) -> tuple[int, bool] | None:
    """The row of a date candidate and its day order, when the date is a cash discount's deadline (its
    clause grants a discount: `mit 2 % Skonto`, `2% de descuento ... antes del`, `Escompte de 2 % ... avant
    le`), else None."""
    index = None if c.bbox is None else _row_of(rows, c)
    if index is None:
        return None
    row = rows[index]
    day_first = any(d.value.isoformat() == c.value for d in find_dates(row.text, day_first=True))
    own = next((d for d in find_dates(row.text, day_first=day_first) if d.value.isoformat() == c.value), None)
    if own is None or not _discount_clause(_clause_at(row.text, own.start)):
        return None
    return index, day_first


def _net_beside_discount(
    chosen: dict[str, Candidate], grouped: dict[str, list[Candidate]], rows: list[Row]
) -> None:
    """A due date printed as a cash discount's deadline (`Zahlbar bis 26.03.2026 mit 2 % Skonto (45,82
    EUR),` over `bis 11.04.2026 ohne Abzug.`) is no due date (in place): the best other labelled due-date
    candidate that is no discount's deadline (`VENCIMIENTO: 05/06/2026`) is, else the date of the net term
    beside it (a clause of its row or of the next two rows that says net, `ohne Abzug`, `netto`)."""
    due = chosen.get("due_date")
    if due is None or "from_terms" in due.features or (deadline := _discount_deadline(rows, due)) is None:
        return
    others = [
        c
        for c in grouped.get("due_date", [])
        if c.value != due.value
        and max(c.features.get("label_left", 0.0), c.features.get("label_above", 0.0)) > 0
        and _discount_deadline(rows, c) is None
    ]
    if others:
        chosen["due_date"] = best(others)
        return
    index, day_first = deadline
    row = rows[index]
    for other in rows[index : index + 3]:
        if other.page != row.page:
            break
        for d in find_dates(other.text, day_first=day_first):
            clause = _clause_at(other.text, d.start)
            if d.value.isoformat() != due.value and _NET_TERM.search(clause) and not _discount_clause(clause):
                chosen["due_date"] = replace(
                    due, value=d.value.isoformat(), raw_text=d.raw, bbox=other.span_bbox(d.start, d.end),
                    page=other.page,
                )  # fmt: skip
                return


def _due_from_terms(issued: Candidate, rows: list[Row]) -> Candidate | None:
    found = payment_days(rows)
    if found is None:
        return None
    days, row = found
    due = date.fromisoformat(issued.value) + timedelta(days=days)
    if _END_OF_MONTH.search(row.text):
        due = (due.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    value = due.isoformat()
    c = replace(issued, field="due_date", value=value, raw_text=row.text, bbox=row.bbox, page=row.page)
    c.features = {"from_terms": 1.0}
    c.confidence = issued.confidence * 0.7
    return c


def _nothing_due(chosen: dict[str, Candidate]) -> bool:
    """Whether the page leaves nothing to pay: an amount due of zero under a total that is not (a web shop's
    order paid by card at checkout, `Balance Due $0.00`). Days in its text are then no term of payment."""
    due, total = chosen.get("amount_due"), chosen.get("total")
    return due is not None and total is not None and Decimal(due.value) == 0 and Decimal(total.value) != 0


def _settle_zero_subtotal(chosen: dict[str, Candidate], grouped: dict[str, list[Candidate]]) -> None:
    """A zero subtotal under a non-zero total: the best non-zero net that fits total - tax (any non-zero
    net without a tax), else none (`settle_due` then takes the total as the net when the tax is zero)."""
    sub, total = chosen.get("subtotal"), chosen.get("total")
    if sub is None or total is None or Decimal(sub.value) != 0 or Decimal(total.value) == 0:
        return
    tax = chosen.get("tax_amount")
    others = [c for c in grouped.get("subtotal", []) if Decimal(c.value) != 0]
    if tax is not None:
        others = [c for c in others if Decimal(c.value) == Decimal(total.value) - Decimal(tax.value)]
    if others:
        chosen["subtotal"] = best(others)
    else:
        del chosen["subtotal"]


def settle_due(chosen: dict[str, Candidate], grouped: dict[str, list[Candidate]], rows: list[Row]) -> None:
    """Fill or correct `amount_due`, `subtotal` and `due_date` in `chosen` from the other chosen values."""
    total = chosen.get("total")
    if "amount_due" not in chosen and total is not None and not _paid_printed(rows):
        due = replace(total, field="amount_due", features={**total.features, "from_total": 1.0})
        due.confidence = total.confidence * 0.8
        chosen["amount_due"] = due
    _settle_zero_subtotal(chosen, grouped)
    tax = chosen.get("tax_amount")
    untaxed = tax is not None and Decimal(tax.value) == 0
    exempt = tax is None and any(_TAX_EXEMPT.search(row.text) for row in rows)
    if "subtotal" not in chosen and total is not None and (untaxed or exempt):
        net = replace(total, field="subtotal", features={**total.features, "from_total": 1.0})
        net.confidence = (
            min(total.confidence, tax.confidence) if tax is not None else total.confidence
        ) * 0.8
        chosen["subtotal"] = net
    _net_beside_discount(chosen, grouped, rows)
    issued, due_date = chosen.get("invoice_date"), chosen.get("due_date")
    if issued is not None and due_date is not None and due_date.value < issued.value:
        later = [c for c in grouped.get("due_date", []) if c.value >= issued.value]
        if later:
            chosen["due_date"] = best(later)
        else:
            del chosen["due_date"]
    if issued is not None and "due_date" not in chosen and not _nothing_due(chosen):
        derived = _due_from_terms(issued, rows)
        if derived is not None:
            chosen["due_date"] = derived
