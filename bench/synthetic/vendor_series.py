"""Series of one synthetic vendor's invoices: the same family, language, sender, recipient, number and
date style and label wording on every document, different invoice numbers, dates, items and amounts (the
learning-curve bench, `bench/learning_curve.py`).

The existing families' documents are untouched: a series draws its content with `content.make_invoice`
and renders with `render.Renderer`, only fixing what a vendor's invoicing software keeps constant (its
label variants through a per-vendor choice, its parties and formats).
"""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

from .content import NUMBER_PATTERNS, Invoice, make_invoice
from .degrade import scan_copy
from .layouts import FAMILY_BY_NAME, Family
from .render import Renderer
from .vocabulary import LABELS


class VendorRenderer(Renderer):
    """A renderer whose label variants are the vendor's own (the same on each of its documents)."""

    def __init__(self, inv: Invoice, fam: Family, seed: int, total_pages: int = 1, *, vendor_seed: int = 0):
        super().__init__(inv, fam, seed, total_pages)
        self.vendor_seed = vendor_seed

    def word(self, key: str, **values) -> str:
        if key not in self.words:
            choice = random.Random(f"{self.vendor_seed}:{self.inv.lang}:{key}")
            self.words[key] = choice.choice(LABELS[self.inv.lang][key])
        return self.words[key].format(**values)


def _render(inv: Invoice, fam: Family, seed: int, vendor_seed: int) -> bytes:
    data, pages = VendorRenderer(inv, fam, seed, vendor_seed=vendor_seed).run()
    if pages > 1 or fam.page_number != "none":
        data, _ = VendorRenderer(inv, fam, seed, total_pages=pages, vendor_seed=vendor_seed).run()
    return data


def series_invoices(family: str, lang: str, count: int, seed: int) -> list[Invoice]:
    """`count` invoices (no credit notes) of one vendor: the first draw fixes the sender, recipient,
    locale and formats, and the numbering scheme is the vendor's; later draws keep their own numbers,
    dates and items."""
    fam = FAMILY_BY_NAME[family]
    vendor_seed = zlib.crc32(f"vendor:{seed}:{family}:{lang}".encode())
    pattern = random.Random(vendor_seed).choice(NUMBER_PATTERNS)  # the vendor's numbering scheme
    base = None
    out: list[Invoice] = []
    draw = 0
    while len(out) < count and draw < count * 40:
        inv = make_invoice(f"{family}-{lang}-v{seed}-{len(out):02d}", fam, lang, vendor_seed + draw)
        draw += 1
        if inv.doc_type != "invoice" or (base is not None and inv.locale != base.locale):
            continue
        numbers = random.Random(vendor_seed + draw)
        inv.number = pattern.format(
            y=inv.date.year,
            yy=f"{inv.date.year % 100:02d}",
            **{f"n{k}": str(numbers.randint(10 ** (k - 1), 10**k - 1)) for k in range(3, 8)},
        )
        if base is None:
            base = inv
        else:
            inv.vendor, inv.customer, inv.fmt = base.vendor, base.customer, base.fmt
        out.append(inv)
    return out


def generate_series(
    out: Path, family: str, lang: str, *, count: int = 10, seed: int = 0, raster: bool = False
) -> list[str]:
    """Write a vendor's series as `out/pdf/<id>.pdf` + `.json` (labels as `generate` writes them; with
    `raster`, image-only scans in `<out>-scan/pdf/`); the ids in order."""
    fam = FAMILY_BY_NAME[family]
    folder = Path(out) / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    scans = Path(out).with_name(Path(out).name + "-scan") / "pdf"
    if raster:
        scans.mkdir(parents=True, exist_ok=True)
    vendor_seed = zlib.crc32(f"render:{seed}:{family}:{lang}".encode())
    ids = []
    for inv in series_invoices(family, lang, count, seed):
        pdf = _render(inv, fam, vendor_seed, vendor_seed)
        label = json.dumps(inv.label(), indent=1, ensure_ascii=False) + "\n"
        (folder / f"{inv.id}.pdf").write_bytes(pdf)
        (folder / f"{inv.id}.json").write_text(label)
        if raster:
            scan_copy(pdf, scans / f"{inv.id}.pdf", zlib.crc32(inv.id.encode()))
            (scans / f"{inv.id}.json").write_text(label)
        ids.append(inv.id)
    return ids
