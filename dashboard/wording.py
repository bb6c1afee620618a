"""Plain-sentence wording of validation results, anomalies and task progress for the pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FINISHED_STATUSES = frozenset({"succeeded", "partially_failed", "failed", "cancelled"})
RUNNING_STATUSES = frozenset({"queued", "running", "cancelling"})
# Streamlit markdown icons (Material Symbols ship with Streamlit; emoji fonts may be missing on servers).
SEVERITY_ICONS = {
    "error": ":red[:material/error:]",
    "warning": ":orange[:material/warning:]",
    "info": ":blue[:material/info:]",
}
PASSED_ICON, FAILED_ICON = ":green[:material/check_circle:]", ":red[:material/cancel:]"


def outcome_sentence(outcome: dict[str, Any]) -> str:
    """A sentence such as `Passed: The total is present.` or `Failed (error): ... Observed: 12.00.`"""
    description = str(outcome.get("description") or outcome.get("expectation") or "an expectation").strip()
    if not description.endswith("."):
        description += "."
    if outcome.get("success"):
        return f"Passed: {description}"
    severity = outcome.get("severity") or "error"
    sentence = f"Failed ({severity}): {description}"
    observed = outcome.get("observed_value")
    if observed not in (None, "", [], {}):
        sentence += f" Observed: {observed}."
    unexpected = outcome.get("unexpected_values") or []
    if unexpected:
        sentence += " Unexpected: " + ", ".join(str(v) for v in unexpected[:5]) + "."
    return sentence


def validation_sentences(reports: Iterable[dict[str, Any]]) -> list[tuple[bool, str]]:
    """`(passed, sentence)` for every outcome of every report, failures first."""
    rows = [(bool(o.get("success")), outcome_sentence(o)) for r in reports for o in r.get("outcomes", [])]
    return sorted(rows, key=lambda row: row[0])


def anomaly_sentence(anomaly: dict[str, Any]) -> str:
    severity = str(anomaly.get("severity") or "info")
    icon = SEVERITY_ICONS.get(severity, ":gray[:material/help:]")
    kind = str(anomaly.get("kind") or "anomaly").replace("_", " ")
    score = float(anomaly.get("score") or 0.0)
    explanation = markdown_safe(str(anomaly.get("explanation") or ""))
    return f"{icon} **{severity}** · {kind} (score {score:.2f}): {explanation}"


def markdown_safe(text: str) -> str:
    """Text from documents as literal Markdown: `$` would start LaTeX in Streamlit ("$4.95 ... $5")."""
    return text.replace("\\", "\\\\").replace("$", "\\$")


def progress_text(task: dict[str, Any]) -> str:
    """ "2/3 documents, 4/5 pages · step: ocr" from a task's status or list item."""
    progress = task.get("progress") or {}
    if not isinstance(progress, dict):
        return f"{float(progress):.0f}%"
    text = (
        f"{progress.get('documents_done', 0)}/{progress.get('documents_total', 0)} documents, "
        f"{progress.get('pages_done', 0)}/{progress.get('pages_total', 0)} pages"
    )
    step = task.get("current_step")
    if step and task.get("status") in RUNNING_STATUSES:
        text += f" · step: {step}"
    return text


def progress_fraction(task: dict[str, Any]) -> float:
    progress = task.get("progress") or {}
    if isinstance(progress, dict):
        percent = progress.get("percent")
        if percent is None:
            total = progress.get("documents_total") or 0
            percent = 100.0 * (progress.get("documents_done") or 0) / total if total else 0.0
    else:
        percent = float(progress)
    return max(0.0, min(1.0, float(percent) / 100.0))


def short_time(iso: str | None) -> str:
    """ "2026-11-28T10:00:05.123Z" -> "2026-11-28 10:00:05 UTC" (the API answers in UTC)."""
    if not iso:
        return "—"
    text = str(iso).replace("T", " ", 1)
    if len(text) > 19 and text.endswith(("Z", "+00:00")):
        return text[:19] + " UTC"
    return text
