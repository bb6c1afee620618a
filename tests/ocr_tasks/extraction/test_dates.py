"""Date normaliser: printed forms to ISO dates, with day/month ambiguity resolved by the caller's cue."""

from datetime import date

import pytest

from ocr_tasks.normalise.dates import find_dates, format_date, infer_day_first, month_number, parse_date

CASES = [
    ("25/12/2018", "2018-12-25"),
    ("25-12-18", "2018-12-25"),
    ("25.12.2018", "2018-12-25"),
    ("25/12/18", "2018-12-25"),
    ("25 DEC 2018", "2018-12-25"),
    ("25-Dec-2018", "2018-12-25"),
    ("25 Dec 18", "2018-12-25"),
    ("Dec 25, 2018", "2018-12-25"),
    ("December 25th, 2018", "2018-12-25"),
    ("2018-12-25", "2018-12-25"),
    ("2018/12/25", "2018-12-25"),
    ("20181225", "2018-12-25"),
    ("25. Dezember 2018", "2018-12-25"),
    ("3. März 2021", "2021-03-03"),
    ("1er mars 2020", "2020-03-01"),
    ("15 févr. 2022", "2022-02-15"),
    ("1 août 2019", "2019-08-01"),
    ("18 april 2014", "2014-04-18"),
    ("15 mrt. 2021", "2021-03-15"),
    ("3 mei 2022", "2022-05-03"),
    ("Factuurdatum: 19-04-2014", "2014-04-19"),
    ("Date: 02/01/2019 10:22:05 AM", "2019-01-02"),
    ("12/25/2018", "2018-12-25"),  # only the month-first reading is valid
    ("DATE 06/01/2018 TIME 18:20", "2018-01-06"),
    ("Sept 9, 2020", "2020-09-09"),
    ("9 de 10", None),
    ("31/02/2018", None),
    ("total 12.50", None),
    ("99/99/9999", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_date_forms(text, expected):
    value = parse_date(text)
    assert (format_date(value) if value else None) == expected


@pytest.mark.parametrize(
    "text,day_first,expected",
    [
        ("03/04/2018", True, date(2018, 4, 3)),
        ("03/04/2018", False, date(2018, 3, 4)),
        ("03/04/2018", None, date(2018, 4, 3)),
        ("13/04/2018", False, date(2018, 4, 13)),  # cue cannot override an impossible reading
        ("04/13/2018", True, date(2018, 4, 13)),
    ],
)
def test_day_first_cue(text, day_first, expected):
    assert parse_date(text, day_first=day_first) == expected


def test_infer_day_first_from_other_dates():
    assert infer_day_first(["Invoice 03/04/2018", "Due 25/04/2018"]) is True
    assert infer_day_first(["Invoice 03/04/2018", "Due 04/25/2018"]) is False
    assert infer_day_first(["Invoice 03/04/2018"]) is None


def test_find_dates_marks_ambiguity_and_spans():
    text = "Date 03/04/2018 due 2018-05-01"
    found = find_dates(text)
    assert [d.value.isoformat() for d in found] == ["2018-04-03", "2018-05-01"]
    assert found[0].ambiguous and not found[1].ambiguous
    assert text[found[0].start : found[0].end] == "03/04/2018"


@pytest.mark.parametrize(
    "word,month",
    [
        ("Dec", 12),
        ("DECEMBER", 12),
        ("okt", 10),
        ("Mär", 3),
        ("mrt", 3),
        ("juil.", 7),
        ("ju", None),
        ("xyz", None),
    ],
)
def test_month_number(word, month):
    assert month_number(word) == month


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Date 93/02/2018 10:28", "2018-02-03"),
        ("Date > 45/05/2017 10:49:40 AM", "2017-05-15"),
        ("Date: |7-06-2018 14:07", "2018-06-17"),
        ("Date - 04-04-2048 14:08", "2018-04-04"),
        ("Date: 2O18-01-05", "2018-01-05"),
        ("Date: 25/12/2018", "2018-12-25"),  # nothing to repair
    ],
)
def test_repair_date_text_undoes_ocr_slips(text, expected):
    from ocr_tasks.normalise.dates import repair_date_text

    repaired = repair_date_text(text)
    assert len(repaired) == len(text)
    assert next(d.value.isoformat() for d in find_dates(repaired)) == expected


def test_glued_dates():
    from ocr_tasks.normalise.dates import find_glued_dates

    assert [d.value.isoformat() for d in find_glued_dates("Date: 09/032018")] == ["2018-03-09"]
    assert find_glued_dates("Tel 03-78459283") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("25032018", date(2018, 3, 25)),  # a lone day-first compact date
        ("20181225", date(2018, 12, 25)),  # year first still wins when valid
        ("00440010036 25032018 13:11:54 0003", date(2018, 3, 25)),  # POS footer: before a time
        ("9555221300282 25032018", None),  # without a time an 8-digit run in a row is a code, not a date
        ("31132018 10:00", None),  # no month 13
    ],
)
def test_compact_day_first_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("HAOGHDO1-3 - 70", []),  # a product code: separators spaced unevenly, two-digit year
        ("SX-260 1-3 - 70 Item(s) : 1", []),
        ("15-07-18 10:35 SHO1 2133", ["2018-07-15"]),
        ("Date: 25 / 12 / 18", ["2018-12-25"]),  # evenly spaced stays a date
        ("Date: 25/12 /2018", ["2018-12-25"]),  # a four-digit year survives a stray space
    ],
)
def test_unevenly_spaced_two_digit_year_is_no_date(text, expected):
    assert [d.value.isoformat() for d in find_dates(text)] == expected
