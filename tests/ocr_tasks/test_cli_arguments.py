"""The arguments and output names every `ocr-engine` subcommand shares (`ocr_tasks.cli.reporting`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from flows import cli as process_cmd
from ocr_tasks.cli import extract_cmd, ocr_cmd
from ocr_tasks.cli.reporting import failure_line, failure_message, unique_path


@pytest.mark.parametrize(
    ("command", "sub"), [(ocr_cmd, "ocr"), (extract_cmd, "extract"), (process_cmd, "process")]
)
def test_each_subcommand_reads_inputs_languages_and_progress_alike(command, sub):
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    args = parser.parse_args([sub, "a.pdf", "scans", "--lang", "eng+deu", "--no-progress"])
    assert (args.paths, args.lang, args.progress) == (["a.pdf", "scans"], "eng+deu", False)
    assert parser.parse_args([sub, "a.pdf"]).lang == "eng"


@pytest.mark.parametrize(("command", "sub"), [(ocr_cmd, "ocr"), (extract_cmd, "extract")])
def test_workers_must_be_a_positive_whole_number(command, sub, capsys):
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    assert parser.parse_args([sub, "a.pdf", "--workers", "3"]).workers == 3
    with pytest.raises(SystemExit):
        parser.parse_args([sub, "a.pdf", "--workers", "0"])
    assert "must be at least 1" in capsys.readouterr().err


def test_inputs_of_the_same_name_get_numbered_files(tmp_path):
    used: set[Path] = set()
    names = [unique_path(tmp_path, "invoice", ".ubl.xml", used).name for _ in range(3)]
    assert names == ["invoice.ubl.xml", "invoice-2.ubl.xml", "invoice-3.ubl.xml"]
    assert unique_path(tmp_path, "other", ".json", used).name == "other.json"


def test_a_failure_is_one_line_with_its_code():
    exc = ValueError("bad\n   value")
    assert failure_message(exc) == "bad value"
    assert failure_line("a.pdf", exc) == "a.pdf: internal_error: bad value"
    assert failure_message(KeyError()) == "KeyError"


@pytest.mark.parametrize(
    ("command", "sub"), [(ocr_cmd, "ocr"), (extract_cmd, "extract"), (process_cmd, "process")]
)
def test_each_subcommand_states_the_exit_codes(command, sub):
    subparsers = argparse.ArgumentParser().add_subparsers()
    command.register(subparsers)
    description = subparsers.choices[sub].description
    assert "Exit code 0: all succeeded; 1: some failed" in description
    assert description.endswith(
        "2: usage error; 130: interrupted." if sub == "process" else "2: usage error."
    )


@pytest.mark.parametrize(
    ("command", "argv", "dest"),
    [(ocr_cmd, ["ocr", "--psm", "4"], "psm"), (extract_cmd, ["extract", "--second-psm", "4"], "second_psm")],
)
def test_a_page_segmentation_mode_is_0_to_13(command, argv, dest, capsys):
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    assert getattr(parser.parse_args([*argv, "a.pdf"]), dest) == 4
    with pytest.raises(SystemExit):
        parser.parse_args([*argv[:-1], "14", "a.pdf"])
    assert "invalid choice" in capsys.readouterr().err
