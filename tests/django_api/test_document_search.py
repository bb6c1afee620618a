"""Finding a document in a project of many: `GET .../documents/?q=` keeps the rows whose file name, vendor or
current invoice number hold every word (any case); a correction counts; another user's project is 404."""

from __future__ import annotations

import pytest

from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def _names(client, project, q: str) -> list[str]:
    response = client.get(f"/api/projects/{project.pk}/documents/", {"q": q})
    assert response.status_code == 200, response.content
    return sorted(r["name"] for r in response.json())


def test_search_by_file_name_vendor_and_invoice_number(alice_client, project, run_on_commit):
    # the fake engine reads each file's stem, upper case, as the invoice number; the vendor is ACME Supplies
    ids = process_pngs(
        alice_client, project, run_on_commit, ["coolblue-0042.png", "march.png", "av-2017-5.png"]
    )
    assert _names(alice_client, project, "COOLBLUE") == ["coolblue-0042.png"]
    assert _names(alice_client, project, "acme av-2017") == ["av-2017-5.png"]  # every word must be found
    assert _names(alice_client, project, "acme") == ["av-2017-5.png", "coolblue-0042.png", "march.png"]
    assert _names(alice_client, project, "   ") == ["av-2017-5.png", "coolblue-0042.png", "march.png"]
    assert _names(alice_client, project, "nowhere") == []
    corrected = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{ids['march.png']}/fields/",
        {"fields": {"invoice_number": "RE-7781"}},
        format="json",
    )
    assert corrected.status_code == 200
    assert _names(alice_client, project, "re-7781") == ["march.png"]  # the current value is searched


def test_search_stays_in_the_users_projects(alice_client, bob_client, project, run_on_commit):
    process_pngs(alice_client, project, run_on_commit, ["secret-invoice.png"])
    assert bob_client.get(f"/api/projects/{project.pk}/documents/", {"q": "secret"}).status_code == 404
