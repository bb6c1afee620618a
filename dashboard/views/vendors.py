"""What the project learned from its reviewers: per vendor the fields learned (label, where the label
sits, how often confirmed or missed, who taught it and when), with buttons to forget one field or the
whole vendor and to download the vendor's invoice2data template; then the project's imported templates
(upload one, delete one). Owners and reviewers change; viewers read."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.wording import identifier_text, markdown_safe, short_time

PREPARED_TEMPLATE = "prepared_vendor_template"  # (project id, vendor key, YAML bytes) fetched from the API
TEMPLATE_ROUND = "template_upload_round"  # bumped after an import so the uploader and the name start empty
FIELD_COLUMNS = {
    "field": "Field",
    "label": "Label",
    "label_side": "Label side",
    # counted over the reviews after the lesson (0 right after the approval or correction that taught it)
    "confirmations": "Confirmed since",
    "misses": "Missed since",
    "taught_by": "Taught by",
    "taught_at": "Taught at",
}


def fields_table(vendor: dict) -> pd.DataFrame:
    """One row per learned field, in the columns shown."""
    rows = [{column: field.get(column) for column in FIELD_COLUMNS} for field in vendor.get("fields") or []]
    for row in rows:
        row["field"] = str(row["field"] or "").replace("_", " ")  # as the review form labels it
        row["taught_at"] = short_time(row["taught_at"]) if row["taught_at"] else None
        if not row["label"]:  # learned where it is printed, no label beside it
            row["label"], row["label_side"] = "(none: by position)", row["label_side"] or "—"
    return pd.DataFrame(rows, columns=list(FIELD_COLUMNS)).rename(columns=FIELD_COLUMNS)


def file_name(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in key) + ".yml"


def change(call, *, what: str, done: str) -> None:
    """Make one change through the API: its error shown, or `done` flashed on the page's next run."""
    try:
        call()
    except ApiError as exc:
        session.show_api_error(exc, what=what)
    else:
        st.session_state.pop(PREPARED_TEMPLATE, None)  # a template prepared before the change is stale
        st.session_state[session.FLASH_VENDORS] = done
        st.rerun()


def show_vendor(vendor: dict, *, project: int, editable: bool) -> None:
    key = vendor["key"]
    shown = [identifier_text(i) for i in vendor.get("identifiers") or [key]]
    st.caption(f"Recognised by: {', '.join(markdown_safe(i) for i in shown)}")
    st.dataframe(fields_table(vendor), hide_index=True, width="stretch")
    st.caption(
        "Confirmed since / Missed since: later reviews of the vendor's documents that kept / corrected "
        "the value found where the lesson says."
    )
    names = [f["field"] for f in vendor.get("fields") or []]
    left, middle, right = st.columns(3)
    with left:
        chosen = st.selectbox(
            "Field",
            names,
            format_func=lambda name: name.replace("_", " "),
            key=f"vendor_field_{key}",
            disabled=not editable,
        )
        if st.button("Forget this field", key=f"forget_field_{key}", disabled=not editable or not chosen):
            change(
                lambda: client.forget_vendor_field(project, key, chosen),
                what="Forgetting the field",
                done=f"Forgot {str(chosen).replace('_', ' ')} of "
                f"{vendor.get('name') or identifier_text(key)}.",
            )
    with middle:
        confirmed = st.checkbox(
            "Yes, forget the whole vendor", key=f"forget_vendor_sure_{key}", disabled=not editable
        )
        if st.button("Forget vendor", key=f"forget_vendor_{key}", disabled=not (editable and confirmed)):
            change(
                lambda: client.forget_vendor(project, key),
                what="Forgetting the vendor",
                done=f"Forgot everything learned about {vendor.get('name') or identifier_text(key)}.",
            )
    with right:
        prepared = st.session_state.get(PREPARED_TEMPLATE)
        if prepared and prepared[:2] == (project, key):
            st.download_button(
                "Download YAML template",
                data=prepared[2],
                file_name=file_name(key),
                mime="application/yaml",
                key=f"download_template_{key}",
            )
        elif st.button("Prepare YAML template", key=f"prepare_template_{key}"):
            try:
                st.session_state[PREPARED_TEMPLATE] = (project, key, client.vendor_template(project, key))
            except ApiError as exc:
                session.show_api_error(exc, what="Exporting the template")
            else:
                st.rerun()


st.title("Vendors (learned)")
project_id = session.project_id()
if project_id is None:
    st.info("Pick or create a project first.")
    st.stop()

client = session.client()
editable = session.can_edit()
if message := st.session_state.pop(session.FLASH_VENDORS, None):
    st.success(message)

try:
    vendors = client.list_vendors(project_id)
except ApiError as exc:
    session.show_api_error(exc, what="Loading what the project learned")
    st.stop()

st.caption(
    "When a reviewer corrects a field, the project remembers where that vendor prints it; approving a "
    "document confirms what was right. The next invoices of the vendor use it at once. E-invoices (values "
    "read from their XML) teach nothing."
)
if not vendors:
    st.info("Nothing learned yet: correct or approve documents in the review to teach the project.")
elif st.button(
    "Re-read earlier documents with what was learned",
    key="rescore_reextract",
    disabled=not editable,
    help="Documents nobody has approved yet are extracted again with the project's current memory.",
):
    try:
        client.rescore(project_id, reextract=True)
    except ApiError as exc:
        session.show_api_error(exc, what="Asking for the rescore")
    else:
        st.success(
            "Rescore asked for: documents not yet approved are being read again with what was learned."
        )
for vendor in vendors:
    fields = vendor.get("fields") or []
    key_text = identifier_text(vendor["key"])
    title = f"{vendor.get('name') or key_text} · {key_text} · {len(fields)} field(s)"
    with st.expander(title, expanded=len(vendors) == 1):
        show_vendor(vendor, project=project_id, editable=editable)

st.subheader("Project templates")
st.caption("invoice2data templates (YAML, at most 64 KiB) used for the project's next documents.")
try:
    templates = client.list_templates(project_id)
except ApiError as exc:
    session.show_api_error(exc, what="Loading the project's templates")
    templates = []
for template in templates:
    name_column, delete_column = st.columns([4, 1])
    name_column.write(
        f"**{template['name']}** · {template['size']:,} bytes · by {template.get('created_by') or '?'}"
    )
    if delete_column.button("Delete", key=f"delete_template_{template['name']}", disabled=not editable):
        change(
            lambda name=template["name"]: client.delete_template(project_id, name),
            what="Deleting the template",
            done=f"Deleted template {template['name']}.",
        )

if editable:
    upload_round = st.session_state.get(TEMPLATE_ROUND, 0)
    upload = st.file_uploader(
        "Template file (YAML)", type=["yml", "yaml"], key=f"template_file_{upload_round}", max_upload_size=1
    )  # the API takes 64 KiB; Streamlit's smallest limit is 1 MB
    name = st.text_input(
        "Template name", key=f"template_name_{upload_round}", placeholder="letters, digits, . _ -"
    )
    if st.button("Import template", key="template_import", disabled=upload is None):
        chosen_name = (name or "").strip() or upload.name.rsplit(".", 1)[0]
        try:
            client.upload_template(project_id, chosen_name, upload.getvalue())
        except ApiError as exc:
            if exc.code in ("invalid_template", "template_too_large", "template_exists", "validation_error"):
                st.error(f"Template not imported ({exc.code}): {exc.message}")
            else:
                session.show_api_error(exc, what="Importing the template")
        else:
            st.session_state[session.FLASH_VENDORS] = f"Imported template {chosen_name}."
            st.session_state[TEMPLATE_ROUND] = upload_round + 1
            st.rerun()
else:
    st.caption("Viewers cannot import or delete templates.")
