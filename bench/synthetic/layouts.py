"""Layout families: each a different arrangement of letterhead, recipient, header fields, item table, totals,
notes and footer (see render.py), plus the content it tends to carry (items, discounts, prepayments...).

Split for a future trained ranker: every 4th family (FAMILIES[3::4]) is held out (HELD_OUT); train on
TRAIN_FAMILIES only, evaluate on both and report the held-out families separately.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_COLUMNS = ("pos", "article", "desc", "qty", "unit", "price", "vat", "amount")


@dataclass(frozen=True)
class Family:
    name: str
    letterhead: str = "left"  # left, center, right, sidebar, us
    address: str = "din"  # din (left window + sender line), right (window right), left, billto_shipto
    header: str = "box_right"  # box_right, table_2row, inline, right_labels, left_rows, us_top
    columns: tuple[str, ...] = ("pos", "desc", "qty", "price", "amount")
    totals: str = "block"  # block, table, per_rate, receipt
    footer: str = "three_col"  # three_col, line, none
    table_style: str = "lines"  # lines, grid, shaded, plain
    font: str = "sans"  # sans, serif, mono, condensed
    page: str = "a4"  # a4, letter, narrow
    page_number: str = "none"  # none, top, bottom
    bank_in_body: bool = False
    vat_in_letterhead: bool = False
    carry: bool = False  # carried-forward rows when items overflow to page 2
    show_customer_vat: float = 0.3
    distractors: tuple[str, ...] = ("customer_number", "order_number")
    items: tuple[int, int] = (1, 6)
    multiline: float = 0.15
    multi_rate: bool = False
    discount: float = 0.0
    shipping: float = 0.0
    prepaid: float = 0.0
    credit: float = 0.0
    negative_credit: bool = True
    negative_style: str = "minus"  # minus, trailing, parens
    due_printed: float = 0.6
    due_in_header: bool = True
    always_due_row: float = 0.3
    long_dates: float = 0.25
    us_tax: bool = False
    allow_us: bool = True
    ship_to: bool = False
    heading: str = "left"  # where the document title goes: left, center, right, none


FAMILIES: list[Family] = [
    Family(
        "din_classic",
        letterhead="right",
        columns=("pos", "article", "desc", "qty", "unit", "price", "amount"),
        distractors=("customer_number", "order_number", "delivery_date"),
        allow_us=False,
        page_number="top",
    ),
    Family(
        "din_compact",
        header="right_labels",
        columns=("pos", "desc", "qty", "price", "vat", "amount"),
        footer="line",
        multi_rate=True,
        allow_us=False,
    ),
    Family(
        "centered_serif",
        letterhead="center",
        address="right",
        header="inline",
        font="serif",
        totals="table",
        heading="none",
        distractors=("customer_number", "delivery_note"),
    ),
    Family(
        "two_row_header",
        address="left",
        header="table_2row",
        columns=("article", "desc", "qty", "unit", "price", "vat", "amount"),
        table_style="grid",
        multi_rate=True,
        distractors=("customer_number", "order_number", "delivery_note", "delivery_date"),
    ),
    Family(
        "us_classic",
        letterhead="us",
        address="billto_shipto",
        header="us_top",
        columns=("desc", "qty", "price", "amount"),
        footer="none",
        bank_in_body=True,
        us_tax=True,
        ship_to=True,
        prepaid=0.4,
        heading="none",
        table_style="shaded",
        page="letter",
        distractors=("order_number", "customer_number"),
    ),
    Family(
        "us_service",
        letterhead="center",
        address="left",
        header="right_labels",
        columns=("desc", "qty", "unit", "price", "amount"),
        footer="line",
        us_tax=True,
        discount=0.4,
        page="letter",
        heading="center",
        distractors=("customer_number",),
    ),
    Family(
        "multi_rate_table",
        letterhead="left",
        address="right",
        header="left_rows",
        columns=("pos", "desc", "qty", "price", "vat", "amount"),
        totals="table",
        multi_rate=True,
        items=(3, 8),
    ),
    Family(
        "discount_shipping",
        letterhead="right",
        address="din",
        header="box_right",
        columns=("pos", "article", "desc", "qty", "price", "amount"),
        discount=0.8,
        shipping=0.8,
        table_style="shaded",
        distractors=("customer_number", "order_number", "delivery_note"),
    ),
    Family(
        "multiline_items",
        letterhead="left",
        address="left",
        header="right_labels",
        columns=("pos", "desc", "qty", "unit", "price", "amount"),
        multiline=0.9,
        font="condensed",
        footer="line",
    ),
    Family(
        "two_page",
        letterhead="right",
        address="din",
        header="box_right",
        columns=("pos", "article", "desc", "qty", "unit", "price", "vat", "amount"),
        items=(28, 40),
        carry=True,
        page_number="bottom",
        multi_rate=True,
    ),
    Family(
        "credit_negative",
        letterhead="left",
        address="right",
        header="left_rows",
        credit=1.0,
        negative_credit=True,
        columns=("pos", "desc", "qty", "price", "amount"),
    ),
    Family(
        "credit_positive",
        letterhead="center",
        address="left",
        header="table_2row",
        credit=1.0,
        negative_credit=False,
        columns=("article", "desc", "qty", "price", "vat", "amount"),
        footer="line",
        table_style="grid",
    ),
    Family(
        "receipt_narrow",
        letterhead="center",
        address="left",
        header="left_rows",
        columns=("desc", "qty", "amount"),
        totals="receipt",
        footer="line",
        font="mono",
        page="narrow",
        items=(2, 6),
        heading="center",
        distractors=(),
        show_customer_vat=0.0,
        due_printed=0.2,
    ),
    Family(
        "prepaid_deposit",
        letterhead="left",
        address="din",
        header="box_right",
        columns=("pos", "desc", "qty", "unit", "price", "amount"),
        prepaid=1.0,
        distractors=("customer_number", "order_number"),
        allow_us=False,
    ),
    Family(
        "bank_in_body",
        letterhead="right",
        address="left",
        header="inline",
        footer="none",
        bank_in_body=True,
        vat_in_letterhead=True,
        columns=("desc", "qty", "price", "amount"),
        heading="none",
    ),
    Family(
        "sidebar_left",
        letterhead="sidebar",
        address="left",
        header="left_rows",
        footer="none",
        columns=("desc", "qty", "price", "amount"),
        table_style="plain",
    ),
    Family(
        "right_box_grid",
        letterhead="left",
        address="din",
        header="box_right",
        columns=("pos", "qty", "unit", "desc", "price", "amount"),
        table_style="grid",
        page_number="top",
        distractors=("customer_number", "order_number", "delivery_note", "delivery_date"),
        allow_us=False,
    ),
    Family(
        "erp_mono",
        letterhead="left",
        address="left",
        header="right_labels",
        font="mono",
        columns=("pos", "article", "desc", "qty", "price", "amount"),
        negative_style="trailing",
        credit=0.5,
        negative_credit=True,
        footer="line",
        table_style="plain",
        distractors=("customer_number", "order_number", "delivery_note"),
    ),
    Family(
        "freelancer_minimal",
        letterhead="left",
        address="left",
        header="inline",
        footer="none",
        bank_in_body=True,
        vat_in_letterhead=True,
        columns=("desc", "qty", "unit", "price", "amount"),
        items=(1, 3),
        table_style="plain",
        due_in_header=False,
        heading="none",
        distractors=(),
    ),
    Family(
        "amount_first",
        letterhead="center",
        address="right",
        header="table_2row",
        columns=("qty", "desc", "amount", "vat", "price"),
        multi_rate=True,
        totals="per_rate",
        table_style="shaded",
    ),
    Family(
        "service_hours",
        letterhead="right",
        address="left",
        header="right_labels",
        columns=("pos", "desc", "qty", "unit", "price", "amount"),
        multiline=0.6,
        prepaid=0.5,
        totals="per_rate",
        distractors=("customer_number", "order_number", "delivery_date"),
    ),
    Family(
        "shipto_eu",
        letterhead="left",
        address="billto_shipto",
        header="box_right",
        columns=("article", "desc", "qty", "unit", "price", "vat", "amount"),
        ship_to=True,
        shipping=0.7,
        multi_rate=True,
        page_number="bottom",
        distractors=("customer_number", "order_number", "delivery_note"),
    ),
    Family(
        "credit_parens",
        letterhead="right",
        address="right",
        header="right_labels",
        credit=1.0,
        negative_style="parens",
        totals="table",
        columns=("desc", "qty", "price", "vat", "amount"),
        font="serif",
    ),
    Family(
        "two_page_plain",
        letterhead="center",
        address="left",
        header="table_2row",
        columns=("desc", "qty", "price", "amount"),
        items=(34, 46),
        page_number="top",
        table_style="plain",
        font="condensed",
        prepaid=0.4,
    ),
]
FAMILY_BY_NAME = {family.name: family for family in FAMILIES}
HELD_OUT = [family.name for family in FAMILIES[3::4]]
TRAIN_FAMILIES = [family.name for family in FAMILIES if family.name not in HELD_OUT]
