"""`ocr-engine`: builds the parser from the `ocr_engine.commands` entry points and runs a subcommand."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import EntryPoint, entry_points

from ocr_tasks.cli.reporting import EXIT_INTERRUPTED, EXIT_USAGE

GROUP = "ocr_engine.commands"
# Always available, even when the package metadata is missing (e.g. running from a source checkout).
BUILTIN = {"ocr": "ocr_tasks.cli.ocr_cmd:register"}


def _commands() -> dict[str, EntryPoint]:
    found = {name: EntryPoint(name=name, value=value, group=GROUP) for name, value in BUILTIN.items()}
    found.update({ep.name: ep for ep in entry_points(group=GROUP)})
    return found


def _chosen(argv: list[str], names: set[str]) -> str | None:
    """The subcommand named on the command line (first non-option argument), if it is a known one."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in names else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the chosen subcommand only (or all of them, for help and usage errors)."""
    parser = argparse.ArgumentParser(
        prog="ocr-engine", description="Invoice OCR pipeline: OCR, extraction and processing of documents."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands = _commands()
    chosen = _chosen(argv or [], set(commands))
    for name, ep in sorted(commands.items()):
        if chosen is not None and name != chosen:
            continue
        try:
            register = ep.load()
        except ModuleNotFoundError:
            continue  # the module providing this command is not installed (yet)
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must not take the other commands down
            print(f"ocr-engine: warning: command {name!r} is unavailable: {exc}", file=sys.stderr)
            continue
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    func = getattr(args, "func", None)
    if func is None:
        parser.print_usage(sys.stderr)
        print("ocr-engine: error: a command is required", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(func(args))
    except BrokenPipeError:  # stdout closed early (`| head`): not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ocr-engine: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
