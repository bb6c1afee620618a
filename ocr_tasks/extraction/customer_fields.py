"""Candidates for the customer under a bill-to or ship-to label (`Bill to:`, `Rechnungsempfänger`,
`Adresse de facturation`, `Käufer`): the name in the label's column, on its row after a colon or on the
next rows, and the address block under it. Rows often run through two columns (the recipient's window and
the sender's details), so the name is the label column's segment, never the whole row. The address
windows without a label are read in `address_blocks`.
"""

from __future__ import annotations

import re

from ocr_tasks.extraction.address_blocks import Segment, block_named, is_label, row_segments
from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import LABELS, concept_pattern, label_strength
from ocr_tasks.extraction.party_fields import address_after, clean_name, letters_ratio, row_confidence
from ocr_tasks.extraction.rows import Row
from ocr_tasks.extraction.scoring import best
from ocr_tasks.geometry import bbox_union

_CUSTOMER_LABEL = concept_pattern(("bill_to", "ship_to"))
_TITLE = concept_pattern(("invoice_title", "credit_note_title", "receipt_title"))
_BILL_TO_LABEL = concept_pattern(("bill_to",))


def _label_segment(row: Row, index: int) -> tuple[Segment, str] | None:
    """The segment of `row` that holds a customer label, and the text after the label in it; None when
    there is no label, or the label names a number (`Customer: 2`, `N° TVA client FR...`) or is a word of
    other text (`Customer's copy`)."""
    for segment in row_segments(row, index):
        match = _CUSTOMER_LABEL.search(segment.text)
        if match is None or re.search(r"\w", segment.text[: match.start()]):
            continue  # a label heads its segment (`customer` inside a sentence is no label)
        after = segment.text[match.end() :]
        if re.fullmatch(r"\s*\([^()]*\)\s*:?\s*", after):
            after = ""  # a gloss in brackets (`Cessionario/committente (cliente)`)
        elif re.match(r"\s*/", after) and is_label(segment.text.strip(" :")):
            after = ""  # the label in a second language (`Billed To / Facturé à`)
        if after.strip() and not re.match(r"\s*[:\-]", after):
            continue  # `Customer's Copy`, `Kundenservice`: the word is part of something else
        rest = after.strip().lstrip(" :.-")  # a name's last dot stays (`Transportes Moncayo S.L.`)
        if re.match(r"[\W_]*\d", rest) or re.search(r"\b(no|nr|n°|number|nummer|id)\b", rest, re.IGNORECASE):
            return None
        return segment, rest
    return None


# Labels of other fields (`Invoice Number`, `Rechnungsdatum`) that a segment beside or under a customer label
# may hold: no name
_OTHER_FIELD_LABELS = concept_pattern(
    ("invoice_number", "invoice_date", "due_date", "order_number", "customer_number", "vat_id", "amount_due")
)


def without_customer_label(name: str) -> str:
    """A name without a customer label printed before it with a colon (`Cliente: Transportes Moncayo S.L.`,
    an address block's first line)."""
    name = name.lstrip(" .,:")  # the dot a salutation left (`Ms. Aoife Kelly` read without `Ms`)
    m = _CUSTOMER_LABEL.match(name)
    if m is None or not re.match(r"\s*:", name[m.end() :]):
        return name
    return name[m.end() :].lstrip(" :") or name


def is_field_label(text: str) -> bool:
    """Whether a segment is another field's label: a label phrase covering most of its letters."""
    letters = sum(ch.isalpha() for ch in text)
    return any(
        sum(ch.isalpha() for ch in m.group(0)) >= 0.6 * letters for m in _OTHER_FIELD_LABELS.finditer(text)
    )


# one word holding a digit (`411CAPI`, `K-2291`): a customer's number or code beside `Client`, no name
_CODE = re.compile(r"\S*\d\S*")


def _wordy_name(text: str) -> bool:
    return (
        not _CODE.fullmatch(text.strip())
        and letters_ratio(text) >= 0.5
        and sum(ch.isalpha() for ch in text) >= 3
        and not is_label(text)
        and not is_field_label(text)
    )


def _name_beside(row: Row, index: int, label: Segment) -> Segment | None:
    """The segment right of a bare label on its row across a column gap (`Customer   The Lantern Café` on a
    payment advice), when it reads as a name."""
    segments = row_segments(row, index)
    if sum(is_label(s.text.strip(" :")) for s in segments) > 1:
        return None  # a row of labels over several blocks (`Lieferant  Käufer  ...`)
    right = [s for s in segments if s.bbox.x0 > label.bbox.x1]
    if not right:
        return None
    nearest = min(right, key=lambda s: s.bbox.x0)
    letters = re.sub(r"(?<=\b\w) (?=\w\b)", "", nearest.text)  # `W A R E N R E C H N U N G`
    if _TITLE.search(letters):
        return None
    return nearest if nearest.bbox.x0 - label.bbox.x1 < 0.25 and _wordy_name(nearest.text) else None


def _name_under(rows: list[Row], index: int, label: Segment) -> tuple[Segment, int] | None:
    """The first wordy segment in the label's column on the next three rows of its page."""
    for below in range(index + 1, min(len(rows), index + 4)):
        if rows[below].page != rows[index].page:
            return None
        for segment in row_segments(rows[below], below):
            if not (label.bbox.x0 - 0.03 <= segment.bbox.x0 <= label.bbox.x0 + 0.2):
                continue
            if _wordy_name(segment.text):
                return segment, below
    return None


def customer_candidates(rows: list[Row]) -> list[Candidate]:
    """Customer name and address from the block under (or right of) a customer label: the segment in the
    label's column, not the whole row (a row often runs through the sender's column too)."""
    out: list[Candidate] = []
    for i, row in enumerate(rows):
        label = label_strength(row.text, LABELS["customer"], fuzzy=False)
        found = _label_segment(row, i) if label >= 1.0 else None
        if found is None:
            continue
        segment, inline = found
        if inline and letters_ratio(inline) > 0.5 and not is_label(inline):
            name_text, name_box, name_index, confidence = inline, segment.bbox, i, segment.confidence
        elif (beside := _name_beside(row, i, segment)) is not None:
            name_text, name_box, name_index, confidence = beside.text, beside.bbox, i, beside.confidence
        else:
            under = _name_under(rows, i, segment)
            if under is None:
                continue
            name, name_index = under
            name_text, name_box, confidence = name.text, name.bbox, name.confidence
        out.append(
            Candidate(
                field="customer_name",
                value=clean_name(name_text),
                raw_text=name_text,
                page=row.page,
                bbox=name_box,
                ocr_confidence=confidence,
                # the name under a bill-to label (`Billed To` beside `Ship To`) is the buyer's
                features={"label": label, "label_bill_to": float(bool(_BILL_TO_LABEL.match(segment.text)))},
                row_index=name_index,
            )
        )
        block, text = address_after(rows, name_index, max_rows=3)
        if block:
            out.append(
                Candidate(
                    field="customer_address",
                    value=text,
                    raw_text="\n".join(r.text for r in block),
                    page=row.page,
                    bbox=bbox_union(r.bbox for r in block),
                    ocr_confidence=sum(row_confidence(r) for r in block) / len(block),
                    features={"label": label},
                    row_index=name_index + 1,
                )
            )
        break
    return out or _payer_named(rows)


# `Betrag in bar dankend erhalten von Herrn Moritz Hansen, Lange Reihe 30`: a receipt's payer, named in its
# sentence of receipt up to the first comma or stop
_RECEIVED_FROM = concept_pattern(("received_from",))
_PAYER = re.compile(r"\s+((?:[^\W\d_][\w.'&-]*\s?){1,6}?)(?=\s*(?:[,;]|\.\s|\.?$))")


def _payer_named(rows: list[Row]) -> list[Candidate]:
    """The payer named after a phrase of receipt (the lexicons' `received_from`), when no customer label
    names one."""
    for i, row in enumerate(rows):
        m = _RECEIVED_FROM.search(row.text)
        payer = _PAYER.match(row.text, m.end()) if m is not None else None
        if payer is None or letters_ratio(payer.group(1)) < 0.8:
            continue
        start, end = payer.span(1)
        return [
            Candidate(
                field="customer_name",
                value=clean_name(row.text[start:end].strip()),
                raw_text=row.text[start:end].strip(),
                page=row.page,
                bbox=row.span_bbox(start, end),
                ocr_confidence=row.span_confidence(start, end),
                features={"label": 1.0},
                row_index=i,
            )
        ]
    return []


def _inside(c: Candidate, block_page: int, box) -> bool:
    x, y = c.bbox.center
    return c.page == block_page and box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1


def vendor_id_outside_customer_block(
    chosen: dict[str, Candidate], grouped: dict[str, list[Candidate]], rows: list[Row]
) -> None:
    """A VAT id printed in the customer's address block (`N° TVA : FR78916800469` under the buyer's
    unlabelled address on the right) is the buyer's: the vendor's is the best one printed elsewhere, or
    none (in place)."""
    customer, vat = chosen.get("customer_name"), chosen.get("vendor_tax_id")
    if customer is None or vat is None or not customer.features.get("block"):
        return
    block = block_named(rows, customer)
    if block is None or not _inside(vat, block.segments[0].page, block.bbox):
        return
    others = [
        c for c in grouped.get("vendor_tax_id", []) if not _inside(c, block.segments[0].page, block.bbox)
    ]
    replacement = best(others)
    if replacement is None:
        del chosen["vendor_tax_id"]
    else:
        chosen["vendor_tax_id"] = replacement
