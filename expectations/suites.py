"""The suites, one function each, returning a GX 1.x `ExpectationSuite` (GX is imported inside).

Every expectation is row-level (a column map or column pair map), so that a batch of documents can be
validated as one frame and each failure traced back to its document. There is one suite for every kind of
document: where a credit note differs (its amounts may be printed negative), a derived column of the
frame says how (`frames.py`), so the suite and its JSON stay the same. Each carries a human
`description`, a `severity` (critical = error, warning = "needs review") and `meta.fields`: the invoice
fields involved. Settings that vary by day (today) live in the frame's derived columns, so a suite
depends only on stable settings and exports to the same JSON every time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.currencies import ISO_4217_CODES
from expectations.settings import DEFAULT_SETTINGS, ValidationSettings
from ocr_tasks.invoice_types import KEY_FIELDS
from ocr_tasks.total_signs import NEGATIVE, POSITIVE, TOTALS

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

INVOICE_FIELDS = "invoice_fields"
LINE_ITEMS = "line_items"
CUSTOM = "custom"

ISO_DATE_REGEX = r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"
INVOICE_NUMBER_REGEX = r"^[A-Za-z0-9][A-Za-z0-9 ./#_:-]{0,39}$"
MAX_TAX_RATE_PERCENT = 30.0
_LABELS = {
    "vendor_name": "vendor name",
    "invoice_number": "invoice number",
    "invoice_date": "invoice date",
    "total": "total",
    "currency": "currency",
}
ERROR, WARNING = "critical", "warning"


def _required(gxe, name: str):
    return gxe.ExpectColumnValuesToNotBeNull(
        column=name,
        description=f"The {_LABELS[name]} is present" + (" and is a number." if name == "total" else "."),
        severity=ERROR,
        meta={"fields": [name]},
    )


def _confident(gxe, name: str, threshold: float):
    return gxe.ExpectColumnValuesToBeBetween(
        column=f"{name}_confidence",
        min_value=threshold,
        description=f"The {_LABELS[name]} was read with confidence of at least {threshold:g}, "
        "else it needs review.",
        severity=WARNING,
        meta={"fields": [name]},
    )


def invoice_fields_suite(settings: ValidationSettings = DEFAULT_SETTINGS) -> ExpectationSuite:
    """One row per document: required fields, formats, ranges, arithmetic and confidence."""
    import great_expectations as gx

    gxe = gx.expectations
    max_age_days = round(settings.max_age_years * 365.25)
    expectations = [_required(gxe, name) for name in KEY_FIELDS]
    expectations += [
        gxe.ExpectColumnValuesToMatchRegex(
            column="invoice_date",
            regex=ISO_DATE_REGEX,
            description="The invoice date is an ISO date (YYYY-MM-DD).",
            severity=ERROR,
            meta={"fields": ["invoice_date"]},
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="due_date",
            regex=ISO_DATE_REGEX,
            description="The due date, when present, is an ISO date (YYYY-MM-DD).",
            severity=ERROR,
            meta={"fields": ["due_date"]},
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="currency",
            value_set=list(ISO_4217_CODES),
            description="The currency is an ISO 4217 code.",
            severity=ERROR,
            meta={"fields": ["currency"]},
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="invoice_number",
            regex=INVOICE_NUMBER_REGEX,
            description="The invoice number is 1-40 letters, digits and separators (. / # _ : -), "
            "starting with a letter or digit.",
            severity=WARNING,
            meta={"fields": ["invoice_number"]},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="total_or_credit_magnitude",
            min_value=0,
            strict_min=True,
            description="The total is greater than zero (a credit note's may be negative, but not zero).",
            severity=ERROR,
            meta={"fields": ["total"]},
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="amount_signs",
            value_set=[POSITIVE, NEGATIVE],
            description="The subtotal, tax, total and amount due agree in sign "
            "(none is positive while another is negative).",
            severity=ERROR,
            meta={"fields": list(TOTALS)},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="tax_rate_percent",
            min_value=0,
            max_value=MAX_TAX_RATE_PERCENT,
            description=f"The tax rate is between 0 and {MAX_TAX_RATE_PERCENT:g} %.",
            severity=ERROR,
            meta={"fields": ["tax_rate", "tax_amount", "subtotal"]},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="invoice_age_days",
            min_value=0,
            description="The invoice date is not in the future.",
            severity=ERROR,
            meta={"fields": ["invoice_date"]},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="invoice_age_days",
            max_value=max_age_days,
            description=f"The invoice date is not older than {settings.max_age_years} years.",
            severity=ERROR,
            meta={"fields": ["invoice_date"]},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="days_until_due",
            min_value=0,
            description="The due date is on or after the invoice date.",
            severity=ERROR,
            meta={"fields": ["due_date", "invoice_date"]},
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="arithmetic_tolerance",
            column_B="arithmetic_gap",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            description="Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
            severity=ERROR,
            meta={"fields": ["subtotal", "tax_amount", "total"]},
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="total_or_credit_magnitude",
            column_B="amount_due_or_credit_magnitude",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            description="The amount due is not more than the total (a credit note's by magnitude).",
            severity=ERROR,
            meta={"fields": ["amount_due", "total"]},
        ),
    ]
    expectations += [_confident(gxe, name, settings.confidence_threshold) for name in KEY_FIELDS]
    return gx.ExpectationSuite(name=INVOICE_FIELDS, expectations=expectations)


def line_items_suite(settings: ValidationSettings = DEFAULT_SETTINGS) -> ExpectationSuite:
    """One row per line item: each item has an amount, its arithmetic and sign hold, the items sum to the
    subtotal (or to the total, items priced with tax included)."""
    import great_expectations as gx

    gxe = gx.expectations
    expectations = [
        gxe.ExpectColumnValuesToNotBeNull(
            column="amount",
            description="Every line item has an amount.",
            severity=WARNING,
            meta={"fields": ["line_items.amount"]},
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="line_tolerance",
            column_B="line_gap",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            description="Quantity times unit price equals the amount of each line item, after the "
            "line's discount when it has one (within "
            f"{settings.tolerance:g} plus rounding).",
            severity=ERROR,
            meta={
                "fields": ["line_items.quantity", "line_items.unit_price", "line_items.amount"],
                # what else the amount may be computed from (frames.line_gap; EN 16931 BT-131)
                "also": [
                    "line_items.discount_amount",
                    "line_items.discount_percent",
                    "line_items.gross_unit_price",
                    "line_items.price_base_quantity",
                ],
            },
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="line_sign",
            value_set=["agrees"],
            description="A negative line amount has its minus on the quantity or the unit price "
            "(EN 16931: the amount is quantity x net price), else it needs review.",
            severity=WARNING,
            meta={"fields": ["line_items.quantity", "line_items.unit_price", "line_items.amount"]},
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="items_sum_tolerance",
            column_B="items_sum_gap",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            description="The line item amounts add up to the subtotal, or to the total when the items "
            f"are priced with tax included (within {settings.tolerance:g} per line plus rounding).",
            severity=ERROR,
            meta={"fields": ["line_items.amount", "subtotal", "total"]},
        ),
    ]
    return gx.ExpectationSuite(name=LINE_ITEMS, expectations=expectations)


SUITE_BUILDERS = {INVOICE_FIELDS: invoice_fields_suite, LINE_ITEMS: line_items_suite}
