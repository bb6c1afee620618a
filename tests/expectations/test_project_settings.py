"""`ProjectSettings`: parsed once with defaults, bad settings named, the stored layout and its schema."""

from __future__ import annotations

import jsonschema
import pytest

from expectations.project_settings import (
    DEFAULT_REVIEW_CONFIDENCE,
    LEXICON_LANGUAGES,
    InvalidSettings,
    ProjectSettings,
    json_schema,
    merge_patch,
)
from expectations.settings import ValidationSettings
from ocr_tasks.anomaly import AnomalySettings
from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction.keywords import LANGUAGES
from ocr_tasks.extraction.options import ExtractionOptions
from ocr_tasks.extraction.tesseract_regions import SECOND_OPINION_BELOW


def test_defaults_are_the_librarys():
    settings = ProjectSettings.from_dict({})
    assert settings == ProjectSettings.from_dict(None) == ProjectSettings()
    assert settings.extraction.options() == ExtractionOptions()
    assert settings.extraction.second_opinion_below == SECOND_OPINION_BELOW
    assert settings.validation == ValidationSettings() and settings.anomaly == AnomalySettings()
    assert settings.ocr.config("eng+deu") == OcrConfig(languages="eng+deu")
    assert settings.review.confidence == DEFAULT_REVIEW_CONFIDENCE
    assert settings.to_dict(full=False) == {}
    assert LEXICON_LANGUAGES == LANGUAGES  # the languages a project may choose are the lexicons'


def test_sections_and_the_older_flat_keys_are_read():
    settings = ProjectSettings.from_dict(
        {
            "ocr_engine": "tesseract",
            "approval_threshold": 500,
            "tolerance": 0.05,
            "review_confidence": 0.95,
            "anomaly": {"z_threshold": 2.0},
            "validation": {"tolerance": 0.02},
            "ocr": {"psm": 6},
            "extraction": {"reread": False, "languages": ["de"], "country": "DE"},
            "custom_expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {}}],
            "unknown_key": "left alone",
        }
    )
    assert (settings.anomaly.approval_threshold, settings.anomaly.z_threshold) == (500.0, 2.0)
    assert settings.validation.tolerance == 0.02  # the section wins over the flat key
    assert settings.review.confidence == 0.95 and settings.ocr.psm == 6 and settings.ocr_engine == "tesseract"
    assert settings.extraction.options().languages == ("de",) and not settings.extraction.reread
    assert len(settings.custom_expectations) == 1
    stored = settings.to_dict(full=False)
    assert "approval_threshold" not in stored and stored["anomaly"] == {
        "approval_threshold": 500.0,
        "z_threshold": 2.0,
    }
    assert stored["review"] == {"confidence": 0.95} and "unknown_key" not in stored
    assert ProjectSettings.from_dict(stored, strict=True) == settings


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"ocr": {"psm": 6.5}}, "ocr.psm"),
        ({"ocr": {"psm": 14}}, "ocr.psm"),
        ({"ocr": []}, "ocr"),
        ({"approval_threshold": "1000"}, "approval_threshold"),
        ({"anomaly": {"min_history": True}}, "anomaly.min_history"),
        ({"extraction": {"second_opinion_below": 5}}, "extraction.second_opinion_below"),
        ({"extraction": {"reread": "false"}}, "extraction.reread"),
        ({"extraction": {"scorer": "magic"}}, "extraction.scorer"),
        ({"extraction": {"languages": []}}, "extraction.languages"),  # no language: no month names
        ({"extraction": {"languages": ["en", "xx"]}}, "extraction.languages"),  # no lexicon for xx
        ({"review": {"confidence": 1.5}}, "review.confidence"),
        ({"custom_expectations": {"type": "x"}}, "custom_expectations"),
        ({"ocr_engine": 3}, "ocr_engine"),
    ],
)
def test_a_bad_setting_is_named(bad, named):
    with pytest.raises(InvalidSettings) as caught:
        ProjectSettings.from_dict(bad)
    assert caught.value.code == "invalid_settings" and named in caught.value.problems
    assert named in caught.value.message


def test_strict_reading_refuses_unknown_and_flat_keys():
    for bad, named in [
        ({"colour": "red"}, "colour"),
        ({"approval_threshold": 5}, "approval_threshold"),
        ({"ocr": {"speed": 2}}, "ocr.speed"),
    ]:
        with pytest.raises(InvalidSettings) as caught:
            ProjectSettings.from_dict(bad, strict=True)
        assert named in caught.value.problems


def test_merge_patch_replaces_given_keys_and_null_puts_the_default_back():
    stored = {"approval_threshold": 500, "ocr": {"psm": 6, "dpi": 200}, "unknown": 1}
    patched = merge_patch(stored, {"ocr": {"psm": None}, "anomaly": {"z_threshold": 2.5}})
    assert patched.to_dict(full=False) == {
        "ocr": {"dpi": 200},
        "anomaly": {"approval_threshold": 500.0, "z_threshold": 2.5},
    }
    assert merge_patch(patched.to_dict(full=False), {"ocr": None, "anomaly": None}) == ProjectSettings()
    # stored settings that do not parse can be repaired by a patch
    assert merge_patch({"approval_threshold": "x"}, {"approval_threshold": None}) == ProjectSettings()
    with pytest.raises(InvalidSettings):
        merge_patch({}, {"anomaly": {"approval_threshold": "x"}})
    for unknown, named in [({"colour": None}, "colour"), ({"ocr": {"speed": None}}, "ocr.speed")]:
        with pytest.raises(InvalidSettings) as caught:  # null for a setting that does not exist
            merge_patch({}, unknown)
        assert named in caught.value.problems


def test_the_json_schema_takes_what_from_dict_takes_and_refuses_what_it_refuses():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    full = ProjectSettings.from_dict({"ocr": {"psm": 6}, "custom_expectations": [{"type": "x"}]}).to_dict()
    jsonschema.validate(full, schema)
    for bad in [
        {"ocr": {"psm": 6.5}},
        {"colour": 1},
        {"extraction": {"scorer": "magic"}},
        {"ocr_engine": ""},
    ]:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(InvalidSettings):
            ProjectSettings.from_dict(bad, strict=True)
    patch = json_schema(patch=True)
    jsonschema.validate({"ocr": {"psm": None}, "anomaly": None, "ocr_engine": None}, patch)
    openapi = json_schema(openapi=True)
    assert openapi["properties"]["ocr"]["properties"]["workers"]["nullable"] is True
