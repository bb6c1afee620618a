"""Plain-sentence wording of validation results, anomalies and task progress for the pages.

Validation outcomes arrive as the API stores them (`expectation`, `description`, `success`, `severity`,
`fields`, `observed_value`, `unexpected_values`; see expectations/runner.py). A failed outcome is worded
for an accounts-payable clerk from the kind of check and the document's own values ("Subtotal 120.00 +
tax 22.80 = 142.80, but the total reads 124.80"), never as a raw value dump. An outcome with the observed
value "not applicable" (a line-item check on a document without line items) is shown as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

FINISHED_STATUSES = frozenset({"succeeded", "partially_failed", "failed", "cancelled"})
RUNNING_STATUSES = frozenset({"queued", "running", "cancelling"})
# Streamlit markdown icons (Material Symbols ship with Streamlit; emoji fonts may be missing on servers).
SEVERITY_ICONS = {
    "error": ":red[:material/error:]",
    "warning": ":orange[:material/warning:]",
    "info": ":blue[:material/info:]",
}
PASSED_ICON, FAILED_ICON = ":green[:material/check_circle:]", ":red[:material/cancel:]"
WARNING_ICON, NOT_APPLICABLE_ICON = ":orange[:material/warning:]", ":gray[:material/remove_circle_outline:]"

# The states of a check as the review page shows them, worst first.
FAILED, WARNING, PASSED, NOT_APPLICABLE = "failed", "warning", "passed", "not_applicable"
STATE_ORDER = (FAILED, WARNING, NOT_APPLICABLE, PASSED)
STATE_LABELS = {FAILED: "Failed", WARNING: "Warning", PASSED: "Passed", NOT_APPLICABLE: "Not applicable"}
STATE_ICONS = {
    FAILED: FAILED_ICON,
    WARNING: WARNING_ICON,
    PASSED: PASSED_ICON,
    NOT_APPLICABLE: NOT_APPLICABLE_ICON,
}
NOT_APPLICABLE_VALUE = "not applicable"  # the observed value of a check that had nothing to check
AMOUNT_FIELDS = frozenset({"subtotal", "tax_amount", "total", "amount_due", "tax_rate"})

FIELD_LABELS = {
    "tax_amount": "tax",
    "iban": "IBAN",
    "po_number": "PO number",
    "vendor_tax_id": "vendor tax ID",
    "line_items.amount": "line item amount",
    "line_items.quantity": "line item quantity",
    "line_items.unit_price": "line item unit price",
}
# Derived columns of the validation frames (expectations/frames.py) in words, for custom checks.
COLUMN_LABELS = {
    "tax_rate_percent": "tax rate (%)",
    "invoice_age_days": "age of the invoice (days)",
    "days_until_due": "days from invoice date to due date",
    "arithmetic_gap": "difference between subtotal + tax and the total",
    "arithmetic_tolerance": "allowed difference",
    "line_item_count": "number of line items",
}
ANOMALY_TITLES = {
    "exact_duplicate": "Same file uploaded before",
    "duplicate_invoice": "Duplicate invoice number",
    "fuzzy_duplicate": "Possible duplicate",
    "arithmetic_mismatch": "Amounts do not add up",
    "future_date": "Dated in the future",
    "weekend_date": "Dated on a weekend",
    "round_amount": "Round amount",
    "near_approval_threshold": "Just under the approval limit",
    "split_invoice": "Possibly split invoice",
    "new_vendor": "New vendor",
    "iban_changed": "Bank account changed",
    "einvoice_mismatch": "Page and e-invoice XML disagree",
    "outlier": "Unusual for this project",
    "rules_only": "Not enough history for the learned check",
}


@dataclass(frozen=True)
class DocumentValues:
    """What the wording may quote from the document: field values by name and the line items."""

    fields: Mapping[str, Any] = field(default_factory=dict)
    line_items: Sequence[Mapping[str, Any]] = ()
    cleared: frozenset[str] = frozenset()  # fields a reviewer emptied (found, then corrected to nothing)

    @classmethod
    def of(cls, doc: Mapping[str, Any] | None) -> DocumentValues:
        """From a document detail of the API (`fields` as `{name: {"value": ...}}`, `line_items`)."""
        if not doc:
            return cls()
        values = {
            name: (f or {}).get("value") if isinstance(f, Mapping) else f
            for name, f in (doc.get("fields") or {}).items()
        }
        cleared = frozenset(
            name
            for name, f in (doc.get("fields") or {}).items()
            if isinstance(f, Mapping) and f.get("corrected") and f.get("value") in (None, "")
        )
        return cls(values, tuple(doc.get("line_items") or ()), cleared)

    def text(self, name: str) -> str | None:
        value = self.fields.get(name)
        return None if value is None or str(value).strip() == "" else str(value).strip()

    def number(self, name: str) -> Decimal | None:
        return number(self.fields.get(name))


# -- numbers and values ---------------------------------------------------------------------------------
def number(value: Any) -> Decimal | None:
    """A finite Decimal from an API value (`"80.91"`, `80.91`), else None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def money(value: Any) -> str:
    """`1675` -> `1,675.00`; text that is not a number is quoted as it was read."""
    amount = number(value)
    return f"{amount:,.2f}" if amount is not None else quoted(value)


def quoted(value: Any) -> str:
    return f"“{value}”"


def label_of(name: str) -> str:
    return FIELD_LABELS.get(name) or COLUMN_LABELS.get(name) or name.replace("_", " ")


def value_text(value: Any) -> str:
    """Any observed value in words: numbers plainly, mappings as `label value` pairs, lists joined."""
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        if "error" in value and len(value) == 1:
            return f"the check could not run ({value['error']})"
        return ", ".join(f"{label_of(str(k))} {value_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(value_text(v) for v in value[:5]) + (" …" if len(value) > 5 else "")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if value != int(value) or abs(value) >= 1000 else f"{value:g}"
    return str(value)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _limit(description: str, pattern: str) -> str | None:
    found = re.search(pattern, description)
    return found.group(1) if found else None


# -- validation outcomes --------------------------------------------------------------------------------
def outcome_state(outcome: Mapping[str, Any]) -> str:
    if outcome.get("success"):
        return NOT_APPLICABLE if outcome.get("observed_value") == NOT_APPLICABLE_VALUE else PASSED
    return WARNING if outcome.get("severity") == "warning" else FAILED


def _pair_detail(observed: Mapping[str, Any], doc: DocumentValues, count: int) -> str | None:
    """Checks of a column pair, recognised by their columns (expectations/suites.py)."""
    keys = set(observed)
    if "arithmetic_gap" in keys:
        subtotal, tax, total = (doc.number(n) for n in ("subtotal", "tax_amount", "total"))
        if None not in (subtotal, tax, total):
            return (
                f"Subtotal {money(subtotal)} + tax {money(tax)} = {money(subtotal + tax)}, "
                f"but the total reads {money(total)}."
            )
        return f"Subtotal plus tax differs from the total by {money(observed.get('arithmetic_gap'))}."
    # the amount-due check compares a credit note's amounts by magnitude (`total_or_credit_magnitude`, ...)
    pair = {k.removesuffix("_or_credit_magnitude"): v for k, v in observed.items()}
    if set(pair) == {"total", "amount_due"}:
        return f"The amount due {money(pair['amount_due'])} is more than the total {money(pair['total'])}."
    if "line_gap" in keys:
        return _line_arithmetic(doc, count, observed)
    if "items_sum_gap" in keys:
        amounts = [number(item.get("amount")) for item in doc.line_items]
        subtotal = doc.number("subtotal")
        if subtotal is not None and any(a is not None for a in amounts):
            total = sum((a for a in amounts if a is not None), Decimal(0))
            return f"The line items add up to {money(total)}, but the subtotal reads {money(subtotal)}."
        return f"The line items differ from the subtotal by {money(observed.get('items_sum_gap'))}."
    return None


def _line_arithmetic(doc: DocumentValues, count: int, observed: Mapping[str, Any]) -> str:
    tolerance = number(observed.get("line_tolerance")) or Decimal("0.015")
    wrong = []
    for index, item in enumerate(doc.line_items, start=1):
        quantity, price, amount = (number(item.get(c)) for c in ("quantity", "unit_price", "amount"))
        if None in (quantity, price, amount) or abs(quantity * price - amount) <= tolerance:
            continue
        name = str(item.get("description") or "").strip()
        wrong.append(
            f"line {index}{f' ({name[:40]})' if name else ''}: {quantity.normalize():f} × {money(price)} = "
            f"{money(quantity * price)}, but the amount reads {money(amount)}"
        )
    if wrong:
        text = "; ".join(wrong[:3]) + (f"; and {len(wrong) - 3} more" if len(wrong) > 3 else "")
        return _sentence(text[0].upper() + text[1:])
    lines = max(count, 1)
    return f"On {lines} line item{'s' if lines != 1 else ''}, quantity × unit price differs from the amount."


def _date_detail(name: str, description: str, observed: Any, doc: DocumentValues) -> str | None:
    days = number(observed)
    if days is None:
        return None
    invoice_date = _spaced(doc.text("invoice_date"))
    if name == "due_date":
        return (
            f"The due date{_spaced(doc.text('due_date'))} is {_days(-days)} before the invoice "
            f"date{invoice_date}."
        )
    if days < 0:
        return f"The invoice date{invoice_date} is {_days(days)} in the future."
    years = _limit(description, r"older than (\d+(?:\.\d+)?) years")
    limit = f", more than the {years} years allowed" if years else ""
    return f"The invoice date{invoice_date} is {float(days) / 365.25:.1f} years old{limit}."


def _spaced(text: str | None) -> str:
    return f" {text}" if text else ""


def _days(days: Decimal) -> str:
    count = abs(days)
    return f"{count:,.0f} day{'s' if count != 1 else ''}"


def _column_detail(outcome: Mapping[str, Any], doc: DocumentValues, count: int) -> str | None:
    """Checks of one column, recognised by the expectation type and the fields it is about."""
    kind = str(outcome.get("expectation") or "")
    fields = [str(f) for f in outcome.get("fields") or []]
    name = fields[0] if fields else ""
    shown = doc.text(name) if name else None
    if "be_between" in kind:
        return _range_detail(outcome, fields, shown, doc)
    if "not_be_null" in kind:
        if name in doc.cleared:
            label = label_of(name)
            return f"The {label} was emptied by a correction; it is required: type it in from the page."
        return _missing_detail(name, shown, count)
    read = quoted(shown or outcome.get("observed_value"))
    if "match_regex" in kind:
        if name in ("invoice_date", "due_date"):
            both = _day_month_readings(shown)
            if both:
                return (
                    f"The {label_of(name)} reads {read}, which could be {both[0]} or {both[1]}: "
                    "type it as YYYY-MM-DD."
                )
            return f"The {label_of(name)} reads {read}, which is not a date (YYYY-MM-DD)."
        if name == "invoice_number":
            return (
                f"The invoice number reads {read}; an invoice number is up to 40 letters, digits and "
                "separators (. / # _ : -) and starts with a letter or digit."
            )
        return f"The {label_of(name)} reads {read}, which is not in the expected format."
    if "be_in_set" in kind and name == "currency":
        return f"The currency reads {read}, which is not a currency code (such as EUR, USD or MYR)."
    return None


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _day_month_readings(text: str | None) -> tuple[str, str] | None:
    """`03/04/2024` -> ("2024-04-03", "2024-03-04"): a date typed with day and month both 12 or less (the
    API stores it as typed, having no way to tell); None when it has one reading or is no such date."""
    match = _NUMERIC_DATE.fullmatch((text or "").strip())
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if first == second or not (1 <= first <= 12 and 1 <= second <= 12):
        return None
    return f"{year:04d}-{second:02d}-{first:02d}", f"{year:04d}-{first:02d}-{second:02d}"


def _missing_detail(name: str, shown: str | None, count: int) -> str:
    label = label_of(name)
    if name.startswith("line_items."):
        items = max(count, 1)
        return f"{items} line item{'s have' if items != 1 else ' has'} no {label.split()[-1]}."
    if shown is not None and name in AMOUNT_FIELDS:
        return f"The {label} reads {quoted(shown)}, which is not an amount."
    return f"The {label} was not found on the document: type it in from the page."


def _range_detail(
    outcome: Mapping[str, Any], fields: list[str], shown: str | None, doc: DocumentValues
) -> str | None:
    description = str(outcome.get("description") or "")
    observed = outcome.get("observed_value")
    name = fields[0] if fields else ""
    if "confidence" in description.lower():
        threshold = _limit(description, r"at least (\d+(?:\.\d+)?)")
        confidence = number(observed)
        read = f"{confidence:.2f}" if confidence is not None else "low"
        below = f" (below {float(threshold):.2f})" if threshold else ""
        value = f" {quoted(shown)}" if shown else ""
        return (
            f"The {label_of(name)}{value} was read with confidence {read}{below}: compare it with the page."
        )
    if fields == ["total"]:
        return f"The total is {money(observed)}; it must be greater than zero."
    if "tax_rate" in fields:
        top = _limit(description, r"between 0 and (\d+(?:\.\d+)?)")
        rate = number(observed)
        rate_text = f"{rate:.2f}".rstrip("0").rstrip(".") if rate is not None else quoted(observed)
        return f"The tax rate works out at {rate_text} %; it must be between 0 and {top or '30'} %."
    if name in ("invoice_date", "due_date"):
        return _date_detail(name, description, observed, doc)
    return None


def outcome_detail(outcome: Mapping[str, Any], doc: DocumentValues | None = None, suite: str = "") -> str:
    """What a failed check found, in words, for the clerk (no raw values or dicts)."""
    doc = doc or DocumentValues()
    observed = outcome.get("observed_value")
    unexpected = list(outcome.get("unexpected_values") or [])
    detail = None
    if suite != "custom":
        if isinstance(observed, Mapping) and "error" not in observed:
            detail = _pair_detail(observed, doc, len(unexpected))
        elif isinstance(observed, list) and observed and isinstance(observed[0], Mapping):
            detail = _pair_detail(observed[0], doc, len(unexpected))
        else:
            detail = _column_detail(outcome, doc, len(unexpected))
    if detail:
        return detail
    description = _sentence(str(outcome.get("description") or outcome.get("expectation") or "A check"))
    found = unexpected or ([] if observed in (None, "", [], {}) else [observed])
    if not found:
        return f"{description} This does not hold for this document."
    return f"{description} Found instead: {value_text(found if len(found) > 1 else found[0])}."


def outcome_sentence(outcome: Mapping[str, Any], doc: DocumentValues | None = None, suite: str = "") -> str:
    """`Passed: The total is present.`, `Failed: The total is 0.00; it must be greater than zero.`,
    `Warning: ...` or `Not applicable: Every line item has an amount — the document has no line items.`"""
    state = outcome_state(outcome)
    description = _sentence(str(outcome.get("description") or outcome.get("expectation") or "A check"))
    if state == PASSED:
        return f"Passed: {description}"
    if state == NOT_APPLICABLE:
        reason = _not_applicable_reason(outcome, doc or DocumentValues())
        return f"Not applicable: {description[:-1]} — {reason}."
    return f"{STATE_LABELS[state]}: {outcome_detail(outcome, doc, suite)}"


def _not_applicable_reason(outcome: Mapping[str, Any], doc: DocumentValues) -> str:
    """Why a check had nothing to check: no line items, or the fields it needs were not found."""
    fields = [str(f) for f in outcome.get("fields") or []]
    if any(f.startswith("line_items") for f in fields):
        return (
            "the line items lack the values it needs" if doc.line_items else "the document has no line items"
        )
    missing = [label_of(f) for f in fields if doc.text(f) is None] if doc.fields else []
    if not missing:
        return "nothing to check"
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return f"the {names} {'was' if len(missing) == 1 else 'were'} not found"


def validation_sentences(
    reports: Iterable[Mapping[str, Any]], doc: DocumentValues | None = None
) -> list[tuple[str, str]]:
    """`(state, sentence)` for every outcome of every report: failed, warnings, not applicable, passed."""
    rows = [
        (outcome_state(o), outcome_sentence(o, doc, str(r.get("suite") or "")))
        for r in reports
        for o in r.get("outcomes", [])
    ]
    return sorted(rows, key=lambda row: STATE_ORDER.index(row[0]))


# -- anomalies ------------------------------------------------------------------------------------------
def anomaly_text(anomaly: Mapping[str, Any], doc: DocumentValues | None = None) -> str:
    """The anomaly's finding in words: arithmetic from the document's values, model explanations
    without their statistics; otherwise the API's explanation."""
    kind = str(anomaly.get("kind") or "")
    evidence = anomaly.get("evidence") or {}
    explanation = str(anomaly.get("explanation") or "").strip()
    if kind == "arithmetic_mismatch" and isinstance(evidence, Mapping):
        doc = doc or DocumentValues()
        details: list[str] = []
        for failed in evidence.get("failed") or []:
            observed = failed.get("observed") if isinstance(failed, Mapping) else None
            count = 0
            if isinstance(observed, list):  # one mapping per line item: the first one names the check
                count = len(observed)
                observed = next((o for o in observed if isinstance(o, Mapping)), None)
            if isinstance(observed, Mapping):
                detail = _pair_detail(observed, doc, count)
                if detail and detail not in details:
                    details.append(detail)
        if not details and {"subtotal", "tax_amount", "total"} <= set(evidence):
            own = DocumentValues({k: evidence[k] for k in ("subtotal", "tax_amount", "total")})
            details.append(_pair_detail({"arithmetic_gap": None}, own, 0) or "")
        if details:
            return " ".join(d for d in details if d)
    if kind == "outlier":
        explanation = re.sub(r"\s*\(robust z [^)]*\)", "", explanation)
    return _sentence(explanation) if explanation else "No explanation given."


def anomaly_sentence(
    anomaly: Mapping[str, Any],
    doc: DocumentValues | None = None,
    document_name: str = "",
    names: Mapping[str, str] | None = None,
) -> str:
    """`<icon> **Amounts do not add up** (warning, score 0.60): Subtotal ... but the total reads ...`,
    with `**<document>** · ` before the title when `document_name` is given (project overview). The ids
    of other documents in the explanation ("already uploaded as f530b93c-...") are said by their names
    (`names`: id -> document name) when known."""
    severity = str(anomaly.get("severity") or "info")
    icon = SEVERITY_ICONS.get(severity, ":gray[:material/help:]")
    kind = str(anomaly.get("kind") or "anomaly")
    title = ANOMALY_TITLES.get(kind, kind.replace("_", " ").capitalize())
    score = float(anomaly.get("score") or 0.0)
    explained = anomaly_text(anomaly, doc)
    for related in anomaly.get("related_document_ids") or []:
        if names and names.get(str(related)):
            explained = explained.replace(str(related), quoted(names[str(related)]))
    text = markdown_safe(explained)
    where = f"**{markdown_safe(document_name)}** · " if document_name else ""
    return f"{icon} {where}**{title}** ({severity}, score {score:.2f}): {text}"


def markdown_safe(text: str) -> str:
    """Text from documents as literal Markdown: `$` would start LaTeX in Streamlit ("$4.95 ... $5")."""
    return text.replace("\\", "\\\\").replace("$", "\\$")


# -- vendors --------------------------------------------------------------------------------------------
LETTERHEAD_WORDS = 6  # words of a letterhead identifier shown


def identifier_text(identifier: str) -> str:
    """A vendor identifier as a reader says it: a letterhead (`head:` and up to 200 characters of its
    first rows' words) -> `letterhead: restoran wan sheng no jalan temenggung …`; the others (`vat:...`,
    `iban:...`, `tax:...`, `name:...`) are readable as they are."""
    kind, colon, value = str(identifier).partition(":")
    if kind == "head" and colon:
        words = value.split()
        more = " …" if len(words) > LETTERHEAD_WORDS else ""
        return f"letterhead: {' '.join(words[:LETTERHEAD_WORDS])}{more}"
    return str(identifier)


# -- tasks ----------------------------------------------------------------------------------------------
def progress_text(task: dict[str, Any]) -> str:
    """ "2/3 documents, 4/5 pages · step: ocr" from a task's status or list item; while documents read
    wait for the batch's checks and save, "3/3 documents read, 0/3 checked and saved, 5/5 pages · step:
    validate" (a task of 12 receipts said "0/12 documents" until its very end)."""
    progress = task.get("progress") or {}
    if not isinstance(progress, dict):
        return f"{float(progress):.0f}%"
    done, total = progress.get("documents_done", 0), progress.get("documents_total", 0)
    extracted = progress.get("documents_extracted") or 0
    documents = (
        f"{extracted}/{total} documents read, {done}/{total} checked and saved"
        if extracted > done and task.get("status") in RUNNING_STATUSES
        else f"{done}/{total} documents"
    )
    text = f"{documents}, {progress.get('pages_done', 0)}/{progress.get('pages_total', 0)} pages"
    step = task.get("current_step")
    if step and task.get("status") in RUNNING_STATUSES:
        text += f" · step: {step}"
    return text


def progress_fraction(task: dict[str, Any]) -> float:
    progress = task.get("progress") or {}
    if isinstance(progress, dict):
        percent = progress.get("percent")
        if percent is None:
            total = progress.get("documents_total") or 0
            percent = 100.0 * (progress.get("documents_done") or 0) / total if total else 0.0
    else:
        percent = float(progress)
    return max(0.0, min(1.0, float(percent) / 100.0))


def task_heading(task: dict[str, Any]) -> str:
    """What a task row is headed by: the files uploaded ("a.pdf, b.jpg and 5 more"), escaped for
    Markdown; "Task <id>" only when the API named none (a task whose documents are gone)."""
    names = [_literal(str(name)) for name in task.get("document_names") or []]
    if not names:
        return f"Task {task.get('task_id', '?')}"
    more = int(task.get("document_count") or len(names)) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def upload_banner(answer: dict[str, Any]) -> str:
    """What an accepted upload says first: how many files and which ("2 document(s) uploaded: a.jpg,
    b.pdf"; past five, "and 3 more", as the task list heads a task), escaped for Markdown; the task's id
    is for the API and the Prefect UI, shown under it."""
    names = [str(d.get("name") or "?") for d in answer.get("documents") or []]
    if not names:
        return f"Task {answer.get('task_id', '?')} started."
    listed = task_heading({"document_names": names[:5], "document_count": len(names)})
    return f"{len(names)} document(s) uploaded: {listed}. Processing has started."


def _literal(name: str) -> str:
    """A file name as literal Markdown (a `*`, `_`, backquote or bracket in a name is not formatting)."""
    name = markdown_safe(name)
    for mark in "*_`[]<>":
        name = name.replace(mark, "\\" + mark)
    return name


def short_time(iso: str | None) -> str:
    """ "2026-11-28T10:00:05.123Z" -> "2026-11-28 10:00:05 UTC" (the API answers in UTC)."""
    if not iso:
        return "—"
    text = str(iso).replace("T", " ", 1)
    if len(text) > 19 and text.endswith(("Z", "+00:00")):
        return text[:19] + " UTC"
    return text


def reextract_text(answer: dict[str, Any]) -> str:
    """What reading a document again did (`POST .../reextract/`): the fields it changed, the corrections
    that stay, and the invoice a credit note now names."""
    changed = [label_of(name) for name in answer.get("changed") or []]
    kept = [
        label_of(name) if name != "line_items" else "line items"
        for name in answer.get("corrections_kept") or []
    ]
    text = "Read again: " + (
        f"{len(changed)} field(s) changed ({', '.join(changed)})." if changed else "nothing changed."
    )
    if kept:
        text += f" Your corrections stay: {', '.join(kept)}."
    earlier = [label_of(n) if n != "line_items" else "line items" for n in answer.get("earlier_kept") or []]
    if earlier:
        text += f" Not found again, so kept as first read: {', '.join(earlier)}."
    references = ((answer.get("document") or {}).get("preceding_invoices")) or []
    if references:
        text += " It credits invoice " + ", ".join(str(r.get("number")) for r in references) + "."
    return markdown_safe(text)


def credit_note_text(doc: dict[str, Any]) -> str:
    """The review page's line above a credit note: what it does to the account, with its amounts as the
    API keeps them (magnitudes: the page may print them negative, `-233,47`)."""
    fields = doc.get("fields") or {}

    def value(name: str) -> str:
        return str((fields.get(name) or {}).get("value") or "").strip()

    total, currency, vendor = value("total"), value("currency"), value("vendor_name")
    amount = f"{total.lstrip('-')} {currency}".strip() if total else "its total"
    credited = [
        f"{ref.get('number')}" + (f" of {ref.get('date')}" if ref.get("date") else "")
        for ref in doc.get("preceding_invoices") or []
        if ref.get("number")
    ]
    if credited:
        refers = f" It credits invoice {', '.join(credited)}."
    elif doc.get("source") == "einvoice":  # its XML names none (or was read before the reference was)
        refers = " Its XML names no invoice it credits: see the page."
    else:
        refers = " The invoice it credits is not read from a page yet: see the page."

    return markdown_safe(
        f"Credit note: it takes {amount} off what is owed to {vendor or 'the vendor'}.{refers} Its amounts "
        "are entered as positive numbers even where the page prints them negative; exports and the "
        "overview count it as a credit."
    )
