"""Which vendor a document comes from: its identifiers, strongest first (`vat:`, `iban:`, `tax:`, `name:`,
`head:`), and the memory that shares the strongest of them.

VAT ids are compacted by python-stdnum (and checked by `ocr_tasks.normalise.tax_ids`), IBANs by schwifty;
a tax number that is no VAT id is `tax:`; the name is case-folded without accents, punctuation and legal
forms (`ACME Office Supplies GmbH` and `Acme office supplies` are one vendor). A name match must be exact
after that normalisation, and a VAT id on both sides that differs vetoes any weaker match. A letterhead
(`head:`, see `letterhead`) is the weakest: a document's letterhead recognises a memory only when nothing
stronger did (`document_memory`), and only by a close fuzzy match.

A memory's identifiers are reviewed values (`review_memory`, `learning.learn`): a VAT id the engine read
wrongly (the buyer's, printed next to the vendor's) never becomes a memory's key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError

from ocr_tasks.extraction.keywords import fold, phrases
from ocr_tasks.extraction.rows import Row
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.normalise.tax_ids import tax_id_valid
from ocr_tasks.vendor_memory.lessons import VendorMemory
from ocr_tasks.vendor_memory.letterhead import HEAD_MATCH, head_similarity, letterhead

KINDS = ("vat", "iban", "tax", "name", "head")  # strongest first
ID_FIELDS = ("vendor_tax_id", "iban", "vendor_name")  # the fields that identify a vendor
FIELD_KINDS = {"vendor_tax_id": ("vat", "tax"), "iban": ("iban",), "vendor_name": ("name",)}
HEAD_MARGIN = 3.0  # a letterhead match must beat the next memory's by this much
_VAT_COUNTRIES = frozenset(eu_vat.MEMBER_STATES) | {"el", "gb", "xi", "ch"}
_VAT_PREFIX = re.compile(r"^(?:[A-Z]{2}|CHE)[0-9A-Z]{6,14}$")


@lru_cache(maxsize=1)
def _legal_tokens() -> frozenset[str]:
    return frozenset(token for phrase in phrases("legal_form") for token in fold(phrase).split())


def normalise_name(name: str) -> str:
    """Case-folded, accents, punctuation and legal forms removed, spaces collapsed."""
    legal = _legal_tokens()
    return " ".join(token for token in fold(name).split() if token not in legal)


def _compact(value: str) -> str:
    return re.sub(r"[\s./\-]", "", value).upper()


def tax_identifier(value: str) -> str | None:
    """`vat:<id>` for a VAT id (stdnum's compact form), `tax:<number>` for another tax number."""
    compact = _compact(value)
    if not compact:
        return None
    if _VAT_PREFIX.match(compact) and compact[:2].lower() in _VAT_COUNTRIES:
        # a VAT id whose check digits fail (a made-up or misread one) still names the vendor it prints
        try:
            return f"vat:{eu_vat.compact(compact) if tax_id_valid(compact) else compact}"
        except ValidationError:  # a prefix stdnum's EU module does not know (GB, XI, CH): compact already
            return f"vat:{compact}"
    return f"tax:{compact}" if sum(ch.isdigit() for ch in compact) >= 5 else None


def iban_identifier(value: str) -> str | None:
    try:
        return "iban:" + IBAN(re.sub(r"[\s-]", "", value)).compact
    except (SchwiftyException, ValueError):
        return None


def identifiers_of(values: Mapping[str, str | None]) -> tuple[str, ...]:
    """Identifiers from field values (`vendor_tax_id`, `iban`, `vendor_name`), strongest first."""
    found: list[str] = []
    if values.get("vendor_tax_id"):
        tax = tax_identifier(str(values["vendor_tax_id"]))
        if tax:
            found.append(tax)
    if values.get("iban"):
        iban = iban_identifier(str(values["iban"]))
        if iban:
            found.append(iban)
    if values.get("vendor_name"):
        name = normalise_name(str(values["vendor_name"]))
        if name:
            found.append(f"name:{name}")
    return tuple(sorted(dict.fromkeys(found), key=strength))


def vendor_identifiers(invoice: Invoice) -> tuple[str, ...]:
    """The invoice's vendor identifiers, strongest first: `vat:`, `iban:`, `tax:`, `name:`."""
    return identifiers_of({name: invoice.get(name) for name in ("vendor_tax_id", "iban", "vendor_name")})


def strength(identifier: str) -> int:
    """0 for the strongest kind (vat) ... 3 for a name, 4 for a letterhead; 9 for an unknown kind."""
    kind = identifier.split(":", 1)[0]
    return KINDS.index(kind) if kind in KINDS else 9


def _of_kind(identifiers: Iterable[str], kind: str) -> set[str]:
    return {i for i in identifiers if i.startswith(kind + ":")}


def match_strength(memory: VendorMemory, identifiers: Sequence[str]) -> int | None:
    """Strength of the strongest identifier the memory shares with `identifiers` (None: no match, or
    both carry VAT ids and none is shared)."""
    mine, theirs = set(memory.identifiers), set(identifiers)
    shared = mine & theirs
    if not shared:
        return None
    vat_mine, vat_theirs = _of_kind(mine, "vat"), _of_kind(theirs, "vat")
    if vat_mine and vat_theirs and not (vat_mine & vat_theirs):
        return None
    return min(strength(i) for i in shared)


def find_memory(memories: Sequence[VendorMemory], invoice: Invoice) -> VendorMemory | None:
    """The memory sharing the invoice's strongest identifier (VAT or IBAN beats a name), or None."""
    return find_memory_by_identifiers(memories, vendor_identifiers(invoice))


def find_memory_by_identifiers(
    memories: Sequence[VendorMemory], identifiers: Sequence[str]
) -> VendorMemory | None:
    """The memory sharing the strongest of `identifiers`. An identifier that several memories carry (a
    customer's VAT id once mistaken for a vendor's) names none of them and is not used."""
    counts: dict[str, int] = {}
    for memory in memories:
        for i in set(memory.identifiers) & set(identifiers):
            counts[i] = counts.get(i, 0) + 1
    identifiers = [i for i in identifiers if counts.get(i, 0) <= 1]
    best: tuple[int, int] | None = None
    chosen = None
    for position, memory in enumerate(memories):
        level = match_strength(memory, identifiers)
        if level is not None and (best is None or (level, position) < best):
            best, chosen = (level, position), memory
    return chosen


def memories_in_text(
    memories: Sequence[VendorMemory], text: str, identifiers: Sequence[str] = ()
) -> VendorMemory | None:
    """The memory whose VAT id, IBAN or tax number is printed on the page (spacing and punctuation
    ignored), for documents whose general extraction missed or mistook the vendor's identifiers: the one
    with most such identifiers printed, when no other memory has as many (a buyer's VAT id printed on
    every invoice must not pick a memory), and none whose VAT id differs from the document's own
    (`identifiers`: those the general extraction read)."""
    compact = _compact(text)
    vat_theirs = _of_kind(identifiers, "vat")
    counts: dict[int, list[VendorMemory]] = {}
    for memory in memories:
        vat_mine = _of_kind(memory.identifiers, "vat")
        if vat_mine and vat_theirs and not (vat_mine & vat_theirs):
            continue
        hits = sum(
            1
            for i in memory.identifiers
            if strength(i) < KINDS.index("name")
            and len(value := i.split(":", 1)[1]) >= 8
            and value in compact
        )
        if hits:
            counts.setdefault(hits, []).append(memory)
    if not counts:
        return None
    best = counts[max(counts)]
    return best[0] if len(best) == 1 else None


def memory_by_letterhead(
    memories: Sequence[VendorMemory], rows: Sequence[Row], identifiers: Sequence[str] = ()
) -> VendorMemory | None:
    """The memory one of whose letterheads the document's letterhead matches (rapidfuzz ratio at least
    `HEAD_MATCH`), when no other memory comes within `HEAD_MARGIN` of it and its VAT id does not differ
    from the one the engine read (`identifiers`)."""
    head = letterhead(rows)
    if not head:
        return None
    vat_theirs = _of_kind(identifiers, "vat")
    scored = []
    for memory in memories:
        similarity = head_similarity(head, memory.identifiers)
        if similarity >= HEAD_MATCH - HEAD_MARGIN:
            vat_mine = _of_kind(memory.identifiers, "vat")
            if not (vat_mine and vat_theirs and not (vat_mine & vat_theirs)):
                scored.append((similarity, memory))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < HEAD_MATCH:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - HEAD_MARGIN:
        return None  # two vendors' letterheads alike: none is recognised
    return scored[0][1]


def document_memory(
    memories: Sequence[VendorMemory], identifiers: Sequence[str], rows: Sequence[Row], text: str
) -> VendorMemory | None:
    """The memory of a document's vendor, given the identifiers the general engine read: by the
    strongest of them, else by a memory's VAT id, IBAN or tax number printed on the page, else by its
    letterhead."""
    found = find_memory_by_identifiers(memories, identifiers)
    if found is None:
        found = memories_in_text(memories, text, identifiers)
    if found is None:
        found = memory_by_letterhead(memories, rows, identifiers)
    return found


def reviewed_identifiers(identity: Mapping[str, str | None]) -> tuple[str, ...]:
    """The identifiers of reviewed values (`identity`: `vendor_tax_id`, `iban`, `vendor_name` as a
    reviewer corrected or confirmed them; None: the reviewer says the document has none)."""
    return identifiers_of({name: identity.get(name) for name in ID_FIELDS if identity.get(name)})


def _kinds(identity: Mapping[str, str | None]) -> set[str]:
    """The identifier kinds whose values `identity` reviewed (a cleared field reviews its kinds too)."""
    return {kind for name in identity if name in FIELD_KINDS for kind in FIELD_KINDS[name]}


def kind_of(identifier: str) -> str:
    return identifier.split(":", 1)[0]


def reviewed_identity(
    memory: VendorMemory | None, extracted: Invoice, identity: Mapping[str, str | None]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(identifiers, unreviewed) of the vendor's memory after a review whose reviewed identifying values
    are `identity`. A new memory takes the reviewed identifiers, and the engine's reading of the fields
    not reviewed yet as unreviewed ones (so that a correction is used at once); a known memory gains
    the reviewed ones only. A reviewed value replaces every unreviewed identifier of its kind (the
    engine's reading of the buyer's VAT id as the vendor's goes when the reviewer corrects it)."""
    reviewed = reviewed_identifiers(identity)
    kinds = _kinds(identity)
    if memory is None:
        engine = identifiers_of({name: extracted.get(name) for name in ID_FIELDS if name not in identity})
        kept, unreviewed = engine, engine
    else:
        kept = tuple(i for i in memory.identifiers if i not in memory.unreviewed or kind_of(i) not in kinds)
        unreviewed = memory.unreviewed
    identifiers = tuple(sorted(dict.fromkeys((*reviewed, *kept)), key=strength))
    return identifiers, tuple(i for i in unreviewed if i in identifiers and i not in reviewed)


def conflicts(memory: VendorMemory, identity: Mapping[str, str | None]) -> bool:
    """Whether a reviewed VAT id or tax number in `identity` differs from a reviewed one of `memory`."""
    reviewed = reviewed_identifiers(identity)
    for kind in ("vat", "tax"):
        theirs = _of_kind(reviewed, kind)
        mine = _of_kind([i for i in memory.identifiers if i not in memory.unreviewed], kind)
        if theirs and mine and not (theirs & mine):
            return True
    return False


def review_memory(
    memories: Sequence[VendorMemory],
    extracted: Invoice,
    identity: Mapping[str, str | None],
    *,
    taught: VendorMemory | None = None,
) -> VendorMemory | None:
    """The memory a review of a document teaches: `taught` (the memory an earlier correction of the same
    document taught) unless the reviewed identifiers contradict its reviewed ones; else the one the
    reviewed identifiers (`identity`) name; else the one the document's current values name (the
    engine's reading with the reviewed values on top: a corrected or cleared VAT id replaces the
    engine's, and a reviewed VAT id that differs from a memory's vetoes it)."""
    if taught is not None and not conflicts(taught, identity):
        return taught
    reviewed = reviewed_identifiers(identity)
    if reviewed:
        found = find_memory_by_identifiers(memories, reviewed)
        if found is not None:
            return found
    values: dict[str, str | None] = {name: extracted.get(name) for name in ID_FIELDS}
    values.update({name: identity[name] for name in ID_FIELDS if name in identity})
    return find_memory_by_identifiers(memories, identifiers_of(values))
