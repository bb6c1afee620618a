"""What an AppTest run rendered, as text for substring assertions."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def texts(at: AppTest) -> str:
    """Every message, markdown and caption on the page as one string, for substring assertions."""
    parts = [
        e.value
        for kind in ("error", "warning", "info", "success", "markdown", "caption", "title", "subheader")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)
