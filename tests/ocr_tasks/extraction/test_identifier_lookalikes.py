"""An unsure invoice number whose second reading differs only by look-alike characters (`O`/`0`, `I`/`l`/`1`)
takes the identifier's shape: a disputed character next to a digit is a digit (held-out HTML invoice at
200 dpi: `R0012345678` read `ROO12345678`, conf 0.66; the re-read of its box, enlarged, gave `R0012345678`).
The rule (`reread.digits_by_shape`) and the extraction with a stand-in region reader."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.reread import digits_by_shape
from tests.ocr_tasks.extraction.test_identifier_reread import _number, _Reader, _scanned_receipt


@pytest.mark.parametrize(
    ("first", "second", "shaped"),
    [
        ("ROO12345678", "R0012345678", "R0012345678"),  # the letters next to the digit run are zeros
        ("INV-2O24", "INV-2024", "INV-2024"),
        ("FT-1OO", "FT-100", "FT-100"),
        ("AB-l234", "AB-1234", "AB-1234"),
        ("R0012345678", "ROO12345678", None),  # the first reading already has the shape
        ("Olga-7", "0lga-7", None),  # an O among letters stays a letter
        ("ROO12345678", "R0012345679", None),  # differs otherwise: no look-alike
        ("ROO1234", "ROO12345", None),  # other lengths: not this rule
    ],
)
def test_the_shape_decides_between_look_alike_readings(first, second, shaped):
    assert digits_by_shape(first, second) == shaped


def test_an_unsure_number_takes_the_digits_its_reread_shows():
    assert _number(_scanned_receipt("ROO12345678", 0.66), _Reader("R0012345678\n")) == "R0012345678"


def test_a_reread_with_letters_for_digits_does_not_change_a_number():
    assert _number(_scanned_receipt("R0012345678", 0.66), _Reader("ROO12345678\n")) == "R0012345678"
