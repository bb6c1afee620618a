"""Swagger UI works offline: its page references local static assets, and they are served."""

import re

import pytest


@pytest.mark.django_db
def test_swagger_ui_assets_come_from_this_server(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert any(a.endswith("swagger-ui.css") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
