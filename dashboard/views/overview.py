"""Project overview: counts by status, spend by vendor and month, anomaly scores, top anomalies, export."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError

PREPARED_EXPORT = "prepared_export"  # (project id, format, bytes) of the last export fetched from the API
EXPORTS = {
    "csv": ("CSV", "text/csv"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}

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

counts: dict = summary.get("status_counts") or {}
st.subheader("Documents by status")
if counts:
    for column, (status, count) in zip(st.columns(len(counts)), sorted(counts.items()), strict=True):
        column.metric(status.replace("_", " ").capitalize(), count)
else:
    st.caption("No documents yet.")

st.subheader("Spend by vendor and month")
spend = pd.DataFrame(summary.get("spend") or [], columns=["vendor", "month", "currency", "total"])
if spend.empty:
    st.caption("No totals extracted yet.")
else:
    spend["total"] = pd.to_numeric(spend["total"], errors="coerce")
    spend["vendor"] = spend["vendor"].fillna("(unknown vendor)")
    chart = (
        alt.Chart(spend)
        .mark_bar()
        .encode(
            x=alt.X("month:N", title="Month"),
            y=alt.Y("sum(total):Q", title="Total"),
            color=alt.Color("vendor:N", title="Vendor"),
            tooltip=["vendor", "month", "currency", "total"],
        )
    )
    if spend["currency"].nunique() > 1:
        chart = chart.encode(column=alt.Column("currency:N", title="Currency"))
    st.altair_chart(chart, key="spend_chart")

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
            y=alt.Y("count():Q", title="Count"),
        )
    )
    st.altair_chart(histogram, key="score_chart")

st.subheader("Top anomalies")
top = summary.get("top_anomalies") or []
if not top:
    st.caption("No anomalies detected.")
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "document": a.get("document_name"),
                    "kind": a.get("kind"),
                    "severity": a.get("severity"),
                    "score": a.get("score"),
                    "explanation": a.get("explanation"),
                }
                for a in top
            ]
        ),
        hide_index=True,
        width="stretch",
        key="top_anomalies",
        column_config={
            "score": st.column_config.NumberColumn(format="%.2f"),
            "explanation": st.column_config.TextColumn(width="large"),
        },
    )

st.subheader("Export")
st.caption("All results of the project, with corrections applied, as the API exports them.")
export_format = st.segmented_control(
    "Format", options=list(EXPORTS), default="csv", format_func=lambda f: EXPORTS[f][0], key="export_format"
)
if st.button("Prepare export", key="export_prepare", icon=":material/sync:", disabled=not export_format):
    try:
        st.session_state[PREPARED_EXPORT] = (
            project_id,
            export_format,
            client.export_project(project_id, export_format),
        )
    except ApiError as exc:
        session.show_api_error(exc, what="Exporting")
prepared_project, prepared_format, prepared_data = st.session_state.get(PREPARED_EXPORT, (None, None, b""))
if prepared_project == project_id and prepared_format:
    label, mime = EXPORTS[prepared_format]
    st.download_button(
        f"Download {label} ({max(1, len(prepared_data) // 1024)} kB)",
        data=prepared_data,
        mime=mime,
        file_name=f"project-{project_id}.{prepared_format}",
        key="export_download",
        icon=":material/download:",
        type="primary",
    )
