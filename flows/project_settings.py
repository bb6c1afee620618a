"""A project's settings (`TaskInputs.settings`: operator-set JSON) checked before a run uses them.

The settings are parsed by `expectations.project_settings.ProjectSettings` (one frozen, typed object:
the sections `ocr`, `extraction`, `validation`, `anomaly`, `review`, plus `ocr_engine` and
`custom_expectations`). A value of the wrong type (`"0.5"` for a number, `"false"` for a switch, which
Python would take as true) or out of range fails the task at once with `invalid_settings` naming the
setting, instead of every document failing with an internal error deep inside a step. Keys the flow
does not read are left alone (the API refuses them when settings are written).
"""

from __future__ import annotations

from typing import Any

from expectations.project_settings import InvalidSettings, ProjectSettings

__all__ = ["InvalidSettings", "ProjectSettings", "check_project_settings"]


def check_project_settings(settings: Any) -> ProjectSettings:
    """The parsed settings; raises `InvalidSettings` listing the settings the flow would misread."""
    return ProjectSettings.from_dict(settings)
