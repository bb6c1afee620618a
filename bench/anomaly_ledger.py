"""A synthetic invoice ledger with injected anomalies of every kind, for `anomaly_eval.py` (fixed seed).

2,000 invoices from 50 vendors over two years: vendors have a typical total (log-normal), a fixed tax
rate, an IBAN printed with varying spacing, a name printed with varying case, punctuation and legal
suffix, and a cadence (a few frequent vendors, many rare ones); invoices fall on weekdays and add up.
About 5 % of documents are injected anomalies; `truth[document_id]` holds the kinds each one should get.
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ocr_tasks.anomaly.records import InvoiceRecord

START = date(2024, 1, 1)
DAYS = 730
TODAY = START + timedelta(days=DAYS)
THRESHOLD = 10_000.0
CONFUSIONS = {"0": "O", "1": "l", "5": "S", "8": "B"}
_BASES = [
    "Acme Trading",
    "Borneo Office Supplies",
    "Cheng Hardware",
    "Delta Logistics",
    "Eastern Paper Mill",
    "Fresh Mart",
    "Green Leaf Catering",
    "Harbour Marine",
    "Indah Printing",
    "Jaya Electrical",
    "Kinta Stationery",
    "Lumen Lighting",
    "Maju Construction",
    "Nordic Software",
    "Orchid Florist",
    "Pacific Courier",
    "Quantum Cloud Hosting",
    "Rapid Cleaning",
    "Sunrise Bakery",
    "Titan Steel",
    "Urban Furniture",
    "Vista Travel",
    "Willow Legal Advisers",
    "Xenon Gas Supply",
    "Yellow Cab Services",
    "Zenith Consulting",
    "Alpine Water",
    "Beacon Security",
    "Cedar Timber",
    "Dynamo Engineering",
    "Emerald Telecom",
    "Falcon Freight",
    "Granite Quarry",
    "Horizon Media",
    "Ivory Textiles",
    "Jade Pharmacy",
    "Kestrel Aviation Parts",
    "Lotus Spa Supplies",
    "Meridian Insurance",
    "Nimbus Analytics",
    "Oasis Beverages",
    "Pinnacle Recruitment",
    "Quartz Laboratory",
    "Redwood Packaging",
    "Silverline Tyres",
    "Topaz Jewellers",
    "Unity Medical",
    "Vertex Auto Parts",
    "Wavecrest Pools",
    "Yarrow Organic Farm",
    "Amber Signage",
    "Birch Office Coffee",
    "Copper Kettle Canteen",
    "Dune Solar",
    "Echo Sound Hire",
    "Fjord Seafood",
    "Garnet Uniforms",
    "Helix Biotech",
    "Iris Optical",
]
_SUFFIXES = [
    ("Sdn Bhd", "SDN. BHD.", "sdn bhd"),
    ("B.V.", "BV", "B.V"),
    ("GmbH", "GMBH", "Gmbh"),
    ("Ltd", "LTD.", "Limited"),
]


@dataclass
class Vendor:
    name: str
    variants: tuple[str, ...]
    median: float
    sigma: float
    tax_rate: float
    iban: str
    prefix: str
    weight: float
    counter: int = 1000

    def number(self) -> str:
        self.counter += 1
        return f"{self.prefix}-{self.counter}"


@dataclass
class Ledger:
    records: list[InvoiceRecord]
    truth: dict[str, set[str]]
    vendor_of: dict[str, str]
    vendor_median: dict[str, float]
    collateral: set[str] = field(default_factory=set)


def _iban(rng: random.Random) -> str:
    return "NL" + f"{rng.randint(10, 99)}" + "ABNA" + "".join(str(rng.randint(0, 9)) for _ in range(10))


def _printed_iban(iban: str, rng: random.Random) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.5 else iban


def _vendors(rng: random.Random, count: int, offset: int = 0) -> list[Vendor]:
    vendors = []
    for i in range(count):
        base = _BASES[offset + i]
        suffix = _SUFFIXES[(offset + i) % len(_SUFFIXES)]
        variants = tuple(f"{base} {s}" for s in suffix) + (f"{base.upper()} {suffix[0]}", base)
        vendors.append(
            Vendor(
                name=base,
                variants=variants,
                median=math.exp(rng.uniform(math.log(40), math.log(1500))),
                sigma=rng.uniform(0.15, 0.35),
                tax_rate=rng.choice([0.0, 6.0, 10.0, 20.0]),
                iban=_iban(rng),
                prefix="".join(w[0] for w in base.split()).upper() + rng.choice(["", "INV", "N"]),
                weight=1.0 / (i + 1) ** 0.8,
            )
        )
    # frequent vendors bill small amounts (keeps innocent invoices away from the split rule)
    by_weight = sorted(vendors, key=lambda v: -v.weight)
    medians = sorted(v.median for v in vendors)
    for vendor, median in zip(by_weight, medians, strict=True):
        vendor.median = median
    return vendors


def _make_big(vendors: list[Vendor], rng: random.Random) -> list[Vendor]:
    """The rarest six vendors become big-ticket suppliers (typical total 3,000-4,500, steady prices):
    the ones whose invoices can plausibly be split or pushed just under the approval threshold."""
    big = sorted(vendors, key=lambda v: v.weight)[:6]
    for vendor in big:
        vendor.median, vendor.sigma = rng.uniform(3000, 4500), 0.12
    return big


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _not_round(total: float) -> float:
    return total + 0.37 if total >= 500 and abs(total / 100 - round(total / 100)) < 1e-9 else total


def _record(
    doc_id: str, vendor: Vendor, rng: random.Random, day: date, total: float, **changes
) -> InvoiceRecord:
    total = round(total, 2)
    subtotal = round(total / (1 + vendor.tax_rate / 100), 2)
    tax = round(total - subtotal, 2)
    base = InvoiceRecord(
        document_id=doc_id,
        sha256=hashlib.sha256(doc_id.encode()).hexdigest(),
        vendor_name=rng.choice(vendor.variants),
        invoice_number=vendor.number(),
        invoice_date=day.isoformat(),
        due_date=(day + timedelta(days=30)).isoformat(),
        total=f"{total:.2f}",
        subtotal=f"{subtotal:.2f}",
        tax_amount=f"{tax:.2f}",
        tax_rate=f"{vendor.tax_rate:.2f}",
        currency="EUR",
        iban=_printed_iban(vendor.iban, rng),
        line_item_count=1 + sum(rng.random() < 0.3 for _ in range(8)),
        received_at=(day + timedelta(days=rng.randint(0, 3))).isoformat() + "T09:00:00",
    )
    return replace(base, **changes) if changes else base


def _confuse(number: str, rng: random.Random) -> str:
    positions = [i for i, c in enumerate(number) if c in CONFUSIONS]
    if positions:
        i = rng.choice(positions)
        return number[:i] + CONFUSIONS[number[i]] + number[i + 1 :]
    return number.replace("-", "") if "-" in number else number + "."


# (day, order, record, kind, vendor): `order` sorts documents of one day; `kind` is None for normal ones
Item = tuple[date, str, InvoiceRecord, str | None, str]


def _normal_items(rng: random.Random, pool: list[Vendor], big: list[Vendor], count: int) -> list[Item]:
    """`count` ordinary invoices on random weekdays, vendors drawn by weight; a big-ticket supplier bills
    at most every ten days or so."""
    weights = [v.weight for v in pool]
    days = sorted(_weekday(START + timedelta(days=rng.randrange(DAYS))) for _ in range(count))
    items: list[Item] = []
    big_days: dict[str, list[date]] = {v.name: [] for v in big}
    for n, day in enumerate(days):
        vendor = rng.choices(pool, weights)[0]
        while vendor.name in big_days and any(abs((day - d).days) <= 10 for d in big_days[vendor.name]):
            vendor = rng.choices(pool, weights)[0]
        if vendor.name in big_days:
            big_days[vendor.name].append(day)
        total = _not_round(round(vendor.median * math.exp(rng.gauss(0, vendor.sigma)), 2))
        items.append((day, f"{n:05d}", _record(f"n{n:05d}", vendor, rng, day, total), None, vendor.name))
    return items


@dataclass
class _Injector:
    """What the injected anomalies draw on (the ordinary items, the vendor pools, one random stream) and
    the anomalies injected so far."""

    rng: random.Random
    items: list[Item]
    pool: list[Vendor]
    extra: list[Vendor]
    big: list[Vendor]
    injected: list[Item] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_name = {v.name: v for v in self.pool + self.extra}
        big_names = {v.name for v in self.big}
        self.small = [v for v in self.pool if v.name not in big_names]
        self.small_weights = [v.weight for v in self.small]
        self.late = [
            it for it in self.items if it[0] >= START + timedelta(days=120) and it[4] not in big_names
        ]
        self.busy = {v.name: [it[0] for it in self.items if it[4] == v.name] for v in self.big}

    def pick(self) -> Item:
        return self.rng.choice(self.late)

    def free_day(self, vendor: Vendor, span: int = 1) -> date:
        """A weekday with no other large invoice of `vendor` within the split window around it."""
        while True:
            day = _weekday(START + timedelta(days=self.rng.randrange(120, DAYS - 5)))
            if all(abs((day - other).days) > 9 + span for other in self.busy[vendor.name]):
                self.busy[vendor.name].append(day)
                return day

    def add(self, kind: str, day: date, record: InvoiceRecord, vendor: str, after: str) -> None:
        self.injected.append((day, after + "x" + str(len(self.injected)), record, kind, vendor))


def _inject_duplicates(inj: _Injector, rounds: int = 9) -> None:
    """Exact copies, the same invoice number printed differently, and OCR-confused numbers."""
    rng = inj.rng
    for k in range(rounds):
        day, order, original, _, vname = inj.pick()
        inj.add("exact_duplicate", day, replace(original, document_id=f"exact{k}"), vname, order)
        day, order, original, _, vname = inj.pick()
        number = original.invoice_number.lower().replace("-", " - ")
        inj.add(
            "duplicate_invoice",
            day + timedelta(days=3),
            replace(
                original,
                document_id=f"dupinv{k}",
                sha256=hashlib.sha256(f"dupinv{k}".encode()).hexdigest(),
                invoice_number=number,
                vendor_name=rng.choice(inj.by_name[vname].variants),
            ),
            vname,
            order,
        )
        day, order, original, _, vname = inj.pick()
        inj.add(
            "fuzzy_duplicate",
            day + timedelta(days=2),
            replace(
                original,
                document_id=f"fuzzy{k}",
                sha256=hashlib.sha256(f"fuzzy{k}".encode()).hexdigest(),
                invoice_number=_confuse(original.invoice_number, rng),
                invoice_date=_weekday(day + timedelta(days=rng.randint(0, 3))).isoformat(),
            ),
            vname,
            order,
        )


def _inject_single_documents(inj: _Injector, rounds: int = 9) -> None:
    """Anomalies one document shows on its own: arithmetic, dates, round or near-threshold amounts of the
    big-ticket suppliers, a changed IBAN, a new vendor."""
    rng, small, small_weights, big = inj.rng, inj.small, inj.small_weights, inj.big
    for k in range(rounds):
        vendor = rng.choices(small, small_weights)[0]
        day = _weekday(START + timedelta(days=rng.randrange(120, DAYS)))
        total = _not_round(round(vendor.median * math.exp(rng.gauss(0, vendor.sigma)), 2))
        base = _record(f"arith{k}", vendor, rng, day, total)
        inj.add(
            "arithmetic_mismatch",
            day,
            replace(base, total=f"{total + rng.choice([-1, 1]) * rng.uniform(1, min(50, total / 5)):.2f}"),
            vendor.name,
            day.isoformat(),
        )
        future = _weekday(TODAY + timedelta(days=rng.randint(10, 200)))
        inj.add(
            "future_date",
            day,
            _record(f"future{k}", vendor, rng, future, total),
            vendor.name,
            day.isoformat(),
        )
        weekend = day + timedelta(days=5 - day.weekday() + rng.randint(0, 1))
        inj.add(
            "weekend_date",
            weekend,
            _record(f"weekend{k}", vendor, rng, weekend, total),
            vendor.name,
            weekend.isoformat(),
        )
        large = rng.choice(big)
        rounded = round(large.median * rng.uniform(0.8, 1.3) / 100) * 100
        when = inj.free_day(large)
        inj.add(
            "round_amount",
            when,
            _record(f"round{k}", large, rng, when, rounded),
            large.name,
            when.isoformat(),
        )
        near = _not_round(round(rng.uniform(THRESHOLD * 0.951, THRESHOLD - 0.5), 2))
        large = rng.choice(big)
        when = inj.free_day(large)
        inj.add(
            "near_approval_threshold",
            when,
            _record(f"near{k}", large, rng, when, near),
            large.name,
            when.isoformat(),
        )
        other = rng.choices(small, small_weights)[0]
        inj.add(
            "iban_changed",
            day,
            _record(f"iban{k}", other, rng, day, _not_round(round(other.median, 2) + 0.13), iban=_iban(rng)),
            other.name,
            day.isoformat(),
        )
        newcomer = inj.extra[k]
        inj.add(
            "new_vendor",
            day,
            _record(f"new{k}", newcomer, rng, day, _not_round(round(newcomer.median, 2) + 0.21)),
            newcomer.name,
            day.isoformat(),
        )


def _inject_splits(inj: _Injector) -> None:
    """Groups of two or three invoices on consecutive days whose sum crosses the approval threshold."""
    rng = inj.rng
    for g, parts in enumerate([3, 3, 3, 3, 2, 2, 2, 2]):
        vendor = rng.choice(inj.big)
        day = inj.free_day(vendor, span=3)
        running = 0.0
        for p in range(parts):
            amount = _not_round(round(rng.uniform(3500, 4500) if parts == 3 else rng.uniform(5200, 6000), 2))
            running += amount
            part_day = _weekday(day + timedelta(days=p))
            kind = "split_invoice" if running >= THRESHOLD else "split_part"
            inj.add(
                kind,
                part_day,
                _record(f"split{g}_{p}", vendor, rng, part_day, amount),
                vendor.name,
                part_day.isoformat() + f"{p}",
            )


def _inject_outliers(inj: _Injector, count: int = 10) -> None:
    """Totals 5-20 times a frequent small vendor's typical one."""
    rng = inj.rng
    for k in range(count):
        vendor = rng.choices(inj.small[:30], inj.small_weights[:30])[0]
        day = _weekday(START + timedelta(days=rng.randrange(240, DAYS)))
        total = _not_round(round(vendor.median * rng.uniform(5, 20), 2))
        inj.add("outlier", day, _record(f"outlier{k}", vendor, rng, day, total), vendor.name, day.isoformat())


def _truth(everything: list[Item]) -> dict[str, set[str]]:
    """The kinds each document should get: its injected kind, and `new_vendor` for every vendor's first
    invoice after the warm-up."""
    truth: dict[str, set[str]] = {it[2].document_id: set() for it in everything}
    for _, _, record, kind, _ in everything:
        if kind and kind != "split_part":
            truth[record.document_id].add(kind)
    seen: set[str] = set()
    for index, (_, _, record, _, vendor) in enumerate(everything):
        if vendor not in seen and index >= 20:
            truth[record.document_id].add("new_vendor")
        seen.add(vendor)
    return truth


def build_ledger(seed: int = 7, size: int = 2000, vendors: int = 50) -> Ledger:
    rng = random.Random(seed)
    pool = _vendors(rng, vendors)
    extra = _vendors(rng, 9, offset=vendors)  # vendors that appear once, late
    big = _make_big(pool, rng)
    items = _normal_items(rng, pool, big, size - 120)  # + 120 injected documents
    inj = _Injector(rng, items, pool, extra, big)
    _inject_duplicates(inj)
    _inject_single_documents(inj)
    _inject_splits(inj)
    _inject_outliers(inj)

    everything = sorted(items + inj.injected, key=lambda it: (it[0], it[1]))
    records = [it[2] for it in everything]
    truth = _truth(everything)
    vendor_of = {it[2].document_id: it[4] for it in everything}
    medians = {v.name: v.median for v in pool + extra}
    ledger = Ledger(records, truth, vendor_of, medians)
    for record in records:  # amounts 5x away from the vendor's typical total are outliers, whatever made them
        ratio = float(record.total) / medians[vendor_of[record.document_id]]
        if (ratio >= 5 or ratio <= 0.2) and "outlier" not in truth[record.document_id]:
            ledger.collateral.add(record.document_id)
    return ledger
