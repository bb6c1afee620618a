"""The one ephemeral GX context of the process, built on first use and reused by every call.

GX is imported here, lazily (it costs seconds and ~160 MB): importing `expectations` stays cheap.
One pandas data source holds one data frame asset per frame kind, each with a whole-frame batch
definition, registered once; progress bars off; the `great_expectations` logger at WARNING.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import pandas as pd

DATASOURCE = "invoice_ocr"
ASSETS = ("invoice_fields", "line_items")

_lock = threading.Lock()  # guards building the context
_validating = threading.Lock()  # one validation at a time: the shared context is not thread-safe
_batch_definitions: dict[str, Any] = {}


def _build() -> dict[str, Any]:
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    datasource = context.data_sources.add_pandas(DATASOURCE)
    definitions = {}
    for asset_name in ASSETS:
        asset = datasource.add_dataframe_asset(asset_name)
        definitions[asset_name] = asset.add_batch_definition_whole_dataframe(f"{asset_name}_batch")
    return definitions


def batch_definition(asset_name: str) -> Any:
    """The batch definition of `asset_name` in the shared context (built on the first call)."""
    with _lock:
        if not _batch_definitions:
            _batch_definitions.update(_build())
    return _batch_definitions[asset_name]


def validate_frame(asset_name: str, frame: pd.DataFrame, suite: Any) -> Any:
    """Validate `frame` against `suite`; unexpected rows are identified by their `document_id`."""
    definition = batch_definition(asset_name)
    with _validating:
        batch = definition.get_batch(batch_parameters={"dataframe": frame})
        return batch.validate(
            suite,
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": ["document_id"],
                "return_unexpected_index_query": False,
            },
        )
