"""Paging the documents list for an integration: `limit` and `offset` cut the filtered, sorted rows;
`X-Total-Count` says how many match and `Link: <...>; rel="next"` where the next page starts. Without
`limit` the whole list is answered, as before."""

from __future__ import annotations

import pytest

from tests.api_shapes import operation
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def test_pages_of_the_document_list_cover_it_once(alice_client, project, run_on_commit):
    process_pngs(alice_client, project, run_on_commit, [f"inv-{i}.png" for i in range(5)])
    url = f"/api/projects/{project.pk}/documents/"
    everything = alice_client.get(url)
    assert everything["X-Total-Count"] == "5" and "Link" not in everything
    all_ids = [row["id"] for row in everything.json()]

    seen, next_url = [], url + "?limit=2&status=processed"
    while next_url:
        page = alice_client.get(next_url)
        assert page.status_code == 200 and page["X-Total-Count"] == "5"
        assert len(page.json()) <= 2
        seen += [row["id"] for row in page.json()]
        link = page.get("Link")
        next_url = link.split(">")[0].lstrip("<").replace("http://testserver", "") if link else None
        if next_url:
            assert link.endswith('; rel="next"') and "status=processed" in next_url
    assert seen == all_ids


@pytest.mark.parametrize("query", ["limit=0", "limit=1001", "limit=two", "offset=-1"])
def test_a_bad_page_is_refused_with_its_code(alice_client, project, query):
    response = alice_client.get(f"/api/projects/{project.pk}/documents/?{query}")
    assert (response.status_code, response.json()["code"]) == (400, "validation_error")


def test_the_schema_documents_the_paging():
    documented = operation("/api/projects/{project_id}/documents/")
    names = {p["name"] for p in documented["parameters"]}
    assert {"limit", "offset", "status", "vendor", "date_from", "date_to", "q"} <= names
    assert {"X-Total-Count", "Link"} <= set(documented["responses"]["200"]["headers"])


def test_another_users_project_answers_404(bob_client, project):
    assert bob_client.get(f"/api/projects/{project.pk}/documents/?limit=1").status_code == 404
