"""The EN 16931 findings of an e-invoice's XML as received (suite `en16931`), worded for the review page.

The XML of a ZUGFeRD / Factur-X PDF or a bare UBL / CII file is checked against the European standard's
rules; a non-conforming XML can break dozens of them (one per line item and VAT breakdown). They are
the sender's, not the reading's: a correction does not change them. The page says so in one sentence
(`summary`) and lists the rules in an expander (`rule_lines`, `BR-01: An Invoice shall have ...
(at /Invoice[1])`), instead of one red line per finding among the checks of the values, each ending in
"Found instead: /Invoice[1]" as if the path were a value. No Streamlit here (tested as plain functions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dashboard.wording import FAILED, WARNING, outcome_state

SUITE = "en16931"  # the suite name the API stores the XML's findings under (ocr_tasks/einvoice)


def split_reports(
    reports: Iterable[Mapping[str, Any]],
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """(the checks of the document's values, the XML's rule findings)."""
    own, xml = [], []
    for report in reports:
        (xml if report.get("suite") == SUITE else own).append(report)
    return own, xml


def _rule(outcome: Mapping[str, Any]) -> str:
    expectation = str(outcome.get("expectation") or "")
    return expectation.split(":", 1)[1] if expectation.startswith(f"{SUITE}:") else expectation


def rule_lines(xml_reports: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """`(state, "BR-01: <the rule> (at /Invoice[1])")` per rule the XML breaks, errors first."""
    lines = []
    for report in xml_reports:
        for outcome in report.get("outcomes") or []:
            state = outcome_state(outcome)
            if state not in (FAILED, WARNING):
                continue
            message = str(outcome.get("description") or "").strip() or "A rule of EN 16931."
            where = outcome.get("observed_value")
            at = f" (at {where})" if isinstance(where, str) and where.strip() else ""
            rule = _rule(outcome)
            lines.append((state, f"{rule}: {message}{at}" if rule else f"{message}{at}"))
    return sorted(lines, key=lambda line: line[0] != FAILED)


def summary(lines: list[tuple[str, str]]) -> tuple[str, str] | None:
    """`(state, sentence)` saying how many rules the XML as received breaks; None when it breaks none."""
    errors = sum(state == FAILED for state, _ in lines)
    warnings = len(lines) - errors
    if not lines:
        return None
    parts = []
    if errors:
        parts.append(f"breaks {errors} rule{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"has {warnings} warning{'s' if warnings != 1 else ''}")
    sentence = (
        f"The e-invoice XML as received {' and '.join(parts)} under EN 16931, the European e-invoice "
        "standard. These are the sender's: a correction here does not change them"
        + ("; if the values are right, approve anyway and say why." if errors else ".")
    )
    return (FAILED if errors else WARNING), sentence
