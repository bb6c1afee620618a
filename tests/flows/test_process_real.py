"""`process_invoices` and `ocr-engine process` end to end on corpus documents with real Tesseract."""

from __future__ import annotations

from flows.port import PARTIALLY_FAILED, SUCCEEDED
from flows.process import process_invoices
from ocr_tasks.cli.main import main as ocr_engine
from tests.flows.test_process_flow import assert_monotone

RECEIPT = "sroie-sample/images/X00016469622.jpg"
PDF = "invoice2data-dev/images/saeco.pdf"


def assert_in_order(text: str, *parts: str) -> None:
    position = 0
    for part in parts:
        found = text.lower().find(part, position)
        assert found >= 0, f"{part!r} not found (in order) in {text[:400]!r}"
        position = found + len(part)


def test_happy_path_on_a_scan_and_a_text_pdf(port, corpus):
    task_id = port.add_task("shop", [corpus / RECEIPT, corpus / PDF])

    summary = process_invoices(task_id)

    assert summary["status"] == SUCCEEDED == port.status(task_id)
    assert port.task(task_id).flow_run_id
    by_name = {r.source.name: r for r in port.results(task_id).values()}
    receipt, pdf = by_name["X00016469622.jpg"], by_name["saeco.pdf"]
    assert receipt.ocr.pages[0].engine == "tesseract" and receipt.ocr.pages[0].source == "ocr"
    assert_in_order(receipt.ocr.text, "yongfatt enterprise", "johor bahru", "total")
    assert pdf.ocr.pages[0].source == "text_layer"
    assert_in_order(pdf.ocr.text, "factuur totaal eur 49,99", "strategic corp", "utrecht")
    assert pdf.invoice.get("invoice_number") == "VF1005193039"
    assert pdf.invoice.get("total") == "49.99"
    for result in (receipt, pdf):
        assert {r.suite for r in result.validation} >= {"invoice_fields", "line_items"}
        assert result.timings["ocr"] >= 0 and result.timings["total"] >= result.timings["ocr"]
    assert receipt.timings["ocr_cpu"] > 0  # a real Tesseract run took time
    log = port.progress_log(task_id)
    assert_monotone(log)
    assert (log[-1].step, log[-1].documents_done, log[-1].pages_done, log[-1].pages_total) == (
        "save",
        2,
        2,
        2,
    )
    percents = [p.percent for p in log]
    assert percents == sorted(percents) and percents[-1] < 100  # 100 once the task has ended


def test_cli_process_prints_a_summary(prefect_api, corpus, tmp_path, capsys):
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)

    code = ocr_engine(
        [
            "process",
            str(corpus / PDF),
            str(bad),
            str(tmp_path / "missing.pdf"),
            "--project",
            "cli",
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
        ]
    )

    out, err = capsys.readouterr()
    assert code == 1
    header, _rule, *rows = out.splitlines()[:4]
    assert header.split()[:3] == ["document", "status", "pages"]
    assert rows[0].startswith(str(corpus / PDF)) and rows[0].split()[1] == "ok"
    assert "failed: corrupt_file" in rows[1]
    assert "1 of 3 documents processed; task " + PARTIALLY_FAILED in out
    assert f"{bad}: corrupt_file:" in err and "missing.pdf: file_not_found" in err
    assert (tmp_path / "out" / "saeco.json").read_text().count("VF1005193039") >= 1
