"""EN 16931 validation of einvoice-dev: what each e-invoice's XML reports (XSD + schematron, see
`ocr_tasks.einvoice.artefacts`) and the time it takes, next to the time to read the same XML.

    .venv/bin/python bench/einvoice_validate.py [--set ../shared/corpus/einvoice-dev] [--repeat 5]

- Compile: each XSLT compiled once, cold, in this process (SaxonC through saxonche), then reused.
- Per document (median of `--repeat` runs, after the compile): `read` = `read_pdf` / `read_xml` (PDF
  attachments listed, XML parsed safely and mapped); `validate` = `validate_einvoice` (safe parse, XSD
  with lxml, the schematron XSLT, SVRL parsed).
- The plain way, for comparison: compiling the stylesheet for every document (what a script calling
  `compile_stylesheet` per file pays), timed once on the first CII example.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.artefacts import artefacts_dir, artefacts_for, warm_up
from ocr_tasks.einvoice.validation import validate_einvoice

DEFAULT_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "einvoice-dev"


def documents(root: Path) -> list[Path]:
    xml = [p for p in sorted((root / "xml").glob("*/*")) if p.suffix.lower() == ".xml"]
    return xml + sorted((root / "pdf").glob("*.pdf"))


def _median_seconds(call, repeat: int) -> tuple[object, float]:
    times, out = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        out = call()
        times.append(time.perf_counter() - started)
    return out, statistics.median(times)


def _compile_times() -> dict[str, float]:
    stylesheets = sorted(
        {
            a.schematron
            for a in (
                artefacts_for("CII D16B", p) for p in (None, "MINIMUM", "BASIC WL", "BASIC", "EXTENDED")
            )
        }
        | {artefacts_for("UBL 2.1 Invoice", None).schematron} - {None}
    )
    out = {}
    for relative in stylesheets:
        started = time.perf_counter()
        warm_up(relative)
        out[relative] = time.perf_counter() - started
    return out


def _compile_every_time(path: Path) -> float:
    from saxonche import PySaxonProcessor

    relative = artefacts_for("CII D16B", "EN 16931").schematron
    started = time.perf_counter()
    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(
        stylesheet_file=str(artefacts_dir() / relative)
    )
    executable.transform_to_string(xdm_node=processor.parse_xml(xml_text=path.read_text(encoding="utf-8")))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    compiled = _compile_times()
    print("| stylesheet | compile (once per process) |\n|---|---|")
    for relative, seconds in compiled.items():
        print(f"| {Path(relative).name} | {seconds * 1000:.0f} ms |")

    print("\n| document | syntax | profile | checked | errors | warnings | read | validate |")
    print("|---|---|---|---|---|---|---|---|")
    read_times, validate_times = [], []
    for path in documents(args.set):
        data = path.read_bytes()
        reader = read_pdf if path.suffix == ".pdf" else read_xml
        einvoice, read_seconds = _median_seconds(lambda data=data, reader=reader: reader(data), args.repeat)
        if einvoice is None:
            print(f"| {path.name} | no e-invoice | | | | | {read_seconds * 1000:.1f} ms | |")
            continue
        results, validate_seconds = _median_seconds(
            lambda e=einvoice: validate_einvoice(
                e.xml, e.syntax, profile=e.profile, factur_x=e.attachment is not None
            ),
            args.repeat,
        )
        read_times.append(read_seconds)
        validate_times.append(validate_seconds)
        errors = Counter(r.rule for r in results if r.severity == "error")
        warnings = Counter(r.rule for r in results if r.severity == "warning")
        checked = " + ".join(artefacts_for(einvoice.syntax, einvoice.profile).names())
        print(
            f"| {path.name} | {einvoice.syntax} | {einvoice.profile or '-'} | {checked} | "
            f"{sum(errors.values())} {_rules(errors)} | {sum(warnings.values())} {_rules(warnings)} | "
            f"{read_seconds * 1000:.1f} ms | {validate_seconds * 1000:.1f} ms |"
        )

    print("\n| time per document | median | p90 | max | total |\n|---|---|---|---|---|")
    for name, times in (("read (XML)", read_times), ("validate (XSD + schematron)", validate_times)):
        ordered = sorted(times)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(
            f"| {name} | {statistics.median(times) * 1000:.1f} ms | {p90 * 1000:.1f} ms | "
            f"{max(times) * 1000:.1f} ms | {sum(times):.2f} s |"
        )
    first_cii = next(p for p in documents(args.set) if p.parent.name == "cii")
    print(
        f"\nPlain way, stylesheet compiled for the document ({first_cii.name}): "
        f"{_compile_every_time(first_cii) * 1000:.0f} ms"
    )


def _rules(counts: Counter) -> str:
    return ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(counts.items()))


if __name__ == "__main__":
    main()
