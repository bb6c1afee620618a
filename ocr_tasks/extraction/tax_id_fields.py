"""Candidates for the vendor's VAT id and the IBAN, and whose they are.

IBANs are found by pattern and accepted only when schwifty accepts them (country length and check
digits), repaired from their country's BBAN format when OCR garbled a character; VAT ids (EU prefixes, Swiss
UIDs, national numbers right after a VAT label) are checked by python-stdnum. A tax id or IBAN belongs to
the party whose label is printed before it: a bill-to word or a possessive (`N° TVA client`, `Ihre
UID-Nr.`) makes it the buyer's, a seller word the vendor's. A VAT id printed without its country prefix is
reported in its EU form when stdnum accepts it with the document's country (`with_country_prefix`).
"""

from __future__ import annotations

import re

from stdnum.ch import uid as ch_uid
from stdnum.eu import vat as eu_vat

from ocr_tasks.extraction.address_blocks import row_segments, under_buyer_label
from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import (
    LABELS,
    concept_alternation,
    concept_pattern,
    label_strength,
    phrases,
)
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import bbox_union
from ocr_tasks.normalise.iban_repair import repair_iban, repair_vat_id
from ocr_tasks.normalise.tax_ids import iban_valid, national_tax_id_valid, tax_id_valid

_IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{4}){2,7}(?:[\s-]?[A-Z0-9]{1,3})?)\b")
_EU_COUNTRIES = frozenset(eu_vat.MEMBER_STATES)
_EU_PREFIX = r"(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)"
TAX_ID_RE = re.compile(
    r"\b(" + _EU_PREFIX + r"\s?U?\d[\dA-Z]{7,11}"
    r"|" + _EU_PREFIX + r"\s?\d{2,4}(?:[\s.]\d{2,4}){1,4}(?![\dA-Z])"  # DE 123 456 789, BE 0417.497.304
    r"|(?:ES|FR|IE|CY)\s?[A-Z0-9]{1,2}\d{6,9}[A-Z0-9]?(?![\dA-Z])"  # ESB12345678, FRXA123456789, IE1234567X
    r"|CHE[-\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}(?![\dA-Z])"  # Swiss UID, CHE-123.456.789 (MWST)
    r"|(?:NO\s?)?\d{3}\s?\d{3}\s?\d{3}\s?MVA"  # Norway's VAT id: the organisation number and MVA
    r"|(?<!\+)\d{12}|(?<!\+)\d{3}-?\d{4}-?\d{4,6}"  # not a phone number in international form
    r"|\d{2,3}(?:[\s-]\d{3}){2,3}(?![\s-]?\d))\b"  # groups of three (ABN 79 937 315 046), not a SIRET's head
)
# A national tax number right after its label (`NIF: B12345678`, `P.IVA 12345678901`, `St.-Nr. 12/345/67890`)
# and a program account after a business number (`213119290 RT0001`: Canada's GST/HST registration)
_LABELLED_TAX_NUMBER = re.compile(
    r"[:\s]\s*([A-Z]?\d[\d/.\- ]{6,16}\d(?:\s?[A-Z]{2}\s?\d{4}|[A-Z])?)(?![\w/])"
)

# letters and digits after a tax-id label (`GSTIN 29AAGCM4821K1Z6`, `GST Reg. No. 201912345R`): an id when
# a country pack's national tax-id module accepts it
_LABELLED_MIXED_ID = re.compile(r"[:\s]\s*([0-9][0-9A-Z]{8,15})(?![\w/])")
# a company's registration label alone (`Reg No`, `Company No.`): a weaker label than a VAT id's
_REGISTRATION_ONLY = concept_pattern(("company_registration",))
_VAT_OR_TAX_LABEL = concept_pattern(("vat_id", "tax_number"))

_CUSTOMER_ID_LABELS = LABELS["customer"] + phrases("customer_vat")
# `Ihre UID-Nr.`, `Your VAT no.`, `Uw btw-nummer`, `Vs. P.IVA`: a possessive before a tax-id label names the
# addressee's id (the lexicons' `buyer_possessive` x `vat_id`/`tax_number`, not every pair listed)
_YOUR_TAX_ID = re.compile(
    r"(?<![^\W\d_])(?:"
    + concept_alternation("buyer_possessive", min_length=2)
    + r")[\s.:]*(?:"
    + concept_alternation("vat_id", "tax_number", min_length=2)
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)


# the account a direct debit is drawn from is the buyer's (`domiciliado en`, `prélevé sur`, `Lastschrift`)
_DIRECT_DEBIT = concept_pattern(("direct_debit",))


def _label_before(row: Row, start: int) -> str:
    """The label text printed before offset `start`: the row's last two column segments before it."""
    parts = [p for p in re.split(r"\s{2,}", row.text[:start]) if p.strip()]
    return " ".join(parts[-2:])


def _party_features(row: Row, start: int, rows: list[Row] | None = None) -> dict[str, float]:
    """Whose identifier it is: a bill-to word (`N° TVA client`, `Customer VAT Number`, `Käufer`) in its
    label, or a place in the column under a bill-to label (the buyer's block), makes it the buyer's; a
    seller word the vendor's."""
    label = _label_before(row, start)
    customer = 1.0 if _YOUR_TAX_ID.search(label) else label_strength(label, _CUSTOMER_ID_LABELS, fuzzy=False)
    if customer < 1.0 and rows is not None:
        index, x = rows.index(row), row.span_bbox(start, start + 1).x0
        segment = next((s for s in row_segments(row, index) if s.bbox.x1 > x), None)
        if segment is not None and under_buyer_label(rows, index, segment.bbox.x0):
            customer = 1.0
    return {
        "customer_label": min(1.0, customer),
        "seller_label": min(1.0, label_strength(label, LABELS["seller"], fuzzy=False)),
    }


def valid_tax_id_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` prints a VAT id that passes its check digits (`TVA BE 0472.918.352`): its digit groups
    are no amounts."""
    return [m.span(1) for m in TAX_ID_RE.finditer(text) if tax_id_valid(m.group(1))]


def valid_iban_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` prints an IBAN that passes its check digits (`ES91 2100 0418 4502 0005 1332`): its digit
    groups are no amounts."""
    return [m.span(1) for m in _IBAN_RE.finditer(text.upper()) if _valid_iban_prefix(m.group(1))]


def _debited(row: Row, start: int) -> bool:
    """Whether an IBAN is the account a direct debit draws on (the payer's): a direct-debit phrase shortly
    before it in the same part of its row (`recibo domiciliado en ES91 ...`, `prélevé sur le compte FR76
    ...`), not a creditor's note in another part (`Lastschrift-Gläubiger-ID ... · IBAN`)."""
    found = list(_DIRECT_DEBIT.finditer(row.text[:start]))
    return (
        bool(found)
        and start - found[-1].end() <= 40
        and not re.search(r"[·•|]", row.text[found[-1].end() : start])
    )


def _iban_party(row: Row, start: int, rows: list[Row]) -> dict[str, float]:
    features = _party_features(row, start, rows)
    if _debited(row, start):
        features["customer_label"] = 1.0
    return features


def _valid_iban_prefix(printed: str) -> str | None:
    """The IBAN in a printed match, compact: the whole match, or the longest run of its leading groups
    that passes the check (a group of the BIC or an account number printed right after it is no part)."""
    groups = re.split(r"[\s-]+", printed.strip())
    for end in range(len(groups), 0, -1):
        compact = "".join(groups[:end])
        if len(compact) >= 15 and iban_valid(compact):
            return compact
    return None


_IBAN_LABEL = concept_pattern(("iban",))
# what ends an IBAN printed after its label: the BIC, the bank's name, another label
_AFTER_IBAN = re.compile(
    r"\b(?:BIC|SWIFT|BANK|BLZ|BTW|VAT|TVA|IVA|UST|TEL|FAX)\b|\s{2,}|[·•|]", re.IGNORECASE
)


def _repaired_iban(row: Row, rows: list[Row]) -> Candidate | None:
    """An IBAN after its label that OCR misread (`1T82E07...`, `£S18...`, `NL58 DIZV ...`), read back by
    `repair_iban` from the country's BBAN format and the check digits."""
    label = _IBAN_LABEL.search(row.text)
    if label is None:
        return None
    start = label.end() + len(row.text[label.end() :]) - len(row.text[label.end() :].lstrip(" :.-"))
    stop = _AFTER_IBAN.search(row.text, start)
    end = stop.start() if stop is not None else len(row.text)
    value = repair_iban(row.text[start:end])
    if value is None:
        return None
    return Candidate(
        field="iban",
        value=value,
        raw_text=row.text[start:end].strip(),
        page=row.page,
        bbox=row.span_bbox(start, end),
        ocr_confidence=row.span_confidence(start, end) * 0.8,
        features={"valid": 1.0, "repaired": 1.0, **_iban_party(row, start, rows)},
        row_index=rows.index(row),
    )


# the start of an IBAN that ends its row (a paragraph's line broken inside it: `... op rekening NL82 RABO`
# over `0314 9285 76 t.n.v. ...`, TeX's and a word processor's justified text) and the groups that start the
# next
_IBAN_AT_END = re.compile(r"(?<![A-Z0-9])([A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{1,4}){0,7})\W*$")
_GROUPS_AT_START = re.compile(r"^\W*([A-Z0-9]{1,4}(?:[\s-][A-Z0-9]{1,4}){0,7})(?![A-Z0-9])")


def _wrapped_iban(row: Row, rows: list[Row]) -> Candidate | None:
    """An IBAN broken across two lines of a paragraph: its start ends the row, the rest starts the next row
    just below; taken when the joined groups (the longest run that passes the check) reach into that row."""
    index = rows.index(row)
    below = rows[index + 1] if index + 1 < len(rows) else None
    head = _IBAN_AT_END.search(row.text.upper())
    if head is None or below is None or below.page != row.page:
        return None
    if below.bbox.y0 - row.bbox.y1 > 1.5 * max(row.height, below.height):
        return None
    tail = _GROUPS_AT_START.match(below.text.upper())
    if tail is None:
        return None
    compact = _valid_iban_prefix(f"{head.group(1)} {tail.group(1)}")
    if compact is None or len(compact) <= len(re.sub(r"[\s-]", "", head.group(1))):
        return None
    start = head.start(1)
    return Candidate(
        field="iban",
        value=compact,
        raw_text=f"{row.text[start:].strip()} {below.text[: tail.end(1)].strip()}",
        page=row.page,
        bbox=bbox_union([row.span_bbox(start, len(row.text)), below.span_bbox(0, tail.end(1))]),
        ocr_confidence=min(row.span_confidence(start, len(row.text)), below.span_confidence(0, tail.end(1))),
        features={"valid": 1.0, **_iban_party(row, start, rows)},
        row_index=index,
    )


# an IBAN printed without its label, as OCR may misread it: two letters, two check digits (or their
# look-alikes: `CHO9`), then groups of four; the BBAN format and the check digits decide (`repair_iban`)
_LOOSE_IBAN = re.compile(
    r"(?<![A-Z0-9])([A-Z]{2}[0-9OILSB|]{2}(?: ?[A-Z0-9|]{4}){2,7}(?: ?[A-Z0-9|]{1,3})?)(?![A-Z0-9])",
    re.IGNORECASE,
)


def _unlabelled_repaired_iban(row: Row, rows: list[Row]) -> Candidate | None:
    """An IBAN printed without a label (a QR bill's receipt part, a footer's bank line) that OCR misread,
    read back by `repair_iban`: the whole printed run or its longest run of leading groups (a BIC or a
    reference may follow). Weaker than a labelled repair: no label says it is an IBAN."""
    for m in _LOOSE_IBAN.finditer(row.text):
        groups = m.group(1).split(" ")
        for end in range(len(groups), 1, -1):
            printed = " ".join(groups[:end])
            value = repair_iban(printed)
            if value is None:
                continue
            start, stop = m.start(1), m.start(1) + len(printed)
            return Candidate(
                field="iban",
                value=value,
                raw_text=row.text[start:stop],
                page=row.page,
                bbox=row.span_bbox(start, stop),
                ocr_confidence=row.span_confidence(start, stop) * 0.7,
                features={"valid": 1.0, "repaired": 1.0, **_iban_party(row, start, rows)},
                row_index=rows.index(row),
            )
    return None


def iban_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in rows:
        found = len(out)
        for m in _IBAN_RE.finditer(row.text.upper()):
            compact = _valid_iban_prefix(m.group(1))
            if compact is not None:
                out.append(
                    Candidate(
                        field="iban",
                        value=compact,
                        raw_text=m.group(1),
                        page=row.page,
                        bbox=row.span_bbox(m.start(), m.end()),
                        ocr_confidence=row.span_confidence(m.start(), m.end()),
                        features={"valid": 1.0, **_iban_party(row, m.start(), rows)},
                        row_index=rows.index(row),
                    )
                )
        if len(out) == found:
            repaired = (
                _wrapped_iban(row, rows) or _repaired_iban(row, rows) or _unlabelled_repaired_iban(row, rows)
            )
            if repaired is not None:
                out.append(repaired)
    return out


# a date as printed (`02.05.2025`, `2025-05-02`): no tax number, whatever label precedes it on its row
_PRINTED_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}")


def _tax_id_matches(row: Row) -> list[re.Match[str]]:
    """EU VAT ids and tax numbers on a row, and national numbers printed right after a tax-id label."""
    ibans = [m.span() for m in _IBAN_RE.finditer(row.text.upper()) if _valid_iban_prefix(m.group(1))]
    found = [
        m for m in TAX_ID_RE.finditer(row.text) if not any(m.start() < e and s < m.end() for s, e in ibans)
    ]
    for m in _LABELLED_TAX_NUMBER.finditer(row.text):
        compact = re.sub(r"[^\dA-Z]", "", m.group(1))
        label = _label_before(row, m.start(1))[-30:]
        if (
            sum(ch.isdigit() for ch in compact) >= 8
            and not _PRINTED_DATE.fullmatch(m.group(1))  # `CVR-nr. 65595982  Fakturadato: 02.05.2025`
            and label_strength(label, LABELS["vendor_tax_id"], fuzzy=False) >= 1.0
            and not any(f.start() < m.end(1) and m.start(1) < f.end() for f in found)
        ):
            found.append(m)
    for m in _LABELLED_MIXED_ID.finditer(row.text):
        label = _label_before(row, m.start(1))[-30:]
        if (
            re.search(r"[A-Z]", m.group(1))
            and label_strength(label, LABELS["vendor_tax_id"], fuzzy=False) >= 1.0
            and not any(f.start(1) < m.end(1) and m.start(1) < f.end(1) for f in found)
            and national_tax_id_valid(m.group(1))
        ):
            found.append(m)
    return found


def _tax_id_value(printed: str) -> str:
    """A tax id without its spacing and punctuation; a Swiss UID in its official form (CHE-123.456.789)."""
    compact = re.sub(r"[\s/.\-]", "", printed)
    if compact.startswith("CHE") and ch_uid.is_valid(compact):
        return ch_uid.format(compact)
    return compact


_VAT_LABEL = concept_pattern(("vat_id",))
# a VAT id as OCR may print it right after its label: a look-alike prefix, then 6-14 digits and letters
_LOOSE_VAT = re.compile(r"\s*[:.]?\s*([A-Z0-9£€|]{2}[\s.]?[A-Z0-9](?:[\s.]?[A-Z0-9]){5,13})(?![A-Z0-9])")


def _tax_id_candidate(row: Row, rows: list[Row], span: tuple[int, int], label: float) -> Candidate:
    start, end = span
    printed = row.text[start:end]
    value, valid, repaired = _tax_id_value(printed), tax_id_valid(printed), 0.0
    if valid is not True and (fixed := repair_vat_id(printed)) is not None:
        value, valid, repaired = fixed, True, 1.0  # `DE 87901652Z`: a look-alike in a valid id
    return Candidate(
        field="vendor_tax_id",
        value=value,
        raw_text=printed,
        page=row.page,
        bbox=row.span_bbox(start, end),
        ocr_confidence=row.span_confidence(start, end) * (0.8 if repaired else 1.0),
        features={
            "label": label,
            "rel_y": row.bbox.center[1],
            "eu_vat": float(bool(re.match(r"[A-Z]{2}", value))),
            "checksum_bad": float(valid is False),
            "repaired": repaired,
            "registration_label": _registration_only(_label_before(row, start)),
            **_party_features(row, start, rows),
        },
        row_index=rows.index(row),
    )


def _registration_only(label: str) -> float:
    """1.0 when the label before an id names a company registration (`Reg No:`, `Company No.`) and no VAT id
    or tax number: the registry's number, which a page printing a VAT number too does not mean."""
    return float(bool(_REGISTRATION_ONLY.search(label)) and not _VAT_OR_TAX_LABEL.search(label))


def with_country_prefix(value: str, country: str | None) -> str:
    """A VAT id printed without its country prefix (`P.IVA 00743110157`, `NIF/CIF: B12345674`,
    `N° d'entreprise 0417.497.304`) in its EU form (`IT00743110157`) when, prefixed with the document's
    country, python-stdnum accepts it as that country's VAT id; any other value as it is."""
    if not country or not value[:1].isdigit() and not re.fullmatch(r"[A-Z]\d{7}[\dA-Z]", value):
        return value
    prefixed = ("EL" if country == "GR" else country) + value
    if country.lower() in _EU_COUNTRIES and eu_vat.is_valid(prefixed):
        return prefixed
    repaired = repair_vat_id(prefixed) if country.lower() in _EU_COUNTRIES else None
    return repaired or value  # a CIF's `B` read `8` (`882174301`): the one valid reading with the prefix


def _misread_after_label(row: Row) -> tuple[int, int] | None:
    """The span of a VAT id after its label that the patterns miss because OCR garbled its prefix
    (`P.IVA 1T29972000037`), when `repair_vat_id` reads a valid id from it."""
    label = _VAT_LABEL.search(row.text)
    m = _LOOSE_VAT.match(row.text.upper(), label.end()) if label is not None else None
    if m is None or repair_vat_id(m.group(1)) is None:
        return None
    return m.span(1)


def _label_above(rows: list[Row], index: int, span: tuple[int, int]) -> float:
    """Strength of a VAT-id label printed alone over the id, in its column on the row above (`VAT Number`
    over `GB 285 3749 19` in a column of labels above their values)."""
    row = rows[index]
    if index == 0 or rows[index - 1].page != row.page:
        return 0.0
    above = rows[index - 1]
    if row.bbox.y0 - above.bbox.y1 > 1.5 * max(row.height, above.height):
        return 0.0
    box = row.span_bbox(*span)
    best = 0.0
    for segment in row_segments(above, index - 1):
        if segment.bbox.x1 < box.x0 or segment.bbox.x0 > box.x1 or re.search(r"\d", segment.text):
            continue
        best = max(best, label_strength(segment.text, LABELS["vendor_tax_id"], fuzzy=False))
    return best


def _label_wrapped(rows: list[Row], index: int, span: tuple[int, int]) -> float:
    """Strength of a VAT-id label that ends the row above when the id starts this row: a footer sentence
    wrapped between label and id (`... · SIRET 894 821 990 00017 · TVA intracommunautaire` over
    `FR03894821990 · IBAN ...`)."""
    row = rows[index]
    if index == 0 or rows[index - 1].page != row.page or row.text[: span[0]].strip():
        return 0.0
    above = rows[index - 1]
    if row.bbox.y0 - above.bbox.y1 > 1.5 * max(row.height, above.height):
        return 0.0
    last = next(reversed(list(_VAT_LABEL.finditer(above.text))), None)
    if last is None or above.text[last.end() :].strip(" :.-"):
        return 0.0
    return label_strength(above.text[last.start() :], LABELS["vendor_tax_id"], fuzzy=False)


def tax_id_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for index, row in enumerate(rows):
        label = label_strength(row.text, LABELS["vendor_tax_id"], fuzzy=False)
        spans = [m.span(1) for m in _tax_id_matches(row)]
        misread = _misread_after_label(row)
        if misread is not None and not any(s < misread[1] and misread[0] < e for s, e in spans):
            spans.append(misread)
        for span in spans:
            strength = label or _label_above(rows, index, span) or _label_wrapped(rows, index, span)
            if strength or not _BARE_DIGITS.fullmatch(row.text[span[0] : span[1]]):
                out.append(_tax_id_candidate(row, rows, span, strength))
    return out


# A number of digits alone (`071121958404`: an article's barcode on a till receipt) is a tax id only under or
# after a tax-id label; an id with its country prefix needs none
_BARE_DIGITS = re.compile(r"[\d\s.\-]+")
