"""The review queue's search box: its words go to the API as `q` (file name, vendor, invoice number) and
the table shows what matches; an empty box sends no `q`."""

from __future__ import annotations

from tests.dashboard.rendered import texts
from tests.dashboard.test_review_pages import QUEUE


def test_the_search_words_go_to_the_api_and_narrow_the_table(make_app, fake):
    at = make_app(page=QUEUE)
    assert "q" not in fake.calls_named("list_documents")[-1][1]
    assert len(at.dataframe[0].value) == 2
    at.text_input(key="queue_search").input("  clean ").run()
    assert fake.calls_named("list_documents")[-1][1]["q"] == "clean"
    assert list(at.dataframe[0].value["document"]) == ["clean.pdf"]
    at.text_input(key="queue_search").input("nothing like it").run()
    assert "No documents match." in texts(at)
