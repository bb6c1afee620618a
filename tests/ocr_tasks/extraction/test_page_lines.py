"""A page counter line is no party name: the words come from the lexicons (`page_word`, `page_of`), so
a language added there is known here too."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.keywords import phrases
from ocr_tasks.extraction.party_fields import _PAGE_LINE


@pytest.mark.parametrize("word", phrases("page_word"))
def test_every_page_word_of_the_lexicons_makes_a_page_line(word):
    for of in (*phrases("page_of"), "/"):
        assert _PAGE_LINE.match(f"{word.capitalize()} 1 {of} 2"), (word, of)


@pytest.mark.parametrize("text", ["Pag. 2 di 3", "Página 1 de 3", "- Seite 2 von 2 -", "Blatt 2/2"])
def test_page_lines_as_printed(text):
    assert _PAGE_LINE.match(text)


@pytest.mark.parametrize(
    "text", ["Pagina Design GmbH", "Page 1", "Seite 1 von 2 Muster GmbH", "Pageant 1 of 2"]
)
def test_names_and_other_lines_are_no_page_line(text):
    assert not _PAGE_LINE.match(text)
