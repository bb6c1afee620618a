"""A task list row says what was uploaded: its files' names in upload order (the first five), not only
an id, so a reviewer finds the batch they sent (the walk-through saw rows headed by a UUID)."""

from __future__ import annotations

import pytest

from tests.api_shapes import response_schema, shape_errors
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def _process(client, project, run_on_commit, names):
    files = [upload(name, png_bytes(seed)) for seed, name in enumerate(names, start=10)]
    response = run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert response.status_code == 202, response.content
    return response.json()["task_id"]


def test_task_rows_name_their_files_in_upload_order(alice_client, project, run_on_commit):
    small = _process(alice_client, project, run_on_commit, ["march.png", "april.png"])
    many = [f"receipt-{i:02d}.png" for i in range(7)]
    big = _process(alice_client, project, run_on_commit, many)

    tasks = {t["task_id"]: t for t in alice_client.get(f"/api/projects/{project.pk}/tasks/").json()}
    assert tasks[small]["document_names"] == ["march.png", "april.png"]
    assert tasks[big]["document_names"] == many[:5] and tasks[big]["document_count"] == 7
    schema = response_schema("/api/projects/{project_id}/tasks/", "get", 200)
    assert shape_errors(list(tasks.values()), schema) == []


def test_another_users_task_names_stay_hidden(alice_client, bob_client, project, run_on_commit):
    _process(alice_client, project, run_on_commit, ["secret-invoice.png"])
    assert bob_client.get(f"/api/projects/{project.pk}/tasks/").status_code == 404
