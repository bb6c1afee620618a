"""`ocr-engine extract --format ubl|cii`: one validated e-invoice XML per document in --output-dir, and
the missing business terms (stderr failure line, `errors[].detail.missing`, exit code 1) for a document
that lacks them."""

from __future__ import annotations

import json

import pytest

from ocr_tasks.cli.main import main
from ocr_tasks.einvoice import read_xml
from ocr_tasks.einvoice.syntax import CII, UBL_INVOICE


@pytest.mark.parametrize(("fmt", "syntax"), [("ubl", UBL_INVOICE), ("cii", CII)])
def test_extract_writes_an_einvoice_per_document_or_its_missing_terms(corpus, capsys, tmp_path, fmt, syntax):
    xml = corpus / "einvoice-dev" / "xml" / "cii" / "CII_example1.xml"
    minimum = corpus / "einvoice-dev" / "pdf" / "Facture_FR_MINIMUM.pdf"  # a profile without lines
    out = tmp_path / "out"

    code = main(
        ["extract", str(xml), str(minimum), "--format", fmt, "--output-dir", str(out)]
        + ["--workers", "1", "--no-progress"]
    )

    captured = capsys.readouterr()
    assert code == 1
    exported, refused = (json.loads(line) for line in captured.out.splitlines())
    written = out / f"CII_example1.{fmt}.xml"
    assert exported["einvoice_file"] == str(written) and exported["errors"] == []
    back = read_xml(written.read_bytes())
    assert back.syntax == syntax
    assert back.invoice.get("invoice_number") == "12115118"
    assert back.invoice.get("total") == exported["fields"]["total"]["value"]
    assert refused["einvoice_file"] is None
    [error] = refused["errors"]
    assert error["code"] == "einvoice_incomplete"
    assert {"term": "BG-25", "name": "Invoice line"} in error["detail"]["missing"]
    assert f"{minimum}: einvoice_incomplete: " in captured.err and "BG-25 Invoice line" in captured.err
    assert sorted(p.name for p in out.iterdir()) == [written.name]
