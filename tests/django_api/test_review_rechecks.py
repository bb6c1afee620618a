"""A reviewer's change is made on the version they saw (a stale one: 409, nothing changed) and is
re-checked at once: the suites and anomaly rules run again on the current values, the previous reports
stay in the audit trail, and the list, the task's validation and anomalies and exports show it."""

from __future__ import annotations

from django_api.invoices.models import Document, FieldCorrection, SupersededChecks


def _doc_url(project, doc_id: str) -> str:
    return f"/api/projects/{project.pk}/documents/{doc_id}/"


def _failed(detail: dict) -> list[str]:
    return [
        outcome["description"]
        for report in detail["validation"]
        for outcome in report["outcomes"]
        if not outcome["success"]
    ]


def test_a_stale_version_answers_409_and_changes_nothing(alice_client, project, processed_document):
    _, doc_id = processed_document
    url = _doc_url(project, doc_id)
    opened = alice_client.get(url)
    version = opened.json()["result_version"]
    assert opened["ETag"] == f'"{version}"'
    first = alice_client.patch(
        url + "fields/", {"fields": {"total": "12.60"}, "result_version": version}, format="json"
    )
    assert first.status_code == 200 and first.json()["result_version"] == version + 1
    # a second tab still holding the first version
    stale = alice_client.patch(
        url + "fields/", {"fields": {"vendor_name": "Other Ltd"}, "result_version": version}, format="json"
    )
    assert (stale.status_code, stale.json()["code"]) == (409, "stale_version")
    assert stale.json()["detail"]["current_version"] == version + 1
    after = alice_client.get(url).json()
    assert (
        after["fields"]["vendor_name"]["value"] == "ACME Supplies"
        and after["fields"]["total"]["value"] == "12.60"
    )
    assert FieldCorrection.objects.filter(document_id=doc_id).count() == 1
    # the same through If-Match, and an approval on a stale version
    by_header = alice_client.patch(
        url + "fields/", {"fields": {"vendor_name": "Other Ltd"}}, format="json", HTTP_IF_MATCH=f'"{version}"'
    )
    assert (by_header.status_code, by_header.json()["code"]) == (412, "stale_version")  # RFC 9110
    assert by_header.json()["detail"]["current_version"] == version + 1
    approve = alice_client.post(url + "approve/", {"result_version": version}, format="json")
    assert (approve.status_code, approve.json()["code"]) == (409, "stale_version")
    assert Document.objects.get(pk=doc_id).status == "processed"


def test_a_correction_is_rechecked_at_once(alice_client, project, processed_document):
    task_id, doc_id = processed_document
    url = _doc_url(project, doc_id)
    future = alice_client.patch(url + "fields/", {"fields": {"invoice_date": "2999-01-01"}}, format="json")
    assert future.status_code == 200
    assert "The invoice date is not in the future." in _failed(future.json())
    assert "future_date" in [a["kind"] for a in future.json()["anomalies"]]
    row = alice_client.get(f"/api/projects/{project.pk}/documents/").json()[0]
    assert row["validation_errors"] >= 1 and row["needs_review"] is True

    fixed = alice_client.patch(url + "fields/", {"fields": {"invoice_date": "2024-03-15"}}, format="json")
    assert fixed.status_code == 200
    assert "The invoice date is not in the future." not in _failed(fixed.json())
    assert "future_date" not in [a["kind"] for a in fixed.json()["anomalies"]]
    task_anomalies = alice_client.get(f"/api/projects/{project.pk}/ocr-anomalies/{task_id}/").json()
    assert "future_date" not in [a["kind"] for a in task_anomalies["anomalies"]]
    validation = alice_client.get(f"/api/projects/{project.pk}/ocr-validation/{task_id}/").json()
    assert validation["documents"][0]["success"] is True
    export = alice_client.get(f"/api/projects/{project.pk}/ocr-download/{task_id}/?format=json").json()
    assert "2024-03-15" in str(export) and "2999-01-01" not in str(export)
    # both earlier states are kept in the audit trail, newest last
    audit = list(SupersededChecks.objects.filter(document_id=doc_id))
    assert [a.reason for a in audit] == ["correction", "correction"]
    assert "future_date" in [a["kind"] for a in audit[1].anomalies]


def test_approving_failed_checks_needs_force_and_a_reason(alice_client, project, processed_document):
    _, doc_id = processed_document
    url = _doc_url(project, doc_id)
    alice_client.patch(url + "fields/", {"fields": {"total": None}}, format="json")  # total cleared
    blocked = alice_client.post(url + "approve/")
    assert (blocked.status_code, blocked.json()["code"]) == (409, "checks_failed")
    assert any("total" in f["expectation"].lower() for f in blocked.json()["detail"]["failed"])
    bad_force = alice_client.post(url + "approve/", {"force": "yes", "reason": "x"}, format="json")
    assert bad_force.status_code == 400
    forced = alice_client.post(
        url + "approve/", {"force": True, "reason": "total is on page 2, not scanned"}, format="json"
    )
    assert forced.status_code == 200 and forced.json()["status"] == "approved"
    assert Document.objects.get(pk=doc_id).approval_override_reason == "total is on page 2, not scanned"
    assert SupersededChecks.objects.filter(document_id=doc_id, reason="approval").exists()


def test_a_clean_document_approves_without_force(alice_client, project, processed_document):
    _, doc_id = processed_document
    approved = alice_client.post(_doc_url(project, doc_id) + "approve/")
    assert approved.status_code == 200, approved.json()
    assert approved.json()["approval_override_reason"] is None


def test_triage_uses_key_field_confidences_and_the_projects_review_confidence(
    alice_client, project, processed_document
):
    _, doc_id = processed_document
    rows = f"/api/projects/{project.pk}/documents/"
    # the fake flow's key fields are 0.9-0.95 sure and pass every check: cleared at the default 0.9
    assert alice_client.get(rows).json()[0]["needs_review"] is False
    project.settings = {**(project.settings or {}), "review_confidence": 0.95}
    project.save()
    assert alice_client.get(rows).json()[0]["needs_review"] is True  # vendor, date, total at 0.9
    # a reviewer's values count as sure
    url = _doc_url(project, doc_id) + "fields/"
    fixed = {
        "vendor_name": "ACME Supplies Ltd",
        "invoice_date": "2024-03-14",
        "subtotal": "11.00",
        "total": "13.50",
        "currency": "USD",
    }
    items = [{"description": "Widget", "amount": "11.00"}]
    assert alice_client.patch(url, {"fields": fixed, "line_items": items}, format="json").status_code == 200
    assert alice_client.get(rows).json()[0]["needs_review"] is False
    # a cleared key field sends it back to review
    assert alice_client.patch(url, {"fields": {"vendor_name": None}}, format="json").status_code == 200
    assert alice_client.get(rows).json()[0]["needs_review"] is True


def test_a_recheck_keeps_the_einvoice_page_mismatch(alice_client, project, processed_document):
    """What a hybrid PDF's page showed against its XML belongs to the file: correcting a field must not
    make the einvoice_mismatch anomaly disappear."""
    from django_api.invoices.models import DocumentResult

    _, doc_id = processed_document
    result = DocumentResult.objects.get(document_id=doc_id)
    mismatch = {"field": "total", "xml": "12.50", "page": "21.50", "page_confidence": 0.9}
    invoice = {**result.result["invoice"], "source": "einvoice", "einvoice": {"page_mismatches": [mismatch]}}
    result.result = {**result.result, "invoice": invoice}
    result.save()
    patched = alice_client.patch(
        _doc_url(project, doc_id) + "fields/", {"fields": {"vendor_name": "ACME GmbH"}}, format="json"
    )
    assert patched.status_code == 200
    found = [a for a in patched.json()["anomalies"] if a["kind"] == "einvoice_mismatch"]
    assert found and "21.50" in found[0]["explanation"]


def test_bad_versions_and_approval_bodies_answer_400_and_change_nothing(
    alice_client, project, processed_document
):
    _, doc_id = processed_document
    url = _doc_url(project, doc_id)
    version = alice_client.get(url).json()["result_version"]
    bad = [
        alice_client.patch(
            url + "fields/", {"fields": {"total": "1.00"}}, format="json", HTTP_IF_MATCH='"abc"'
        ),
        alice_client.patch(
            url + "fields/", {"fields": {"total": "1.00"}, "result_version": "1"}, format="json"
        ),
        alice_client.patch(
            url + "fields/", {"fields": {"total": "1.00"}, "result_version": 0}, format="json"
        ),
        alice_client.post(url + "approve/", [1, 2], format="json"),
        alice_client.post(url + "approve/", {"force": True, "reason": "x" * 2001}, format="json"),
        alice_client.post(url + "approve/", {"force": True, "reason": 7}, format="json"),
    ]
    assert [(r.status_code, r.json()["code"]) for r in bad] == [(400, "validation_error")] * len(bad)
    after = alice_client.get(url).json()
    assert (after["result_version"], after["status"], after["corrections"]) == (version, "processed", [])


def test_a_date_or_amount_typed_as_printed_is_stored_as_the_pipeline_writes_it(
    alice_client, project, processed_document
):
    _, doc_id = processed_document
    url = _doc_url(project, doc_id) + "fields/"
    typed = {
        "invoice_date": "31.12.2024",
        "due_date": "01/31/2025",
        "total": "1.234,50",
        "vendor_name": "A.B.",
    }
    answer = alice_client.patch(url, {"fields": typed}, format="json")
    assert answer.status_code == 200
    fields = answer.json()["fields"]
    assert fields["invoice_date"]["value"] == "2024-12-31"
    assert fields["due_date"]["value"] == "2025-01-31"
    assert fields["total"]["value"] == "1234.50"
    assert fields["vendor_name"]["value"] == "A.B."  # text is never rewritten
    failed = _failed(answer.json())
    assert not [f for f in failed if "ISO date" in f or "is a number" in f]
    # an ambiguous value is kept as typed, and the checks say what is wrong with it
    ambiguous = alice_client.patch(url, {"fields": {"invoice_date": "03/04/2024"}}, format="json")
    assert ambiguous.json()["fields"]["invoice_date"]["value"] == "03/04/2024"
    assert "The invoice date is an ISO date (YYYY-MM-DD)." in _failed(ambiguous.json())


def test_a_corrected_items_table_keeps_each_lines_discount_and_its_check(
    alice_client, project, processed_document
):
    """A line whose amount is quantity x price less its discount (20 x 4.55 less 10 % = 81.90): the
    discount is a cell of the item; a reviewer's items table that carries it is stored with it, served
    back, and the line check holds. The same table without the discount fails that check."""
    _, doc_id = processed_document
    url = _doc_url(project, doc_id)
    line = {"description": "Nougat", "quantity": "20", "unit_price": "4.55", "amount": "81.90"}
    fields = {"subtotal": "81.90", "tax_amount": "0.00", "total": "81.90", "amount_due": "81.90"}
    check = "Quantity times unit price equals the amount"

    def failed_line_check(body) -> bool:
        return any(d.startswith(check) for d in _failed(body))

    with_discount = alice_client.patch(
        url + "fields/",
        {"fields": fields, "line_items": [{**line, "discount_percent": "10"}]},
        format="json",
    )
    assert with_discount.status_code == 200, with_discount.json()
    assert with_discount.json()["line_items"] == [{**line, "discount_percent": "10"}]
    assert not failed_line_check(with_discount.json())
    without = alice_client.patch(url + "fields/", {"line_items": [line]}, format="json")
    assert without.status_code == 200 and failed_line_check(without.json())
    unknown = alice_client.patch(url + "fields/", {"line_items": [{**line, "colour": "red"}]}, format="json")
    assert unknown.status_code == 400
