"""`ocr-engine`: pluggable subcommands, the `ocr` command's outputs, failure lines and exit codes.

Most cases use born-digital PDFs (text layer: no OCR, fast); one runs real OCR through the console
script in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from ocr_tasks.cli import main as cli_main
from tests.ocr_tasks import builders
from tests.ocr_tasks.text_checks import assert_in_order


@pytest.fixture
def pdfs(corpus) -> Path:
    return corpus / "invoice2data-dev" / "images"


def _run(capsys, *argv):
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ocr_one_file_prints_its_json(capsys, pdfs):
    code, out, err = _run(capsys, "ocr", str(pdfs / "AzureInterior.pdf"), "--workers", "1")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["source"]["name"] == "AzureInterior.pdf" and doc["pages"][0]["source"] == "text_layer"


def test_batch_with_bad_files_reports_each_and_exits_1(capsys, pdfs, tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf at all")
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(builders.encrypted_pdf())
    missing = tmp_path / "missing.jpg"
    code, out, err = _run(
        capsys,
        "ocr",
        str(pdfs / "coolblue1.pdf"),
        str(empty),
        str(text),
        str(locked),
        str(missing),
        str(pdfs / "saeco.pdf"),
        "--format",
        "text",
    )
    assert code == 1
    assert err.splitlines() == [
        f"{empty}: empty_file: empty.png is empty",
        (
            f"{text}: unsupported_type: content is unknown content, not one of application/pdf, image/png, "
            "image/jpeg, image/tiff, image/webp, image/bmp, image/heic, application/xml"
        ),
        f"{locked}: encrypted_pdf: PDF is encrypted with a password and cannot be opened",
        f"{missing}: file_not_found: no such file: {missing}",
    ]
    # the good files before and after the bad ones were still processed, in input order
    assert_in_order(
        out, f"==> {pdfs / 'coolblue1.pdf'} <==", "coolblue", f"==> {pdfs / 'saeco.pdf'} <==", "saeco"
    )


def test_out_dir_gets_one_file_per_input(capsys, pdfs, tmp_path):
    out_dir = tmp_path / "results"
    code, out, err = _run(capsys, "ocr", str(pdfs), "--format", "hocr", "--out", str(out_dir))
    assert code == 0 and out == "" and err == ""
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "AzureInterior.hocr",
        "coolblue1.hocr",
        "coolblue2.hocr",
        "saeco.hocr",
    ]
    assert "ocrx_word" in (out_dir / "saeco.hocr").read_text()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["ocr"],
        ["ocr", "x.pdf", "--format", "docx"],
        ["ocr", "x.pdf", "--workers", "0"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    try:
        code = cli_main.main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert "error:" in capsys.readouterr().err


def test_missing_language_pack_is_a_usage_error(capsys, pdfs):
    code, out, err = _run(capsys, "ocr", str(pdfs / "saeco.pdf"), "--lang", "eng+xxx")
    assert code == 2 and "xxx" in err and out == ""


def test_commands_plug_in_through_entry_points_and_missing_modules_are_skipped(monkeypatch, capsys):
    def fake_commands():
        return {
            "ocr": EntryPoint(name="ocr", value="ocr_tasks.cli.ocr_cmd:register", group=cli_main.GROUP),
            "ghost": EntryPoint(name="ghost", value="no_such_package.cli:register", group=cli_main.GROUP),
            "hello": EntryPoint(
                name="hello", value="tests.ocr_tasks.test_cli:register_hello", group=cli_main.GROUP
            ),
        }

    monkeypatch.setattr(cli_main, "_commands", fake_commands)
    assert cli_main.main(["hello", "--name", "world"]) == 0
    assert capsys.readouterr().out == "hello world\n"
    with pytest.raises(SystemExit) as info:
        cli_main.main(["--help"])
    assert info.value.code == 0
    help_text = capsys.readouterr().out
    assert "ocr" in help_text and "hello" in help_text and "ghost" not in help_text


def register_hello(subparsers) -> None:
    parser = subparsers.add_parser("hello", help="say hello")
    parser.add_argument("--name", required=True)
    parser.set_defaults(func=lambda args: print(f"hello {args.name}") or 0)


def test_declared_entry_points_include_ocr_extract_and_process():
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group=cli_main.GROUP)}
    assert names["ocr"] == "ocr_tasks.cli.ocr_cmd:register"
    assert names["extract"] == "ocr_tasks.cli.extract_cmd:register"
    assert names["process"] == "flows.cli:register"


def test_console_script_runs_real_ocr_with_two_workers(tmp_path):
    pages = [builders.text_page([f"Receipt number {n}", f"Total {n}0.00 EUR"], width=900) for n in (1, 2)]
    paths = []
    for n, page in enumerate(pages, 1):
        path = tmp_path / f"scan{n}.png"
        page.save(path)
        paths.append(str(path))
    script = Path(sys.executable).with_name("ocr-engine")
    result = subprocess.run(  # noqa: PLW1510 - the return code is asserted below
        [str(script), "ocr", *paths, "--workers", "2", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]  # several inputs: JSON lines
    assert [d["source"]["name"] for d in docs] == ["scan1.png", "scan2.png"]
    for n, doc in enumerate(docs, 1):
        text = " ".join(
            w["text"] for b in doc["pages"][0]["blocks"] for ln in b["lines"] for w in ln["words"]
        )
        assert_in_order(text, f"receipt number {n}", f"total {n}0.00 eur")
        assert doc["pages"][0]["engine"] == "tesseract"
