"""The VAT table of the CSV/XLSX export (`table=vat`, sheet `vat`): one row per document and VAT category
and rate with net, tax and gross in the direction they book, as a purchase-ledger import (DATEV's booking
line per tax key, an Exact/Odoo bill line per tax) takes them; where each rate came from is named."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django_api.invoices.exports import VAT_EXPORT_COLUMNS
from ocr_tasks.einvoice import read_pdf, read_xml
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def _store(document_id: str, einvoice) -> None:
    from django_api.invoices.models import DocumentResult

    invoice = einvoice.as_invoice().to_dict()
    stored = DocumentResult.objects.get(document_id=document_id)
    stored.result = {**stored.result, "invoice": invoice}
    stored.fields, stored.line_items = invoice["fields"], invoice["line_items"]
    stored.save()


def _vat_csv(client, project) -> list[dict[str, str]]:
    response = client.get(f"/api/projects/{project.pk}/export/?format=csv&table=vat")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-vat.csv"')
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert tuple(reader.fieldnames or ()) == VAT_EXPORT_COLUMNS
    return list(reader)


def test_one_row_per_vat_rate_in_the_direction_it_books(alice_client, project, run_on_commit, corpus):
    ids = process_pngs(alice_client, project, run_on_commit, ["receipt.png", "three-rates.png", "avoir.png"])
    root = corpus / "einvoice-dev"
    _store(ids["three-rates.png"], read_xml((root / "xml" / "cii" / "CII_example2.xml").read_bytes()))
    _store(ids["avoir.png"], read_pdf((root / "pdf" / "Avoir_FR_type381_EN16931.pdf").read_bytes()))

    rows = _vat_csv(alice_client, project)
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row)

    # an OCR'd receipt with subtotal 10.00 and tax 2.50: the one rate its tax implies, 25 %
    (receipt,) = by_name["receipt.png"]
    assert (
        receipt["vat_category"],
        receipt["vat_rate"],
        receipt["net"],
        receipt["tax"],
        receipt["gross"],
    ) == (
        "S",
        "25.00",
        "10.00",
        "2.50",
        "12.50",
    )
    assert receipt["rate_from"] == "single_rate"

    # the e-invoice's own breakdown: 25 %, 15 % and exempt, adding up to its subtotal and tax
    three = by_name["three-rates.png"]
    assert [(r["vat_category"], r["vat_rate"]) for r in three] == [
        ("S", "25.00"),
        ("S", "15.00"),
        ("E", "0.00"),
    ]
    assert {r["rate_from"] for r in three} == {"einvoice"}
    assert sum(Decimal(r["net"]) for r in three) == Decimal("1436.50")
    assert sum(Decimal(r["tax"]) for r in three) == Decimal("365.28")

    # a credit note books negative, rate by rate
    avoir = by_name["avoir.png"]
    assert [(r["vat_rate"], r["net"], r["tax"], r["gross"]) for r in avoir] == [
        ("20.00", "-20.48", "-4.10", "-24.58"),
        ("5.50", "-198.00", "-10.89", "-208.89"),
    ]
    assert {r["document_type"] for r in avoir} == {"credit_note"}


def test_lines_that_do_not_add_up_leave_the_rate_to_a_person(alice_client, project, run_on_commit, corpus):
    """Mustang's ZUGFeRD 1.0 sample prints its line totals with VAT included: rates derived from its lines
    would book 571.04 net; the row keeps the document's subtotal and tax with no rate instead."""
    ids = process_pngs(alice_client, project, run_on_commit, ["mustang.png"])
    pdf = corpus / "einvoice-dev" / "pdf" / "MustangGnuaccountingBeispielRE-20140703_502.pdf"
    _store(ids["mustang.png"], read_pdf(pdf.read_bytes()))
    (row,) = _vat_csv(alice_client, project)
    assert (row["vat_rate"], row["net"], row["tax"], row["rate_from"]) == ("", "496.00", "75.04", "totals")


def test_the_workbook_has_a_vat_sheet(alice_client, project, run_on_commit):
    process_pngs(alice_client, project, run_on_commit, ["a.png", "b.png"])
    content = alice_client.get(f"/api/projects/{project.pk}/export/?format=xlsx").content
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["documents", "line_items", "vat"]
    sheet = workbook["vat"]
    assert tuple(c.value for c in sheet[1]) == VAT_EXPORT_COLUMNS
    assert sheet.max_row == 3


def test_another_users_project_answers_404(bob_client, project):
    assert bob_client.get(f"/api/projects/{project.pk}/export/?format=csv&table=vat").status_code == 404
