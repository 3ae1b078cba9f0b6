"""The PDF profile's cut fonts (reports.fonts): a profile in each language is set in them
alone, with the whole font's metrics; text they cannot set is set again in the whole
font, never printed as a missing glyph; a machine where they cannot be kept uses the
whole fonts."""

from __future__ import annotations

import dataclasses
import io
import logging
from pathlib import Path

import pytest
from fontTools import ttLib
from pypdf import PdfReader

from dashboard.model import Atlas
from reports import fonts, pdf
from reports.build import build_profile
from reports.drawing import FONT_REGULAR
from reports.profile import Profile
from tests.export.city import FOCUS
from tests.export.conftest import EXPORT_DATE


def profile_of(atlas: Atlas, lang: str) -> Profile:
    return build_profile(atlas.snapshot(), atlas.comparisons(), FOCUS, lang, EXPORT_DATE)


@pytest.fixture
def documents(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Path]]:
    """The fonts of every profile document made while the test runs."""
    made: list[tuple[Path, Path]] = []
    real = pdf.ProfileDocument

    def spy(profile: Profile, chosen: tuple[Path, Path] | None = None) -> pdf.ProfileDocument:
        made.append(chosen or fonts.whole_fonts())
        return real(profile, chosen)

    monkeypatch.setattr(pdf, "ProfileDocument", spy)
    return made


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("lang", ["sv", "pl", "en"])
def test_a_profile_is_set_in_the_cut_fonts_alone(atlas: Atlas, documents: list[tuple[Path, Path]],
                                                  caplog: pytest.LogCaptureFixture, lang: str) -> None:
    with caplog.at_level(logging.WARNING):
        content = pdf.render_pdf(profile_of(atlas, lang))
    assert documents == [fonts.lean_fonts()]  # once, in the cut fonts: none of its text was missing
    assert fonts.lean_fonts() != fonts.whole_fonts()
    assert "missing the following glyphs" not in caplog.text
    assert content.startswith(b"%PDF")


def test_text_the_cut_fonts_lack_is_set_again_in_the_whole_font(
        atlas: Atlas, documents: list[tuple[Path, Path]], caplog: pytest.LogCaptureFixture) -> None:
    name = "Жулебино"  # Cyrillic: in DejaVu Sans, not in the cut fonts
    profile = dataclasses.replace(profile_of(atlas, "sv"), area_name=name)
    with caplog.at_level(logging.WARNING):
        content = pdf.render_pdf(profile)
    assert documents == [fonts.lean_fonts(), fonts.whole_fonts()]
    assert name in text_of(content)
    assert "missing the following glyphs" not in caplog.text


def test_the_cut_font_keeps_the_whole_fonts_glyph_widths_and_is_made_alike_each_time() -> None:
    data = FONT_REGULAR.read_bytes()
    cut = fonts.cut(data)
    assert cut == fonts.cut(data)  # the same bytes: processes share one file
    whole, lean = ttLib.TTFont(io.BytesIO(data)), ttLib.TTFont(io.BytesIO(cut))
    whole_map, lean_map = whole.getBestCmap(), lean.getBestCmap()
    assert {ord(c) for c in "åäöÅÄÖąćęłńóśźżĄĆĘŁŃÓŚŹŻ–…≤≥±▲▼●✓★"} <= set(lean_map)
    assert ord("Ж") not in lean_map and ord("Ж") in whole_map
    assert len(lean_map) < len(whole_map) / 2
    for code, glyph in lean_map.items():  # same advance widths: the same layout
        assert lean["hmtx"][glyph][0] == whole["hmtx"][whole_map[code]][0]


def test_every_sign_the_profiles_text_has_is_in_the_cut_fonts() -> None:
    """The words and signs of the reports and of presentation (strings, legends, symbols)
    never need the whole font: a new sign there needs its range in LEAN_RANGES."""
    root = Path(__file__).resolve().parents[2]
    used = {ch for folder in ("reports", "presentation", "settings") for path in (root / folder).rglob("*.py")
            for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F}
    for face in fonts.lean_fonts():
        kept = set(ttLib.TTFont(face).getBestCmap())
        assert sorted(ch for ch in used if ord(ch) not in kept) == [], face


def test_where_the_cut_fonts_cannot_be_kept_the_whole_fonts_are_used(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the fonts' folder would be", encoding="utf-8")
    monkeypatch.setattr(fonts.tempfile, "gettempdir", lambda: str(blocker))
    monkeypatch.setattr(fonts, "_made", {})
    with caplog.at_level(logging.WARNING, logger="reports.fonts"):
        assert fonts.lean_fonts() == fonts.whole_fonts()
    assert "using the whole font" in caplog.text
