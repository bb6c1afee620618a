"""Review queue: the current project's documents, what needs attention first, with filters and a sort.
Clicking a row of the table opens that document on the review page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.attention import (
    TYPE_LABELS,
    attention_reason,
    row_confidence,
    signed_total,
    sort_by_attention,
)

STATUSES = ["pending", "processing", "processed", "failed", "approved", "rejected"]
NEEDS_REVIEW = "needs review"  # not a status: the rows the API flags `needs_review` (filtered here)
TABLE_ROUND = "queue_table_round"  # bumped after a row opened a document, so the table starts unselected
SORTS = {
    "attention": "Needs attention first",
    "date_desc": "Invoice date, newest first",
    "date_asc": "Invoice date, oldest first",
    "total_desc": "Total, largest first",
    "name": "Document name",
}

st.title("Review queue")
project_id = session.project_id()
if project_id is None:
    st.info("Pick or create a project first.")
    st.page_link("views/projects.py", label="Go to Projects", icon=":material/upload_file:")
    st.stop()

client = session.client()

search = st.text_input(
    "Search",
    key="queue_search",
    placeholder="words of the file name, vendor or invoice number (e.g. coolblue, AV-2017)",
    help="Each word must be found in the document's file name, vendor or invoice number (any case).",
)
filters = st.columns([2, 2, 3, 3])
status = filters[0].selectbox(
    "Status",
    ["all", NEEDS_REVIEW, *STATUSES],
    key="queue_status",
    help="“needs review”: missing or unsure key fields, failed checks or anomalies (not yet approved)",
)
vendor = filters[1].text_input("Vendor contains", key="queue_vendor")
date_range = filters[2].date_input(
    "Invoice date between",
    value=(),
    key="queue_dates",
    help="Pick a start and an end date; leave empty for all dates.",
)
sort = filters[3].selectbox("Sort by", options=list(SORTS), format_func=SORTS.get, key="queue_sort")

# While only the start of the range is picked the widget holds one date: filter from it on.
dates = list(date_range) if isinstance(date_range, (tuple, list)) else [date_range] if date_range else []
date_from = dates[0].isoformat() if dates else None
date_to = dates[1].isoformat() if len(dates) > 1 else None

try:
    documents = client.list_documents(
        project_id,
        status=None if status in ("all", NEEDS_REVIEW) else status,
        vendor=vendor.strip() or None,
        date_from=date_from,
        date_to=date_to,
        **({"q": search.strip()} if search.strip() else {}),
    )
except ApiError as exc:
    session.show_api_error(exc, what="Loading documents")
    st.stop()

if status == NEEDS_REVIEW:
    documents = [d for d in documents if d.get("needs_review")]
if not documents:
    st.info("No documents match. Upload files on the Projects page or loosen the filters.")
    st.stop()

ordered = sort_by_attention(documents)
table = pd.DataFrame(
    [
        {
            "rank": rank,
            "document": d.get("name"),
            "needs attention": attention_reason(d),
            "vendor": d.get("vendor_name"),
            "date": d.get("invoice_date"),
            "type": TYPE_LABELS.get(str(d.get("document_type") or ""), ""),
            "total": signed_total(d),
            "currency": d.get("currency") or None,
            "confidence": row_confidence(d),
        }
        for rank, d in enumerate(ordered, start=1)
    ]
)
if sort != "attention":
    column, ascending = {
        "date_desc": ("date", False),
        "date_asc": ("date", True),
        "total_desc": ("total", False),
        "name": ("document", True),
    }[sort]
    table = table.sort_values(column, ascending=ascending, na_position="last", kind="stable")
ids = [ordered[rank - 1]["id"] for rank in table["rank"]]


st.caption(
    f"{len(ordered)} document(s). Click a row to open the document; click a column header to sort by it "
    "(rank 1 needs attention most)."
)
table_key = f"queue_table_{st.session_state.get(TABLE_ROUND, 0)}"
event = st.dataframe(
    table.reset_index(drop=True),
    hide_index=True,
    width="stretch",
    key=table_key,
    on_select="rerun",
    selection_mode=["single-row", "single-cell"],  # a click on any cell opens its row's document
    placeholder="—",
    height=min(35 * (len(table) + 1) + 3, 738),
    column_config={
        "rank": st.column_config.NumberColumn("rank", width=38, help="1 = needs attention most"),
        "document": st.column_config.TextColumn("document", width=230),  # long names told apart
        "type": st.column_config.TextColumn(
            "type", width=52, help="credit = a credit note: its total is shown negative (it takes off)"
        ),
        "needs attention": st.column_config.TextColumn(
            "needs attention",
            width=195,
            help="Status, failed checks, an e-invoice XML's EN 16931 findings, anomalies and low "
            "confidence; details on the review page",
        ),
        "vendor": st.column_config.TextColumn("vendor", width=120),
        "date": st.column_config.TextColumn("date", width=88),
        "total": st.column_config.NumberColumn("total", format="%.2f", width=78),
        "currency": st.column_config.TextColumn("cur.", width=42, help="Currency (— when none was read)"),
        "confidence": st.column_config.NumberColumn(
            "conf.",
            format="%.2f",
            width=62,
            help="How sure the key fields are: the lowest confidence among vendor, invoice number, invoice "
            "date, total and currency (a corrected field counts 1.00; a field not found is listed under "
            "the row then needs review). Each field's own is on the review page.",
        ),
    },
)

clicked = list(event.selection.rows) + [row for row, _ in event.selection.cells]
if clicked:  # a row was clicked: open its document (the table of the next visit starts unselected)
    session.open_document(ids[clicked[0]])
    st.session_state[TABLE_ROUND] = st.session_state.get(TABLE_ROUND, 0) + 1
    st.switch_page("views/document_review.py")
