"""Address blocks of an invoice page and the customer read from them.

Business letters put the recipient in an address window (left, upper third of the first page) under a
small sender line (`Bei Spiel GmbH · Ecke 12 · 12345 Stadthausen`), and the sender's own block in the
letterhead or a right-hand column; forms print the buyer's block under a label (`Bill to`,
`Rechnungsempfänger`, `Client`, `Käufer`). Rows of a page often run through both columns, so blocks are
built from *segments*: the parts of a row between column gaps (two spaces in `Row.text`).

A block is a run of left-aligned segments, one under the other without a large gap, that holds a
postcode or street line. Its name is its first wordy segment that is not a label. The customer is the
block that a bill-to label, a sender line or its place on the page marks as the recipient, and that is
not the vendor's own block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.identifier_rules import STREET_WORDS
from ocr_tasks.extraction.item_table_header import is_items_header
from ocr_tasks.extraction.keywords import NUMBERED_DOCUMENT, concept_pattern, fold, phrases
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox, bbox_union

MAX_BLOCK_Y = 0.5  # address blocks sit in the upper half of the first page
_POSTCODE_LINE = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,2}[- ]?)?\d{4,5}(?:-\d{3,4})?\s*[^\W\d_]"  # 12345 Berlin, 25026 Ávila
    r"|(?<![\w,.-])(?:[A-Z]{1,2}-)?\d{3} \d{2}\s+[^\W\d_]"  # 113 59 Stockholm, 110 00 Praha
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # UK postcodes
    r"|\b[A-Z]{2}\s+\d{5}\b"  # US state + ZIP
    r"|\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s[0-9AC-FHKNPRTV-Y]{4}\b"  # Irish Eircode (`Cork T23 KP62`)
)
_STREET_LINE = re.compile(
    r"\b\d+[a-z]?\s+(?:rue|avenue|chemin|boulevard|allée|place|via|calle|camino)\b|"
    r"(?:stra(?:ss|ß)e|str\.|weg|gasse|allee|platz|straat|laan|street|road|avenue|lane)\s*\d+|"
    # a few words ending in a house number (`Annaliese-Barth-Ring 88/18`, `Sofielaan 581`), or starting
    # with one (`24582 Nancy Islands`, `12 Market Street`)
    r"^[^\W\d][\w\-.' ]{2,40}\s\d{1,4}[a-z]?(?:\s?[-/]\s?\d{1,4}[a-z]?)?$|"
    r"^\d{1,5}[a-z]?,?\s+[^\W\d][\w\-.' ]{2,40}$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"@|https?://|www\.|\+\d{2}|\b(?:tel|fax|phone|fon|telefon|email|e-mail)\b", re.IGNORECASE
)
_SENDER_SEPARATORS = re.compile(r"[●•·|]| - |\s[eo•]\s{2}|\s{2}[eo•]\s")  # OCR reads `●` as e or o
_BILL_TO = concept_pattern(("bill_to",))
_SHIP_TO = concept_pattern(("ship_to",))
_SELLER = concept_pattern(("seller",))
_SALUTATION = concept_pattern(("address_salutation",))
# a couple addressed together (`Mr & Mrs J. Whitfield`): the salutations are part of the name as printed
_COUPLE = re.compile(
    r"(?:" + _SALUTATION.pattern + r")\.?\s*(?:&|and|und|en|et|(?-i:e|y))\s", _SALUTATION.flags
)
_ATTENTION = concept_pattern(("attention",))
# legal forms, and the short ones only in capitals (`KG`, `SA`, `BV`: `kg` is a unit or a Malay Kampung)
_REFERENCE = concept_pattern(("invoice_reference",))
_PARTY_LABELS = phrases("bill_to", "ship_to", "seller")
_LEGAL_FORM = re.compile(
    concept_pattern(("legal_form",)).pattern
    + r"|(?<![\w.])(?-i:KG|AG|UG|OG|SE|SA|SL|SLU|BV|NV|CV|LP"
    + "".join(f"|{re.escape(p.upper())}" for p in phrases("legal_form_capitals"))
    + r")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Segment:
    """The words of one row between column gaps."""

    row: int  # index into the document's rows
    page: int
    text: str
    bbox: BBox
    confidence: float


_SEPARATOR_EDGE = re.compile(r"^[●•·|–-]|[●•·|–-]$|^\S$|\s{2}\S$")  # a lone glyph between parts is a bullet


def row_segments(row: Row, index: int) -> list[Segment]:
    """A row cut at its column gaps (two or more spaces in `Row.text`); parts joined by a separator
    (`Bei Spiel GmbH  ●  Ecke 12`) stay one segment."""
    spans: list[list[int]] = []
    for m in re.finditer(r"\S+(?: \S+)*", row.text):
        joined = spans and (
            _SEPARATOR_EDGE.search(m.group(0))
            or _SEPARATOR_EDGE.search(row.text[spans[-1][0] : spans[-1][1]])
        )
        if joined:
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    return [
        Segment(
            index,
            row.page,
            row.text[start:end],
            row.span_bbox(start, end),
            row.span_confidence(start, end),
        )
        for start, end in spans
    ]


@dataclass(slots=True)
class Block:
    segments: list[Segment]

    @property
    def bbox(self) -> BBox:
        return bbox_union(s.bbox for s in self.segments)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    def has_address(self) -> bool:
        return any(_POSTCODE_LINE.search(s.text) or _STREET_LINE.search(s.text) for s in self.segments[1:])


MAX_BLOCK_SEGMENTS = 8
MAX_SEGMENT_WIDTH = 0.45  # wider segments are sentences or table rows, never address lines


@dataclass(slots=True)
class _Open:
    block: Block
    closed: bool = False


def _continues(block: Block, segment: Segment) -> bool:
    """Whether `segment` continues `block`: next rows, left-aligned, no large gap; a row after the
    block's contact details (phone, e-mail, web) that is none starts another party's block (the address
    window printed close under a letterhead)."""
    last = block.segments[-1]
    if segment.row <= last.row or segment.page != last.page or len(block.segments) >= MAX_BLOCK_SEGMENTS:
        return False
    if _CONTACT.search(last.text) and not _CONTACT.search(segment.text):
        return False
    height = min(last.bbox.height, segment.bbox.height)
    return abs(segment.bbox.x0 - last.bbox.x0) < 0.02 and segment.bbox.y0 - last.bbox.y1 < _largest_line_gap(
        block, height
    )


def _line_gaps(segments: list[Segment]) -> list[float]:
    """The gaps between a block's lines, top to bottom (0 where two lines' boxes overlap)."""
    return [max(0.0, b.bbox.y0 - a.bbox.y1) for a, b in zip(segments, segments[1:], strict=False)]


# A line's box this many times taller than the block's median line is no line of type: OCR drew one box
# over a smudge or a stamp and the line under it (`conan` over two lines of an address on a 200 dpi scan)
TALL_BOX = 1.6


def _leading_gaps(segments: list[Segment]) -> list[float]:
    """`_line_gaps` without the gaps beside a box far taller than the block's lines (`TALL_BOX`): such a
    box overlaps the line under it and tells nothing of the leading."""
    heights = sorted(s.bbox.height for s in segments)
    median = (heights[(len(heights) - 1) // 2] + heights[len(heights) // 2]) / 2
    return [
        gap
        for gap, a, b in zip(_line_gaps(segments), segments, segments[1:], strict=False)
        if max(a.bbox.height, b.bbox.height) <= TALL_BOX * median
    ]


def _largest_line_gap(block: Block, height: float) -> float:
    """The largest gap under the block's last line that still continues it. Under its first line, 2.2
    heights of the smaller of the two rows (a title row drawn larger than the address under it does not
    stretch the block over the blank line between them); under later lines, the block's own leading (the
    smallest gap between its lines so far) plus most of a line, so that an empty line between two blocks
    ends the first whatever the type's size and line spacing (a PDF's text layer sets lines at 1.3
    heights)."""
    gaps = _leading_gaps(block.segments)
    if not gaps:
        return 2.2 * height
    return min(gaps) + 0.8 * height


_PRICE = re.compile(r"\d[.,]\d{2}(?![\d.,])")


def _priced_between(rows: list[Row], above: int, below: int) -> bool:
    """Whether a row between two lines prints a price (`2 x 3,95  7,90` under `TORNILLO 4X40 CAJA`): the
    lines are a receipt's item descriptions, not an address; address lines follow each other."""
    return any(_PRICE.search(rows[i].text) for i in range(above + 1, below))


# a part of a comma-separated sender line that starts with a postcode and place (`30159 Hannover`, `F-69007
# Lyon`, `HX7 8AD Hebden Bridge`)
_POSTCODE_START = re.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}\s+[^\W\d_]|^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _comma_sender(text: str) -> bool:
    """`Brandt Bürotechnik GmbH, Lindenallee 3, 30159 Hannover`: a name without digits, then a street with
    its house number (`14, rue des Tanneurs` too) and a part that starts with the postcode, apart by commas
    (DIN 5008's sender line as report writers print it)."""
    parts = [p.strip() for p in re.split(r"\s*,\s+", text.strip())]
    return (
        len(parts) >= 3
        and not re.search(r"\d", parts[0])
        and any(
            _POSTCODE_START.match(parts[i]) and _STREET_LINE.search(" ".join(parts[1:i]))
            for i in range(2, len(parts))
        )
    )


def is_sender_line(text: str) -> bool:
    """A one-row sender address over the address window: parts apart by `·`, `|`, `●` or ` - `, with a
    postcode, or a name, street and postcode apart by commas."""
    return bool(_SENDER_SEPARATORS.search(text) and _POSTCODE_LINE.search(text)) or _comma_sender(text)


def address_blocks(rows: list[Row]) -> list[Block]:
    """Blocks of left-aligned segments in the upper half of the first page that hold an address line,
    above its items table's header (the item rows under it are no address: `ROULEMENT ROTULE 22212 EK`
    reads as a postcode line). Sender lines, wide segments (sentences, table rows) and segments with a
    price belong to no block and close the one they would continue; so does a price printed between two
    lines (a receipt's items)."""
    if not rows:
        return []
    blocks: list[_Open] = []
    for index, row in enumerate(rows):
        if row.page != rows[0].page or row.bbox.y0 > MAX_BLOCK_Y:
            continue
        if is_items_header(row):
            break
        for segment in row_segments(row, index):
            home = next(
                (
                    b
                    for b in reversed(blocks)
                    if not b.closed
                    and _continues(b.block, segment)
                    and not _priced_between(rows, b.block.segments[-1].row, index)
                ),
                None,
            )
            text = segment.text.strip(" :")
            ends = _is_title(text)  # a document's title or number (`FACTUUR 2024-1042`) is no address line
            priced = bool(_PRICE.search(segment.text))  # a price (`2 x 3,95`) is no address line
            if segment.bbox.width > MAX_SEGMENT_WIDTH or is_sender_line(segment.text) or ends or priced:
                if home is not None:
                    home.closed = True
            elif home is None or is_label(text):  # a party label (`To:`) heads a block of its own
                if home is not None:
                    home.closed = True
                blocks.append(_Open(Block([segment])))
            else:
                home.block.segments.append(segment)
    kept = (_without_detached_head(b.block) for b in blocks)
    return [b for b in kept if len(b.segments) >= 2 and b.has_address()]


def _without_detached_head(block: Block) -> Block:
    """The block without its first line when an empty line parts that line from the rest: the gap under
    it is wider than every gap between the lines below plus most of a line (a slogan or title drawn larger
    over the address window, `Dat betaal ik zelf wel.` over `Pino Bluebird`). Under a block's first line
    the leading is not known yet while the block grows, so this is decided once the block is whole; the
    widest later gap, not the narrowest, since a text layer's line boxes differ in height (a tall box
    leaves next to no gap over the line under it)."""
    segments = block.segments
    if len(segments) < 3:
        return block
    gaps = _line_gaps(segments)
    height = min(segments[0].bbox.height, segments[1].bbox.height)
    if gaps[0] > max(gaps[1:]) + 0.8 * height:
        return Block(segments[1:])
    return block


@lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    """Whether a segment is a party label (`Rechnungsempfänger`, `Bill to:`): a label phrase covering
    most of its letters (`MUSTER-KUNDE GMBH` holds `Kunde` but is a name)."""
    letters = sum(ch.isalpha() for ch in text)
    for pattern in (_BILL_TO, _SHIP_TO, _SELLER):
        for m in pattern.finditer(text):
            if sum(ch.isalpha() for ch in m.group(0)) >= 0.6 * letters:
                return True
    # OCR drops and swaps accents (`Facturé a` for `Facturé à`): the folded text is the label alone
    folded = fold(text)
    if bool(folded) and any(fold(p) == folded for p in _PARTY_LABELS):
        return True
    # a label in two languages (`Billed To / Facturé à`, `Bill to / Rechnung an`): each side a label
    sides = text.split("/")
    return len(sides) == 2 and all(re.search(r"[^\W\d_]{2}", side) and is_label(side) for side in sides)


_TITLE_WORDS = "|".join(
    sorted(
        (re.escape(p) for p in phrases("invoice_title", "credit_note_title", "receipt_title") if len(p) >= 4),
        key=len,
        reverse=True,
    )
)
_TITLE = re.compile(rf"^\W*[^\W\d]*(?:{_TITLE_WORDS})(?:\s*/\s*[^\W\d]+)?\W*$", re.IGNORECASE)


def _is_title(text: str) -> bool:
    """A document title alone (`Rechnung`, `FACTUUR`, `Handwerkerrechnung`) or with its number."""
    return bool(_TITLE.match(text) or NUMBERED_DOCUMENT.search(text))


# A document title, a compound of one (`Handwerkerrechnung`) or a column header (`Pos`, `Qté Unité`)
_NOT_A_NAME = re.compile(
    rf"^\W*[^\W\d]*(?:{_TITLE_WORDS})(?:\s*/\s*[^\W\d]+)?\W*$"
    r"|^\W*(?:pos|position|qty|qté|menge|anz|art|artikel|article|description|beschreibung|désignation)\b",
    re.IGNORECASE,
)


def _name_segment(block: Block) -> tuple[Segment | None, Segment | None]:
    """(label segment at the head of the block or None, the first segment that reads as a name)."""
    label = None
    for segment in block.segments:
        text = segment.text.strip(" :")
        if is_label(text) or _SALUTATION.fullmatch(text):
            label = label or segment
            continue
        if _ATTENTION.match(text):
            continue  # whom in the company the letter is for (`Accounts Department` over the company's name)
        letters = sum(ch.isalpha() for ch in text)
        if letters < 3 or letters < 0.5 * len(text.replace(" ", "")) or _CONTACT.search(text):
            continue  # an identifier row (`GLN 4304171000002`), a phone number or an e-mail address
        if _NOT_A_NAME.match(text) or NUMBERED_DOCUMENT.search(text) or _REFERENCE.search(text):
            return label, None  # a title, a table's header or a document's number heads no address
        street = _POSTCODE_LINE.match(text) or _STREET_LINE.search(text) or STREET_WORDS.search(text)
        if street and not _LEGAL_FORM.search(text):  # `Glaser & Eberl KG` is a company, not a Kampung
            return label, None  # the address started before any name
        return label, segment
    return label, None


def _postal_block(block: Block) -> float:
    """1.0 for a block that reads as a postal address (a name, then lines with a postcode and place) and
    carries no contact details: the recipient's window, even without a label over it."""
    texts = [s.text for s in block.segments]
    if not 2 <= len(texts) <= 6 or any(_CONTACT.search(t) for t in texts):
        return 0.0
    return float(any(_POSTCODE_LINE.search(t) for t in texts[1:]))


def _label_above(rows: list[Row], block: Block) -> tuple[float, float, float]:
    """Strength of a bill-to, a ship-to and a seller label printed over the block (same column, up to
    three rows above) or heading it."""
    head = block.segments[0]
    texts = [head.text]
    for index in range(head.row - 1, max(-1, head.row - 4), -1):
        texts += [
            s.text
            for s in row_segments(rows[index], index)
            if s.bbox.x1 > head.bbox.x0 - 0.01 and s.bbox.x0 < block.bbox.x1 and is_label(s.text.strip(" :"))
        ]
    joined = " | ".join(texts)
    return (
        float(bool(_BILL_TO.search(joined))),
        float(bool(_SHIP_TO.search(joined))),
        float(bool(_SELLER.search(joined))),
    )


def _sender_line_above(rows: list[Row], block: Block, vendor_name: str) -> float:
    """Whether a sender line (the vendor's name and address in one small row, parts apart by `·`, `|`,
    `●` or ` - `) is printed just over the block."""
    head = block.segments[0]
    for index in range(head.row - 1, max(-1, head.row - 3), -1):
        for s in row_segments(rows[index], index):
            if s.bbox.x0 > head.bbox.x0 + 0.1 or s.bbox.x1 < head.bbox.x0:
                continue
            named = bool(vendor_name) and fuzz.partial_ratio(vendor_name.lower(), s.text.lower()) >= 85
            if is_sender_line(s.text) or (named and _SENDER_SEPARATORS.search(s.text)):
                return 1.0
    return 0.0


def _vendor_overlap(block: Block, vendor_name: str) -> float:
    if not vendor_name:
        return 0.0
    name = vendor_name.lower()
    return max(fuzz.ratio(name, s.text.lower()) / 100.0 for s in block.segments[:3])


def _vendor_heads(rows: list[Row], blocks: list[Block], vendor: Candidate | None, vendor_name: str) -> list:
    """(first-row segment, right edge of the vendor's column) of the vendor's own blocks, and the vendor's
    name as printed on its row (a letterhead's name drawn larger than the address under it heads no block)."""
    heads = [(b.segments[0], b.bbox.x1) for b in blocks if _vendor_overlap(b, vendor_name) >= 0.8]
    if vendor is not None and 0 <= vendor.row_index < len(rows):
        for segment in row_segments(rows[vendor.row_index], vendor.row_index):
            if fuzz.ratio(vendor_name.lower(), segment.text.lower()) >= 80:
                heads.append((segment, segment.bbox.x1))
    return heads


def _beside(block: Block, heads: list) -> bool:
    """Whether a block starts on the row of the vendor's name or own block, in a column right of it (the
    recipient printed opposite the letterhead, as Swiss letters and wide landscape pages place the
    address window)."""
    head = block.segments[0]
    return any(
        head.page == first.page
        and head.bbox.x0 > right + 0.05
        and abs(head.bbox.center[1] - first.bbox.center[1]) < max(head.bbox.height, first.bbox.height)
        for first, right in heads
    )


def customer_block_candidates(rows: list[Row], vendor: Candidate | None) -> list[Candidate]:
    """A customer-name candidate per address block, with the features that say whose block it is."""
    vendor_name = vendor.value if vendor is not None else ""
    out: list[Candidate] = []
    blocks = address_blocks(rows)
    heads = _vendor_heads(rows, blocks, vendor, vendor_name)
    for block in blocks:
        label_segment, name = _name_segment(block)
        if name is None:
            continue
        bill_to, ship_to, seller = _label_above(rows, block)
        box = block.bbox
        sender = _sender_line_above(rows, block, vendor_name)
        salutation = float(any(_SALUTATION.match(s.text) for s in block.segments[:2]))
        marked = bill_to or ship_to or sender or salutation or label_segment is not None
        own = _vendor_overlap(block, vendor_name) >= 0.8
        out.append(
            Candidate(
                field="customer_name",
                value=_SALUTATION.sub("", name.text, count=1).strip(" :,")
                if _SALUTATION.match(name.text) and not _COUPLE.match(name.text)
                else name.text.strip(" :,"),
                raw_text=name.text,
                page=name.page,
                bbox=name.bbox,
                ocr_confidence=name.confidence,
                features={
                    "block": 1.0,
                    "block_bill_to": bill_to,
                    "block_ship_to": ship_to,
                    "block_seller": seller,
                    "sender_line_above": sender,
                    "vendor_block": float(own),
                    "left_half": float(box.x0 < 0.45),
                    "window_y": float(0.08 <= box.y0 <= 0.4),
                    "labelled_block": float(label_segment is not None),
                    "salutation": salutation,
                    "unmarked": float(not marked),
                    "below_vendor": float(
                        vendor is not None and not own and (box.y0 > vendor.bbox.y1 or _beside(block, heads))
                    ),
                    # the recipient's window without a label over it (a labelled block's label decides)
                    "postal_block": 0.0 if bill_to or ship_to or seller else _postal_block(block),
                },
                row_index=name.row,
            )
        )
    return out


# Rows of the first page above an unlabelled postal block for it to be the recipient's window (the
# letterhead comes first); the window's top on the page
WINDOW_MIN_ROW = 3
WINDOW_Y = (0.1, 0.4)
# A window (the page's first text, at its left edge) whose top is below this share of the page needs no
# text above it: the letterhead is a logo (an image, no text), the window sits where letters print it
# (DIN 5008: 45 mm of 297)
WINDOW_BELOW_LOGO_Y = 0.14
WINDOW_LEFT = 0.3  # a window's left edge lies left of this share of the page's width


# Words read this unsurely from a drawing (a logo's bars read `BEALE` on a degraded scan) are no letterhead
LOGO_READING_BELOW = 0.5


def _under_a_logo(rows: list[Row], block: Block) -> bool:
    """The first text of the page, at the left edge and below the top margin: an address window under a
    letterhead that is only an image (a receipt's name block is centred, or has text read above it). Rows
    above it whose every word was read unsurely are the logo read as letters, no text."""
    head = block.segments[0]
    logo_only = all(
        rows[i].words and max(w.confidence for w in rows[i].words) < LOGO_READING_BELOW
        for i in range(head.row)
    )
    return logo_only and block.bbox.y0 >= WINDOW_BELOW_LOGO_Y and block.bbox.x0 < WINDOW_LEFT


def _unlabelled_window(rows: list[Row], block: Block, labels: tuple[float, float, float]) -> bool:
    """An unlabelled postal block below the letterhead, where address windows sit."""
    head = block.segments[0]
    return (
        not any(labels)
        and (head.row >= WINDOW_MIN_ROW or _under_a_logo(rows, block))
        and WINDOW_Y[0] <= block.bbox.y0 <= WINDOW_Y[1]
        and bool(_postal_block(block))
    )


def recipient_names(rows: list[Row]) -> set[str]:
    """Lower-case names of the blocks a bill-to label, a sender line or their place (an unlabelled postal
    block under the letterhead) marks as the recipient's (the vendor is never one of them, whatever its
    type size or legal form)."""
    names = set()
    blocks = address_blocks(rows)
    # the head rows of blocks a bill-to label marks: an unlabelled block beside one (`From` and `Bill to`
    # side by side, the first unlabelled) is the sender's, not an address window's
    billed_heads = {b.segments[0].row for b in blocks if _label_above(rows, b)[0]}
    for block in blocks:
        _, name = _name_segment(block)
        if name is None:
            continue
        labels = _label_above(rows, block)
        # an attention line under the name (`z. Hd. Frau Becker`, `Attn: ...`) addresses the block's reader
        attention = any(_ATTENTION.match(s.text) for s in block.segments[1:2])
        beside_billed = any(abs(row - block.segments[0].row) <= 1 for row in billed_heads)
        if (
            labels[0]
            or attention
            or _sender_line_above(rows, block, "")
            or (_unlabelled_window(rows, block, labels) and not beside_billed)
        ):
            names.add(name.text.strip(" :,").lower())
    return names


def block_named(rows: list[Row], name: Candidate) -> Block | None:
    """The address block whose name is the candidate's (a customer read from its block), if any."""
    for block in address_blocks(rows):
        _, segment = _name_segment(block)
        if segment is not None and segment.row == name.row_index and segment.bbox == name.bbox:
            return block
    return None


def under_buyer_label(rows: list[Row], row_index: int, x0: float, *, max_rows: int = 8) -> bool:
    """Whether the segment starting at `x0` on row `row_index` belongs to a buyer's block: the segments
    above it in its column run up, row by row without a large gap, to a bill-to or ship-to label (`Bill to`
    over the buyer's name, address, e-mail and VAT id, beside the seller's own block)."""
    below = rows[row_index]
    for index in range(row_index - 1, max(-1, row_index - 1 - max_rows), -1):
        row = rows[index]
        if row.page != below.page:
            return False
        segments = row_segments(row, index)
        aligned = [s for s in segments if abs(s.bbox.x0 - x0) < 0.02]
        if not aligned and all(s.bbox.x0 > x0 + 0.02 for s in segments):
            continue  # a row of the column beside only (an info box whose lines sit at other heights)
        if not aligned or below.bbox.y0 - row.bbox.y1 > 2.2 * max(row.height, below.height):
            return False
        text = aligned[0].text.strip(" :")
        if is_label(text):
            return bool(_BILL_TO.search(text) or _SHIP_TO.search(text))
        below = row
    return False
