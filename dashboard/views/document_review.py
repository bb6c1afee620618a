"""Document review: the page image with labelled field boxes, the editable fields and line items,
save corrections (PATCH), approve, and the document's validation results and anomalies."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.attention import next_in_queue, sort_by_attention
from dashboard.corrections import LINE_ITEM_COLUMNS, patch_body
from dashboard.overlay import draw_field_boxes, field_boxes_on_page
from dashboard.wording import (
    FAILED_ICON,
    PASSED_ICON,
    anomaly_sentence,
    markdown_safe,
    validation_sentences,
)

# The API's field names (ocr_tasks.invoice_types.FIELD_NAMES, which the dashboard may not import), in
# display order; fields the API sends beyond these are shown after them.
FIELD_ORDER = (
    "vendor_name",
    "vendor_address",
    "vendor_tax_id",
    "customer_name",
    "customer_address",
    "invoice_number",
    "invoice_date",
    "due_date",
    "po_number",
    "currency",
    "subtotal",
    "tax_amount",
    "tax_rate",
    "total",
    "amount_due",
    "payment_terms",
    "iban",
)
LOADED_DOCUMENT = "review_loaded_document"
PAGE_IMAGE_CACHE = "page_image_cache"
FORM_KEY_PREFIXES = ("field_", "line_items_editor", "review_page", "highlight_field")


def _page_image(client: Any, project_id: Any, document_id: Any, index: int) -> bytes:
    """Page PNGs do not change after processing: keep the last few per browser session (never shared
    between users) so that every click does not download the page again."""
    cache: dict = st.session_state.setdefault(PAGE_IMAGE_CACHE, {})
    key = (session.api_url(), project_id, document_id, index)
    if key not in cache:
        if len(cache) >= 6:
            cache.pop(next(iter(cache)))
        cache[key] = client.page_image(project_id, document_id, index)
    return cache[key]


def _reset_form_state() -> None:
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(FORM_KEY_PREFIXES):
            del st.session_state[key]


st.title("Document review")
project_id = session.project_id()
document_id = st.session_state.get(session.DOCUMENT_ID)
if project_id is None or document_id is None:
    st.info("Choose a document in the review queue first.")
    st.page_link("views/review_queue.py", label="Go to the review queue", icon=":material/checklist:")
    st.stop()

if st.session_state.get(LOADED_DOCUMENT) != document_id:
    _reset_form_state()  # widgets of the previous document must not carry over
    st.session_state[LOADED_DOCUMENT] = document_id

client = session.client()
try:
    doc = client.document(project_id, document_id)
except ApiError as exc:
    session.show_api_error(exc, what=f"Document {document_id}")
    st.stop()

flash = st.session_state.pop("review_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

header, actions = st.columns([4, 1])
header.subheader(doc.get("name", f"Document {document_id}"))
pages = doc.get("pages") or []
header.caption(
    f"Status `{doc.get('status')}` · {len(pages)} page(s) · vendor {doc.get('vendor_name') or '—'}"
    + (f" · approved by {doc['approved_by']} at {doc.get('approved_at')}" if doc.get("approved_by") else "")
)
editable = session.can_edit()
if not editable:
    st.info(
        "You are a viewer of this project: corrections and approval are disabled.",
        icon=":material/visibility:",
    )
if actions.button(
    "Approve",
    key="approve",
    type="primary",
    icon=":material/verified:",
    disabled=doc.get("status") == "approved" or not editable,
):
    try:
        client.approve(project_id, document_id)
    except ApiError as exc:
        session.show_api_error(exc, what="Approving")
    else:
        st.session_state["review_flash"] = "Document approved."
        st.rerun()
if actions.button("Next in queue", key="next_document", icon=":material/skip_next:"):
    try:
        queue = sort_by_attention(client.list_documents(project_id))
    except ApiError as exc:
        session.show_api_error(exc, what="Loading the review queue")
    else:
        following = next_in_queue(queue, document_id)
        if following is None:
            st.info("No other document is waiting for review.")
        else:
            session.open_document(following)
            st.rerun()
if doc.get("error"):
    error = doc["error"]
    st.error(
        f"Processing failed: {error.get('message')} (`{error.get('code')}`)"
        if isinstance(error, dict)
        else f"Processing failed: {error}"
    )

fields: dict = doc.get("fields") or {}
names = [n for n in FIELD_ORDER if n in fields] + sorted(n for n in fields if n not in FIELD_ORDER)

image_col, form_col = st.columns([3, 2])

with image_col:
    if not pages:
        st.info("No page images for this document.")
    else:
        page_index = 0
        if len(pages) > 1:
            page_index = (
                st.segmented_control(
                    "Page",
                    options=list(range(len(pages))),
                    default=0,
                    format_func=lambda i: f"Page {i + 1}",
                    key="review_page",
                )
                or 0
            )
        boxes = field_boxes_on_page(fields, page_index)
        highlight = st.selectbox("Highlight field", options=["(none)", *boxes], key="highlight_field")
        try:
            image_bytes = _page_image(
                client, project_id, document_id, pages[page_index].get("index", page_index)
            )
        except ApiError as exc:
            session.show_api_error(exc, what="Page image")
        else:
            picture = draw_field_boxes(image_bytes, boxes, None if highlight == "(none)" else highlight)
            st.image(picture, caption=f"Page {page_index + 1}: {len(boxes)} field box(es)", width="stretch")

with form_col, st.form("fields_form"):
    st.markdown("**Fields** (confidence in brackets; edit and save to correct)")
    edited: dict[str, str] = {}
    for name in names:
        field = fields[name] or {}
        confidence = field.get("confidence")
        label = name.replace("_", " ")
        label += f" ({float(confidence):.2f})" if confidence is not None else " (—)"
        if field.get("corrected"):
            label += " · corrected"
        help_text = f"Raw text: {field.get('raw_text')!r}" if field.get("raw_text") else None
        if field.get("corrected"):
            help_text = (help_text or "") + f" · extracted value: {field.get('original_value')!r}"
        value = field.get("value")
        edited[name] = st.text_input(
            label,
            value="" if value is None else str(value),
            key=f"field_{name}",
            help=help_text,
            disabled=not editable,
        )
    missing = [n for n in FIELD_ORDER if n not in fields]
    if missing:
        with st.expander(f"Fields not found ({len(missing)}): type a value to add one"):
            for name in missing:
                edited[name] = st.text_input(
                    f"{name.replace('_', ' ')} (not found)", key=f"field_{name}", disabled=not editable
                )
    st.markdown("**Line items**")
    original_items = [
        {c: "" if item.get(c) is None else str(item.get(c)) for c in LINE_ITEM_COLUMNS}
        for item in doc.get("line_items") or []
    ]
    items_frame = pd.DataFrame(original_items, columns=list(LINE_ITEM_COLUMNS)).astype("string")
    edited_items = st.data_editor(
        items_frame,
        num_rows="dynamic",
        hide_index=True,
        key="line_items_editor",
        width="stretch",
        disabled=not editable,
    )
    save = st.form_submit_button(
        "Save corrections", key="save_corrections", type="primary", disabled=not editable
    )

if save:
    edited_rows = edited_items.astype(object).where(edited_items.notna(), None).to_dict("records")
    body = patch_body(fields, edited, original_items, edited_rows)
    if not body:
        st.info("Nothing changed.")
    else:
        try:
            client.update_fields(project_id, document_id, body)
        except ApiError as exc:
            session.show_api_error(exc, what="Saving corrections")
        else:
            changed = ", ".join(body.get("fields") or {}) or "line items"
            if "line_items" in body and body.get("fields"):
                changed += ", line items"
            st.session_state["review_flash"] = f"Saved corrections: {changed}."
            _reset_form_state()
            st.rerun()

st.subheader("Validation")
sentences = validation_sentences(doc.get("validation") or [])
if not sentences:
    st.caption("No validation results.")
for passed, sentence in sentences:
    st.markdown(f"{PASSED_ICON if passed else FAILED_ICON} {markdown_safe(sentence)}")

st.subheader("Anomalies")
anomalies = sorted(doc.get("anomalies") or [], key=lambda a: -float(a.get("score") or 0))
if not anomalies:
    st.caption("No anomalies detected.")
for anomaly in anomalies:
    st.markdown(anomaly_sentence(anomaly))

corrections = doc.get("corrections") or []
if corrections:
    with st.expander(f"Correction history ({len(corrections)})"):
        st.dataframe(pd.DataFrame(corrections), hide_index=True, width="stretch")
