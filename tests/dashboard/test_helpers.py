"""Pure helpers of the dashboard: queue order, PATCH bodies, box overlay, wording."""

from __future__ import annotations

import io

from PIL import Image

from dashboard.attention import attention_reason, sort_by_attention
from dashboard.corrections import changed_fields, patch_body
from dashboard.overlay import HIGHLIGHT_COLOUR, draw_field_boxes, field_boxes_on_page, to_pixels
from dashboard.wording import outcome_sentence, progress_fraction, progress_text
from tests.dashboard.fakes import png_bytes


def _doc(name, **kw):
    base = {
        "name": name,
        "status": "processed",
        "validation_errors": 0,
        "anomaly_count": 0,
        "max_anomaly_score": 0.0,
        "min_confidence": 0.9,
        "needs_review": False,
    }
    return {**base, **kw}


def test_queue_order_puts_errors_then_anomalies_then_low_confidence_first_and_approved_last():
    docs = [
        _doc("fine"),
        _doc("approved", status="approved", validation_errors=3),
        _doc("lowconf", min_confidence=0.3),
        _doc("anomalous", anomaly_count=1, max_anomaly_score=0.9),
        _doc("invalid", validation_errors=2),
        _doc("failed", status="failed", min_confidence=None),
    ]
    assert [d["name"] for d in sort_by_attention(docs)] == [
        "failed",
        "invalid",
        "anomalous",
        "lowconf",
        "fine",
        "approved",
    ]
    assert attention_reason(docs[3]) == "1 anomaly (max score 0.90)"
    assert attention_reason(docs[2]) == "low confidence (0.30)"


def test_changed_fields_sends_only_edits_and_none_for_cleared():
    original = {"total": {"value": "9.00"}, "vendor_name": {"value": "ACME"}, "po_number": {"value": None}}
    edited = {"total": "9.50", "vendor_name": " ACME ", "po_number": ""}
    assert changed_fields(original, edited) == {"total": "9.50"}
    assert changed_fields(original, {"vendor_name": ""}) == {"vendor_name": None}


def test_patch_body_includes_line_items_only_when_the_table_changed():
    fields = {"total": {"value": "9.00"}}
    items = [{"description": "Coffee", "quantity": "1", "unit_price": "9.00", "amount": "9.00"}]
    assert patch_body(fields, {"total": "9.00"}, items, [dict(items[0])]) == {}
    empty_row = {"description": None, "quantity": None, "unit_price": None, "amount": None}
    assert patch_body(fields, {"total": "9.00"}, items, [dict(items[0]), empty_row]) == {}
    changed = patch_body(fields, {"total": "9.00"}, items, [{**items[0], "quantity": "2"}])
    assert changed == {"fields": {}, "line_items": [{**items[0], "quantity": "2"}]}


def test_boxes_are_drawn_where_the_relative_bbox_says_and_highlighted_in_red():
    fields = {
        "total": {"bbox": [0.5, 0.5, 0.9, 0.6], "page": 0},
        "date": {"bbox": [0.1, 0.1, 0.3, 0.2], "page": 1},
        "iban": {"bbox": None, "page": 0},
    }
    boxes = field_boxes_on_page(fields, 0)
    assert boxes == {"total": (0.5, 0.5, 0.9, 0.6)}
    assert to_pixels(boxes["total"], 200, 300) == (100, 150, 180, 180)
    picture = draw_field_boxes(png_bytes(200, 300), boxes, highlight="total")
    assert picture.size == (200, 300)
    assert picture.getpixel((100, 165)) == HIGHLIGHT_COLOUR  # left edge of the box
    assert picture.getpixel((20, 280)) == (255, 255, 255)  # far from any box: untouched
    plain = draw_field_boxes(png_bytes(200, 300), boxes)
    assert plain.getpixel((100, 165)) != HIGHLIGHT_COLOUR


def test_overlay_accepts_jpeg_and_greyscale_pages():
    buffer = io.BytesIO()
    Image.new("L", (50, 80), 200).save(buffer, format="JPEG")
    assert draw_field_boxes(buffer.getvalue(), {"x": (0, 0, 1, 1)}).mode == "RGB"


def test_wording_of_outcomes_and_progress():
    assert outcome_sentence({"description": "The total is present", "success": True}) == (
        "Passed: The total is present."
    )
    failed = {
        "description": "The date is not in the future.",
        "success": False,
        "severity": "warning",
        "observed_value": "2031-01-01",
        "unexpected_values": ["2031-01-01"],
    }
    assert outcome_sentence(failed) == (
        "Failed (warning): The date is not in the future. Observed: 2031-01-01. Unexpected: 2031-01-01."
    )
    task = {
        "status": "running",
        "current_step": "extract",
        "progress": {
            "documents_done": 1,
            "documents_total": 4,
            "pages_done": 3,
            "pages_total": 7,
            "percent": 40,
        },
    }
    assert progress_text(task) == "1/4 documents, 3/7 pages · step: extract"
    assert progress_fraction(task) == 0.4
    assert progress_text({**task, "status": "succeeded"}) == "1/4 documents, 3/7 pages"


def test_labels_of_neighbouring_boxes_do_not_overlap():
    from dashboard.overlay import _label_position, _overlaps

    placed = [_label_position(10, 100, 120, 80, 14, 400, 600, [])]
    second = _label_position(20, 100, 120, 80, 14, 400, 600, placed)
    assert placed[0] == (10, 86, 90, 100)  # above the first box
    assert not _overlaps(second, placed[0])


def test_next_in_queue_skips_approved_and_wraps_round():
    from dashboard.attention import next_in_queue

    queue = [
        {"id": "a", "status": "failed"},
        {"id": "b", "status": "approved"},
        {"id": "c", "status": "processed"},
    ]
    assert next_in_queue(queue, "a") == "c"
    assert next_in_queue(queue, "c") == "a"
    assert next_in_queue(queue, "missing") == "a"
    assert next_in_queue([{"id": "a", "status": "processed"}], "a") is None


def test_short_time_shows_utc_seconds():
    from dashboard.wording import short_time

    assert short_time("2026-11-28T10:00:05.123456Z") == "2026-11-28 10:00:05 UTC"
    assert short_time("2026-11-28T10:00:05+00:00") == "2026-11-28 10:00:05 UTC"
    assert short_time(None) == "—"
