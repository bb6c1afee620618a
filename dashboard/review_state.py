"""Keys of the review page's widgets, tied to the document and the result version they show.

Streamlit keeps a widget's value under its key across reruns. Keyed by name alone, the form of one
document kept its values when the page switched to another (Next in queue) and Save wrote them into
the new document. Keyed by `name@document/version`, switching documents, a new version after a save,
or a second tab never carries a value across; keys of other documents are dropped from the session.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

SEPARATOR = "@"


def scope_of(document_id: Any, version: Any) -> str:
    return f"{document_id}/v{version if version is not None else 0}"


def widget_key(name: str, scope: str) -> str:
    """The key of widget `name` (e.g. `field_total`) of the document version `scope`."""
    return f"{name}{SEPARATOR}{scope}"


def drop_other_scopes(state: MutableMapping[str, Any], scope: str) -> None:
    """Forget the widget values of every other document or version (the session does not grow, and
    nothing of them can reach this document's form)."""
    suffix = SEPARATOR + scope
    for key in list(state):
        if isinstance(key, str) and SEPARATOR in key and not key.endswith(suffix):
            del state[key]
