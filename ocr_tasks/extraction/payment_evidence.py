"""A payment QR code's statements as evidence for the fields the page prints (`ocr_tasks.payment_codes`).

A Swiss QR-bill or an EPC GiroCode states the account to pay (`iban`), the amount to pay (`amount_due`),
its currency, the creditor's name (`vendor_name`) and, in a QR-bill's Swico bill information, the invoice
number and date. The code was written by the issuer's software from its own data, so it is exact where the
page's reading may not be; but it is one statement among the page's, weighed as an accounts-payable clerk
would:

- the code's value agrees with the field's chosen value (compared in normal form): the field keeps its
  printed value and box, and its confidence rises (`AGREEING`);
- another candidate of the field (a printed value the scoring ranked lower) has the code's value: that
  candidate is chosen (the page's box stays), the confidence as agreeing;
- the page gives no value: the code's, boxed where the code is printed (`ALONE`);
- the page's chosen value differs: for what the payment executes (IBAN, amount due, currency) the code's
  value is reported, with a confidence low enough for review (`DISAGREEING`), and the printed value is
  kept in the record's `conflicts`; for the descriptive fields (vendor name, invoice number and date) the
  printed value stays unless it is unsure (below `UNSURE`), and the difference is recorded all the same.

Nothing is overridden silently: `Invoice.payment_code` lists, per field, `confirmed`, `corrected` (a lower
printed candidate chosen), `from_code`, `code_over_page` or `page_over_code`, and the conflicts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import FieldValue

if TYPE_CHECKING:
    from ocr_tasks.payment_codes import PaymentCode

AGREEING = 0.98
ALONE = 0.9  # the code's value where the page gives none (its checks passed: IBAN, reference, format)
DISAGREEING = 0.55  # the code's value over a different printed one: reported, below review thresholds
UNSURE = 0.5  # a printed descriptive value below this yields to the code's
# the fields a payment executes: the code's value is what will be paid, whatever the page prints
PAYMENT_FIELDS = ("iban", "amount_due", "currency")
DESCRIPTIVE_FIELDS = ("vendor_name", "invoice_number", "invoice_date")


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())


def same_value(field: str, a: str | None, b: str | None) -> bool:
    """The two values name the same thing: amounts as numbers, ids and names without case, spaces,
    punctuation and accents (`CH44 3199 ...` = `CH4431999...`, `Müller AG` = `MULLER AG`)."""
    if a is None or b is None:
        return False
    if field == "amount_due":
        try:
            return Decimal(a) == Decimal(b)
        except InvalidOperation:
            return False
    return _folded(a) == _folded(b) and bool(_folded(a))


def code_statements(codes: Sequence[PaymentCode]) -> tuple[PaymentCode | None, dict[str, str]]:
    """The code the document's fields are checked against and its statements {field: value}. Several
    codes (a page of instalment slips) give only what they all state alike; none: (None, {})."""
    if not codes:
        return None, {}
    statements: dict[str, str] = {}
    first = codes[0]
    for field, attribute in (
        ("iban", "iban"),
        ("amount_due", "amount"),
        ("currency", "currency"),
        ("vendor_name", "creditor_name"),
        ("invoice_number", "invoice_number"),
        ("invoice_date", "invoice_date"),
    ):
        values = {getattr(code, attribute) for code in codes}
        if len(values) == 1 and (value := values.pop()):
            statements[field] = value
    return first, statements


def _code_candidate(field: str, value: str, code: PaymentCode) -> Candidate:
    return Candidate(
        field=field,
        value=value,
        raw_text=value,
        page=code.page,
        bbox=code.bbox or BBox(0.0, 0.0, 0.0, 0.0),
        ocr_confidence=1.0,
        features={"payment_code": 1.0},
        confidence=ALONE,
    )


def apply_payment_codes(
    chosen: dict[str, Candidate],
    grouped: dict[str, list[Candidate]],
    codes: Sequence[PaymentCode],
) -> dict[str, Any] | None:
    """Weigh the codes' statements against the chosen candidates (in place, as the module says), except
    the currency, which `currency_from_code` weighs on its field. The record for `Invoice.payment_code`,
    or None without a code."""
    code, statements = code_statements(codes)
    if code is None:
        return None
    outcome: dict[str, str] = {}
    conflicts: list[dict[str, str]] = []
    for field, value in statements.items():
        if field == "currency":
            continue
        current = chosen.get(field)
        if current is not None and same_value(field, current.value, value):
            current.confidence = max(current.confidence, AGREEING)
            outcome[field] = "confirmed"
            continue
        printed = [c for c in grouped.get(field, []) if same_value(field, c.value, value)]
        if printed:
            best = max(printed, key=lambda c: c.score)
            best.confidence = max(best.confidence, AGREEING)
            if current is not None:
                conflicts.append({"field": field, "page": current.value, "code": value})
            chosen[field] = best
            outcome[field] = "corrected" if current is not None else "confirmed"
            continue
        if current is None:
            chosen[field] = _code_candidate(field, value, code)
            outcome[field] = "from_code"
            continue
        conflicts.append({"field": field, "page": current.value, "code": value})
        if field in PAYMENT_FIELDS or current.confidence < UNSURE:
            replacement = _code_candidate(field, value, code)
            replacement.confidence = DISAGREEING if field in PAYMENT_FIELDS else ALONE * 0.8
            chosen[field] = replacement
            outcome[field] = "code_over_page"
        else:
            outcome[field] = "page_over_code"
    return {
        "kind": code.kind,
        "page": code.page,
        "bbox": code.bbox.to_list() if code.bbox else None,
        "fields": outcome,
        "conflicts": conflicts,
        "statements": statements,
    }


def currency_from_code(
    currency: FieldValue | None, codes: Sequence[PaymentCode], record: dict[str, Any] | None
) -> FieldValue | None:
    """The document's currency weighed against the code's (a QR-bill's CHF or EUR, a GiroCode's EUR): as
    `apply_payment_codes` weighs a payment field (the code is the currency that will be paid)."""
    code, statements = code_statements(codes)
    value = statements.get("currency")
    if code is None or value is None or record is None:
        return currency
    if currency is not None and currency.value == value:
        record["fields"]["currency"] = "confirmed"
        return FieldValue(
            name="currency",
            value=value,
            raw_text=currency.raw_text,
            confidence=max(currency.confidence, AGREEING),
            page=currency.page,
            bbox=currency.bbox,
        )
    if currency is not None:
        record["conflicts"].append({"field": "currency", "page": currency.value, "code": value})
    record["fields"]["currency"] = "from_code" if currency is None else "code_over_page"
    return FieldValue(
        name="currency",
        value=value,
        raw_text=value,
        confidence=ALONE if currency is None else DISAGREEING,
        page=code.page,
        bbox=code.bbox,
    )


def codes_of_record(record: Mapping[str, Any] | None) -> tuple[PaymentCode, ...]:
    """The code an earlier extraction weighed (`Invoice.payment_code`), rebuilt from its statements, so
    that extracting the stored OCR again (no page images left: `flows.tasks.reextract`) weighs it the same
    way; () without a record."""
    from ocr_tasks.payment_codes import PaymentCode

    if not record or not isinstance(record.get("statements"), Mapping):
        return ()
    said = record["statements"]
    if not said.get("iban") or not said.get("currency"):
        return ()
    return (
        PaymentCode(
            kind=str(record.get("kind") or ""),
            iban=str(said["iban"]),
            currency=str(said["currency"]),
            amount=said.get("amount_due"),
            creditor_name=said.get("vendor_name"),
            invoice_number=said.get("invoice_number"),
            invoice_date=said.get("invoice_date"),
            page=int(record.get("page") or 0),
            bbox=BBox.from_list(record["bbox"]) if record.get("bbox") else None,
        ),
    )
