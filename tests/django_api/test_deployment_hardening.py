"""Deployment hardening (issue 16 item 7): each gunicorn of the API has its own control socket or none
(gunicorn 25+ opens one at $XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl, a path shared by every
instance of the user); compose publishes the consoles on 127.0.0.1 only and has no default passwords."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from gunicorn.config import Config

from tests.django_api.conftest import wait_for_port

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "django_api" / "config" / "gunicorn_conf.py"

APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""

# the API's control-socket settings, without its Django hooks (recovery needs a database)
CONF_MODULE = """
from django_api.config.gunicorn_conf import control_socket, control_socket_disable, control_socket_mode
workers = 1
"""


def _settings(env: dict[str, str]) -> Config:
    """The API's configuration file as gunicorn loads it (its `-c` path), under the given environment."""
    namespace: dict = {"__file__": str(CONF), "__name__": "__config__"}
    old = dict(os.environ)
    try:
        os.environ.pop("OCR_API_CONTROL_SOCKET", None)
        os.environ.update(env)
        exec(compile(CONF.read_text(), str(CONF), "exec"), namespace)  # noqa: S102  (our own config file)
    finally:
        os.environ.clear()
        os.environ.update(old)
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_no_control_socket_unless_the_operator_names_one():
    assert _settings({}).control_socket_disable is True
    named = _settings({"OCR_API_CONTROL_SOCKET": "/srv/ocr/var/run/api.ctl"})
    assert named.control_socket_disable is False
    assert named.control_socket == "/srv/ocr/var/run/api.ctl"
    assert named.control_socket_mode == 0o600


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_once(tmp_path: Path, env: dict[str, str]) -> None:
    """Start a real gunicorn with the API's control-socket settings, wait for an answer, stop it."""
    (tmp_path / "ctl_app.py").write_text(APP)
    (tmp_path / "ctl_conf.py").write_text(CONF_MODULE)
    port = _free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "python:ctl_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "ctl_app:app",
        ],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, what="gunicorn")
        time.sleep(1.5)  # gunicorn opens the control socket after its workers are up
        if "OCR_API_CONTROL_SOCKET" in env:
            assert Path(env["OCR_API_CONTROL_SOCKET"]).is_socket()
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_a_real_gunicorn_opens_no_shared_control_socket(tmp_path):
    home, runtime = tmp_path / "home", tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir()
    base = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    _serve_once(tmp_path, base)
    assert not (runtime / "gunicorn.ctl").exists() and not (home / ".gunicorn").exists()
    own = tmp_path / "api.ctl"
    _serve_once(tmp_path, {**base, "OCR_API_CONTROL_SOCKET": str(own)})
    assert not (runtime / "gunicorn.ctl").exists()


COMPOSE = ROOT / "compose.yaml"


def test_compose_publishes_every_port_on_this_machine_only():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    published = {name: spec["ports"] for name, spec in services.items() if spec.get("ports")}
    assert {"prefect", "minio"} <= set(published)  # the two consoles
    for name, ports in published.items():
        for port in ports:
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"


def test_compose_has_no_default_passwords():
    text = COMPOSE.read_text()
    for secret in ("POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "DJANGO_SECRET_KEY"):
        uses = re.findall(r"\$\{" + secret + r"(:[?-][^}]*)?\}", text)
        assert uses, secret
        assert all(use.startswith(":?") for use in uses), f"{secret} has a default: {uses}"
