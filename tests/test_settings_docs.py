"""Settings are data, and the docs must keep up with them."""

from __future__ import annotations

from pathlib import Path

import pytest

import settings

DOC = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_with_its_default(setting: settings.Setting) -> None:
    row = next((line for line in DOC.splitlines() if line.startswith(f"| `{setting.name}`")), None)
    assert row is not None, f"{setting.name} is missing from docs/settings.md"
    if setting.default:
        assert f"`{setting.default}`" in row, f"default of {setting.name} differs in the docs"


def test_unknown_setting_lists_the_valid_ones() -> None:
    with pytest.raises(KeyError, match="Valid: DATABASE_URL"):
        settings.get("NOPE")


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_PORT", "9999")
    assert settings.get("WELLBEING_PORT") == "9999"
    monkeypatch.delenv("WELLBEING_PORT")
    assert settings.get("WELLBEING_PORT") == "8050"
