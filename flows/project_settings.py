"""A project's settings (`TaskInputs.settings`: operator-set JSON) checked before a run uses them.

The flow reads sections `ocr`, `extraction`, `validation` and `anomaly` into the library's option
dataclasses, plus the extraction switches (`reread`, `enhanced`, `second_opinion`,
`second_opinion_below`) and flat keys naming a field of those options. A value of the wrong type
(`"0.5"` for a number, `"false"` for a switch, which Python would take as true) fails the task at once
with `invalid_settings` naming the setting, instead of every document failing with an internal error
deep inside a step. Keys the flow does not read are left alone.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ocr_tasks.errors import BadInput

SWITCHES: dict[str, dict[str, type]] = {
    "extraction": {"reread": bool, "enhanced": bool, "second_opinion": bool, "second_opinion_below": float},
}
SCALARS = (bool, int, float, str)


class InvalidSettings(BadInput):
    code = "invalid_settings"


def _sections() -> dict[str, type]:
    from expectations.settings import ValidationSettings
    from ocr_tasks.anomaly import AnomalySettings
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.extraction.options import ExtractionOptions

    return {
        "ocr": OcrConfig,
        "extraction": ExtractionOptions,
        "validation": ValidationSettings,
        "anomaly": AnomalySettings,
    }


@lru_cache(maxsize=8)
def _scalar_fields(cls: type) -> dict[str, tuple[type, bool]]:
    """Fields of `cls` typed as one scalar: name -> (type, None allowed)."""
    found = {}
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        kinds = [o for o in options if o is not type(None)]
        if len(kinds) == 1 and kinds[0] in SCALARS:
            found[f.name] = (kinds[0], len(options) > len(kinds))
    return found


def _fits(value: Any, kind: type, nullable: bool) -> bool:
    if value is None:
        return nullable
    if kind is bool:
        return isinstance(value, bool)
    if kind in (int, float):
        return isinstance(value, int if kind is int else (int, float)) and not isinstance(value, bool)
    return isinstance(value, kind)


def check_project_settings(settings: Any) -> None:
    """Raise `InvalidSettings` listing the settings the flow would misread."""
    if not isinstance(settings, Mapping):
        raise InvalidSettings(f"project settings must be a JSON object, not {type(settings).__name__}")
    problems: list[str] = []
    sections = _sections()
    flat = {name: spec for cls in sections.values() for name, spec in _scalar_fields(cls).items()}
    for key, value in settings.items():
        if key in sections:
            if not isinstance(value, Mapping):
                problems.append(f"{key}: expected an object, got {value!r}")
                continue
            expected = {
                **_scalar_fields(sections[key]),
                **{k: (t, False) for k, t in SWITCHES.get(key, {}).items()},
            }
            problems += [
                f"{key}.{name}: expected {expected[name][0].__name__}, got {v!r}"
                for name, v in value.items()
                if name in expected and not _fits(v, *expected[name])
            ]
        elif key in flat and not _fits(value, *flat[key]):
            problems.append(f"{key}: expected {flat[key][0].__name__}, got {value!r}")
    extraction = settings.get("extraction")
    below = extraction.get("second_opinion_below") if isinstance(extraction, Mapping) else None
    if _fits(below, float, False) and not 0 <= below <= 1:
        problems.append(f"extraction.second_opinion_below: expected a confidence from 0 to 1, got {below!r}")
    if problems:
        raise InvalidSettings(
            "invalid project settings: " + "; ".join(problems), detail={"settings": problems}
        )
