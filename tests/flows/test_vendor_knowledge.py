"""A project's vendor memory and templates reach extraction: read once per run through the port's
optional `VendorKnowledge` capability and handed to every document's extract task; a port without it, or
one that fails to read them, extracts with the general engine."""

from __future__ import annotations

import pytest

from flows.memory_port import InMemoryPort
from flows.port import SUCCEEDED, VendorKnowledge
from flows.process import process_invoices
from flows.vendor_knowledge import Knowledge, knowledge_of
from ocr_tasks.extraction.templates import load_template_yaml
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory import FieldLesson, VendorMemory
from tests.flows.fakes import fake_settings, png_bytes

MEMORY = VendorMemory(
    key="vat:DE136695976",
    identifiers=("vat:DE136695976",),
    name="Nordwind",
    lessons={
        "invoice_number": FieldLesson(
            field="invoice_number",
            page=0,
            box=BBox(0.5, 0.2, 0.7, 0.22),
            label="belegkennung",
            label_side="left",
            value_format="AA-99999",
        )
    },
)
TEMPLATE = load_template_yaml(
    "issuer: Nordwind\nkeywords: [DE136695976]\nfields:\n  invoice_number: Belegkennung\\s+(\\S+)\n",
    name="nordwind",
)


class CountingPort(InMemoryPort):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reads: list[str] = []

    def vendor_memories(self, project_id: str):
        self.reads.append(project_id)
        return super().vendor_memories(project_id)


@pytest.fixture
def seen(monkeypatch):
    """What each extraction was given (memories, templates)."""
    import ocr_tasks.extraction.tesseract_regions as regions

    calls = []
    original = regions.extract_with_page_images

    def recorded(*args, **kwargs):
        calls.append((tuple(kwargs.get("memories", ())), tuple(kwargs.get("templates", ()))))
        return original(*args, **kwargs)

    monkeypatch.setattr(regions, "extract_with_page_images", recorded)
    return calls


def test_every_document_of_a_run_gets_the_projects_memories_read_once(prefect_api, fake_engines, seen):
    from flows.settings import use_port

    port = CountingPort()
    port.set_vendor_memories("p1", [MEMORY])
    port.set_project_templates("p1", [TEMPLATE])
    port.set_vendor_memories("p2", [])  # another project's memory is never read for p1
    files = [(f"page-{i}.png", png_bytes(f"invoice {i}")) for i in range(3)]
    task_id = port.add_task("p1", files, settings=fake_settings("fake"))
    with use_port(port):
        summary = process_invoices(task_id)
    assert summary["status"] == SUCCEEDED
    assert port.reads == ["p1"]  # once per run, not per document
    assert seen == [((MEMORY,), (TEMPLATE,))] * 3


def test_a_port_without_the_capability_or_failing_to_read_gives_none():
    class Bare:
        pass

    assert not isinstance(Bare(), VendorKnowledge) and knowledge_of(Bare(), "p1") == Knowledge()

    class Broken(InMemoryPort):
        def project_templates(self, project_id: str):
            raise RuntimeError("database gone")

    assert isinstance(Broken(), VendorKnowledge)
    assert knowledge_of(Broken(), "p1") == Knowledge()
    port = InMemoryPort()
    port.set_vendor_memories("p1", [MEMORY])
    assert knowledge_of(port, "p1").memories == (MEMORY,) and knowledge_of(port, "p2") == Knowledge()


REEXTRACT_TEMPLATE = load_template_yaml(
    "issuer: ACME\nkeywords: [ACME Supplies]\nfields:\n  po_number: Invoice No (INV-\\d+)\n", name="acme"
)


def test_a_rescore_can_reextract_the_unapproved_documents_with_what_the_project_knows_now(
    prefect_api, fake_engines
):
    from flows.maintenance import rescore_project
    from flows.settings import use_port

    port = InMemoryPort()
    files = [(f"{name}.png", png_bytes(name)) for name in ("a", "b", "c")]
    task_id = port.add_task("p", files, settings=fake_settings("fake"))
    with use_port(port):
        process_invoices(task_id)
        names = {d.id: d.name for d in port.load_task(task_id).documents}
        ids = {name: doc_id for doc_id, name in names.items()}
        assert all(r.invoice.get("po_number") is None for r in port.results(task_id).values())
        port.approve_document(ids["b.png"])
        port.set_project_templates("p", [REEXTRACT_TEMPLATE])  # taught after the documents were read

        plain = rescore_project("p")  # without the option: the extraction stays
        assert "reextracted" not in plain
        assert all(r.invoice.get("po_number") is None for r in port.results(task_id).values())

        summary = rescore_project("p", reextract=True)

    assert summary == {"project_id": "p", "rescored": 3, "failed": [], "reextracted": 2}
    after = {names[d]: r for d, r in port.results(task_id).items()}
    assert after["a.png"].invoice.get("po_number") == "INV-1001"
    assert after["c.png"].invoice.get("po_number") == "INV-1001"
    assert after["b.png"].invoice.get("po_number") is None  # approved: left as the reviewer approved it
    assert after["a.png"].invoice.get("total") == "120.00" and after["a.png"].validation


def test_a_reextracting_rescore_needs_a_port_that_can(prefect_api, fake_engines):
    from flows.maintenance import rescore_project
    from flows.settings import ConfigurationError, use_port

    class NoReextraction(InMemoryPort):
        reextractable_document_ids = None  # not the capability

    port = NoReextraction()
    task_id = port.add_task("p", [("a.png", png_bytes("a"))], settings=fake_settings("fake"))
    with use_port(port):
        process_invoices(task_id)
        with pytest.raises(ConfigurationError, match="re-extract"):
            rescore_project("p", reextract=True)
