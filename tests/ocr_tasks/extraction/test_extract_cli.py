"""`ocr-engine extract`: output formats, templates option, per-document failures and exit codes."""

import csv
import io
import json

from ocr_tasks.cli.main import main


def _pdf(corpus, name="coolblue1"):
    return str(corpus / "invoice2data-dev" / "images" / f"{name}.pdf")


def test_jsonl_one_object_per_document_and_failures(corpus, tmp_path, capsys):
    missing = tmp_path / "missing.pdf"
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    code = main(["extract", _pdf(corpus), str(missing), str(junk), "--workers", "1", "--no-progress"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["source"] for r in records] == [_pdf(corpus), str(missing), str(junk)]
    good = records[0]
    assert good["pages"] == 1 and good["errors"] == []
    assert good["fields"]["total"]["value"] == "717.97"
    assert set(good["fields"]["total"]) == {"value", "raw_text", "confidence", "page", "bbox"}
    assert len(good["fields"]["total"]["bbox"]) == 4
    assert good["line_items"] and "amount" in good["line_items"][0]
    assert {"ingest", "ocr", "extract"} <= set(good["timings"])
    assert records[1]["errors"][0]["code"] == "file_not_found" and records[1]["fields"] == {}
    assert records[2]["errors"][0]["code"] == "unsupported_type"
    assert f"{missing}: file_not_found:" in err and f"{junk}: unsupported_type:" in err


def test_json_and_csv_formats(corpus, capsys):
    assert (
        main(["extract", _pdf(corpus), _pdf(corpus, "AzureInterior"), "--format", "json", "--workers", "1"])
        == 0
    )
    records = json.loads(capsys.readouterr().out)
    assert [r["fields"]["total"]["value"] for r in records] == ["717.97", "279.84"]
    assert main(["extract", _pdf(corpus, "AzureInterior"), "--format", "csv", "--workers", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["total"] == "279.84" and rows[0]["invoice_number"] == "INV/2023/03/0008"
    assert float(rows[0]["total_confidence"]) > 0


def test_templates_option(corpus, tmp_path, capsys):
    (tmp_path / "coolblue.yml").write_text(
        "issuer: Coolblue (template)\nkeywords: ['Coolblue B\\.V\\.']\n"
        "fields:\n  amount: 'Totaal\\s+€\\s*([\\d.,]+)'\n"
        "options: {decimal_separator: ',', currency: EUR}\n"
    )
    assert main(["extract", _pdf(corpus), "--templates", str(tmp_path), "--workers", "1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["fields"]["vendor_name"]["value"] == "Coolblue (template)"
    assert record["fields"]["total"]["value"] == "717.97"


def test_bad_template_folder_is_a_usage_error(corpus, tmp_path, capsys):
    (tmp_path / "bad.yml").write_text("keywords: [x\n")
    assert main(["extract", _pdf(corpus), "--templates", str(tmp_path)]) == 2
    assert "invalid_template" in capsys.readouterr().err
