"""`watch_inbox`, `refit_anomaly_models` and `rescore_project` with the in-memory port."""

from __future__ import annotations

import json
import os
import time

from flows.inbox import CLAIMS, sweep_batch, watch_inbox
from flows.maintenance import refit_anomaly_models, rescore_project
from flows.memory_port import InMemoryPort
from flows.process import process_invoices
from flows.settings import use_port
from ocr_tasks.anomaly import AnomalyModel
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.errors import UnsupportedDocument
from tests.flows.fakes import fake_settings, png_bytes


def test_watch_inbox_archives_good_files_and_sets_bad_ones_aside(prefect_api, fake_engines, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.png").write_bytes(png_bytes("a"))
    (inbox / "b.png").write_bytes(png_bytes("b"))
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (inbox / "upload.png.part").write_bytes(png_bytes("partial"))
    old = time.time() - 7200
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    (inbox / "fresh.png").write_bytes(png_bytes("still being written"))  # too new: next sweep
    port = InMemoryPort(settings=fake_settings("fake"))

    with use_port(port):
        first = watch_inbox(str(inbox), "mailroom", settle_seconds=3600)
        second = watch_inbox(str(inbox), "mailroom", settle_seconds=3600)

    assert sorted(first["archived"]) == ["a.png", "b.png"] and first["failed"] == ["broken.pdf"]
    assert sorted(p.name for p in (inbox / "archive").iterdir()) == ["a.png", "b.png"]
    error = json.loads((inbox / "errors" / "broken.pdf.error.json").read_text())
    assert error == {"task_id": first["task_id"], "error": "corrupt_file"}
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == ["fresh.png", "upload.png.part"]
    assert not any((inbox / CLAIMS).iterdir())
    assert second["task_id"] is None  # nothing processed twice
    assert port.status(first["task_id"]) == "partially_failed"
    assert fake_engines["fake"].calls == 2


def history(count: int) -> list[InvoiceRecord]:
    return [
        InvoiceRecord(
            document_id=f"h{i}",
            sha256=f"{i:064x}",
            vendor_name=f"Vendor {i % 5}",
            invoice_number=f"INV-{i}",
            invoice_date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            total=f"{100 + (i * 37) % 400}.00",
            subtotal=f"{(100 + (i * 37) % 400) / 1.2:.2f}",
            currency="EUR",
            line_item_count=1 + i % 3,
        )
        for i in range(count)
    ]


def test_refit_stores_a_model_per_project_with_enough_history(prefect_api):
    port = InMemoryPort()
    port.seed_history("big", history(150))
    port.seed_history("small", history(5))

    with use_port(port):
        versions = refit_anomaly_models()

    assert versions["small"] is None and port.load_anomaly_model("small") is None
    blob, version = port.load_anomaly_model("big")
    assert version == versions["big"] and AnomalyModel.from_bytes(blob).version == version


def test_rescore_updates_stored_results(port, fake_engines):
    task_id = port.add_task(
        "p", [("a.png", png_bytes("a")), ("b.png", png_bytes("b"))], settings=fake_settings("fake")
    )
    process_invoices(task_id)
    before = port.results(task_id)

    summary = rescore_project("p")

    after = port.results(task_id)
    assert summary == {"project_id": "p", "rescored": 2, "failed": []}
    assert set(after) == set(before)
    for doc_id, result in after.items():
        assert result.ocr == before[doc_id].ocr and result.invoice == before[doc_id].invoice
        assert {r.suite for r in result.validation} >= {"invoice_fields", "line_items"}
    # the two documents carry the same invoice number and total: rescored together, the later one is
    # flagged as a duplicate of the earlier one
    flagged = [(doc_id, a) for doc_id, r in after.items() for a in r.anomalies if "duplicate" in a.kind]
    assert flagged and all(set(a.related_document_ids) == set(after) - {doc_id} for doc_id, a in flagged)


UNDER_100 = {
    "type": "expect_column_values_to_be_between",
    "kwargs": {"column": "total", "max_value": 100},
    "description": "Invoices of this project stay under 100.",
}


class _OneBadSave(InMemoryPort):
    def save_rescored(self, project_id, result):
        if result.source.name == "b.png":
            raise ValueError("cannot store this one")
        super().save_rescored(project_id, result)


def test_rescore_applies_the_projects_current_expectations_and_a_failed_save_stays_alone(
    prefect_api, fake_engines
):
    port = _OneBadSave()
    with use_port(port):
        task_id = port.add_task(
            "p", [("a.png", png_bytes("a")), ("b.png", png_bytes("b"))], settings=fake_settings("fake")
        )
        process_invoices(task_id)
        assert all("custom" not in {r.suite for r in r.validation} for r in port.results(task_id).values())
        port.set_project_settings("p", {"custom_expectations": [UNDER_100]})  # added after processing

        summary = rescore_project("p")

    names = {d.id: d.name for d in port.load_task(task_id).documents}
    assert summary["rescored"] == 1 and [names[d] for d in summary["failed"]] == ["b.png"]
    after = {names[d]: r for d, r in port.results(task_id).items()}
    (custom,) = [r for r in after["a.png"].validation if r.suite == "custom"]
    assert not custom.success  # the fake invoice's total is 120.00
    assert "custom" not in {r.suite for r in after["b.png"].validation}  # its save failed: unchanged


class _RefusingIntake(InMemoryPort):
    """A port that refuses every file, as the Django port does when no file of a sweep is acceptable."""

    def create_task(self, project_id, files):
        raise UnsupportedDocument("no file of the sweep is a PDF or an image")


def test_watch_inbox_sets_a_refused_sweep_aside_and_leaves_nothing_claimed(prefect_api, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "notes.txt").write_bytes(b"not an invoice")
    old = time.time() - 7200
    os.utime(inbox / "notes.txt", (old, old))

    with use_port(_RefusingIntake()):
        outcome = watch_inbox(str(inbox), "mailroom", settle_seconds=60)

    assert outcome["task_id"] is None and outcome["failed"] == ["notes.txt"] and outcome["archived"] == []
    error = json.loads((inbox / "errors" / "notes.txt.error.json").read_text())
    assert error == {"task_id": None, "error": "unsupported_type"}
    assert not any((inbox / CLAIMS).iterdir())


def test_sweep_batch_keeps_a_sweep_within_one_tasks_limits(tmp_path):
    files = []
    for name, size in (("a.pdf", 40), ("b.pdf", 40), ("c.pdf", 40), ("d.pdf", 10)):
        (tmp_path / name).write_bytes(b"x" * size)
        files.append(tmp_path / name)
    assert [p.name for p in sweep_batch(files, max_files=10, max_bytes=100)] == ["a.pdf", "b.pdf"]
    assert [p.name for p in sweep_batch(files, max_files=1, max_bytes=1000)] == ["a.pdf"]
    # an oversized first file is still taken alone, so that it gets its own error instead of blocking
    assert [p.name for p in sweep_batch(files, max_files=10, max_bytes=5)] == ["a.pdf"]
