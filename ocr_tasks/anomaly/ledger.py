"""The prior invoices a document is compared with, indexed for the rules: the project's history plus
the documents of the same batch scored before it (so two copies uploaded together are duplicates)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ocr_tasks.anomaly.keys import amount, confusable_key, iban_key, invoice_number_key, iso_date, vendor_key
from ocr_tasks.anomaly.records import InvoiceRecord


@dataclass(frozen=True, slots=True)
class Entry:
    """A record with its comparison keys computed once."""

    record: InvoiceRecord
    vendor: str | None
    number: str | None
    confusable: str | None
    iban: str | None
    total: float | None
    day: date | None

    @classmethod
    def of(cls, record: InvoiceRecord) -> Entry:
        return cls(
            record=record,
            vendor=vendor_key(record.vendor_name),
            number=invoice_number_key(record.invoice_number),
            confusable=confusable_key(record.invoice_number),
            iban=iban_key(record.iban),
            total=_signed_total(record),
            day=iso_date(record.invoice_date),
        )

    @property
    def document_id(self) -> str:
        return self.record.document_id


def _signed_total(record: InvoiceRecord) -> float | None:
    """The total as money owed to the vendor: a credit note's total (a magnitude as read, or corrected
    negative) counts negative, so it is never a duplicate of the invoice it corrects, under an approval
    threshold or part of a split invoice. A quote owes nothing (None): no amount rule weighs it."""
    total = amount(record.total)
    if record.document_type == "quote":
        return None
    if total is not None and record.document_type == "credit_note":
        return -abs(total)
    return total


@dataclass
class Ledger:
    by_sha: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_number: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_vendor: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    ibans: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    size: int = 0

    @classmethod
    def of(cls, records: Iterable[InvoiceRecord]) -> Ledger:
        ledger = cls()
        for record in records:
            ledger.add(Entry.of(record))
        return ledger

    def add(self, entry: Entry) -> None:
        self.size += 1
        if entry.record.sha256:
            self.by_sha[entry.record.sha256].append(entry)
        if entry.vendor:
            self.by_vendor[entry.vendor].append(entry)
            if entry.number:
                self.by_number[(entry.vendor, entry.number)].append(entry)
            if entry.iban:
                self.ibans[entry.vendor].add(entry.iban)

    def vendor_entries(self, vendor: str | None) -> list[Entry]:
        return self.by_vendor.get(vendor, []) if vendor else []
