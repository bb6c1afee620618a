"""The `ocr-engine` command line: a thin argparse front over the library, with pluggable subcommands.

Subcommands are entry points of the group `ocr_engine.commands`; each names a module-level
`register(subparsers)` function that adds its parser and sets `func=run` with `run(args) -> int` (the exit
code). Only the chosen subcommand's module is imported (`flows.cli` imports prefect, which is slow);
modules that are missing are skipped. Shared helpers for subcommands live in `ocr_tasks.cli.reporting`
(progress bar on stderr, failure lines `path: error-code: message`, exit codes 0/1/2).
Must not import django, prefect, streamlit or the flows package.
"""
