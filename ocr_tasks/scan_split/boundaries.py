"""Where the invoices of a batch scan begin: one decision per page from its evidence, conservative.

A new invoice begins at a page when, and only when:
- a blank separator sheet comes before it (the sheet is dropped); not when the blank pages are the
  empty backs of a duplex scan (every other page blank: those are dropped and separate nothing);
- its page marker restarts ("Page 1 of 2" after pages of another invoice), or the page before was the
  last of its invoice by its own marker ("2 of 2") and this one shows an invoice number or a vendor
  (a sheet of terms after "1 of 1" stays with its invoice);
- its invoice number differs from the current invoice's (both read surely); or its vendor differs
  (both read surely, neither name inside the other) and no invoice number ties it to the current one.
A page whose marker says it continues an invoice ("2 of 3") never begins one, whatever else it shows;
a page with no evidence stays with the invoice before it. Pure; standard library only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ocr_tasks.scan_split.page_markers import PageMarker

SEPARATOR = "blank separator page"
DUPLEX_BACK = "blank back of a duplex scan"


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """What one page of the scan says about where it belongs (None: not found, or not read surely)."""

    index: int
    blank: bool = False
    marker: PageMarker | None = None
    invoice_number: str | None = None
    vendor: str | None = None


@dataclass(frozen=True, slots=True)
class SplitPlan:
    """The scan's invoices as page indices (in order), the pages dropped and why, and why each invoice
    after the first begins where it does (its first page index -> reason)."""

    groups: tuple[tuple[int, ...], ...]
    dropped: dict[int, str] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "groups": [list(g) for g in self.groups],
            "dropped": {str(k): v for k, v in self.dropped.items()},
            "reasons": {str(k): v for k, v in self.reasons.items()},
        }


def _key(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def _duplex_backs(pages: Sequence[PageEvidence]) -> bool:
    """Blank pages only at the back positions (2nd, 4th, ...) and at least half of them blank."""
    backs = [p for position, p in enumerate(pages) if position % 2 == 1]
    blanks = [position for position, p in enumerate(pages) if p.blank]
    return (
        bool(blanks) and all(b % 2 == 1 for b in blanks) and len(blanks) * 2 >= len(backs) and len(pages) > 2
    )


@dataclass(slots=True)
class _Current:
    pages: list[int] = field(default_factory=list)
    number: str = ""
    vendor: str = ""
    last_marker: PageMarker | None = None


def _reason(page: PageEvidence, current: _Current, after_separator: bool) -> str | None:
    """Why `page` begins a new invoice, or None (it continues the current one)."""
    if not current.pages:
        return None
    if page.marker is not None and not page.marker.first:
        return None  # "2 of 3": a continuation, whatever else the page shows
    if after_separator:
        return SEPARATOR
    if page.marker is not None and page.marker.first:
        return f"page marker restarts (1 of {page.marker.count})"
    number, vendor = _key(page.invoice_number), _key(page.vendor)
    before = current.last_marker
    if before is not None and before.last and (number or vendor):
        return f"the page before was the last of its invoice ({before.number} of {before.count})"
    if number and current.number and number != current.number:
        return f"new invoice number {page.invoice_number}"
    same_number = bool(number) and number == current.number
    if (
        vendor
        and current.vendor
        and not same_number
        and vendor not in current.vendor
        and current.vendor not in vendor
    ):
        return f"new vendor {page.vendor}"
    return None


def invoice_groups(pages: Sequence[PageEvidence]) -> SplitPlan:
    """The plan for a scan's pages in order (see the module's docstring)."""
    duplex = _duplex_backs(pages)
    groups: list[tuple[int, ...]] = []
    dropped: dict[int, str] = {}
    reasons: dict[int, str] = {}
    current = _Current()
    after_separator = False
    for page in pages:
        if page.blank:
            dropped[page.index] = DUPLEX_BACK if duplex else SEPARATOR
            after_separator = after_separator or not duplex
            continue
        reason = _reason(page, current, after_separator)
        after_separator = False
        if reason is not None:
            groups.append(tuple(current.pages))
            reasons[page.index] = reason
            current = _Current()
        current.pages.append(page.index)
        current.number = current.number or _key(page.invoice_number)
        current.vendor = current.vendor or _key(page.vendor)
        current.last_marker = page.marker
    if current.pages:
        groups.append(tuple(current.pages))
    return SplitPlan(groups=tuple(groups), dropped=dropped, reasons=reasons)
