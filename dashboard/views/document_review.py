"""Document review: the page image with labelled field boxes, the editable fields and line items,
save corrections (PATCH), approve, and the document's validation results and anomalies."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import einvoice_view, payment_code_view, session, unsaved_guard, xml_rules
from dashboard.api_client import ApiError
from dashboard.attention import next_in_queue, sort_by_attention
from dashboard.corrections import (
    LINE_ITEM_COLUMNS,
    correction_rows,
    field_order,
    invoice_fields,
    patch_body,
    saved_text,
)
from dashboard.history import history_lines
from dashboard.origin_text import email_origin_text
from dashboard.overlay import draw_field_boxes, field_boxes_on_page, zoom_view
from dashboard.review_state import drop_other_scopes, scope_of, widget_key
from dashboard.wording import (
    FAILED,
    PASSED,
    PASSED_ICON,
    STATE_ICONS,
    WARNING,
    DocumentValues,
    anomaly_sentence,
    credit_note_text,
    markdown_safe,
    outcome_sentence,
    outcome_state,
    reextract_text,
    short_time,
    validation_sentences,
)

PAGE_IMAGE_CACHE = "page_image_cache"
RENDERED_SCOPE = "review_rendered_scope"
APPROVE_BLOCKED = "review_approve_blocked"  # {document, failed}: the failures of a refused approval
STALE_SAVE = (
    "Not saved: the document changed since you opened it (another reviewer, a second tab or a rescore). "
    "It is shown again as it is now; apply your change again."
)
SHORTCUTS = {"save": "alt+s", "approve": "alt+a", "next": "alt+n", "previous": "alt+p"}
THEN_NEXT = "approve_then_next"  # a reviewer's preference for the tab: Approve opens the next document
TRAIL = "review_trail"  # (project, document) left with Next in queue in this tab, latest last: Previous
DUPLICATE_SUITE = "duplicates"  # a refused approval's failure naming the earlier upload of the same file
ZOOMS = {1: "Page", 2: "2×", 3: "3×"}
ZOOM_KEY = "review_zoom"  # a viewing preference, kept across documents (not a value of the document)


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


def _failed_checks_text(failures: list[dict], doc: dict) -> str:
    """The refused approval's failures as the Validation section words them ("The total is 0.00; it
    must be greater than zero"), not the checks' descriptions, which read as if they held ("The total
    is present"); the e-invoice XML's rule findings as one line."""
    values = DocumentValues.of(doc)
    worded: dict[tuple[str, str], str] = {}
    for report in doc.get("validation") or []:
        for outcome in report.get("outcomes") or []:
            if outcome_state(outcome) == FAILED:
                described = str(outcome.get("description") or outcome.get("expectation"))
                sentence = outcome_sentence(outcome, values, str(report.get("suite") or ""))
                worded[(str(report.get("suite")), described)] = sentence.removeprefix("Failed: ")
    lines, xml_failures = [], 0
    for failure in failures:
        if failure.get("suite") == xml_rules.SUITE:
            xml_failures += 1
            continue
        described = str(failure.get("expectation") or failure.get("suite"))
        lines.append(worded.get((str(failure.get("suite")), described), described))
    if xml_failures:
        lines.append(xml_rules.summary([(FAILED, "")] * xml_failures)[1])
    return "\n".join(f"- {markdown_safe(line)}" for line in lines)


st.title("Document review")
project_id = session.project_id()
document_id = st.session_state.get(session.DOCUMENT_ID)
if project_id is None or document_id is None:
    st.info("Choose a document in the review queue first.")
    st.page_link("views/review_queue.py", label="Go to the review queue", icon=":material/checklist:")
    st.stop()

client = session.client()
try:
    doc = client.document(project_id, document_id)
except ApiError as exc:
    session.show_api_error(exc, what=f"Document {document_id}")
    st.page_link("views/review_queue.py", label="Go to the review queue", icon=":material/checklist:")
    st.stop()

version = doc.get("result_version")
session.show_document_in_url(project_id, document_id)  # a reload or a second tab opens this document again
scope = scope_of(document_id, version)
# the document changed under the open form (another reviewer, a second tab, a rescore) when the same
# document was last drawn at another version: a save clicked now was made on values no longer shown
previous_scope = st.session_state.get(RENDERED_SCOPE)
changed_under_form = previous_scope not in (None, scope) and str(previous_scope).startswith(f"{document_id}/")
st.session_state[RENDERED_SCOPE] = scope
drop_other_scopes(st.session_state, scope)  # no widget value of another document or version survives


def key(name: str) -> str:
    return widget_key(name, scope)


flash = st.session_state.pop("review_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")
warning = st.session_state.pop("review_flash_warning", None)
if warning:
    st.warning(warning, icon=":material/sync_problem:")

header, actions = st.columns([5, 2], vertical_alignment="bottom")
header.subheader(doc.get("name", f"Document {document_id}"))
pages = doc.get("pages") or []
is_bare_xml = not pages and isinstance(doc.get("einvoice"), dict)
header.caption(
    f"Status `{doc.get('status')}` · "
    + ("e-invoice XML, no page image" if is_bare_xml else f"{len(pages)} page(s)")
    + f" · vendor {doc.get('vendor_name') or '—'}"
    + (
        f" · approved by {doc['approved_by']} on {short_time(doc.get('approved_at'))}"
        if doc.get("approved_by")
        else ""
    )
)
origin = doc.get("origin") if isinstance(doc.get("origin"), dict) else None
if origin:  # an attachment of an uploaded e-mail: where the reviewer can look it up
    header.caption(markdown_safe(email_origin_text(origin)))
if ((doc.get("fields") or {}).get("document_type") or {}).get("value") == "credit_note":
    st.info(credit_note_text(doc), icon=":material/currency_exchange:")
# the invoice a credit note credits, when the project holds it: one click to compare the two
for reference in doc.get("preceding_invoices") or []:
    if reference.get("document_id") and st.button(
        f"Open the credited invoice {reference.get('number')}",
        key=f"open_credited_{reference['document_id']}",
        icon=":material/open_in_new:",
    ):
        session.open_document(reference["document_id"])
        st.rerun()
rejection = doc.get("rejection") if isinstance(doc.get("rejection"), dict) else None
if rejection:
    header.caption(
        f"Rejected by {rejection.get('by') or '?'} on {short_time(rejection.get('at'))}, because: "
        f"{markdown_safe(str(rejection.get('reason') or ''))} (approving it takes the rejection back)"
    )
if doc.get("approved_by") and doc.get("approval_override_reason"):
    header.caption(
        f"Approved despite failed checks, because: {markdown_safe(doc['approval_override_reason'])}"
    )
first_approval = doc.get("first_approval") if isinstance(doc.get("first_approval"), dict) else None
awaiting_second = bool(first_approval) and doc.get("status") != "approved"
approved_it_first = awaiting_second and first_approval.get("by") == st.session_state.get(session.USERNAME)
if awaiting_second:
    header.caption(
        f"Approved once by {markdown_safe(str(first_approval.get('by') or '?'))} on "
        f"{short_time(first_approval.get('at'))}: the project asks a second reviewer to approve it"
        + (" (you gave the first approval)." if approved_it_first else ".")
    )
editable = session.can_edit()
if not editable:
    st.info(
        "You are a viewer of this project: corrections and approval are disabled.",
        icon=":material/visibility:",
    )
history = history_lines(
    doc, {str(f["name"]): str(f.get("label") or "") for f in invoice_fields(client, st.session_state) or []}
)
if history:
    with st.expander(f"History: {len(history)} change(s), who made them and when"):
        st.markdown("  \n".join(history))


trail = [entry for entry in st.session_state.get(TRAIL, []) if entry != (project_id, document_id)]


def _open_next() -> str:
    """Open the next document waiting for review (this one joins the trail that Previous walks back):
    "opened", "none" (no other waits), or "error" (the queue could not be loaded; said on the page)."""
    try:
        queue = sort_by_attention(client.list_documents(project_id))
    except ApiError as exc:
        session.show_api_error(exc, what="Loading the review queue")
        return "error"
    following = next_in_queue(queue, document_id)
    if following is None:
        return "none"
    st.session_state[TRAIL] = [*trail, (project_id, document_id)][-50:]
    session.open_document(following)
    return "opened"


def _approve(force: bool = False, reason: str = "", *, result_version: Any = None) -> None:
    """Approve the version shown (or `result_version`, the one a save made just before)."""
    try:
        answer = client.approve(
            project_id,
            document_id,
            result_version=version if result_version is None else result_version,
            force=force,
            reason=reason,
        )
    except ApiError as exc:
        if exc.code == "second_approver_required":
            st.session_state["review_flash_warning"] = exc.message
            st.rerun()
        elif exc.code == "checks_failed":  # the approval re-checked the document: show its new version
            st.session_state[APPROVE_BLOCKED] = {
                "document": document_id,
                "failed": exc.detail.get("failed") or [],
            }
            st.rerun()
        elif exc.code == "stale_version":
            st.session_state["review_flash_warning"] = (
                "The document changed since you opened it (another reviewer or a rescore): "
                "it is shown again as it is now; check it and approve again."
            )
            st.rerun()
        else:
            session.show_api_error(exc, what="Approving")
    else:
        saved = st.session_state.get("review_flash")  # "Saved corrections: ..." when Approve saved first
        first_only = (answer or {}).get("status") != "approved"  # a first of two approvals
        st.session_state["review_flash"] = (
            (f"{saved} " if saved else "")
            + (
                "First approval recorded: the project asks a second reviewer to approve this document."
                if first_only
                else "Document approved."
            )
            + (" (override recorded)" if force else "")
        )
        if st.session_state.get(THEN_NEXT):  # the reviewer goes on to the next document at once
            name = markdown_safe(str(doc.get("name") or "The document"))
            done = st.session_state["review_flash"].replace("Document approved.", f"{name} approved.")
            st.session_state["review_flash"] = done + (
                " This is the next document waiting for review."
                if _open_next() == "opened"
                else " No other document is waiting for review."
            )
        st.rerun()


blocked_state = st.session_state.get(APPROVE_BLOCKED) or {}
blocked = blocked_state.get("failed") if blocked_state.get("document") == document_id else None
if blocked is not None and doc.get("status") != "approved":
    with st.container(border=True):
        only_xml = bool(blocked) and all(f.get("suite") == xml_rules.SUITE for f in blocked)
        duplicate = any(f.get("suite") == DUPLICATE_SUITE for f in blocked)
        st.warning(
            (
                "This file was uploaded before: approving this copy too would book the invoice twice. "
                "Reject it below (it leaves the queue's top and the spend), or approve anyway and say why "
                "(the reason is kept with the approval):\n"
                if duplicate
                else "Only the e-invoice XML's own rules fail, which no correction changes: approve anyway "
                "and say why (the reason is kept with the approval):\n"
                if only_xml
                else "These checks fail on the current values. Correct the fields, or approve anyway and say "
                "why (the reason is kept with the approval):\n"
            )
            + _failed_checks_text(blocked, doc),
            icon=":material/rule:",
        )
        # a form: the reason typed is sent with the click (a bare text input applies only on Enter or
        # blur, so a button disabled until then ignored the first click)
        with st.form(key("approve_force_form"), border=False):
            reason = st.text_input("Reason for approving anyway", key=key("approve_reason"), max_chars=2000)
            force = st.form_submit_button("Approve anyway", key=key("approve_force"))
        if force:
            if reason.strip():
                _approve(force=True, reason=reason.strip())
            else:
                st.error("Say why you approve despite the failed checks.")


def _reject(reason: str) -> None:
    try:
        client.reject(project_id, document_id, reason=reason, result_version=version)
    except ApiError as exc:
        if exc.code == "stale_version":
            st.session_state["review_flash_warning"] = (
                "The document changed since you opened it: it is shown again as it is now; reject it again."
            )
            st.rerun()
        session.show_api_error(exc, what="Rejecting")
    else:
        st.session_state["review_flash"] = "Document rejected: it is out of the queue's top and the spend."
        st.session_state.pop(APPROVE_BLOCKED, None)
        st.rerun()


if editable and doc.get("status") != "rejected":
    duplicate_blocked = any(f.get("suite") == DUPLICATE_SUITE for f in (blocked or []))
    with st.expander(
        "Reject this document (uploaded twice, not an invoice, ...)", expanded=bool(duplicate_blocked)
    ):
        with st.form(key("reject_form"), border=False):
            reject_reason = st.text_input(
                "Reason for rejecting",
                key=key("reject_reason"),
                max_chars=2000,
                placeholder="e.g. uploaded twice",
            )
            reject = st.form_submit_button("Reject", key=key("reject"), icon=":material/block:")
        if reject:
            if reject_reason.strip():
                _reject(reject_reason.strip())
            else:
                st.error("Say why you reject the document.")


def _reextract() -> None:
    try:
        answer = client.reextract(project_id, document_id, result_version=version)
    except ApiError as exc:
        if exc.code == "stale_version":
            st.session_state["review_flash_warning"] = (
                "The document changed since you opened it: it is shown again as it is now; read it again "
                "if you still want to."
            )
            st.rerun()
        session.show_api_error(exc, what="Reading the document again")
    else:
        st.session_state["review_flash"] = reextract_text(answer)
        st.rerun()


if editable and doc.get("status") not in ("approved", "failed"):
    with st.expander("Read this document again (with the current extraction)"):
        st.caption(
            "Reads the file again as a new upload would: an e-invoice from its XML, a scan or PDF from its "
            "stored text with what the project learned since. Fields you corrected keep your values; the "
            "others take the new reading. The checks run again."
        )
        if st.button("Read again", key=key("reextract"), icon=":material/refresh:"):
            _reextract()
previous = next((doc for project, doc in reversed(trail) if project == project_id), None)
if previous is not None and actions.button(
    "Previous",
    key="previous_document",
    icon=":material/skip_previous:",
    help=f"Back to the document you left with Next in queue ({SHORTCUTS['previous']})",
    shortcut=SHORTCUTS["previous"],
):
    st.session_state[TRAIL] = trail[: trail.index((project_id, previous))]
    session.open_document(previous)
    st.rerun()
if actions.button(
    "Next in queue",
    key="next_document",
    icon=":material/skip_next:",
    help=f"Open the next document waiting for review ({SHORTCUTS['next']})",
    shortcut=SHORTCUTS["next"],
):
    opened = _open_next()
    if opened == "opened":
        st.rerun()
    elif opened == "none":
        st.info("No other document is waiting for review.")
actions.toggle(
    "Next after Approve",
    key=THEN_NEXT,
    disabled=not session.can_edit(),
    help="After an approval, open the next document waiting for review at once (one key per document: "
    f"{SHORTCUTS['approve']}); Previous ({SHORTCUTS['previous']}) goes back.",
)
if doc.get("error"):
    error = doc["error"]
    st.error(
        f"Processing failed: {error.get('message')} (`{error.get('code')}`)"
        if isinstance(error, dict)
        else f"Processing failed: {error}"
    )

fields: dict = doc.get("fields") or {}
# the API's field list (`GET /api/fields/`, asked once per session); the document's own fields without it
order = field_order(invoice_fields(client, st.session_state), fields)
names = [n for n in order if n in fields] + sorted(n for n in fields if n not in order)

image_col, form_col = st.columns([2, 1], gap="medium")

einvoice = doc.get("einvoice") if isinstance(doc.get("einvoice"), dict) else None
with image_col:
    if not pages and einvoice is None:
        st.info("No page images for this document.")
    elif not pages:  # a bare e-invoice XML: its readable rendering instead of a page
        einvoice_view.render(st, einvoice)
    else:
        page_index = 0
        controls = st.columns([2, 3] if len(pages) == 1 else [2, 3, 2], vertical_alignment="bottom")
        if len(pages) > 1:
            page_index = (
                controls[2].segmented_control(
                    "Page",
                    options=list(range(len(pages))),
                    default=0,
                    format_func=lambda i: f"{i + 1}",
                    key=key("review_page"),
                )
                or 0
            )
        boxes = field_boxes_on_page(fields, page_index)
        highlight = controls[0].selectbox(
            "Highlight field", options=["(none)", *boxes], key=key("highlight_field")
        )
        selected = None if highlight == "(none)" else highlight
        zoom = (
            controls[1].segmented_control(
                "Zoom",
                options=list(ZOOMS),
                default=1,
                format_func=ZOOMS.get,
                key=ZOOM_KEY,
                help="Enlarge the part of the page around the highlighted field (else the top of the page)",
            )
            or 1
        )
        try:
            image_bytes = _page_image(
                client, project_id, document_id, pages[page_index].get("index", page_index)
            )
        except ApiError as exc:
            session.show_api_error(exc, what="Page image")
        else:
            view = zoom_view(boxes.get(selected), zoom)
            picture = draw_field_boxes(image_bytes, boxes, selected, view=view)
            shown = "whole page" if zoom == 1 else f"{ZOOMS[zoom]} around {selected or 'the top'}"
            st.image(
                picture,
                caption=f"Page {page_index + 1} of {len(pages)} ({shown}): {len(boxes)} field box(es)",
                width="stretch",
            )
            if not boxes and fields:
                st.caption(
                    "The values come from the e-invoice XML attached to this PDF: they have no place on "
                    "the page to box. Compare them with the page and the XML's data below."
                    if einvoice is not None
                    else "No field was located on this page (see the other pages, or compare by eye)."
                )
        if einvoice is not None:  # a PDF carrying an XML: what the XML says, under the page
            with st.expander("E-invoice data (from the XML)", expanded=False):
                einvoice_view.render(st, einvoice)
        if isinstance(doc.get("payment_code"), dict):  # the payment QR code the fields were weighed against
            st.caption(
                payment_code_view.summary(doc["payment_code"]),
                help="What the code states is what the bank will pay; a value the page prints "
                "differently is listed to check.",
            )

with form_col, st.form(key("fields_form")):
    st.markdown("**Fields** (confidence in brackets; edit and save to correct)")
    edited: dict[str, str] = {}
    for name in names:
        field = fields[name] or {}
        confidence = field.get("confidence")
        label = name.replace("_", " ")
        if field.get("corrected"):  # a reviewer's value: its extraction confidence no longer applies
            label += " · corrected"
        else:
            label += f" ({float(confidence):.2f})" if confidence is not None else " (—)"
        help_text = f"Raw text: {field.get('raw_text')!r}" if field.get("raw_text") else None
        if field.get("corrected"):
            help_text = (help_text or "") + f" · extracted value: {field.get('original_value')!r}"
        value = field.get("value")
        edited[name] = st.text_input(
            label,
            value="" if value is None else str(value),
            key=key(f"field_{name}"),
            help=help_text,
            disabled=not editable,
        )
    missing = [n for n in order if n not in fields]
    if missing:
        with st.expander(f"Fields not found ({len(missing)}): type a value to add one"):
            for name in missing:
                edited[name] = st.text_input(
                    f"{name.replace('_', ' ')} (not found)", key=key(f"field_{name}"), disabled=not editable
                )
    st.caption("Line items: in the table below the page; **Save corrections** saves them too.")
    # one under the other: side by side in the narrow fields column their labels were cut ("Save c…")
    save = st.form_submit_button(
        "Save corrections",
        key="save_corrections",
        type="primary",
        help=f"Save and re-check ({SHORTCUTS['save']})",
        shortcut=SHORTCUTS["save"],
        disabled=not editable,
    )
    # Approve submits the form too: what was typed and not saved yet is saved first, then approved (an
    # Approve outside the form approved the stored values and the re-check's new version dropped the
    # typing without a word)
    approve = st.form_submit_button(
        "Approve",
        key="approve",
        icon=":material/verified:",
        help=f"Save what you typed, if anything, and approve ({SHORTCUTS['approve']}); the values are "
        "checked again first.",
        shortcut=SHORTCUTS["approve"],
        disabled=doc.get("status") == "approved" or not editable or approved_it_first,
    )
unsaved_guard.render(scope)  # a reload, or a click that leaves the form, asks first while typing is unsaved

# The line items take the page's full width below the page and the fields: in the narrow fields column
# only the description showed without scrolling sideways. Outside the fields form, the table keeps its
# edits in its widget state; the form's save sends them with the fields.
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
    key=key("line_items_editor"),
    width="stretch",
    disabled=not editable,
)


def _save(body: dict) -> dict | None:
    """PATCH the corrections; the saved document, or None when refused (said on the page)."""
    try:
        saved = client.update_fields(project_id, document_id, {**body, "result_version": version})
    except ApiError as exc:
        if exc.code == "stale_version":
            st.session_state["review_flash_warning"] = STALE_SAVE
            st.rerun()
        session.show_api_error(exc, what="Saving corrections")
        return None
    changed = saved_text(body.get("fields") or {}, saved) or "line items"
    if "line_items" in body and body.get("fields"):
        changed += ", line items"
    st.session_state["review_flash"] = f"Saved corrections: {changed}. Checks ran again below."
    st.session_state.pop(APPROVE_BLOCKED, None)  # approving again re-checks the new values
    return saved


if save or approve:
    edited_rows = edited_items.astype(object).where(edited_items.notna(), None).to_dict("records")
    body = patch_body(fields, edited, original_items, edited_rows, doc.get("line_items") or [])
    if changed_under_form:
        st.warning(STALE_SAVE, icon=":material/sync_problem:")
    elif approve and not body:
        _approve()
    elif not body:
        st.info("Nothing changed.")
    else:
        saved = _save(body)
        if saved is not None and approve:
            _approve(result_version=saved.get("result_version"))
        if saved is not None:
            st.rerun()  # the new version's widgets start from the saved values

values = DocumentValues.of(doc)
st.subheader("Validation")
own_reports, xml_reports = xml_rules.split_reports(doc.get("validation") or [])
sentences = validation_sentences(own_reports, values)
problems = [(state, text) for state, text in sentences if state in (FAILED, WARNING)]
settled = [(state, text) for state, text in sentences if state not in (FAILED, WARNING)]
xml_lines = xml_rules.rule_lines(xml_reports)
xml_summary = xml_rules.summary(xml_lines)
if xml_summary:
    st.markdown(f"{STATE_ICONS[xml_summary[0]]} {markdown_safe(xml_summary[1])}")
    with st.expander(f"EN 16931 findings in the e-invoice XML ({len(xml_lines)})"):
        for state, line in xml_lines:
            st.markdown(f"{STATE_ICONS[state]} {markdown_safe(line)}")
if not sentences:
    st.caption("No validation results.")
elif not problems:
    st.caption(f"{PASSED_ICON} Every check of the values passed.")
for state, sentence in problems:
    st.markdown(f"{STATE_ICONS[state]} {markdown_safe(sentence)}")
if settled:
    passed = sum(state == PASSED for state, _ in settled)
    not_applicable = len(settled) - passed
    title = f"Passed checks ({passed})" + (f", not applicable ({not_applicable})" if not_applicable else "")
    with st.expander(title):
        for state, sentence in settled:
            st.markdown(f"{STATE_ICONS[state]} {markdown_safe(sentence)}")

st.subheader("Anomalies")
_names: dict[str, str] = {}


def _document_names(anomaly: dict) -> dict[str, str]:
    """Names of the project's documents by id, asked once per run and only for an anomaly that names
    other documents (a duplicate): the clerk reads a file name, not a UUID."""
    if not _names and anomaly.get("related_document_ids"):
        try:
            _names.update(
                {str(d["id"]): str(d.get("name") or d["id"]) for d in client.list_documents(project_id)}
            )
        except ApiError:
            _names["?"] = "?"  # not asked again in this run; ids stay as they are
    return _names


anomalies = sorted(doc.get("anomalies") or [], key=lambda a: -float(a.get("score") or 0))
# "not enough history for the learned check" is about the project, not a finding on this document
rules_only = [a for a in anomalies if a.get("kind") == "rules_only"]
anomalies = [a for a in anomalies if a.get("kind") != "rules_only"]
if not anomalies:
    st.caption("No anomalies detected.")
for anomaly in anomalies:
    st.markdown(anomaly_sentence(anomaly, values, names=_document_names(anomaly)))
    for related in anomaly.get("related_document_ids") or []:
        if related != document_id and st.button(
            f"Open {_document_names(anomaly).get(related, related)}",
            key=key(f"open_related_{anomaly.get('kind')}_{related}"),
            icon=":material/open_in_new:",
        ):
            session.open_document(related)
            st.rerun()
for note in rules_only:
    st.caption(f":material/info: {markdown_safe(str(note.get('explanation') or 'Only the rules ran.'))}")

corrections = doc.get("corrections") or []
if corrections:
    with st.expander(f"Correction history ({len(corrections)})"):
        st.dataframe(pd.DataFrame(correction_rows(corrections)), hide_index=True, width="stretch")
