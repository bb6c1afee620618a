"""The learned detector: fitted with a fixed random state, persisted with its version, naming features."""

from __future__ import annotations

import pytest

from ocr_tasks.anomaly import AnomalyModel, AnomalySettings, fit_model, score_anomalies
from ocr_tasks.errors import AnomalyModelError
from tests.ocr_tasks.anomaly.records import TODAY, history, rec

SETTINGS = AnomalySettings(today=TODAY, min_history=100, n_estimators=50)
PAST = history(vendors=4, per_vendor=30)  # 120 invoices; vendor v's totals sit around 100 x (v + 1)


@pytest.fixture(scope="module")
def model() -> AnomalyModel:
    fitted = fit_model(PAST, settings=SETTINGS)
    assert fitted is not None
    return fitted


def _vendor1(doc_id: str, total: str, **fields):
    return rec(
        doc_id,
        vendor_name="VENDOR 1 LTD.",
        invoice_number=f"V1-{doc_id}",
        total=total,
        subtotal=total,
        tax_amount="0.00",
        iban="DE01500105170648489890",
        **fields,
    )


def test_too_little_history_gives_no_model():
    assert fit_model(PAST[:99], settings=SETTINGS) is None


def test_ten_times_the_vendors_usual_total_is_an_outlier_naming_the_feature(model):
    result = score_anomalies([_vendor1("big", "2000.37")], PAST, settings=SETTINGS, model=model)
    (outlier,) = [a for a in result["big"] if a.kind == "outlier"]
    assert "total_vs_vendor_median" in outlier.evidence["features"]
    assert "the vendor's median" in outlier.explanation and "x the vendor" in outlier.explanation
    assert 0.5 <= outlier.score <= 1.0
    assert outlier.evidence["model_version"] == model.version
    assert not [a for a in result["big"] if a.kind == "rules_only"]


def test_near_miss_twice_the_usual_total_is_not_an_outlier(model):
    result = score_anomalies(
        [_vendor1("double", "400.37"), _vendor1("usual", "201.37")], PAST, settings=SETTINGS, model=model
    )
    assert [a.kind for a in result["double"]] == [] and [a.kind for a in result["usual"]] == []


def test_a_duplicate_is_not_also_called_an_outlier(model):
    huge = _vendor1("huge", "2000.37")
    copy = _vendor1("copy", "2000.37", sha256=huge.sha256)
    result = score_anomalies([huge, copy], PAST, settings=SETTINGS, model=model)
    assert {a.kind for a in result["huge"]} == {"outlier"}
    assert {a.kind for a in result["copy"]} == {"exact_duplicate"}


def test_round_trip_through_bytes_keeps_version_and_scores(model):
    restored = AnomalyModel.from_bytes(model.to_bytes())
    assert restored.version == model.version and model.version.startswith("iforest-v1/")
    batch = [_vendor1("big", "2000.37"), _vendor1("usual", "201.37")]
    assert score_anomalies(batch, PAST, settings=SETTINGS, model=restored) == score_anomalies(
        batch, PAST, settings=SETTINGS, model=model
    )


def test_fitting_is_deterministic(model):
    again = fit_model(PAST, settings=SETTINGS)
    assert again.version == model.version and again.threshold == model.threshold


def test_scoring_fits_a_model_itself_when_none_is_given():
    result = score_anomalies([_vendor1("big", "2000.37")], PAST, settings=SETTINGS)
    assert "outlier" in {a.kind for a in result["big"]}


@pytest.mark.parametrize("blob", [b"", b"not a model", b"OCRANOM1garbage"])
def test_unreadable_bytes_raise_a_typed_error(blob):
    with pytest.raises(AnomalyModelError) as caught:
        AnomalyModel.from_bytes(blob)
    assert caught.value.code == "invalid_anomaly_model"


def test_importing_the_package_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, ocr_tasks.anomaly;"
        " heavy = {'sklearn', 'pandas', 'great_expectations'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_feature_far_beyond_the_history_is_named(model):
    crowded = _vendor1("crowded", "201.37", line_item_count=40)  # the history has 1-3 items per invoice
    (outlier,) = score_anomalies([crowded], PAST, settings=SETTINGS, model=model)["crowded"]
    assert outlier.kind == "outlier" and list(outlier.evidence["features"]) == ["line_item_count"]
    assert "number of line items 40" in outlier.explanation


def test_a_feature_a_little_outside_the_history_is_not(model):
    assert score_anomalies(
        [_vendor1("five", "201.37", line_item_count=5)], PAST, settings=SETTINGS, model=model
    ) == {"five": ()}
