"""`ocr-engine extract` reads e-invoices from their XML: a hybrid PDF (checked against its page) and a
bare XML (no pages)."""

from __future__ import annotations

import json

from ocr_tasks.cli.main import main


def test_extract_reads_a_hybrid_pdf_and_a_bare_xml_from_their_xml(corpus, capsys):
    pdf = corpus / "einvoice-dev" / "pdf" / "MustangGnuaccountingBeispielRE-20150613_503.pdf"
    xml = corpus / "einvoice-dev" / "xml" / "cii" / "CII_example1.xml"

    code = main(["extract", str(pdf), str(xml), "--workers", "1", "--no-progress", "--format", "json"])

    records = json.loads(capsys.readouterr().out)
    assert code == 0
    hybrid, bare = records
    assert hybrid["fields"]["total"] == {
        "value": "571.04",
        "raw_text": "571.04",
        "confidence": 1.0,
        "page": 0,
        "bbox": None,
    }
    assert hybrid["einvoice"]["source"] == "einvoice" and hybrid["einvoice"]["syntax"] == "ZUGFeRD 1.0 CII"
    [mismatch] = hybrid["einvoice"]["page_mismatches"]  # the page prints 406,82
    assert (mismatch["field"], mismatch["xml"], mismatch["page"]) == ("total", "571.04", "406.82")
    assert bare["pages"] == 0 and bare["einvoice"]["profile"] == "EN 16931"
    assert bare["fields"]["total"]["value"] == "250.33"
