"""`wellbeing serve`: waitress by default, Dash's dev server with --debug; defaults
from the settings, options override them."""

from __future__ import annotations

import urllib.request
from typing import Any

import pytest
import typer
import waitress
from typer.testing import CliRunner

import dashboard.app
from dashboard.model import Atlas
from tests.conftest import waitress_serving
from wellbeing.serve import CONNECTIONS, serve_command, threads


class FakeApp:
    server = object()  # the WSGI app waitress is given

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def run(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> tuple[FakeApp, list[tuple[Any, dict[str, Any]]]]:
    app, served = FakeApp(), []
    monkeypatch.setattr(dashboard.app, "create_app", lambda atlas=None: app)
    monkeypatch.setattr(dashboard.app, "warm", lambda atlas, app=None: None)
    monkeypatch.setattr("dashboard.model.get_engine", lambda url=None: None)
    monkeypatch.setattr(waitress, "serve", lambda wsgi, **kw: served.append((wsgi, kw)))
    return app, served


def _cli() -> typer.Typer:
    cli = typer.Typer()
    cli.command("serve")(serve_command)
    cli.command("noop")(lambda: None)  # two commands, so "serve" is a subcommand as in wellbeing
    return cli


def test_serve_uses_waitress_and_the_settings_by_default(
    fake: tuple[FakeApp, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, served = fake
    monkeypatch.setenv("WELLBEING_HOST", "0.0.0.0")
    monkeypatch.setenv("WELLBEING_PORT", "9123")
    result = CliRunner().invoke(_cli(), ["serve"])
    assert result.exit_code == 0, result.output
    assert served == [(FakeApp.server, {"host": "0.0.0.0", "port": 9123, "threads": threads(),
                                        "connection_limit": CONNECTIONS, "ident": "wellbeing-atlas"})]
    assert CONNECTIONS >= 1000  # waitress's own 100 turns away the 101st visitor that keeps a connection
    assert app.calls == []  # not the development server
    assert "http://0.0.0.0:9123/" in result.output


def test_serve_options_win(fake: tuple[FakeApp, list[Any]]) -> None:
    _, served = fake
    result = CliRunner().invoke(_cli(), ["serve", "--host", "127.0.0.2", "--port", "8999"])
    assert result.exit_code == 0, result.output
    assert served[0][1]["host"] == "127.0.0.2" and served[0][1]["port"] == 8999


def test_debug_uses_dashs_development_server(fake: tuple[FakeApp, list[Any]]) -> None:
    app, served = fake
    result = CliRunner().invoke(_cli(), ["serve", "--debug", "--port", "8998"])
    assert result.exit_code == 0, result.output
    assert served == []
    assert app.calls == [{"host": "127.0.0.1", "port": 8998, "debug": True, "dev_tools_ui": True,
                          "dev_tools_props_check": True}]


def test_waitress_serves_the_map_page_and_a_callback(atlas: Atlas) -> None:
    """The real server on a free port: the page and Dash's layout endpoint answer."""
    with waitress_serving(dashboard.app.create_app(atlas).server) as base:
        with urllib.request.urlopen(base + "/", timeout=30) as page:
            assert page.status == 200 and page.headers["Server"] == "waitress"
            assert b"_dash-config" in page.read()
        with urllib.request.urlopen(base + "/_dash-layout", timeout=30) as layout:
            assert layout.status == 200 and layout.read().startswith(b"{")


def test_importing_the_wsgi_module_builds_nothing() -> None:
    import importlib

    module = importlib.reload(dashboard.app)
    assert "server" not in vars(module)  # made on first access, not at import
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        module.nope  # noqa: B018
