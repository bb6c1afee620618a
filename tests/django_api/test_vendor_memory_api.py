"""The vendor memory and project template endpoints with the fake flow: what a project learned, read by
members and changed by owners and reviewers only (viewers 403, other users' projects 404); vendor keys
holding ':' in the path; forgetting a field or a vendor; a vendor's invoice2data YAML; templates imported
through the library's safe loader (unsafe YAML 400 `invalid_template`, too large 413
`template_too_large`); learning never blocks a reviewer's correction."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import yaml

from django_api.invoices.models import (
    FieldCorrection,
    LessonAction,
    ProjectTemplate,
    VendorLesson,
    VendorMemory,
)
from ocr_tasks.extraction.templates import MAX_TEMPLATE_BYTES, load_template_yaml
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory import FieldLesson
from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory
from tests.api_shapes import assert_shape, response_schema
from tests.django_api.conftest import upload

pytestmark = pytest.mark.django_db

KEY = "vat:DE136695976"
P = "/api/projects/{project_id}/"

GOOD_TEMPLATE = """\
issuer: Nordwind Buerobedarf GmbH
keywords:
  - DE136695976
fields:
  invoice_number: Belegkennung\\s+(RB-\\d+)
options:
  currency: EUR
"""


def _lesson(field: str, label: str, **counts) -> FieldLesson:
    return FieldLesson(
        field=field,
        page=0,
        box=BBox(0.57, 0.24, 0.72, 0.26),
        label=label,
        label_side="left",
        value_format="AA-99999",
        taught_by="alice",
        taught_at="2026-11-30T02:00:00+00:00",
        **counts,
    )


def remember(project, key: str = KEY, fields=("invoice_number", "po_number")) -> VendorMemory:
    memory = LibraryMemory(
        key=key,
        identifiers=(key, "iban:DE89370400440532013000", "name:nordwind buerobedarf"),
        name="Nordwind Buerobedarf GmbH",
        lessons={
            f: _lesson(f, "belegkennung" if f == "invoice_number" else "vorgang", confirmations=2)
            for f in fields
        },
    )
    return VendorMemory.objects.create(
        project=project,
        key=memory.key,
        identifiers=list(memory.identifiers),
        name=memory.name,
        data=memory.to_dict(),
    )


def url(project, key: str = KEY, suffix: str = "") -> str:
    return f"/api/projects/{project.pk}/vendors/{quote(key, safe='')}/{suffix}"


def test_members_read_what_the_project_learned(alice_client, vera_client, project):
    remember(project)
    for client in (alice_client, vera_client):
        response = client.get(f"/api/projects/{project.pk}/vendors/")
        assert response.status_code == 200, response.content
        assert_shape(response.json(), response_schema(P + "vendors/"), "vendors")
        (vendor,) = response.json()
        assert vendor["key"] == KEY and vendor["name"] == "Nordwind Buerobedarf GmbH"
        assert [f["field"] for f in vendor["fields"]] == ["invoice_number", "po_number"]
        first = vendor["fields"][0]
        assert (first["label"], first["label_side"], first["confirmations"], first["misses"]) == (
            "belegkennung",
            "left",
            2,
            0,
        )
        assert first["taught_by"] == "alice" and first["taught_at"].startswith("2026-11-30T02:00")
        assert first["box"] == [0.57, 0.24, 0.72, 0.26]


@pytest.mark.parametrize("form", ["encoded", "raw"])
def test_a_key_with_a_colon_is_one_path_segment(alice_client, project, form):
    remember(project)
    path = url(project) if form == "encoded" else f"/api/projects/{project.pk}/vendors/{KEY}/"
    assert ("%3A" in path) == (form == "encoded")
    response = alice_client.get(path)
    assert response.status_code == 200, response.content
    assert_shape(response.json(), response_schema(P + "vendors/{key}/"), "vendor")
    assert response.json()["key"] == KEY
    assert alice_client.get(url(project, "vat:DE000000000")).status_code == 404


def test_a_vendor_known_by_its_name_is_reached_with_its_key_percent_encoded(alice_client, project):
    key = "name:nordwind buerobedarf"
    remember(project, key=key)
    assert url(project, key).endswith("/vendors/name%3Anordwind%20buerobedarf/")
    response = alice_client.get(url(project, key))
    assert response.status_code == 200 and response.json()["key"] == key
    assert alice_client.delete(url(project, key, "fields/po_number/")).status_code == 204


def test_a_vendor_template_downloads_as_invoice2data_yaml(alice_client, project):
    remember(project)
    response = alice_client.get(url(project, suffix="template/"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    assert 'filename="vat_DE136695976.yml"' in response["Content-Disposition"]
    data = yaml.safe_load(response.content)
    assert "invoice_number" in data["fields"] and data["keywords"]
    # what the project exports, a project imports (the engine's own loader reads it back)
    assert load_template_yaml(response.content, name="exported").fields


def test_forgetting_a_field_then_the_vendor(alice_client, project, alice):
    remember(project)
    response = alice_client.delete(url(project, suffix="fields/po_number/"))
    assert response.status_code == 204, response.content
    kept = LibraryMemory.from_dict(VendorMemory.objects.get(project=project).data)
    assert set(kept.lessons) == {"invoice_number"}
    assert alice_client.delete(url(project, suffix="fields/po_number/")).status_code == 404
    assert alice_client.delete(url(project)).status_code == 204
    assert not VendorMemory.objects.filter(project=project).exists()
    assert alice_client.get(url(project)).status_code == 404
    # the audit trail stays: who forgot what, and when
    forgotten = VendorLesson.objects.filter(project=project, action=LessonAction.FORGOTTEN)
    assert sorted(forgotten.values_list("field", flat=True)) == ["", "po_number"]
    assert {lesson.user for lesson in forgotten} == {alice}


def test_forgetting_the_last_field_forgets_the_vendor(alice_client, project):
    remember(project, fields=("invoice_number",))
    assert alice_client.delete(url(project, suffix="fields/invoice_number/")).status_code == 204
    assert not VendorMemory.objects.filter(project=project).exists()


def test_viewers_change_nothing(vera_client, project):
    remember(project)
    before = VendorMemory.objects.get(project=project).data
    for response in (
        vera_client.delete(url(project, suffix="fields/po_number/")),
        vera_client.delete(url(project)),
        vera_client.post(f"/api/projects/{project.pk}/rescore/", {"reextract": True}, format="json"),
        vera_client.post(
            f"/api/projects/{project.pk}/templates/",
            {"name": "nordwind", "source": GOOD_TEMPLATE},
            format="json",
        ),
    ):
        assert response.status_code == 403, response.content
        assert response.json()["code"] == "permission_denied"
    assert VendorMemory.objects.get(project=project).data == before
    assert not ProjectTemplate.objects.exists() and not VendorLesson.objects.exists()


def test_templates_import_list_read_and_delete(alice_client, vera_client, project, alice):
    base = f"/api/projects/{project.pk}/templates/"
    created = alice_client.post(base, {"name": "nordwind", "source": GOOD_TEMPLATE}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["source"] == GOOD_TEMPLATE and created.json()["created_by"] == "alice"
    again = alice_client.post(base, {"name": "nordwind", "source": GOOD_TEMPLATE}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "template_exists"
    as_file = alice_client.post(
        base, {"file": upload("other-vendor.yml", GOOD_TEMPLATE.encode())}, format="multipart"
    )
    assert as_file.status_code == 201, as_file.content
    listed = vera_client.get(base)
    assert_shape(listed.json(), response_schema(P + "templates/"), "templates")
    assert [t["name"] for t in listed.json()] == ["nordwind", "other-vendor"]
    one = vera_client.get(base + "nordwind/")
    assert_shape(one.json(), response_schema(P + "templates/{name}/"), "template")
    assert vera_client.delete(base + "nordwind/").status_code == 403
    assert alice_client.delete(base + "nordwind/").status_code == 204
    assert [t["name"] for t in alice_client.get(base).json()] == ["other-vendor"]
    imported = VendorLesson.objects.filter(action=LessonAction.IMPORTED, user=alice)
    assert sorted(imported.values_list("vendor_key", flat=True)) == [
        "template:nordwind",
        "template:other-vendor",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "!!python/object/apply:os.system ['touch /tmp/pwned']\n",
        "keywords: [a]\nfields: !!python/name:os.system\n",
        "base: &a {invoice_number: x}\nfields: *a\nkeywords: [a]\n",
        "keywords: [a\n",  # not YAML
        "keywords: []\nfields: {}\n",  # YAML, not a template
    ],
)
def test_unsafe_or_invalid_yaml_is_refused(alice_client, project, source):
    response = alice_client.post(
        f"/api/projects/{project.pk}/templates/", {"name": "bad", "source": source}, format="json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid_template"
    assert not ProjectTemplate.objects.exists()


def test_a_too_large_template_is_refused(alice_client, project):
    padding = "# " + "x" * 100 + "\n"
    source = GOOD_TEMPLATE + padding * (MAX_TEMPLATE_BYTES // len(padding) + 1)
    base = f"/api/projects/{project.pk}/templates/"
    for response in (
        alice_client.post(base, {"name": "big", "source": source}, format="json"),
        alice_client.post(base, {"file": upload("big.yml", source.encode())}, format="multipart"),
    ):
        assert response.status_code == 413, response.content
        assert response.json()["code"] == "template_too_large"
    assert not ProjectTemplate.objects.exists()


def test_a_template_name_must_be_url_safe(alice_client, project):
    response = alice_client.post(
        f"/api/projects/{project.pk}/templates/", {"name": "../etc", "source": GOOD_TEMPLATE}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "validation_error"


def test_other_users_projects_answer_404_on_every_new_endpoint(
    bob_client, project, bob_project, alice_client
):
    remember(project)
    alice_client.post(
        f"/api/projects/{project.pk}/templates/", {"name": "nordwind", "source": GOOD_TEMPLATE}, format="json"
    )
    calls = [
        ("get", f"/api/projects/{project.pk}/vendors/", None),
        ("get", url(project), None),
        ("delete", url(project), None),
        ("delete", url(project, suffix="fields/invoice_number/"), None),
        ("get", url(project, suffix="template/"), None),
        ("get", f"/api/projects/{project.pk}/templates/", None),
        ("post", f"/api/projects/{project.pk}/templates/", {"name": "x", "source": GOOD_TEMPLATE}),
        ("get", f"/api/projects/{project.pk}/templates/nordwind/", None),
        ("delete", f"/api/projects/{project.pk}/templates/nordwind/", None),
        ("post", f"/api/projects/{project.pk}/rescore/", {"reextract": True}),
        # Alice's vendor and template through Bob's own project: memory never crosses projects
        ("get", url(bob_project), None),
        ("get", url(bob_project, suffix="template/"), None),
        ("get", f"/api/projects/{bob_project.pk}/templates/nordwind/", None),
    ]
    for method, path, body in calls:
        response = (
            getattr(bob_client, method)(path, body, format="json")
            if body
            else getattr(bob_client, method)(path)
        )
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json()["code"] == "not_found"
        assert b"Nordwind" not in response.content
    assert VendorMemory.objects.filter(project=project).count() == 1
    assert ProjectTemplate.objects.filter(project=project).count() == 1
    assert bob_client.get(f"/api/projects/{bob_project.pk}/vendors/").json() == []


def test_a_failure_of_learning_never_blocks_a_correction(
    alice_client, project, processed_document, monkeypatch
):
    import ocr_tasks.vendor_memory as library
    from django_api.invoices.services import vendor_memory as service

    def broken(*args, **kwargs):
        raise RuntimeError("learning is broken")

    monkeypatch.setattr(library, "learn", broken)
    logged = []
    monkeypatch.setattr(service.logger, "exception", lambda message, *args: logged.append(message % args))
    _, document = processed_document
    response = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{document}/fields/",
        {"fields": {"total": "13.00"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert FieldCorrection.objects.filter(field="total", new_value="13.00").exists()
    assert response.json()["fields"]["total"]["value"] == "13.00"
    assert logged and "learning from document" in logged[0]
    assert not VendorLesson.objects.exists()


def test_the_learning_service_ignores_viewers_and_other_projects(
    alice, vera, bob, project, bob_project, processed_document, monkeypatch
):
    """The service itself refuses to learn from a viewer, a non-member, or a document of another
    project (the review services check roles first; this is the second lock)."""
    import ocr_tasks.vendor_memory as library
    from django_api.invoices.models import Document, DocumentResult
    from django_api.invoices.services.vendor_memory import vendor_memory_learn

    calls = []
    monkeypatch.setattr(library, "learn", lambda *a, **k: calls.append(k) or None)
    document = Document.objects.get(pk=processed_document[1])
    result = DocumentResult.objects.get(document=document)
    final = {"invoice_number": "X-1"}
    for user, target in ((vera, project), (bob, bob_project), (alice, bob_project)):
        learned = vendor_memory_learn(
            user=user, project=target, document=document, result=result, final=final, action="corrected"
        )
        assert learned is None
    assert calls == []
    vendor_memory_learn(
        user=alice, project=project, document=document, result=result, final=final, action="corrected"
    )
    assert [c["actor"] for c in calls] == ["alice"]


def test_a_failure_of_learning_never_blocks_an_approval(
    alice_client, project, processed_document, monkeypatch
):
    import ocr_tasks.vendor_memory as library
    from django_api.invoices.models import Document

    def broken(*args, **kwargs):
        raise RuntimeError("learning is broken")

    monkeypatch.setattr(library, "learn", broken)
    _, document = processed_document
    response = alice_client.post(
        f"/api/projects/{project.pk}/documents/{document}/approve/",
        {"force": True, "reason": "checked by hand"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert Document.objects.get(pk=document).status == "approved"
    assert not VendorLesson.objects.exists()


@pytest.mark.parametrize("body", [[None, None], "yes", 1])
def test_a_rescore_request_that_is_not_an_object_is_refused(alice_client, project, body):
    response = alice_client.post(f"/api/projects/{project.pk}/rescore/", body, format="json")
    assert response.status_code == 400, response.content[:200]
    assert response.json()["code"] == "validation_error"
