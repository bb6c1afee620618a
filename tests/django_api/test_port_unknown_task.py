"""A process-invoices run started by hand with a task id the database does not hold fails saying so
(the walk-through saw `DoesNotExist('OcrTask matching query does not exist.')` in the Prefect UI)."""

from __future__ import annotations

import pytest

from django_api.orchestration.django_port import DjangoPort
from flows.port import UnknownId

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("task_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid", ""])
def test_an_unknown_task_id_is_said_in_words(task_id):
    with pytest.raises(
        UnknownId, match=r"is not in this worker's database: process-invoices runs a task"
    ) as info:
        DjangoPort().load_task(task_id)
    assert "DoesNotExist" not in str(info.value) and "POST /api/projects/{id}/process-invoices/" in str(
        info.value
    )


def test_a_known_task_still_loads(alice_client, project, run_on_commit):
    from tests.django_api.conftest import png_bytes, upload

    response = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("a.png", png_bytes(1))]},
        format="multipart",
    )
    inputs = DjangoPort().load_task(response.json()["task_id"])
    assert [d.name for d in inputs.documents] == ["a.png"]
