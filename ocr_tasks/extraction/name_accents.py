"""Party names read again in the document's language, for the letters the first reading's model lacks.

The OCR path reads a page with one Tesseract model (the CLI's default is `eng`), which has no `ä`, `ó`,
`à`, `ô`: `Bergkäserei` comes out `Bergkaserei`, `Gómez` `Gémez`, `Hôtel` `Hétel`. Once the labels tell
the document's language (`Invoice.language`), the boxes of the vendor's and the customer's names are read
again with that language's model (`tesseract_regions.names_in_document_language` builds the reader); the
second reading replaces the first only where it differs by accented letters alone, so a name is never
re-spelled, only given the accents the page prints. Pure: the reader comes in as a `RegionReader`.
"""

from __future__ import annotations

from dataclasses import replace

from ocr_tasks.extraction.keywords import ocr_shape, phrases
from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.invoice_types import Invoice

NAME_FIELDS = ("vendor_name", "customer_name")
MAX_SHARE = 0.25  # at most this share of a name's letters may change


def accents_restored(first: str, again: str) -> str | None:
    """The words of `again` (a reading of the name's box, which may hold more of its row) that are
    `first` with some letters replaced by accented ones (`Bergkaserei` -> `Bergkäserei`, `Gémez Martin`
    -> `Gómez Martín`), else None (another spelling, other words, nothing changed)."""
    again = " ".join(again.split())
    size = len(first)
    for start in range(len(again) - size + 1):
        end = start + size
        if (start and again[start - 1] != " ") or (end < len(again) and again[end] not in " ,;"):
            continue
        if _only_accents_added(first, again[start:end]):
            return again[start:end]
    return None


def _only_accents_added(first: str, again: str) -> bool:
    changed = 0
    for a, b in zip(first, again, strict=True):
        if a == b:
            continue
        if not (a.isalpha() and b.isalpha() and not b.isascii() and a.lower() != b.lower()):
            return False
        changed += 1
    return 0 < changed <= max(1, MAX_SHARE * sum(c.isalpha() for c in first))


# characters OCR reads for one another in a legal form's letters (`S.r.I.` for `S.r.l.`, `GrnbH`, `Ltd`)
_CONFUSED = ({"l", "I", "1", "|", "i", "Ì", "Í", "ì", "í"}, {"0", "O", "o"}, {"5", "S", "s"})


def _upper_here(spelled: list[str], printed: str) -> bool:
    """Whether a letter put back at position `len(spelled)` of `printed` is a capital: the first letter of
    a form is; a later one as the letter before it (`S.r.l.`, `S.R.L.`), the second as the next one."""
    before = [c for c in spelled if c.isalpha()]
    if not before:
        return True
    if len(before) == 1:
        after = [c for c in printed[len(spelled) + 1 :] if c.isalpha()]
        return (after[0] if after else before[0]).isupper()
    return before[-1].isupper()


def legal_form_spelled(name: str) -> str:
    """`name` with its last word, when OCR misread one letter or more of a legal form as a character it
    confuses with it (`Ottica Ferretti S.r.I.`), spelled as the legal form (`S.r.l.`); a name whose last
    word is a legal form as printed, or is none, is returned as it is."""
    head, _, last = name.rpartition(" ")
    if not head or last.lower() in _LEGAL_FORMS:
        return name
    for form in _LEGAL_FORMS_BY_SHAPE.get(ocr_shape(last), ()):
        if len(form) != len(last):
            continue
        spelled: list[str] = []
        for printed, wanted in zip(last, form, strict=True):
            if printed.lower() == wanted:
                spelled.append(printed)
            elif any(printed in group and wanted in group for group in _CONFUSED):
                spelled.append(wanted.upper() if _upper_here(spelled, last) else wanted)
            else:
                break
        else:
            return f"{head} {''.join(spelled)}"
    return name


_LEGAL_FORMS = frozenset(phrases("legal_form"))
_LEGAL_FORMS_BY_SHAPE: dict[str, tuple[str, ...]] = {}
for _form in sorted(_LEGAL_FORMS):
    if " " not in _form:
        _LEGAL_FORMS_BY_SHAPE[ocr_shape(_form)] = (*_LEGAL_FORMS_BY_SHAPE.get(ocr_shape(_form), ()), _form)


def with_legal_forms_spelled(invoice: Invoice) -> Invoice:
    """The invoice with its party names' legal forms spelled as printed (`legal_form_spelled`)."""
    fields = dict(invoice.fields)
    for name in NAME_FIELDS:
        field = fields.get(name)
        if field is not None and field.value and legal_form_spelled(field.value) != field.value:
            fields[name] = replace(field, value=legal_form_spelled(field.value))
    return replace(invoice, fields=fields) if fields != invoice.fields else invoice


def with_accented_names(invoice: Invoice, reader: RegionReader) -> Invoice:
    """The invoice with its party names' legal forms spelled as printed (`with_legal_forms_spelled`) and
    read again by `reader` (a reader in the document's language) where the second reading only adds
    accents."""
    invoice = with_legal_forms_spelled(invoice)
    fields = dict(invoice.fields)
    changed = False
    for name in NAME_FIELDS:
        field = fields.get(name)
        if field is None or field.bbox is None or not field.value:
            continue
        better = accents_restored(field.value, reader(field.page, field.bbox))
        if better is not None:
            fields[name] = replace(field, value=better)
            changed = True
    return replace(invoice, fields=fields) if changed else invoice
