"""AppTest set-up: the dashboard app with its API client replaced by `FakeApi`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import session
from tests.dashboard.fakes import FakeApi

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture
def fake() -> FakeApi:
    return FakeApi()


@pytest.fixture
def make_app(fake: FakeApi, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """`make_app(signed_in=True, page=None, **state)`: an AppTest run once, on `page` if given."""
    for name in (session.DEMO_USER_ENV, session.DEMO_PASSWORD_ENV, session.AUTO_SIGN_IN_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OCR_API_URL", "http://api.test:8000")

    def build(*, signed_in: bool = True, page: str | None = None, **state: object) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=30)
        at.session_state[session.CLIENT_FACTORY] = lambda base_url, token: fake
        if signed_in:
            at.session_state[session.TOKEN] = "token-of-demo"
            at.session_state[session.USERNAME] = "demo"
        for key, value in state.items():
            at.session_state[key] = value
        at.run()
        if page is not None:
            at.switch_page(page).run()
        return at

    return build
