"""Project overview: counts by status, spend by vendor and month, anomaly scores, top anomalies, export."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError
from dashboard.file_names import export_file_name
from dashboard.wording import anomaly_sentence, markdown_safe

NO_CURRENCY = "no currency"
PREPARED_EXPORT = "prepared_export"  # (project id, format, bytes) of the last export fetched from the API
EXPORTS = {
    "csv": ("CSV", "text/csv"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    # one row per document and VAT rate (net, tax, gross as they book): a purchase-ledger import
    "vat": ("VAT per rate (CSV)", "text/csv"),
    # EN 16931 e-invoices, one XML per complete document, the others listed in missing.json
    "ubl": ("UBL e-invoices (zip)", "application/zip"),
    "cii": ("CII / Factur-X XML (zip)", "application/zip"),
}


def not_exported(zip_bytes: bytes) -> tuple[int, list[dict]] | None:
    """(XML files, documents left out) of an e-invoice export zip; its `missing.json` lists each document
    that could not be exported with the API's code and message."""
    try:
        with zipfile.ZipFile(BytesIO(zip_bytes)) as archive:
            names = archive.namelist()
            missing = json.loads(archive.read("missing.json")) if "missing.json" in names else []
    except (zipfile.BadZipFile, ValueError, KeyError):
        return None  # not the zip expected: nothing to say about it
    return sum(n.endswith(".xml") for n in names), [m for m in missing if isinstance(m, dict)]


def spend_chart(part: pd.DataFrame, currency: str) -> alt.Chart:
    """Stacked bars of one currency's spend by month, one colour per vendor (legend on the right)."""
    axis_title = "Total" if currency == NO_CURRENCY else f"Total ({currency})"
    return (
        alt.Chart(part)
        .mark_bar(size=max(6, min(48, 560 // max(1, part["month"].nunique()))))  # one month: not a slab
        .encode(
            x=alt.X("month:O", title="Month", sort="ascending", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("sum(total):Q", title=axis_title),
            color=alt.Color(
                "vendor:N",
                title="Vendor",
                legend=alt.Legend(orient="right", labelLimit=170, symbolLimit=15),
            ),
            tooltip=[
                alt.Tooltip("vendor:N", title="Vendor"),
                alt.Tooltip("month:O", title="Month"),
                alt.Tooltip("sum(total):Q", title=axis_title, format=",.2f"),
            ],
        )
        .properties(height=200)
    )


st.title("Project overview")
project_id = session.project_id()
if project_id is None:
    st.info("Pick or create a project first.")
    st.stop()

client = session.client()
try:
    summary = client.project_summary(project_id)
except ApiError as exc:
    session.show_api_error(exc, what="Loading the project summary")
    st.stop()

counts: dict = dict(summary.get("status_counts") or {})
# `needs_review` is not a status: it counts documents of the other statuses (processed ones mostly)
needs_review = counts.pop("needs_review", None)
st.subheader("Documents by status")
if counts:
    columns = st.columns(len(counts) + (needs_review is not None))
    for column, (status, count) in zip(columns, sorted(counts.items()), strict=False):
        column.metric(status.replace("_", " ").capitalize(), count)
    if needs_review is not None:
        columns[-1].metric(
            "Of which need review", needs_review, help="Documents above that the review queue lists first"
        )
else:
    st.caption("No documents yet.")

st.subheader("Spend by vendor and month")
spend = pd.DataFrame(summary.get("spend") or [], columns=["vendor", "month", "currency", "total"])
if spend.empty:
    st.caption("No totals extracted yet.")
else:
    spend["total"] = pd.to_numeric(spend["total"], errors="coerce")
    spend["vendor"] = spend["vendor"].fillna("(unknown vendor)")
    spend["month"] = spend["month"].fillna("no date")
    spend["currency"] = spend["currency"].fillna("").astype(str).str.strip().replace("", NO_CURRENCY)
    currencies = sorted(spend["currency"].unique(), key=lambda c: (c == NO_CURRENCY, c))
    st.caption(
        "One chart per currency, each with its own scale (amounts in different currencies are not added up); "
        "a file uploaded twice is counted once."
        + (
            " Documents whose currency was not read are under “no currency”."
            if NO_CURRENCY in currencies
            else ""
        )
    )
    for currency in currencies:
        part = spend[spend["currency"] == currency]
        title = "No currency" if currency == NO_CURRENCY else currency
        vendors = part["vendor"].nunique()
        st.markdown(
            f"**{title}** · {vendors} vendor{'s' if vendors != 1 else ''}, total {part['total'].sum():,.2f}"
        )
        st.altair_chart(spend_chart(part, currency), width="stretch", key=f"spend_chart_{currency}")

st.subheader("Anomaly scores")
scores = pd.DataFrame({"score": [float(s) for s in summary.get("anomaly_scores") or []]})
if scores.empty:
    st.caption("No anomaly scores yet.")
else:
    histogram = (
        alt.Chart(scores)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", bin=alt.Bin(extent=[0, 1], step=0.1), title="Anomaly score"),
            # whole documents: no 0.2 steps on the axis (a few scores drew 0.0, 0.2, ... 2.0)
            y=alt.Y("count():Q", title="Anomalies", axis=alt.Axis(tickMinStep=1, format="d")),
        )
    )
    st.altair_chart(histogram, key="score_chart")

st.subheader("Top anomalies")
top = summary.get("top_anomalies") or []
if not top:
    st.caption("No anomalies detected.")
else:
    names: dict[str, str] = {}
    if any(a.get("related_document_ids") for a in top):  # a duplicate names the other upload by its file
        try:
            names = {str(d["id"]): str(d.get("name") or d["id"]) for d in client.list_documents(project_id)}
        except ApiError:
            names = {}
    for anomaly in top:
        name = str(anomaly.get("document_name") or "")
        st.markdown(anomaly_sentence(anomaly, document_name=name, names=names))

st.subheader("Failed checks")
failed_checks = summary.get("failed_checks") or []
if not failed_checks:
    st.caption("No check fails on the documents waiting for review.")
else:
    st.caption(
        "The checks failing on the documents still waiting for a reviewer (approved and rejected ones are "
        "settled), errors first: a check failing everywhere is often a setting to change, not a document "
        "to fix."
    )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "documents": c.get("documents"),
                    "severity": c.get("severity"),
                    "check": c.get("check"),
                    "suite": c.get("suite"),
                    "for example": ", ".join(c.get("document_names") or []),
                }
                for c in failed_checks
            ]
        ),
        hide_index=True,
        width="stretch",
        key="failed_checks_table",
        column_config={
            "documents": st.column_config.NumberColumn("documents", width=80),
            "severity": st.column_config.TextColumn("severity", width=70),
            "check": st.column_config.TextColumn("check", width=420),
        },
    )

st.subheader("Export")
st.caption("The project's results, with corrections applied, as the API exports them.")
export_format = st.segmented_control(
    "Format", options=list(EXPORTS), default="csv", format_func=lambda f: EXPORTS[f][0], key="export_format"
)
only_approved = st.checkbox(
    "Only approved documents",
    key="export_only_approved",
    help="What a bookkeeping import should take: values a reviewer approved. A file uploaded twice is "
    "approved only with a reason, so its copy stays out.",
)
# rejected documents were set aside by a reviewer: neither approved nor waiting
not_approved = sum(counts.values()) - counts.get("approved", 0) - counts.get("rejected", 0)
if not only_approved and not_approved:
    st.caption(
        f":material/warning: {not_approved} of {sum(counts.values())} document(s) are not approved: "
        "exported as read, unchecked (duplicates included). Tick **Only approved documents** for bookkeeping."
    )
export_what = (export_format, "approved" if only_approved else "all")
if st.button("Prepare export", key="export_prepare", icon=":material/sync:", disabled=not export_format):
    try:
        st.session_state[PREPARED_EXPORT] = (
            project_id,
            export_what,
            client.export_project(
                project_id,
                "csv" if export_format == "vat" else export_format,
                **({"status": "approved"} if only_approved else {}),
                **({"table": "vat"} if export_format == "vat" else {}),
            ),
        )
    except ApiError as exc:
        session.show_api_error(exc, what="Exporting")
prepared_project, prepared_what, prepared_data = st.session_state.get(PREPARED_EXPORT, (None, None, b""))
prepared_format = prepared_what[0] if prepared_what else None
if prepared_project == project_id and prepared_what and prepared_what != export_what:
    # the one prepared was another format, or the same format of other documents
    other = "format" if prepared_format != export_format else "documents"
    st.caption(f"Prepare the export again for the {other} chosen.")
elif prepared_project == project_id and prepared_format:
    label, mime = EXPORTS[prepared_format]
    st.download_button(
        f"Download {label} ({max(1, len(prepared_data) // 1024)} kB)",
        data=prepared_data,
        mime=mime,
        file_name=export_file_name(
            st.session_state.get(session.PROJECT_NAME) or "",
            project_id,
            "zip"
            if mime == "application/zip"
            else "vat.csv"
            if prepared_format == "vat"
            else prepared_format,
        ),
        key="export_download",
        icon=":material/download:",
        type="primary",
    )
    counted = not_exported(prepared_data) if mime == "application/zip" else None
    if counted is not None:
        exported, missing = counted
        if missing:
            st.warning(
                f"{exported} document(s) exported; {len(missing)} could not be (also listed in missing.json "
                "in the zip):\n"
                + "\n".join(
                    f"- {markdown_safe(str(m.get('name')))}: {markdown_safe(str(m.get('message')))}"
                    for m in missing
                )
            )
        else:
            st.caption(f"{exported} document(s) exported.")
