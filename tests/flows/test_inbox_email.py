"""`watch_inbox` with e-mails (.eml) dropped in the inbox, on the in-memory port: one document per invoice
attachment, the e-mail archived once one of them is read, set aside with each attachment's error when
none is, and refused with its code when it holds no invoice."""

from __future__ import annotations

import json
import os
import time

from flows.inbox import CLAIMS, error_report, outcomes_by_file, watch_inbox
from flows.memory_port import InMemoryPort
from flows.settings import use_port
from tests.flows.fakes import fake_settings, png_bytes
from tests.ocr_tasks.ingest.emails import eml

BROKEN_PDF = b"%PDF-1.7\n garbage"


def _inbox(tmp_path, files: dict[str, bytes]):
    inbox = tmp_path / "inbox"
    inbox.mkdir(parents=True)
    old = time.time() - 7200
    for name, data in files.items():
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (old, old))
    return inbox


def test_an_email_in_the_inbox_becomes_its_attachments_and_is_archived(prefect_api, fake_engines, tmp_path):
    mail = eml(
        [("page.png", png_bytes("mailed"), "image/png"), ("broken.pdf", BROKEN_PDF, "application/pdf")]
    )
    inbox = _inbox(tmp_path, {"rechnung.eml": mail, "a.png": png_bytes("a")})
    port = InMemoryPort(settings=fake_settings("fake"))

    with use_port(port):
        outcome = watch_inbox(str(inbox), "mailroom", settle_seconds=60)

    assert sorted(outcome["archived"]) == ["a.png", "rechnung.eml"] and outcome["failed"] == []
    documents = {s.name: s.received_in for s in port.load_task(outcome["task_id"]).documents}
    assert documents == {"page.png": "rechnung.eml", "broken.pdf": "rechnung.eml", "a.png": ""}
    failures = {port.load_task(outcome["task_id"]).documents[0].id: None} | port.failures(outcome["task_id"])
    assert [f.code for f in failures.values() if f] == ["corrupt_file"]  # the broken attachment alone
    assert sorted(p.name for p in (inbox / "archive").iterdir()) == ["a.png", "rechnung.eml"]
    assert not any((inbox / CLAIMS).iterdir())


def test_an_email_none_of_whose_attachments_is_read_is_set_aside_with_each_error(
    prefect_api, fake_engines, tmp_path
):
    mail = eml(
        [("broken.pdf", BROKEN_PDF, "application/pdf"), ("cut.pdf", BROKEN_PDF + b"1", "application/pdf")]
    )
    inbox = _inbox(tmp_path, {"bad.eml": mail, "a.png": png_bytes("a")})

    with use_port(InMemoryPort(settings=fake_settings("fake"))):
        outcome = watch_inbox(str(inbox), "mailroom", settle_seconds=60)

    assert outcome["archived"] == ["a.png"] and outcome["failed"] == ["bad.eml"]
    report = json.loads((inbox / "errors" / "bad.eml.error.json").read_text())
    assert report == {
        "task_id": outcome["task_id"],
        "error": "corrupt_file",
        "documents": [
            {"name": "broken.pdf", "error": "corrupt_file"},
            {"name": "cut.pdf", "error": "corrupt_file"},
        ],
    }


def test_an_email_without_invoice_is_set_aside_with_no_invoice_attachment(
    prefect_api, fake_engines, tmp_path
):
    inbox = _inbox(tmp_path, {"hello.eml": eml(html="<p>Rechnung im Text</p>")})

    with use_port(InMemoryPort(settings=fake_settings("fake"))):
        outcome = watch_inbox(str(inbox), "mailroom", settle_seconds=60)

    assert outcome["task_id"] is None and outcome["failed"] == ["hello.eml"]
    report = json.loads((inbox / "errors" / "hello.eml.error.json").read_text())
    assert report == {"task_id": None, "error": "no_invoice_attachment"}

    # beside a good file, the port names its refusal: the e-mail gets its own code, not `not_processed`
    inbox = _inbox(tmp_path / "second", {"hello.eml": eml(), "a.png": png_bytes("a")})
    with use_port(InMemoryPort(settings=fake_settings("fake"))):
        outcome = watch_inbox(str(inbox), "mailroom", settle_seconds=60)
    assert outcome["archived"] == ["a.png"] and outcome["failed"] == ["hello.eml"]
    report = json.loads((inbox / "errors" / "hello.eml.error.json").read_text())
    assert report == {"task_id": outcome["task_id"], "error": "no_invoice_attachment"}


def test_outcomes_are_grouped_by_the_file_they_came_in():
    outcomes = [
        {"name": "r.pdf", "ok": True, "error": None, "file": "m.eml"},
        {"name": "x.pdf", "ok": False, "error": "corrupt_file", "file": "m.eml"},
        {"name": "a.png", "ok": False, "error": "ocr_failed"},  # a summary of an older worker: no `file`
    ]
    grouped = outcomes_by_file(outcomes)
    assert sorted(grouped) == ["a.png", "m.eml"] and len(grouped["m.eml"]) == 2
    assert error_report("t", grouped["a.png"]) == {"task_id": "t", "error": "ocr_failed"}
    assert error_report("t", grouped["m.eml"])["error"] == "corrupt_file"
