"""Pure helpers of the dashboard: queue order, PATCH bodies, box overlay, wording."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from dashboard.attention import attention_reason, sort_by_attention
from dashboard.corrections import changed_fields, patch_body
from dashboard.overlay import BOX_COLOUR, HIGHLIGHT_COLOUR, draw_field_boxes, field_boxes_on_page, to_pixels
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
    assert attention_reason(docs[3]) == "1 anomaly"
    assert attention_reason(docs[2]) == "low confidence"
    assert attention_reason(_doc("both", validation_errors=2, anomaly_count=3, min_confidence=0.1)) == (
        "2 failed checks, 3 anomalies"  # the confidence has its own column in the queue
    )
    assert attention_reason(docs[1]) == "approved (3 failed checks)"
    assert attention_reason(_doc("new", status="pending")) == "not processed yet"


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


def test_boxes_are_outlines_outside_the_text_and_the_highlighted_one_is_red_and_thicker():
    fields = {
        "total": {"bbox": [0.5, 0.5, 0.9, 0.6], "page": 0},
        "date": {"bbox": [0.1, 0.1, 0.3, 0.2], "page": 1},
        "iban": {"bbox": None, "page": 0},
    }
    boxes = field_boxes_on_page(fields, 0)
    assert boxes == {"total": (0.5, 0.5, 0.9, 0.6)}
    assert to_pixels(boxes["total"], 200, 300) == (100, 150, 180, 180)
    picture = draw_field_boxes(png_bytes(200, 300), boxes, highlight="total")
    scale = picture.width / 200  # small pages are drawn larger, so labels stay readable
    assert picture.width >= 1000 and picture.height == round(300 * scale)
    x0, y0, x1, y1 = (round(v * scale) for v in (100, 150, 180, 180))
    middle = (round((x0 + x1) / 2), round((y0 + y1) / 2))
    assert picture.getpixel(middle) == (255, 255, 255)  # not filled: the text under it stays readable
    assert picture.getpixel((x0 + 2, middle[1])) == (255, 255, 255)  # the outline is outside the box
    left_edge = [x for x in range(x0 - 12, x0) if picture.getpixel((x, middle[1])) == HIGHLIGHT_COLOUR]
    assert len(left_edge) >= 4  # thick and red
    assert picture.getpixel((20, picture.height - 20)) == (255, 255, 255)  # far from any box: untouched
    plain = draw_field_boxes(png_bytes(200, 300), boxes)
    thin = [x for x in range(x0 - 12, x0) if plain.getpixel((x, middle[1])) == BOX_COLOUR]
    assert 0 < len(thin) < len(left_edge)  # not highlighted: blue and thinner
    assert HIGHLIGHT_COLOUR not in {plain.getpixel((x, middle[1])) for x in range(x0 - 12, x0)}


def _inked_page(width: int = 1000, height: int = 600) -> tuple[bytes, list[tuple[int, int, int, int]]]:
    """A white page with black text-like bars: three lines of text, one word of each marked as a field."""
    from PIL import ImageDraw

    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    words = []
    for top in (100, 130, 160):  # three close lines, like a receipt
        for left in (100, 400):
            draw.rectangle((left, top, left + 200, top + 14), fill="black")
            words.append((left, top, left + 200, top + 14))
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue(), words


def test_labels_do_not_cover_text_or_each_other():
    from dashboard.overlay import InkMap, draw_field_boxes, place_label

    image_bytes, words = _inked_page()
    ink = InkMap(Image.open(io.BytesIO(image_bytes)))
    assert ink.fraction(words[0]) == 1.0 and ink.fraction((0, 0, 50, 50)) == 0.0
    assert ink.fraction((-10, 0, 10, 10)) == 0.5  # off the page counts as taken
    taken = []
    for word in words[:3]:
        label = place_label(word, (90, 16), ink, taken, [w for w in words if w != word], gap=3)
        assert ink.fraction(label) == 0.0, (word, label)  # on white paper only
        assert all(not _overlapping(label, other) for other in taken)
        assert all(not _overlapping(label, w) for w in words)
        taken.append(label)
    # the whole drawing: every pixel of the text bars stays black (no fill, no label on them)
    boxes = {
        f"field_{i}": tuple(v / s for v, s in zip(w, (1000, 600, 1000, 600), strict=True))
        for i, w in enumerate(words)
    }
    drawn = draw_field_boxes(image_bytes, boxes, highlight="field_2")
    for x0, y0, x1, y1 in words:
        region = drawn.crop((x0 + 1, y0 + 1, x1 - 1, y1 - 1)).convert("L")
        assert region.getextrema() == (0, 0)


def _overlapping(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_zoom_crops_around_the_highlighted_field():
    from dashboard.overlay import FULL_PAGE, zoom_view

    assert zoom_view((0.5, 0.5, 0.6, 0.6), 1) == FULL_PAGE
    assert zoom_view((0.5, 0.5, 0.6, 0.6), 2) == pytest.approx((0.3, 0.3, 0.8, 0.8))
    assert zoom_view((0.9, 0.95, 1.0, 1.0), 2) == pytest.approx((0.5, 0.5, 1.0, 1.0))  # inside the page
    assert zoom_view(None, 3)[1] == 0.0  # no field: the top of the page
    boxes = {"total": (0.5, 0.5, 0.6, 0.6), "date": (0.0, 0.0, 0.1, 0.1)}
    zoomed = draw_field_boxes(png_bytes(200, 300), boxes, "total", view=zoom_view(boxes["total"], 2))
    assert zoomed.width >= 1000  # the crop is enlarged
    assert HIGHLIGHT_COLOUR in {zoomed.getpixel((x, zoomed.height // 2)) for x in range(zoomed.width)}


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
    assert outcome_sentence(failed) == "Warning: The date is not in the future. Found instead: 2031-01-01."
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


def test_a_corrected_items_table_keeps_the_cells_the_editor_does_not_show():
    """The editor shows description, quantity, unit price and amount; an item's VAT rate and an
    e-invoice line's discount ride along with the row they belong to."""
    fields = {"total": {"value": "129.90"}}
    full = [
        {
            "description": "Nougat",
            "quantity": "20",
            "unit_price": "4.55",
            "amount": "81.90",
            "tax_rate": "5.5",
            "discount_percent": "10",
        },
        {
            "description": "Biscuits",
            "quantity": "15",
            "unit_price": "3.20",
            "amount": "48.00",
            "tax_rate": "20",
        },
    ]
    shown = [
        {k: v for k, v in item.items() if k in ("description", "quantity", "unit_price", "amount")}
        for item in full
    ]
    edited = [{**shown[0], "description": "Nougat 250g"}, shown[1]]
    body = patch_body(fields, {"total": "129.90"}, shown, edited, full)
    assert body["line_items"] == [{**full[0], "description": "Nougat 250g"}, full[1]]
    # a row deleted: the rows left keep their own cells, found by description
    body = patch_body(fields, {"total": "129.90"}, shown, [shown[1]], full)
    assert body["line_items"] == [full[1]]
