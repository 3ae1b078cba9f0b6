"""docs/config.md documents every key of etl/config.py, and its example loads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from etl.config import KEYS, REQUIRED, SECTIONS, Key, load_config

DOC = (Path(__file__).resolve().parents[2] / "docs" / "config.md").read_text(encoding="utf-8")


def section_text(section: str) -> str:
    """The text under the heading '## [section]' or '## [[section]]'."""
    match = re.search(rf"^## \[\[?{section}\]\]?\n(.*?)(?=^## |\Z)", DOC, flags=re.M | re.S)
    assert match is not None, f"docs/config.md has no '## [{section}]' heading"
    return match.group(1)


@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"{k.section}.{k.name}")
def test_every_key_is_documented_in_its_section(key: Key) -> None:
    rows = [line for line in section_text(key.section).splitlines() if line.startswith(f"| `{key.name}` |")]
    assert rows, f"[{key.section}] {key.name} is missing from docs/config.md"
    if key.default is REQUIRED:
        assert "*required*" in rows[0]
    elif key.default is None:
        assert "*(unset)*" in rows[0]
    else:
        shown = f"`{toml_text(key.default)}`"
        assert shown in rows[0], f"default of {key.section}.{key.name} is not {shown} in the docs"


def toml_text(value: object) -> str:
    """A default as the docs write it: true, 0, [\"..\"], long."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_documented_key_exists(section: str) -> None:
    known = {k.name for k in KEYS if k.section == section}
    documented = set(re.findall(r"^\| `(\w+)` \|", section_text(section), flags=re.M))
    assert documented == known


def test_the_complete_example_uses_every_key_and_loads(tmp_path: Path) -> None:
    example = re.search(r"## Complete example.*?```toml\n(.*?)```", DOC, flags=re.S)
    assert example is not None
    config = tmp_path / "city.toml"
    config.write_text(example.group(1), encoding="utf-8")
    cfg = load_config(config)
    assert cfg.code == "0380" and len(cfg.tables) == 3
    for key in KEYS:
        assert re.search(rf"^{key.name} = |[{{,] {key.name} = ", example.group(1), flags=re.M), (
            f"{key.section}.{key.name} is not in the complete example"
        )
