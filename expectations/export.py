"""Write the suites as JSON for reviewers, or check that the written files are up to date.

    python -m expectations.export          # writes expectations/suites/<suite>.json
    python -m expectations.export --check  # exits 1 when a file is missing or stale (CI)

The JSON is what GX serialises for the suite built with the default `ValidationSettings`, keys sorted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from expectations.settings import DEFAULT_SETTINGS
from expectations.suites import SUITE_BUILDERS

SUITES_DIR = Path(__file__).resolve().parent / "suites"


def suite_json(name: str) -> str:
    data = SUITE_BUILDERS[name](DEFAULT_SETTINGS).to_json_dict()
    data.pop("id", None)  # generated ids and the GX version are not part of the suite's meaning
    data.get("meta", {}).pop("great_expectations_version", None)
    for expectation in data.get("expectations", ()):
        expectation.pop("id", None)
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m expectations.export", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="fail if a JSON file differs from the code")
    parser.add_argument("--out", type=Path, default=SUITES_DIR, help="folder of the JSON files")
    args = parser.parse_args(argv)
    stale = []
    for name in sorted(SUITE_BUILDERS):
        path = args.out / f"{name}.json"
        text = suite_json(name)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("stale suite JSON (run `python -m expectations.export`): " + ", ".join(stale), file=sys.stderr)
        return 1
    if args.check:
        print(f"{len(SUITE_BUILDERS)} suite files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
