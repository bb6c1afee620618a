"""Calibrated confidences: the shipped per-field tables map raw confidences monotonically into 0-1,
interpolate between breakpoints, and leave fields without a table alone."""

from __future__ import annotations

import json

from ocr_tasks.extraction import confidence_calibration as calibration
from ocr_tasks.invoice_types import FieldValue, Invoice


def test_shipped_tables_are_monotone_probabilities():
    tables = calibration.load_tables()
    assert {"total", "invoice_date", "vendor_name"} <= set(tables)
    for xs, ys in tables.values():
        assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
        assert all(0.0 <= y <= 1.0 for y in ys)


def test_interpolation_and_fields_without_a_table(tmp_path, monkeypatch):
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"fields": {"total": {"x": [0.2, 0.6], "y": [0.5, 0.9]}}}))
    read = calibration.load_tables.__wrapped__
    monkeypatch.setattr(calibration, "load_tables", lambda: read(path))
    assert abs(calibration.probability("total", 0.4) - 0.7) < 1e-9
    assert calibration.probability("total", 0.05) == 0.5  # flat beyond the ends
    assert calibration.probability("total", 0.99) == 0.9
    assert calibration.probability("iban", 0.33) == 0.33
    invoice = Invoice(
        fields={
            "total": FieldValue("total", "1.00", "1.00", 0.4),
            "iban": FieldValue("iban", "X", "X", 0.33),
        }
    )
    out = calibration.calibrate_confidences(invoice)
    assert (round(out.fields["total"].confidence, 4), out.fields["iban"].confidence) == (0.7, 0.33)
    assert out.fields["total"].value == "1.00"
