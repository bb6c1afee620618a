"""Candidates for identifiers and terms: invoice_number, po_number, vendor_tax_id, iban, payment_terms.

An identifier is a token with at least one digit that follows its label on the same row (`Invoice No:
INV/2023/03/0008`) or sits under the label in the same column. IBANs are found by pattern and accepted
only when their ISO 13616 check digits are right.
"""

from __future__ import annotations

import re

from ocr_tasks.extraction.candidates import Candidate, header_chunk
from ocr_tasks.extraction.keywords import LABELS, fold, label_strength
from ocr_tasks.extraction.rows import Row
from ocr_tasks.normalise.dates import find_dates

_ID_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/\-_.#]*\d[A-Za-z0-9/\-_.,]*|\d+")
_IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?)\b")
_TAX_ID_RE = re.compile(
    r"\b((?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)\s?U?\d[\dA-Z]{7,11}"
    r"|\d{12}|\d{3}-?\d{4}-?\d{4,6})\b"
)
_TERMS_RE = re.compile(
    r"\b(net\s?\d{1,3}|\d{1,3}\s?(?:days?|dagen|tage|jours)(?:\s+net)?|due on receipt|immediate|"
    r"cash on delivery|cod|end of month|eom)\b",
    re.IGNORECASE,
)


PHONE_LABELS = ("tel", "telephone", "phone", "fax", "h/p", "hp", "mobile", "whatsapp", "telefoon", "telefon")


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN (spaces ignored)."""
    compact = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def _label_end(row_text: str, phrases: tuple[str, ...]) -> tuple[float, int]:
    """Strength of the best label on the row and the character offset just after it."""
    lowered = row_text.lower()
    best, end = 0.0, -1
    for phrase in phrases:
        for m in re.finditer(r"(?<![a-z0-9])" + re.escape(phrase.lower()) + r"(?![a-z0-9\-/_])", lowered):
            strength = 1.0 + 0.05 * len(phrase.split())
            if strength > best or (strength == best and m.end() < end):
                best, end = strength, m.end()
    return best, end


def _identifier(field: str, token_match: re.Match[str], target: Row, rows: list[Row], features: dict[str, float]
                ) -> Candidate | None:
    raw = token_match.group(0)
    token = raw.strip(".#:-,")
    if len(token) < 2 or re.fullmatch(r"\d{1,2}[:.]\d{2}", token):
        return None
    digits = sum(ch.isdigit() for ch in token)
    features.update({
        "digits": min(digits, 10) / 10.0,
        "digit_ratio": digits / len(token),
        "rel_y": target.bbox.center[1],
        "amount_like": float(bool(re.fullmatch(r"-?\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token))),
    })
    return Candidate(field=field, value=token, raw_text=raw, page=target.page,
                     bbox=target.span_bbox(token_match.start(), token_match.end()),
                     ocr_confidence=target.span_confidence(token_match.start(), token_match.end()),
                     features=features, row_index=rows.index(target))


def labelled_identifier_candidates(rows: list[Row], field: str, *, label_key: str | None = None) -> list[Candidate]:
    """Identifiers after their label on the same row, or under it in the same column on the next row."""
    phrases = LABELS[label_key or field]
    out: list[Candidate] = []
    for i, row in enumerate(rows):
        strength, end = _label_end(row.text, phrases)
        if strength <= 0:
            continue
        date_spans = [(d.start, d.end) for d in find_dates(row.text)]
        for distance, m in enumerate(_ID_TOKEN.finditer(row.text, end)):
            if distance > 2:
                break
            if any(m.start() < e and s < m.end() for s, e in date_spans):
                continue
            between = row.text[end:m.start()]
            words_between = len(re.findall(r"[A-Za-z]{2,}", between))
            c = _identifier(field, m, row, rows, {
                "label": strength, "distance": distance / 3.0, "words_between": min(words_between, 3) / 3.0,
                "tax_id_label": label_strength(row.text[:m.start()], LABELS["vendor_tax_id"], fuzzy=False),
                "phone_label": label_strength(row.text[:m.start()], PHONE_LABELS, fuzzy=False),
                "generic_label": float(fold(row.text[:end]).endswith(("no", "ref", "inv", "invoice", "receipt",
                                                                       "factuur")))})
            if c is not None:
                out.append(c)
        header_row = not re.search(r"\d", row.text)
        if header_row and i + 1 < len(rows) and rows[i + 1].page == row.page:
            below = rows[i + 1]
            spans = [(d.start, d.end) for d in find_dates(below.text)]
            for m in _ID_TOKEN.finditer(below.text):
                if any(m.start() < e and s < m.end() for s, e in spans):
                    continue
                header = header_chunk(row, below.span_bbox(m.start(), m.end()))
                column_strength = label_strength(header, tuple(p for p in phrases if len(p) >= 4), fuzzy=False)
                if column_strength <= 0:
                    continue
                c = _identifier(field, m, below, rows, {"label": column_strength * 0.9, "distance": 0.0,
                                                        "words_between": 0.0, "column": 1.0})
                if c is not None:
                    out.append(c)
    return out


def iban_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in rows:
        for m in _IBAN_RE.finditer(row.text.upper()):
            if iban_is_valid(m.group(1)):
                out.append(Candidate(field="iban", value=m.group(1).replace(" ", ""), raw_text=m.group(1),
                                     page=row.page, bbox=row.span_bbox(m.start(), m.end()),
                                     ocr_confidence=row.span_confidence(m.start(), m.end()),
                                     features={"valid": 1.0}, row_index=rows.index(row)))
    return out


def tax_id_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in rows:
        label = label_strength(row.text, LABELS["vendor_tax_id"], fuzzy=False)
        for m in _TAX_ID_RE.finditer(row.text):
            out.append(Candidate(field="vendor_tax_id", value=m.group(1).replace(" ", ""), raw_text=m.group(1),
                                 page=row.page, bbox=row.span_bbox(m.start(), m.end()),
                                 ocr_confidence=row.span_confidence(m.start(), m.end()),
                                 features={"label": label, "rel_y": row.bbox.center[1],
                                           "eu_vat": float(bool(re.match(r"[A-Z]{2}", m.group(1))))},
                                 row_index=rows.index(row)))
    return out


def payment_terms_candidates(rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    for row in rows:
        label = label_strength(row.text, LABELS["payment_terms"], fuzzy=False)
        for m in _TERMS_RE.finditer(row.text):
            out.append(Candidate(field="payment_terms", value=m.group(1), raw_text=m.group(1), page=row.page,
                                 bbox=row.span_bbox(m.start(), m.end()),
                                 ocr_confidence=row.span_confidence(m.start(), m.end()),
                                 features={"label": label}, row_index=rows.index(row)))
    return out
