"""The page preview is turned the way the OCR engine turned the page, so the result's relative boxes
(computed on the corrected image) land on the right words in the review screen."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from django_api.invoices.models import Document
from tests.django_api.conftest import png_bytes, upload
from tests.django_api.test_endpoints import _process

pytestmark = pytest.mark.django_db


def _size(response) -> tuple[int, int]:
    assert response.status_code == 200
    return Image.open(io.BytesIO(response.content)).size


def test_preview_applies_the_rotation_recorded_by_ocr(alice_client, project, run_on_commit):
    body = _process(
        alice_client, project, run_on_commit, [upload("sideways.png", png_bytes(1, size=(300, 100)))]
    )
    url = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/pages/0/image/"
    assert _size(alice_client.get(url)) == (300, 100)  # the fake engine recorded no rotation

    result = Document.objects.get(pk=body["documents"][0]["id"]).result
    result.result["ocr"]["pages"][0].update(rotation=90, skew=0.0)
    result.save(update_fields=["result"])
    assert _size(alice_client.get(url)) == (100, 300)

    result.result["ocr"]["pages"][0].update(rotation=0, skew=5.0)
    result.save(update_fields=["result"])
    width, height = _size(alice_client.get(url))
    assert width > 300 and height > 100  # deskewed on an expanded canvas, as OCR saw it
