"""Synthetic European/US invoices, labelled by construction (see bench/README.md, "synthetic_invoices.py").

`generate(out, ...)` writes `out/pdf/<id>.pdf` + `out/pdf/<id>.json` (the einvoice-dev label keys plus
document_type, language, country, family and prepaid), readable by `extraction_accuracy.py --set out`; with
`raster=True` also `<out>-scan/pdf/` with image-only degraded copies and the same labels.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from .content import make_invoice
from .degrade import scan_copy
from .layouts import FAMILIES, FAMILY_BY_NAME, HELD_OUT, TRAIN_FAMILIES, Family
from .render import render_pdf

LANGUAGES = ("en", "de", "fr", "nl", "es", "it")

__all__ = ["FAMILIES", "HELD_OUT", "LANGUAGES", "TRAIN_FAMILIES", "Family", "generate", "scan_dir"]


def doc_seed(seed: int, family: str, lang: str, index: int) -> int:
    return zlib.crc32(f"{seed}:{family}:{lang}:{index}".encode())


def scan_dir(out: Path) -> Path:
    out = Path(out)
    return out.with_name(out.name + "-scan")


def generate_one(out: Path, family: Family, lang: str, index: int, seed: int, raster: bool) -> str:
    doc_id = f"{family.name}-{lang}-{index:03d}"
    inv = make_invoice(doc_id, family, lang, doc_seed(seed, family.name, lang, index))
    pdf = render_pdf(inv, family, inv.rng.randrange(1 << 30))
    label = json.dumps(inv.label(), indent=1, ensure_ascii=False) + "\n"
    folder = Path(out) / "pdf"
    (folder / f"{doc_id}.pdf").write_bytes(pdf)
    (folder / f"{doc_id}.json").write_text(label)
    if raster:
        scans = scan_dir(out) / "pdf"
        scan_copy(pdf, scans / f"{doc_id}.pdf", inv.rng.randrange(1 << 30))
        (scans / f"{doc_id}.json").write_text(label)
    return doc_id


def generate(
    out: Path,
    *,
    per_family: int = 1,
    seed: int = 0,
    families: list[str] | None = None,
    languages: list[str] | None = None,
    raster: bool = False,
) -> list[str]:
    """Write per_family documents per family and language; their ids."""
    chosen = [FAMILY_BY_NAME[name] for name in families] if families else FAMILIES
    (Path(out) / "pdf").mkdir(parents=True, exist_ok=True)
    if raster:
        (scan_dir(out) / "pdf").mkdir(parents=True, exist_ok=True)
    ids = []
    for family in chosen:
        for lang in languages or LANGUAGES:
            for index in range(per_family):
                ids.append(generate_one(Path(out), family, lang, index, seed, raster))
    return ids
