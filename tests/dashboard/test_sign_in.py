"""Sign-in page: token into session state (never the URL), wrong password, API down, auto sign-in."""

from __future__ import annotations

from dashboard import session
from tests.dashboard.fakes import DOWN, EXPIRED
from tests.dashboard.rendered import texts


def test_sign_in_keeps_the_token_in_session_state_not_in_the_url(make_app, fake):
    at = make_app(signed_in=False)
    assert at.text_input(key="sign_in_username").value == ""
    at.text_input(key="sign_in_username").input("demo")
    at.text_input(key="sign_in_password").input("secret")
    at.button(key="sign_in_submit").click().run()

    assert fake.calls_named("sign_in") == [(("demo", "secret"), {})]
    assert at.session_state[session.TOKEN] == "token-of-demo"
    assert "token" not in str(dict(at.query_params)).lower()
    # signed in: the sidebar lists the projects and the first one is current
    assert at.session_state[session.PROJECT_ID] == 1
    assert at.button(key="sign_out") is not None
    assert not at.exception


def test_wrong_password_says_so_and_stays_signed_out(make_app, fake):
    at = make_app(signed_in=False)
    at.text_input(key="sign_in_username").input("demo")
    at.text_input(key="sign_in_password").input("nope")
    at.button(key="sign_in_submit").click().run()
    assert "Wrong username or password" in texts(at)
    assert session.TOKEN not in at.session_state


def test_api_down_at_sign_in_gives_a_clear_message(make_app, fake):
    fake.fail_with = DOWN
    at = make_app(signed_in=False)
    at.text_input(key="sign_in_username").input("demo")
    at.text_input(key="sign_in_password").input("secret")
    at.button(key="sign_in_submit").click().run()
    message = texts(at)
    assert "API is down or unreachable" in message
    assert "http://127.0.0.1:9" in message
    assert session.TOKEN not in at.session_state


def test_api_url_defaults_to_the_environment_variable(make_app):
    at = make_app(signed_in=False)
    assert at.session_state[session.API_URL] == "http://api.test:8000"
    assert "http://api.test:8000" in texts(at)


def test_demo_credentials_prefill_and_auto_sign_in(make_app, fake, monkeypatch):
    monkeypatch.setenv(session.DEMO_USER_ENV, "demo")
    monkeypatch.setenv(session.DEMO_PASSWORD_ENV, "secret")
    at = make_app(signed_in=False)
    assert at.text_input(key="sign_in_username").value == "demo"  # prefilled, not signed in
    assert session.TOKEN not in at.session_state

    monkeypatch.setenv(session.AUTO_SIGN_IN_ENV, "1")
    at = make_app(signed_in=False)
    assert at.session_state[session.TOKEN] == "token-of-demo"
    assert at.button(key="sign_out") is not None


def test_a_401_signs_out_and_explains(make_app, fake):
    at = make_app()

    fake.fail_with = EXPIRED
    at.run()
    assert session.TOKEN not in at.session_state
    assert "sign in again" in texts(at).lower()
    assert at.text_input(key="sign_in_username") is not None


def test_settings_change_the_api_url_and_sign_out(make_app, fake):
    at = make_app(page="views/settings.py")
    assert "healthy" in texts(at)
    at.text_input(key="settings_api_url").input("http://other:9000/")
    at.button(key="settings_save").click().run()
    assert at.session_state[session.API_URL] == "http://other:9000"
    assert session.TOKEN not in at.session_state


def test_settings_page_reports_an_unreachable_api_before_sign_in(make_app, fake):
    fake.fail_with = DOWN
    at = make_app(signed_in=False, page="views/settings.py")
    assert "Health check: the API is down or unreachable" in texts(at)
    assert not at.exception
