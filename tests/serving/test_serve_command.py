"""`wellbeing serve --workers N`: one process is waitress (as `make run` has it), more is
gunicorn with threaded workers that build their app after the fork; Windows is told why
not. (The real servers run in test_workers.py.)"""

from __future__ import annotations

from typing import Any

import pytest
import typer
import waitress
from typer.testing import CliRunner

import dashboard.app
import wellbeing.serve
from wellbeing.serve import gunicorn_options, serve_command, threads


def _cli() -> typer.Typer:
    cli = typer.Typer()
    cli.command("serve")(serve_command)
    cli.command("noop")(lambda: None)
    return cli


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """What serve would have started, instead of starting it."""
    calls: dict[str, list[Any]] = {"gunicorn": [], "waitress": []}

    class Arbiter:
        def __init__(self, *args: Any) -> None:
            calls["gunicorn"].append(args)

        def run(self) -> None:
            pass

    monkeypatch.setattr(wellbeing.serve, "gunicorn_app", Arbiter)
    monkeypatch.setattr(waitress, "serve", lambda wsgi, **kw: calls["waitress"].append(kw))
    monkeypatch.setattr(dashboard.app, "create_app", lambda atlas=None: type("App", (), {"server": None})())
    monkeypatch.setattr(dashboard.app, "warm", lambda atlas, app=None: None)
    monkeypatch.setattr("dashboard.model.get_engine", lambda url=None: None)
    monkeypatch.delenv("WELLBEING_WORKERS", raising=False)
    monkeypatch.delenv("WELLBEING_THREADS", raising=False)
    return calls


def test_one_worker_is_waitress(launched: dict[str, list[Any]]) -> None:
    result = CliRunner().invoke(_cli(), ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert launched["gunicorn"] == [] and launched["waitress"][0]["threads"] == threads() == 2


def test_more_workers_are_gunicorn(launched: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(_cli(), ["serve", "--workers", "3", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert launched["gunicorn"] == [("127.0.0.1", 8124, 3)] and launched["waitress"] == []
    assert "with 3 worker processes (gunicorn" in result.output
    monkeypatch.setenv("WELLBEING_WORKERS", "2")
    assert CliRunner().invoke(_cli(), ["serve"]).exit_code == 0
    assert launched["gunicorn"][-1] == ("127.0.0.1", 8050, 2)


def test_windows_is_told_why_not(launched: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wellbeing.serve.sys, "platform", "win32")
    result = CliRunner().invoke(_cli(), ["serve", "--workers", "2"])
    assert result.exit_code == 2 and launched["gunicorn"] == []
    said = " ".join(result.output.replace("│", " ").split())
    assert "gunicorn, which does not run on Windows" in said
    assert CliRunner().invoke(_cli(), ["serve"]).exit_code == 0  # one process works there


def test_threads_per_process_are_a_setting(launched: dict[str, list[Any]],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_THREADS", "3")
    assert CliRunner().invoke(_cli(), ["serve"]).exit_code == 0
    assert launched["waitress"][-1]["threads"] == 3
    assert gunicorn_options("127.0.0.1", 9000, 2)["threads"] == 3
    for bad in ("0", "four", "-2"):
        monkeypatch.setenv("WELLBEING_THREADS", bad)
        result = CliRunner().invoke(_cli(), ["serve", "--workers", "2"])
        said = " ".join(result.output.replace("│", " ").split())
        assert result.exit_code == 2 and f"WELLBEING_THREADS={bad!r}" in said, said
    assert len(launched["gunicorn"]) == 0 and len(launched["waitress"]) == 1  # nothing started


def test_no_worker_count_below_one(launched: dict[str, list[Any]]) -> None:
    assert CliRunner().invoke(_cli(), ["serve", "--workers", "0"]).exit_code == 2


def test_gunicorn_workers_are_threaded_and_built_after_the_fork() -> None:
    options = gunicorn_options("0.0.0.0", 9000, 4)
    assert options["bind"] == "0.0.0.0:9000" and options["workers"] == 4
    assert options["worker_class"] == "gthread" and options["threads"] == threads()
    assert options["preload_app"] is False and options["control_socket_disable"] is True
    from gunicorn.config import Config

    config = Config()
    for key, value in options.items():
        config.set(key, value)  # every option is one gunicorn knows
    assert config.worker_class_str == "gthread"
