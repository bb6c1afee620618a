"""How the held-out scan tests read their pages, in one place: each case (`rendered_pages.held_out_cases`) is
drawn once and reaches the product as its drawn PDF (`text layer`), rasterised at 200 dpi grey without a text
layer (`200 dpi`) or in its own capture form (`captured`: a phone photo, a fax, ...), as
`bench/held_out_scans.py` reads it; then the test parameters, one per field a reader writes down, strict
xfails where the reading cannot give the printed value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from ocr_tasks.extraction import ExtractionOptions
from tests.ocr_tasks.extraction.rendered_pages import HeldOutCase, held_out_cases, rasterise, read_invoice

TEXT_LAYER, AT_200_DPI, CAPTURED = "text layer", "200 dpi", "captured"
CAPTURE_SEED = 7  # any seed: the forms are drawn at random within their bounds (tilt, light, shadow side)

Reading = tuple[HeldOutCase, dict[str, str | None], int]  # the case, {field: value read}, items read


def read_cases(
    workdir: Path, names: Iterable[str], reading: str, *, round_key: str = ""
) -> dict[str, Reading]:
    """Each case named read one way, by name (`round_key` `3:` or `4:` names the round of `held_out_cases`'s
    keys; round 1's have none)."""
    cases = held_out_cases()
    out = {}
    for name in names:
        case = cases[round_key + name]
        pdf = case.render()
        stem = workdir / name
        if reading == TEXT_LAYER:
            path = stem.with_suffix(".pdf")
            path.write_bytes(pdf)
        elif reading == AT_200_DPI:
            path = rasterise(pdf, stem, dpi=200)
        elif reading == CAPTURED:
            path = case.capture(pdf, stem, CAPTURE_SEED)
        else:
            raise ValueError(f"unknown reading {reading!r}")
        invoice, _ = read_invoice(path, ExtractionOptions(today=case.today))
        out[name] = (case, {f: v.value for f, v in invoice.fields.items()}, len(invoice.line_items))
    return out


def field_params(
    expected: Mapping[str, Iterable[str]],
    names: Iterable[str],
    known_misses: Mapping[tuple, str] | None = None,
):
    """One `pytest.param(name, field)` per field of each case named, a strict xfail where `known_misses`
    gives the reason (keyed by `(name, field)`)."""
    for name in names:
        for field in expected[name]:
            reason = (known_misses or {}).get((name, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, field, marks=marks, id=f"{name}-{field}")


def check_field(reading: Reading, name: str, field: str) -> None:
    """The field as read matches what a reader writes down, as the case's round compares it."""
    case, values, _ = reading
    got = values.get(field)
    assert case.matches(field, got, case.expected[field]), f"{name}.{field}: {got!r}"
