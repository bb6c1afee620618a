"""Generate synthetic invoices labelled by construction (bench/synthetic/), as an einvoice-style set.

Usage:
    .venv/bin/python bench/synthetic_invoices.py --out /tmp/synth --per-family 1 --seed 1 [--raster]
    .venv/bin/python bench/synthetic_invoices.py --out /tmp/s2 --families din_classic,us_classic \
        --languages de,en
    .venv/bin/python bench/synthetic_invoices.py --list

Writes OUT/pdf/<family>-<lang>-<n>.pdf with the label OUT/pdf/<id>.json beside it (read by
`extraction_accuracy.py --set OUT --text-layer`); --raster also writes OUT-scan/pdf/ (image-only degraded
copies, same labels; score them with `--set OUT-scan`, which OCRs them). Deterministic in --seed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import FAMILIES, HELD_OUT, LANGUAGES, generate, scan_dir  # noqa: E402


def _names(text: str | None, known: list[str], what: str) -> list[str] | None:
    if not text:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="set folder to write (OUT/pdf/)")
    parser.add_argument("--per-family", type=int, default=1, help="documents per family and language")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--families", help="comma-separated family names (default all)")
    parser.add_argument("--languages", help=f"comma-separated, of {','.join(LANGUAGES)} (default all)")
    parser.add_argument("--raster", action="store_true", help="also write image-only scans to OUT-scan/pdf/")
    parser.add_argument("--list", action="store_true", help="list the families and the held-out split")
    args = parser.parse_args(argv)
    names = [family.name for family in FAMILIES]
    if args.list:
        for name in names:
            print(f"{name}{'  (held out)' if name in HELD_OUT else ''}")
        return 0
    if args.out is None:
        parser.error("--out is required")
    started = time.perf_counter()
    ids = generate(
        args.out,
        per_family=args.per_family,
        seed=args.seed,
        families=_names(args.families, names, "families"),
        languages=_names(args.languages, list(LANGUAGES), "languages"),
        raster=args.raster,
    )
    where = f"{args.out}/pdf" + (f" and {scan_dir(args.out)}/pdf" if args.raster else "")
    print(f"{len(ids)} documents in {where} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
