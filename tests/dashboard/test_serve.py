"""`wellbeing serve`: defaults from the settings, options override them, debug stays off."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import dashboard.app
from wellbeing.cli_serve import serve_command


class FakeApp:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def run(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeApp:
    app = FakeApp()
    monkeypatch.setattr(dashboard.app, "create_app", lambda atlas=None: app)
    monkeypatch.setattr(dashboard.app, "warm", lambda atlas: None)
    monkeypatch.setattr("dashboard.model.get_engine", lambda url=None: None)
    return app


def _cli() -> typer.Typer:
    cli = typer.Typer()
    cli.command("serve")(serve_command)
    cli.command("noop")(lambda: None)  # two commands, so "serve" is a subcommand as in wellbeing
    return cli


def test_serve_uses_the_settings_by_default(fake: FakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_HOST", "0.0.0.0")
    monkeypatch.setenv("WELLBEING_PORT", "9123")
    result = CliRunner().invoke(_cli(), ["serve"])
    assert result.exit_code == 0, result.output
    assert fake.calls == [{"host": "0.0.0.0", "port": 9123, "debug": False, "dev_tools_ui": False,
                           "dev_tools_props_check": False}]
    assert "http://0.0.0.0:9123/" in result.output


def test_serve_options_win(fake: FakeApp) -> None:
    result = CliRunner().invoke(_cli(), ["serve", "--host", "127.0.0.2", "--port", "8999"])
    assert result.exit_code == 0, result.output
    assert fake.calls[0]["host"] == "127.0.0.2" and fake.calls[0]["port"] == 8999


def test_importing_the_wsgi_module_builds_nothing() -> None:
    import importlib

    module = importlib.reload(dashboard.app)
    assert "server" not in vars(module)  # made on first access, not at import
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        module.nope  # noqa: B018
