"""README.md and docs/*.md quote only commands and options that exist, and the README's
description of the demo city matches the demo's files."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pyogrio
import pytest
import typer.main

from wellbeing.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
QUOTED = re.compile(r"wellbeing((?: [a-z][a-z-]*)+)((?: +(?:--?[a-z][a-z-]*|[^\s`|]+))*)")


def quoted_commands(text: str) -> list[tuple[list[str], list[str]]]:
    """(command words, options) of every `wellbeing ...` in code spans and code blocks."""
    code = "\n".join(re.findall(r"`([^`\n]+)`", text) + re.findall(r"```[a-z]*\n(.*?)```", text, re.S))
    found = []
    for line in code.splitlines():
        for match in QUOTED.finditer(line):
            words = match.group(1).split()
            options = re.findall(r"(?<!\S)(--[a-z][a-z-]*)", match.group(2) + " " + " ".join(words))
            found.append(([w for w in words if not w.startswith("-")], options))
    return found


def resolve(words: list[str]) -> tuple[Any, list[str]]:
    """The deepest command named by ``words`` and the words that named it."""
    command: Any = typer.main.get_command(app)
    used = []
    for word in words:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command, used = sub, [*used, word]
    return command, used


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_quoted_commands_and_options_exist(doc: Path) -> None:
    problems = []
    for words, options in quoted_commands(doc.read_text(encoding="utf-8")):
        command, used = resolve(words)
        if not used:
            problems.append(f"`wellbeing {' '.join(words)}` is not a command")
            continue
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        known |= {"--help"}
        problems += [f"`wellbeing {' '.join(used)}` has no option {opt}"
                     for opt in options if opt not in known and not getattr(command, "commands", None)]
    assert problems == [], f"{doc.name}: {problems}"


def test_the_scanner_sees_commands_and_catches_a_wrong_option() -> None:
    text = "Run `wellbeing export profile --area X --colour red` or\n```sh\nwellbeing etl run city.toml\n```"
    found = quoted_commands(text)
    assert (["export", "profile"], ["--area", "--colour"]) in found
    assert any(words[:2] == ["etl", "run"] for words, _ in found)
    command, used = resolve(["export", "profile"])
    assert used == ["export", "profile"] and "--colour" not in {o for p in command.params for o in p.opts}
    assert len([w for d in DOCS for w in quoted_commands(d.read_text(encoding="utf-8"))]) >= 20


def test_readme_describes_the_demo_city_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = tomllib.loads((ROOT / "data/demo/demo.toml").read_text(encoding="utf-8"))
    catalogue = pd.read_csv(ROOT / "data/demo/catalogue.csv")
    areas = pyogrio.read_info(ROOT / "shapes/demo/demo_city.gpkg", layer="neighbourhoods")["features"]
    years = pd.read_csv(ROOT / "data/demo/register_values.csv", usecols=["year"])["year"]
    words = {3: "three", 7: "seven", 10: "ten"}
    assert f"{areas} neighbourhoods" in readme
    assert f"{words[len(config['prioritized']['codes'])]} of them prioritized" in readme
    assert f"{len(catalogue)} indicators in {words[catalogue['domain'].nunique()]}" in readme
    assert f"{words[years.nunique()]} years ({years.min()}–{years.max()})" in readme
