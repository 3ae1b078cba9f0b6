"""docs/cli.md holds the --help of every command; it fails here when a command changes
and the docs do not (fix: `.venv/bin/python -m wellbeing.cli_docs`)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import typer.main

from wellbeing import cli_docs
from wellbeing.cli import app


def test_docs_cli_md_is_up_to_date() -> None:
    current = cli_docs.DOCS.read_text(encoding="utf-8")
    fresh = cli_docs.render()
    diff = "".join(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True),
                                        "docs/cli.md", "wellbeing --help", n=1))
    assert current == fresh, (
        f"docs/cli.md is out of date. Fix: .venv/bin/python -m wellbeing.cli_docs\n{diff[:4000]}")


def test_every_command_and_option_has_a_section() -> None:
    text = cli_docs.DOCS.read_text(encoding="utf-8")
    paths = list(cli_docs.command_paths(typer.main.get_command(app)))
    assert {"etl", "validate"} <= {part for path in paths for part in path}
    assert len(paths) >= 12
    for path in paths:
        assert f"## `{' '.join(('wellbeing', *path))}`\n" in text, path
    for option in ("--all-prioritized", "--area", "--format", "--lang", "--out", "--jobs",
                   "--force", "--batches", "--host", "--port"):
        assert option in text, option


def test_help_text_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = cli_docs.help_text(("export", "profile"))
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setattr("typer.rich_utils.MAX_WIDTH", 60)
    assert cli_docs.help_text(("export", "profile")) == expected
    assert "\x1b[" not in expected and "Usage: wellbeing export profile" in expected
    assert max(len(line) for line in expected.splitlines()) == cli_docs.WIDTH


def test_check_mode_reports_a_stale_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "cli.md"
    stale.write_text("# old\n", encoding="utf-8")
    monkeypatch.setattr(cli_docs, "DOCS", stale)
    assert cli_docs.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert cli_docs.main([]) == 0 and cli_docs.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8").startswith("# Command line: `wellbeing`")
