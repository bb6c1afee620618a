"""Found in a reviewer's walk-through: a typed URL of a review page while signed in (`/projects`) showed
Streamlit's "Page not found", and the review form's line-items table, in the narrow fields column, showed
only the description without scrolling sideways."""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager

from dashboard.review_state import scope_of, widget_key
from tests.dashboard.conftest import APP
from tests.dashboard.fakes import DOC_A

REVIEW = "views/document_review.py"
PAGE_URLS = {
    "projects": "views/projects.py",
    "queue": "views/review_queue.py",
    "review": "views/document_review.py",
    "overview": "views/overview.py",
    "vendors": "views/vendors.py",
    "settings": "views/settings.py",
}


def _page_for_typed_url(registered: dict, url_path: str):
    """The page Streamlit opens for a typed URL (`/projects`): its page manager resolves the path the
    browser sends against the pages `st.navigation` registered in the run (None: "Page not found")."""
    manager = PagesManager(str(APP), setup_watcher=False)
    manager.set_script_intent("", url_path)
    return manager.set_pages_and_resolve(registered)


@pytest.mark.parametrize(("url_path", "script"), PAGE_URLS.items())
def test_every_page_opens_from_its_typed_url_while_signed_in(make_app, url_path, script):
    at = make_app()
    assert not at.exception
    found = _page_for_typed_url(at._registered_pages, url_path)
    assert found is not None, f"/{url_path} is 'Page not found'"
    assert found["script_path"].endswith(script)


def test_the_root_url_still_opens_the_projects_page(make_app):
    at = make_app()
    assert not at.exception
    assert [t.value for t in at.title] == ["Projects & uploads"]


def _columns_holding(at, key: str) -> list:
    """The column blocks whose subtree holds the widget `key`."""

    def holds(block) -> bool:
        for child in getattr(block, "children", {}).values():
            if getattr(child, "key", None) == key or holds(child):
                return True
        return False

    return [c for c in at.columns if holds(c)]


def test_the_line_items_table_takes_the_full_width_below_the_columns(make_app):
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert not at.exception
    key = widget_key("line_items_editor", scope_of(DOC_A, 1))
    (editor,) = [e for e in at.data_editor if e.key == key]
    assert list(editor.value["description"]) == ["Coffee"]
    assert _columns_holding(at, key) == []  # not inside the page/fields columns (nor any other)
    fields_key = widget_key("field_total", scope_of(DOC_A, 1))
    assert _columns_holding(at, fields_key), "the fields stay in their column beside the page"
