"""A project's settings: one frozen, typed object parsed once from the JSON a project stores.

The stored layout is the one the pipeline has always read: sections `ocr`, `extraction`, `validation`,
`anomaly` and `review`, plus `ocr_engine` and `custom_expectations` at the top. `ProjectSettings.from_dict`
checks every value (type, range, choices) and raises `InvalidSettings` naming each bad setting
(`ocr.psm`, `anomaly.approval_threshold`); `to_dict` gives the layout back (`full=False`: only what
differs from the defaults, what a project stores); `json_schema()` describes it (generated from the
types below, so the API's OpenAPI schema and the checks cannot disagree).

Two readings: `strict=True` (a write through the API) refuses unknown keys; the default (a stored
project's settings, read when a run starts) ignores them and takes the older flat keys: a field name of
the extraction, validation or anomaly options at the top (`approval_threshold`) is a default for that
section, and `review_confidence` is `review.confidence`.

Lives in `expectations` (not `ocr_tasks`) because it holds the validation suites' settings; flows and
django_api both import it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from expectations.settings import ValidationSettings
from ocr_tasks.anomaly.settings import AnomalySettings
from ocr_tasks.config import SCAN_TEXT_LAYER_CHOICES, OcrConfig
from ocr_tasks.errors import BadInput

if TYPE_CHECKING:
    from ocr_tasks.extraction.options import ExtractionOptions

DEFAULT_REVIEW_CONFIDENCE = 0.9


class InvalidSettings(BadInput):
    """Settings that cannot be used; `problems` maps each bad setting (`ocr.psm`) to what is wrong."""

    code = "invalid_settings"

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        listed = [f"{name}: {why}" for name, why in self.problems.items()]
        super().__init__("invalid project settings: " + "; ".join(listed), detail={"settings": listed})


def _default(cls: type, name: str) -> Any:
    (found,) = (f for f in fields(cls) if f.name == name)
    return found.default


# the lexicons' languages (`ocr_tasks.extraction.keywords.LANGUAGES`; a test keeps the two equal)
LEXICON_LANGUAGES = (
    "en",
    "de",
    "fr",
    "nl",
    "es",
    "it",
    "pl",
    "pt",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "hu",
    "ro",
    "ms",
)


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """Tesseract options of every page (`OcrConfig`); `workers` None: the worker's CPU count."""

    dpi: int = _default(OcrConfig, "dpi")
    psm: int = _default(OcrConfig, "psm")
    detect_orientation: bool = _default(OcrConfig, "detect_orientation")
    deskew: bool = _default(OcrConfig, "deskew")
    erase_rules: bool = _default(OcrConfig, "erase_rules")  # table and box rules erased before Tesseract
    # a scanned PDF page's own OCR layer (scanner, OCRmyPDF): `ocr` reads the image, `trust` the layer
    scan_text_layer: str = _default(OcrConfig, "scan_text_layer")
    workers: int | None = None

    def config(self, languages: str = "eng") -> OcrConfig:
        chosen = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}
        return OcrConfig(languages=languages, **chosen)


@dataclass(frozen=True, slots=True)
class ExtractionSettings:
    """`ExtractionOptions` a project may set, and the extra readings of the page images: `reread` the
    total's row, an `enhanced` second reading (of the unsure rows holding amounts, dates or their labels),
    a `second_opinion` (RapidOCR, reading the whole page again) when the
    total is less sure than `second_opinion_below` or the date than that minus 0.1
    (`tesseract_regions.SECOND_OPINION_SLACK`)."""

    day_first: bool | None = None
    country: str | None = None
    decimal_separator: str | None = None
    languages: tuple[str, ...] = LEXICON_LANGUAGES
    scorer: str = "hand"
    min_confidence: float = 0.01
    line_items: bool = True
    calibrate: bool = True
    reread: bool = True
    enhanced: bool = True
    second_opinion: bool = True
    second_opinion_below: float = 0.8  # tesseract_regions.SECOND_OPINION_BELOW

    def options(self) -> ExtractionOptions:
        # imported here: `ocr_tasks.extraction` takes a while to import, and the defaults above (checked
        # against the library's by the tests) are all a run needs before its extraction step
        from ocr_tasks.extraction.options import ExtractionOptions

        names = {f.name for f in fields(ExtractionOptions)}
        return ExtractionOptions(**{f.name: getattr(self, f.name) for f in fields(self) if f.name in names})


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """`confidence`: a document is cleared without review when each key field is at least this sure.
    `second_approval_from_total`: a document whose total (its absolute value, in the document's
    currency) is at least this, or whose total is not known, is approved only by a second reviewer
    other than the first (four eyes); 0: every document; null (the default): one approval."""

    confidence: float = DEFAULT_REVIEW_CONFIDENCE
    second_approval_from_total: float | None = None


# Per setting: (minimum, maximum) inclusive (None: open), or choices. Every bound is checked by
# `from_dict` and written into the JSON schema.
BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "ocr.dpi": (50, 1200),
    "ocr.psm": (0, 13),
    "ocr.workers": (1, 256),
    "extraction.min_confidence": (0, 1),
    "extraction.second_opinion_below": (0, 1),
    "validation.confidence_threshold": (0, 1),
    "validation.max_age_years": (0, 200),
    "validation.tolerance": (0, None),
    "anomaly.approval_threshold": (0, None),
    "anomaly.near_threshold_fraction": (0, 1),
    "anomaly.split_window_days": (0, 3660),
    "anomaly.split_min_part_fraction": (0, 1),
    "anomaly.duplicate_window_days": (0, 3660),
    "anomaly.round_amount_unit": (0.01, None),
    "anomaly.round_amount_min": (0, None),
    "anomaly.amount_tolerance": (0, None),
    "anomaly.new_vendor_min_history": (0, None),
    "anomaly.min_history": (2, None),
    "anomaly.min_vendor_history": (1, None),
    "anomaly.z_threshold": (0, None),
    "anomaly.min_amount_ratio": (1, None),
    "anomaly.contamination": (0.001, 0.5),
    "anomaly.n_estimators": (1, 5000),
    "anomaly.random_state": (0, 2**32 - 1),
    "review.confidence": (0, 1),
    "review.second_approval_from_total": (0, None),
}
# a setting's allowed values; for a list setting, what each of its (at least one) items may be
CHOICES: dict[str, tuple[str, ...]] = {
    "ocr.scan_text_layer": SCAN_TEXT_LAYER_CHOICES,
    "extraction.decimal_separator": (".", ","),
    "extraction.scorer": ("hand", "learned"),
    "extraction.languages": LEXICON_LANGUAGES,
}
LENGTHS: dict[str, tuple[int, int]] = {"ocr_engine": (1, 64), "extraction.country": (2, 2)}
HIDDEN = frozenset({"today"})  # fields of the library's options that are no project setting
SECTIONS: dict[str, type] = {
    "ocr": OcrSettings,
    "extraction": ExtractionSettings,
    "validation": ValidationSettings,
    "anomaly": AnomalySettings,
    "review": ReviewSettings,
}
FLAT_SECTIONS = ("extraction", "validation", "anomaly")  # their field names may also stand at the top
FLAT_ALIASES = {"review_confidence": ("review", "confidence")}


@lru_cache(maxsize=8)
def _kinds(cls: type) -> dict[str, tuple[type, bool]]:
    """The settings of a section: name -> (type, None allowed); `tuple` means a list of strings."""
    hints = typing.get_type_hints(cls)
    found = {}
    for f in fields(cls):
        if f.name in HIDDEN:
            continue
        hint = hints[f.name]
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        kinds = [o for o in options if o is not type(None)]
        kind = typing.get_origin(kinds[0]) or kinds[0]
        found[f.name] = (kind, len(options) > len(kinds))
    return found


_NAMES = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    tuple: "a list of strings",
}


def _problem(path: str, value: Any, kind: type, nullable: bool) -> str | None:
    """What is wrong with `value` for the setting at `path` (None: nothing)."""
    if value is None:
        return None if nullable else f"expected {_NAMES[kind]}, got null"
    if kind is bool:
        fits = isinstance(value, bool)
    elif kind in (int, float):
        fits = isinstance(value, int if kind is int else (int, float)) and not isinstance(value, bool)
    elif kind is tuple:
        fits = isinstance(value, list | tuple) and all(isinstance(v, str) and v for v in value)
    else:
        fits = isinstance(value, str)
    if not fits:
        return f"expected {_NAMES[kind]}{' or null' if nullable else ''}, got {value!r}"
    return _out_of_range(path, value)


def _out_of_range(path: str, value: Any) -> str | None:
    low, high = BOUNDS.get(path, (None, None))
    if (low is not None and value < low) or (high is not None and value > high):
        return f"expected a value from {low} to {'any' if high is None else high}, got {value!r}"
    if path in CHOICES and isinstance(value, list | tuple):
        if not value or any(item not in CHOICES[path] for item in value):
            return f"expected one or more of {list(CHOICES[path])}, got {value!r}"
    elif path in CHOICES and value not in CHOICES[path]:
        return f"expected one of {list(CHOICES[path])}, got {value!r}"
    shortest, longest = LENGTHS.get(path, (0, None))
    if isinstance(value, str) and not shortest <= len(value) <= (longest or len(value)):
        return f"expected {shortest} to {longest} characters, got {value!r}"
    return None


def _section(
    name: str, given: Mapping[str, Any], flat: Mapping[str, Any], strict: bool, problems: dict[str, str]
) -> Any:
    cls = SECTIONS[name]
    kinds = _kinds(cls)
    values = {k: v for k, v in flat.items() if k in kinds}
    for key, value in given.items():
        if key in kinds:
            values[key] = value
        elif strict:
            problems[f"{name}.{key}"] = f"unknown setting; known: {sorted(kinds)}"
    chosen = {}
    for key, value in values.items():
        problem = _problem(f"{name}.{key}", value, *kinds[key])
        if problem:  # named as written: `approval_threshold` at the top, else `anomaly.approval_threshold`
            problems[f"{name}.{key}" if key in given or key not in flat else key] = problem
        elif kinds[key][0] is tuple:
            chosen[key] = tuple(value)
        else:
            chosen[key] = float(value) if kinds[key][0] is float and value is not None else value
    return cls(**chosen)


def _custom(value: Any, problems: dict[str, str]) -> tuple[dict, ...]:
    """The shape of `custom_expectations` (a list of objects); GX itself checks them when they are
    written (`expectations.custom.check_custom_expectations`) and when they run."""
    if not isinstance(value, list | tuple):
        problems["custom_expectations"] = f"expected a list of objects, got {value!r}"
        return ()
    for index, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            problems[f"custom_expectations[{index}]"] = f"expected an object, got {entry!r}"
    return tuple(dict(e) for e in value if isinstance(e, Mapping))


def _with_aliases(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """`data` with the older flat aliases (`review_confidence`) moved into their sections, where a
    value of the section itself wins."""
    for alias, (section, key) in FLAT_ALIASES.items():
        given = data.get(section)
        if alias in data and isinstance(given or {}, Mapping) and key not in (given or {}):
            data = {**data, section: {**dict(given or {}), key: data[alias]}}
    return data


@dataclass(frozen=True, slots=True)
class ProjectSettings:
    """Everything a project sets, with the library's defaults for what it does not."""

    ocr_engine: str | None = None
    ocr: OcrSettings = field(default_factory=OcrSettings)
    extraction: ExtractionSettings = field(default_factory=ExtractionSettings)
    validation: ValidationSettings = field(default_factory=ValidationSettings)
    anomaly: AnomalySettings = field(default_factory=AnomalySettings)
    review: ReviewSettings = field(default_factory=ReviewSettings)
    custom_expectations: tuple[dict, ...] = ()

    @classmethod
    def from_dict(cls, data: Any, *, strict: bool = False) -> ProjectSettings:
        """Parse a project's settings (None or `{}`: the defaults); `InvalidSettings` names each bad
        one. `strict`: unknown keys are errors too (the older flat keys are unknown then)."""
        if isinstance(data, ProjectSettings):
            return data
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise InvalidSettings({"settings": f"expected a JSON object, got {type(data).__name__}"})
        problems: dict[str, str] = {}
        top = {k: v for k, v in data.items() if k not in SECTIONS}
        if not strict:
            data = _with_aliases(data)
        values: dict[str, Any] = {}
        for name in SECTIONS:
            given = data.get(name, {})
            if not isinstance(given, Mapping):
                problems[name] = f"expected an object, got {given!r}"
                given = {}
            flat = top if name in FLAT_SECTIONS and not strict else {}
            values[name] = _section(name, given, flat, strict, problems)
        engine = data.get("ocr_engine")
        problem = _problem("ocr_engine", engine, str, True)
        if problem:
            problems["ocr_engine"] = problem
        if "custom_expectations" in data:
            values["custom_expectations"] = _custom(data["custom_expectations"], problems)
        if strict:
            known = {"ocr_engine", "custom_expectations", *SECTIONS}
            problems |= {key: "unknown setting" for key in data if key not in known}
        if problems:
            raise InvalidSettings(problems)
        return cls(ocr_engine=None if problem else engine, **values)

    def to_dict(self, *, full: bool = True) -> dict[str, Any]:
        """The stored layout; `full=False` leaves out what equals its default (and empty sections)."""
        defaults = ProjectSettings()
        out: dict[str, Any] = {}
        if full or self.ocr_engine is not None:
            out["ocr_engine"] = self.ocr_engine
        for name in SECTIONS:
            mine, theirs = getattr(self, name), getattr(defaults, name)
            section = {}
            for key in _kinds(SECTIONS[name]):
                value = getattr(mine, key)
                if full or value != getattr(theirs, key):
                    section[key] = list(value) if isinstance(value, tuple) else value
            if full or section:
                out[name] = section
        if full or self.custom_expectations:
            out["custom_expectations"] = [dict(e) for e in self.custom_expectations]
        return out


def merge_patch(stored: Any, patch: Any) -> ProjectSettings:
    """A project's stored settings with a JSON merge patch (RFC 7396) applied: a key given replaces the
    current value, null puts the default back. The result is read strictly (unknown keys are errors).
    Stored settings that do not parse are patched as they are, so that a patch can repair them."""
    if not isinstance(patch, Mapping):
        raise InvalidSettings({"settings": f"expected a JSON object, got {type(patch).__name__}"})
    try:
        current = ProjectSettings.from_dict(stored).to_dict(full=False)
    except InvalidSettings:
        current = dict(stored) if isinstance(stored, Mapping) else {}
    known = {"ocr_engine", "custom_expectations", *SECTIONS}
    for key, value in patch.items():
        if value is None and (key in known or key in current):  # an unknown one stays, to be refused
            current.pop(key, None)
        elif key in SECTIONS and isinstance(value, Mapping) and isinstance(current.get(key, {}), Mapping):
            current[key] = _merged_section(key, current.get(key, {}), value)
        else:
            current[key] = value
    return ProjectSettings.from_dict(current, strict=True)


def _merged_section(name: str, current: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    kinds = _kinds(SECTIONS[name])
    merged = {**current, **patch}
    return {k: v for k, v in merged.items() if v is not None or (k not in kinds and k not in current)}


def json_schema(*, openapi: bool = False, patch: bool = False) -> dict[str, Any]:
    """JSON schema of the stored layout (what `to_dict` gives and what a strict `from_dict` takes).
    `openapi`: OpenAPI 3.0 style (`nullable: true` instead of a `null` type); `patch`: of a merge patch
    (every value may also be null: back to its default)."""
    properties: dict[str, Any] = {
        "ocr_engine": _schema("ocr_engine", str, True, None, openapi),
        "custom_expectations": {
            "type": "array",
            "items": {"type": "object", "additionalProperties": True},
            "description": "Great Expectations configurations ({type, kwargs, meta?}) run on each invoice.",
        },
    }
    defaults = ProjectSettings()
    for name, cls in SECTIONS.items():
        section = getattr(defaults, name)
        properties[name] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                key: _schema(f"{name}.{key}", kind, nullable or patch, getattr(section, key), openapi)
                for key, (kind, nullable) in _kinds(cls).items()
            },
        }
        if cls.__doc__:
            properties[name]["description"] = " ".join(cls.__doc__.split())
    if patch:
        for key in ("custom_expectations", *SECTIONS):
            properties[key] |= {"nullable": True} if openapi else {"type": [properties[key]["type"], "null"]}
    return {"type": "object", "additionalProperties": False, "properties": properties}


_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", tuple: "array"}


def _schema(path: str, kind: type, nullable: bool, default: Any, openapi: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": _JSON_TYPES[kind]}
    if nullable:
        schema |= {"nullable": True} if openapi else {"type": [_JSON_TYPES[kind], "null"]}
    if kind is tuple:
        schema["items"] = {"type": "string", "minLength": 1}
        default = list(default)
    low, high = BOUNDS.get(path, (None, None))
    if low is not None:
        schema["minimum"] = low
    if high is not None:
        schema["maximum"] = high
    if path in CHOICES and kind is tuple:
        schema["items"]["enum"] = list(CHOICES[path])
        schema["minItems"] = 1
    elif path in CHOICES:
        schema["enum"] = [*CHOICES[path], *([None] if nullable else [])]
    if path in LENGTHS:
        schema["minLength"], schema["maxLength"] = LENGTHS[path]
    if default is not None or nullable:
        schema["default"] = default
    return schema


__all__ = [
    "DEFAULT_REVIEW_CONFIDENCE",
    "ExtractionSettings",
    "InvalidSettings",
    "OcrSettings",
    "ProjectSettings",
    "ReviewSettings",
    "json_schema",
    "merge_patch",
]
