"""Scoring candidates: a linear score over their features, squashed into a probability.

Two weight sets: hand weights (below, readable, the fallback) and a learned logistic regression per field
(`scorer_model.json`, trained by `bench/train_scorer.py` with document-grouped cross-validation; plain
JSON coefficients, so no pickle and no scikit-learn at run time). The learned model is used for the
fields it covers when `ExtractionOptions.scorer == "learned"`.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ocr_tasks.extraction.candidates import Candidate

MODEL_PATH = Path(__file__).with_name("scorer_model.json")

_AMOUNT_COMMON = {"has_decimals": 0.8, "negative": -3.0, "left_has_digits_only": -0.3}
HAND_WEIGHTS: dict[str, tuple[float, dict[str, float]]] = {
    "total": (
        -3.0,
        {
            **_AMOUNT_COMMON,
            "label_left": 2.5,
            "label_above": 1.2,
            "negative_label": -2.2,
            "is_largest": 1.4,
            "rank": -0.8,
            "repeats": 0.9,
            "rightmost": 0.4,
            "currency_mark": 0.4,
            "cash_minus_change": 2.0,
            "row_frac": 0.6,
            "reread_agrees": 1.0,
            "reread_only": -0.3,
            "cash_below": 0.6,
            "largest_labelled": 1.0,
            "inclusive_label": 0.8,
            "repaired": -0.3,
            "over_ten_times_rest": -1.5,
            "rounded_005": 0.8,
            "in_summary_table": -1.5,
            "final_total_label": 1.2,
            "amount_due_label": 1.0,
            "readings_agree": 0.8,
            "second_reading": -0.3,
        },
    ),
    "subtotal": (
        -3.5,
        {
            **_AMOUNT_COMMON,
            "label_left": 3.5,
            "label_above": 2.0,
            "negative_label": -1.5,
            "is_largest": -0.2,
            "rank": -0.3,
            "repeats": 0.3,
            "rightmost": 0.3,
        },
    ),
    "tax_amount": (
        -3.5,
        {
            **_AMOUNT_COMMON,
            "label_left": 3.2,
            "label_above": 1.8,
            "negative_label": -1.5,
            "is_largest": -1.5,
            "rank": 0.3,
            "rightmost": 0.5,
        },
    ),
    "amount_due": (
        -4.0,
        {
            **_AMOUNT_COMMON,
            "label_left": 3.8,
            "label_above": 2.0,
            "is_largest": 0.6,
            "rightmost": 0.3,
            "negative_label": -3.0,
        },
    ),
    "invoice_date": (
        -1.0,
        {
            "label_left": 2.0,
            "label_above": 1.5,
            "negative_label": -2.5,
            "first": 0.8,
            "repeats": 0.4,
            "is_earliest": 0.6,
            "ambiguous": -0.3,
            "rel_y": -1.0,
            "future": -1.0,
            "has_time": 0.5,
            "repaired": -1.2,
            "far_future": -2.0,
            "implausible": -4.0,
            "readings_agree": 0.8,
            "second_reading": -0.3,
        },
    ),
    "due_date": (
        -3.0,
        {
            "label_left": 3.5,
            "label_above": 3.0,
            "first": -0.5,
            "is_earliest": -0.8,
            "negative_label": -2.5,
            "implausible": -2.0,
        },
    ),
    "vendor_name": (
        -1.0,
        {
            "position": -2.5,
            "first_text_row": 0.3,
            "legal_form": 1.2,
            "strong_legal": 1.3,
            "legal_at_end": 0.6,
            "upper": 0.6,
            "letters": 1.0,
            "height": 0.8,
            "not_name": -2.0,
            "address_like": -1.2,
            "two_rows": -1.0,
            "owner_line": -1.5,
            "wrapped_name": 1.5,
            "short": -1.5,
            "centered": 0.3,
            "followed_by_address": 1.0,
            "domain_match": 2.0,
            "strong_legal_far": 1.5,
            "after_customer_label": -2.5,
            "legal_only": -2.0,
            "legal_continuation": 2.0,
            "recipient_block": -3.5,
            "contact": -2.5,
            "registration_next": 0.8,
            "after_sender_contact": -1.5,
            "low_ocr_confidence": -2.0,
            "sender_line": 3.5,
            "named_by_legal_data": 1.0,
        },
    ),
    "vendor_address": (0.0, {"address_hints": 2.5, "rows": 0.5}),
    "invoice_number": (
        -2.5,
        {
            "label": 2.0,
            "distance": -1.5,
            "digits": 1.0,
            "digit_ratio": 0.5,
            "amount_like": -3.0,
            "generic_label": 0.3,
            "rel_y": -1.0,
            "words_between": -2.0,
            "tax_id_label": -3.0,
            "phone_label": -3.0,
        },
    ),
    "po_number": (-2.5, {"label": 2.2, "distance": -1.5, "digits": 0.8}),
    "vendor_tax_id": (
        -2.0,
        {
            "label": 2.5,
            "eu_vat": 1.5,
            "rel_y": -0.5,
            "customer_label": -4.0,
            "seller_label": 1.0,
            "checksum_bad": -1.0,
            "registration_label": -1.0,
        },
    ),
    "iban": (2.0, {"valid": 1.0, "customer_label": -4.0, "seller_label": 0.5}),
    "payment_terms": (-0.5, {"label": 2.0}),
    "tax_rate": (-1.0, {"label_left": 2.5}),
    "customer_name": (
        0.5,
        {
            "label": 1.0,
            "block": -1.5,
            "block_bill_to": 2.5,
            "block_ship_to": 1.5,
            "block_seller": -3.0,
            "sender_line_above": 2.5,
            "vendor_block": -4.0,
            "left_half": 0.8,
            "window_y": 0.7,
            "labelled_block": 0.3,
            "salutation": 1.5,
            "is_vendor": -4.0,
            "unmarked": -1.0,
            "below_vendor": 1.0,
            "postal_block": 1.5,
        },
    ),
    "customer_address": (0.0, {"label": 1.0}),
}


RUNTIME_ONLY_FEATURES = frozenset({"reread_agrees", "reread_only", "readings_agree", "second_reading"})


def sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@lru_cache(maxsize=4)
def load_calibration(path: Path = MODEL_PATH) -> dict[str, tuple[float, float]]:
    """Platt scaling per field `{field: (a, b)}` (fitted by bench/train_scorer.py), empty without a model."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text())
    return {name: (float(c["a"]), float(c["b"])) for name, c in data.get("calibration", {}).items()}


def calibrated(field: str, confidence: float) -> float:
    """The reported confidence mapped to the observed accuracy of that field on the corpus."""
    ab = load_calibration().get(field)
    if ab is None:
        return confidence
    p = min(max(confidence, 1e-4), 1 - 1e-4)
    return sigmoid(ab[0] * math.log(p / (1 - p)) + ab[1])


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, tuple[float, dict[str, float]]]:
    """Learned weights `{field: (intercept, {feature: coef})}`; empty when no model file is shipped."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text())
    return {
        name: (float(m["intercept"]), {k: float(v) for k, v in m["coef"].items()})
        for name, m in data.get("fields", {}).items()
    }


def weights_for(field: str, scorer: str) -> tuple[float, dict[str, float]]:
    if scorer == "learned":
        learned = load_model()
        if field in learned:
            bias, coef = learned[field]
            # features the training data cannot show (the second reading only exists at run time) keep
            # their hand weights
            hand = HAND_WEIGHTS.get(field, (0.0, {}))[1]
            return bias, {**{k: w for k, w in hand.items() if k in RUNTIME_ONLY_FEATURES}, **coef}
    return HAND_WEIGHTS.get(field, (0.0, {}))


def score_candidates(candidates: list[Candidate], *, scorer: str = "hand") -> None:
    """Set `score` (log-odds) and `confidence` (probability, scaled by OCR confidence) in place."""
    for c in candidates:
        bias, weights = weights_for(c.field, scorer)
        c.score = bias + sum(weights.get(k, 0.0) * v for k, v in c.features.items())
        ocr = c.ocr_confidence if c.ocr_confidence > 0 else 0.9
        c.confidence = sigmoid(c.score) * (0.6 + 0.4 * min(1.0, ocr))


def best(candidates: list[Candidate]) -> Candidate | None:
    """Highest-scoring candidate; confidence lowered when a different value scores close behind."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda c: (-c.score, c.page, c.bbox.y0, c.bbox.x0))
    winner = ordered[0]
    rival = next((c for c in ordered[1:] if c.value != winner.value), None)
    if rival is not None:
        share = sigmoid(winner.score) / (sigmoid(winner.score) + sigmoid(rival.score) + 1e-9)
        winner.confidence = winner.confidence * min(1.0, 0.4 + share * 0.8)
        winner.margin = winner.score - rival.score
    return winner


CLOSE_MARGIN = 2.0


def margin_discount(margin: float) -> float:
    """Factor applied after calibration when a different value scored close behind (0.5 at a tie)."""
    return 1.0 if margin >= CLOSE_MARGIN else 0.5 + 0.5 * max(0.0, margin) / CLOSE_MARGIN
