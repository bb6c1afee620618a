"""Project overview: counts by status, spend by vendor and month, anomaly scores, top anomalies, export."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import session
from dashboard.api_client import ApiError

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
    for column, (status, count) in zip(st.columns(len(counts)), sorted(counts.items())):
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
            y=alt.Y("count():Q", title="Documents"),
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


def _export(fmt: str) -> bytes:
    return client.export_project(project_id, fmt)


for column, (fmt, (label, mime)) in zip(st.columns(len(EXPORTS)), EXPORTS.items()):
    column.download_button(
        f"Download {label}",
        data=lambda fmt=fmt: _export(fmt),
        mime=mime,
        file_name=f"project-{project_id}.{fmt}",
        key=f"export_{fmt}",
        icon=":material/download:",
    )
