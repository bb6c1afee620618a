"""Second reading of the regions that matter: the rows that carry the total.

Plain Tesseract misses the printed total on about one receipt in five (a dropped decimal point, a
merged digit). Given a `RegionReader` (page index, box) -> text, which re-recognises a crop of the page
image (for example at a larger scale with a single-line page segmentation mode), this module re-reads
the rows of the best total candidates and the rows that carry a total label but no readable amount. An
amount that both readings agree on gets the `reread_agrees` feature; an amount only the second reading
found becomes a new candidate carrying the label features of its row, unless the first reading had a
confident amount on that row or one that a second reading of the whole page confirmed (on the corpus,
overruling confident first readings lost more totals than it recovered).

`reread_identifiers` reads the box of an unsure chosen invoice number again: a second reading that extends
the first (`CS00004040` for `s00004040`, whose first characters the first reading dropped) replaces it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import concept_pattern, has_label, has_negative
from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox
from ocr_tasks.normalise.amounts import find_amounts, format_amount
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, OcrDocument

MAX_REGIONS = 4
UNSURE_ROW_BELOW = 0.9  # a row whose least sure word is below this is read again (bands_to_reread)
_LOOKALIKE_DIGIT = r"[0-9OoQDIlLiZzSsBGT]"  # characters OCR reads for digits
_DATE_LIKE = re.compile(
    rf"(?<!\w){_LOOKALIKE_DIGIT}{{1,4}}\s?[/.-]\s?\w{{1,9}}\s?[/.-]\s?{_LOOKALIKE_DIGIT}{{2,4}}(?!\w)"
)
TRUST_FIRST_READING = 0.5  # word confidence above which a first-reading amount is not overruled
_NOT_TOTAL_ROW = concept_pattern(
    ("cash", "change", "quantity", "discount"), extra=r"sub\s?-?total|summary|tender\w*"
)


def _row_region(row: Row) -> BBox:
    pad = row.height * 0.35
    return BBox(0.0, max(0.0, row.bbox.y0 - pad), 1.0, min(1.0, row.bbox.y1 + pad))


def _rows_to_reread(rows: list[Row], candidates: list[Candidate]) -> list[int]:
    """Rows of the two best total candidates, then the lowest rows with a total label (grand total last)."""
    totals = sorted((c for c in candidates if c.field == "total"), key=lambda c: -c.score)
    picked: list[int] = []
    for c in totals[:2]:
        if c.row_index >= 0 and c.row_index not in picked:
            picked.append(c.row_index)
    labelled = [
        i
        for i, row in enumerate(rows)
        if has_label(row.text, "total") >= 1.0 and not _NOT_TOTAL_ROW.search(row.text)
    ]
    for i in reversed(labelled):  # the grand total is usually the lowest total row
        if len(picked) >= MAX_REGIONS:
            break
        if i not in picked:
            picked.append(i)
    return picked[:MAX_REGIONS]


def bands_to_reread(
    rows: list[Row],
    candidates: list[Candidate],
    fields: frozenset[str],
    *,
    unsure_below: float = UNSURE_ROW_BELOW,
) -> dict[int, list[tuple[float, float]]]:
    """Page index -> horizontal bands `(top, bottom)` (relative, merged when they touch) worth a second
    reading: rows holding a candidate of one of `fields` (amounts and dates), a label of one, or a
    date-like token the parsers could not read (`O6/C2/2016`), when one of the row's words is less sure
    than `unsure_below` (a garbled label, a doubtful digit). Rows read with confidence are not read again."""
    wanted = {c.row_index for c in candidates if c.field in fields and c.row_index >= 0}
    bands: dict[int, list[tuple[float, float]]] = {}
    for i, row in enumerate(rows):
        if not row.words or min(w.confidence for w in row.words) >= unsure_below:
            continue
        if not (
            i in wanted or _DATE_LIKE.search(row.text) or any(has_label(row.text, f) >= 1.0 for f in fields)
        ):
            continue
        pad = row.height * 0.5
        top, bottom = max(0.0, row.bbox.y0 - pad), min(1.0, row.bbox.y1 + pad)
        page = bands.setdefault(row.page, [])
        if page and top <= page[-1][1]:
            page[-1] = (page[-1][0], max(page[-1][1], bottom))
        else:
            page.append((top, bottom))
    return bands


def with_sure_rows(
    second: OcrDocument | None,
    first: OcrDocument,
    rows: list[Row],
    bands: dict[int, list[tuple[float, float]]],
) -> OcrDocument | None:
    """The second reading of the bands, completed with the first reading's rows outside every band: rows
    read with confidence stand as their own second reading (so their values still count as confirmed)."""
    read = {p.index: p for p in (second.pages if second is not None else ())}
    pages = []
    for page in first.pages:
        if page.source == TEXT_LAYER:
            continue  # text-layer pages have no second reading (as the whole-page enhanced reading)
        page_bands = bands.get(page.index, [])
        kept = [
            Block.of([Line.of(row.words)])
            for row in rows
            if row.page == page.index
            and row.words
            and not any(row.bbox.y1 > top and row.bbox.y0 < bottom for top, bottom in page_bands)
        ]
        again = read.get(page.index)
        blocks = tuple(kept) + (again.blocks if again is not None else ())
        pages.append(replace(page, blocks=blocks, engine=again.engine if again is not None else page.engine))
    return OcrDocument(source=first.source, pages=tuple(pages)) if pages else None


def _first_reading_holds(same_row: list[Candidate], value: str) -> bool:
    """Whether the first reading of the row stands against a disagreeing re-read (marks agreement)."""
    agreeing = [c for c in same_row if c.value == value]
    for c in agreeing:
        c.features["reread_agrees"] = 1.0
    if agreeing:
        return True
    if any(c.features.get("has_decimals") and c.ocr_confidence >= TRUST_FIRST_READING for c in same_row):
        return True  # the first reading was confident: a disagreeing second reading is more often wrong
    # two readings of the page already agree on this row's amount: one re-read does not outvote them
    return any(c.features.get("has_decimals") and c.features.get("readings_agree") for c in same_row)


def _reread_candidate(
    index: int, rows: list[Row], text: str, candidates: list[Candidate], decimal_separator: str | None
) -> Candidate | None:
    amounts = [a for a in find_amounts(text or "", decimal_separator=decimal_separator) if a.has_decimals]
    if not amounts:
        return None
    value = format_amount(amounts[-1].value)
    same_row = [c for c in candidates if c.field == "total" and c.row_index == index]
    if _first_reading_holds(same_row, value):
        return None
    left = " ".join(text[: amounts[-1].start].split()[-5:])
    template = max(same_row, key=lambda c: c.score).features if same_row else {}
    features = dict(template)
    features.update(
        {
            "label_left": has_label(left, "total"),
            "negative_label": has_negative(left, "total"),
            "has_decimals": 1.0,
            "reread_agrees": 1.0,
            "reread_only": 1.0,
        }
    )
    if "readings_agree" in features:  # the template's agreement was about its own value, not this one
        features["readings_agree"] = float(
            any(
                c.field == "total" and c.value == value and c.features.get("second_reading")
                for c in candidates
            )
        )
    row = rows[index]
    return Candidate(
        field="total",
        value=value,
        raw_text=amounts[-1].raw,
        page=row.page,
        bbox=row.bbox,
        ocr_confidence=0.8,
        features=features,
        row_index=index,
    )


def reread_total_candidates(
    rows: list[Row],
    candidates: list[Candidate],
    reader: RegionReader,
    *,
    decimal_separator: str | None = None,
) -> list[Candidate]:
    extra: list[Candidate] = []
    for index in _rows_to_reread(rows, candidates):
        row = rows[index]
        try:
            text = reader(row.page, _row_region(row))
        except Exception:  # noqa: BLE001, S112 (a failed second reading must never fail the extraction)
            continue
        c = _reread_candidate(index, rows, text, candidates, decimal_separator)
        if c is not None:
            extra.append(c)
    return extra


# Identifiers read again when the first reading of their word is unsure: OCR drops the faint first
# characters of a receipt number (`CS00004040` read as `s00004040`, the word's box still as wide as ten
# characters). The second reading of the word's box replaces the value only when it is one token that
# contains the first reading (it extends it, it does not contradict it).
REREAD_IDENTIFIERS = ("invoice_number",)
_IDENTIFIER_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/.\-_]*[A-Za-z0-9]")


def reread_identifiers(
    chosen: dict[str, Candidate], reader: RegionReader | None, *, unsure_below: float = UNSURE_ROW_BELOW
) -> None:
    """Without a region reader (a text layer), nothing. Else read the box of each chosen identifier of
    `REREAD_IDENTIFIERS` whose first reading is less sure than `unsure_below` again; a longer token that
    contains the first value (case-insensitively) replaces it (`reread_extends` feature)."""
    if reader is None:
        return
    for name in REREAD_IDENTIFIERS:
        c = chosen.get(name)
        if c is None or c.ocr_confidence >= unsure_below or "memory" in c.features:
            continue
        pad = (c.bbox.y1 - c.bbox.y0) * 0.25
        region = BBox(c.bbox.x0, max(0.0, c.bbox.y0 - pad), c.bbox.x1, min(1.0, c.bbox.y1 + pad))
        try:
            text = (reader(c.page, region) or "").strip()
        except Exception:  # noqa: BLE001, S112 (a failed second reading must never fail the extraction)
            continue
        token = text.strip(".#:-,;")
        if not _IDENTIFIER_TOKEN.fullmatch(token):
            continue
        if len(token) > len(c.value) and c.value.lower() in token.lower():
            c.value = token
            c.raw_text = text
            c.features["reread_extends"] = 1.0
        elif (shaped := digits_by_shape(c.value, token)) is not None:
            c.value = shaped
            c.raw_text = text
            c.features["reread_digits"] = 1.0


# Characters OCR reads for one another in identifiers: a letter and the digit it looks like.
_LOOKALIKE_PAIRS = {frozenset(pair) for pair in ("O0", "o0", "I1", "l1")}


def digits_by_shape(first: str, second: str) -> str | None:
    """Where two readings of one identifier differ only by look-alike characters (`O`/`0`, `I`/`l`/`1`:
    `ROO12345678` and `R0012345678`), the identifier's shape decides: a disputed character next to a
    digit (or to a disputed character so decided) is the digit, else the letter. None when the readings
    differ otherwise, or the shape gives the first reading back."""
    if len(first) != len(second) or first == second:
        return None
    disputed = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    if any(frozenset((first[i], second[i])) not in _LOOKALIKE_PAIRS for i in disputed):
        return None
    chars = list(first)
    digit = {i: first[i] if first[i].isdigit() else second[i] for i in disputed}
    letter = {i: second[i] if first[i].isdigit() else first[i] for i in disputed}
    settled = {i for i in range(len(chars)) if i not in digit and chars[i].isdigit()}
    changed = True
    while changed:
        changed = False
        for i in disputed:
            if i not in settled and (i - 1 in settled or i + 1 in settled):
                settled.add(i)
                changed = True
    for i in disputed:
        chars[i] = digit[i] if i in settled else letter[i]
    shaped = "".join(chars)
    return shaped if shaped != first else None
