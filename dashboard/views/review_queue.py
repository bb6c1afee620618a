"""Review queue: the current project's documents, what needs attention first, with filters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.attention import attention_reason, sort_by_attention

STATUSES = ["pending", "processing", "processed", "failed", "approved"]

st.title("Review queue")
project_id = session.project_id()
if project_id is None:
    st.info("Pick or create a project first.")
    st.page_link("views/projects.py", label="Go to Projects", icon=":material/upload_file:")
    st.stop()

client = session.client()

filters = st.columns([2, 2, 3])
status = filters[0].selectbox("Status", ["all", *STATUSES], key="queue_status")
vendor = filters[1].text_input("Vendor contains", key="queue_vendor")
date_range = filters[2].date_input(
    "Invoice date between",
    value=(),
    key="queue_dates",
    help="Pick a start and an end date; leave empty for all dates.",
)

# While only the start of the range is picked the widget holds one date: filter from it on.
dates = list(date_range) if isinstance(date_range, (tuple, list)) else [date_range] if date_range else []
date_from = dates[0].isoformat() if dates else None
date_to = dates[1].isoformat() if len(dates) > 1 else None

try:
    documents = client.list_documents(
        project_id,
        status=None if status == "all" else status,
        vendor=vendor.strip() or None,
        date_from=date_from,
        date_to=date_to,
    )
except ApiError as exc:
    session.show_api_error(exc, what="Loading documents")
    st.stop()

if not documents:
    st.info("No documents match. Upload files on the Projects page or loosen the filters.")
    st.stop()

ordered = sort_by_attention(documents)
table = pd.DataFrame(
    [
        {
            "document": d.get("name"),
            "status": d.get("status"),
            "needs attention because": attention_reason(d),
            "vendor": d.get("vendor_name"),
            "date": d.get("invoice_date"),
            "total": d.get("total"),
            "currency": d.get("currency"),
            "validation errors": d.get("validation_errors", 0),
            "anomalies": d.get("anomaly_count", 0),
            "min confidence": d.get("min_confidence"),
        }
        for d in ordered
    ]
)
st.caption(f"{len(ordered)} document(s), most in need of attention first.")
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    key="queue_table",
    column_config={
        "min confidence": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f")
    },
)

names = {d["id"]: f"{d.get('name')} — {attention_reason(d)}" for d in ordered}
current = st.session_state.get(session.DOCUMENT_ID)
chosen = st.selectbox(
    "Document to review",
    options=list(names),
    format_func=names.get,
    key="queue_document",
    index=list(names).index(current) if current in names else 0,
)
if st.button("Open review", key="open_review", type="primary", icon=":material/edit_document:"):
    session.open_document(chosen)
    st.switch_page("views/document_review.py")
