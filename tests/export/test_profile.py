"""The Profile model: what every format renders, built from the store through the engine."""

from __future__ import annotations

import pytest

from dashboard.model import Atlas
from reports import ExportError, render_profile, strings
from reports.build import build_profile
from reports.profile import BETTER, WORSE, Profile
from tests.export.city import AREAS, CITY_CODE, FOCUS, PERIODS, SPECS
from tests.export.conftest import EXPORT_DATE


def profile(atlas: Atlas, lang: str = "en", code: str = FOCUS) -> Profile:
    return build_profile(atlas.snapshot(), atlas.comparisons(), code, lang, EXPORT_DATE)


def test_profile_has_the_cover_facts(atlas: Atlas) -> None:
    p = profile(atlas, "pl")
    assert (p.area_code, p.area_name, p.city_name) == (FOCUS, "Hässleholmen", "Miasto Próbne")
    assert p.prioritized and p.synthetic and p.export_date == EXPORT_DATE
    assert p.periods == list(PERIODS) and p.latest_periods == [PERIODS[-1]]
    assert p.population == dict((a[0], a[3]) for a in AREAS)[FOCUS]


def test_domains_and_rows_follow_the_catalogue_order(atlas: Atlas) -> None:
    p = profile(atlas)
    assert [d.code for d in p.domains] == list(dict.fromkeys(s.domain for s in SPECS))
    assert [r.indicator_id for d in p.domains for r in d.rows] == [s.id for s in SPECS]
    assert [d.title for d in p.domains] == [strings.label("domain", d.code, "en") for d in p.domains]
    assert p.domains[1].title == "Education" and "_" not in p.domains[0].title


def test_rows_agree_with_the_comparison_table(atlas: Atlas) -> None:
    table = atlas.comparisons()
    for row in (r for d in profile(atlas).domains for r in d.rows):
        src = table[(table["indicator_id"] == row.indicator_id) & (table["area_code"] == FOCUS)
                    & (table["period"] == row.period) & (table["sex"] == "total")].iloc[0]
        assert row.compared == src["compared_to_city"] and row.trend == src["trend"]
        if row.value is not None:
            assert row.value == pytest.approx(src["value"])
            assert row.city_value == pytest.approx(src["city_value"])


def test_summary_counts_match_the_rows(atlas: Atlas) -> None:
    p = profile(atlas, "en")
    rows = [r for d in p.domains for r in d.rows]
    worse = sum(r.compared in WORSE for r in rows)
    better = sum(r.compared in BETTER for r in rows)
    assert f"{worse} significantly worse" in p.summary[0]
    assert f"{better} significantly better" in p.summary[0]
    for d in p.domains:
        assert d.counts["n"] == len(d.rows)
        assert d.counts["worse"] == sum(r.compared in WORSE for r in d.rows)


def test_the_suppressed_cell_is_blank_and_noted(atlas: Atlas) -> None:
    p = profile(atlas, "sv")
    crime = next(r for d in p.domains for r in d.rows if r.indicator_id == "crime")
    assert crime.period == PERIODS[-1] and crime.status == "suppressed"
    assert (crime.value, crime.lower95, crime.upper95, crime.difference) == (None, None, None, None)
    assert crime.spine is not None and crime.spine.area is None
    assert crime.series is not None and crime.series.area[-1] is None
    notes = [n for n in p.notes if n.kind == "suppressed"]
    assert [n.indicator_id for n in notes] == ["crime"] and notes[0].periods == PERIODS[-1]
    hidden = p.records[p.records["status"] == "suppressed"]
    assert hidden[["value", "numerator", "denominator", "lower_ci95"]].isna().all(axis=None)


def test_spine_spans_all_areas_with_the_area_inside(atlas: Atlas) -> None:
    shown = [r for d in profile(atlas).domains for r in d.rows if r.value is not None]
    assert len(shown) >= len(SPECS) - 1  # only the suppressed crime value is blank
    for row in shown:
        s = row.spine
        assert s is not None and s.n_areas == len(AREAS)
        assert s.lowest <= s.q25 <= s.q75 <= s.highest
        assert row.value is not None and s.lowest <= row.value <= s.highest


def test_sex_breakdown_lists_the_sexed_indicator(atlas: Atlas) -> None:
    p = profile(atlas, "sv")
    assert [r.indicator_id for r in p.sex_rows] == ["upper_secondary"]
    assert set(p.sex_rows[0].by_sex) == {"total", "female", "male"}
    assert p.sex_rows[0].by_sex["male"].value != p.sex_rows[0].by_sex["female"].value


def test_every_language_names_the_report_in_its_own_words(atlas: Atlas) -> None:
    names = {lang: profile(atlas, lang).domains[0].rows[0].name for lang in ("sv", "pl", "en")}
    assert names == {"sv": "Arbetslöshet", "pl": "Bezrobocie", "en": "Unemployment"}


def test_unknown_area_fails_naming_valid_codes(atlas: Atlas) -> None:
    with pytest.raises(ExportError, match=r"Area 'NOPE' is not in the store.*e\.g\. P01"):
        profile(atlas, code="NOPE")


def test_the_whole_city_is_not_an_area_profile(atlas: Atlas) -> None:
    with pytest.raises(ExportError, match="is the whole city"):
        profile(atlas, code=CITY_CODE)


def test_unknown_format_and_language_fail_listing_the_valid_ones(atlas: Atlas) -> None:
    snap, table = atlas.snapshot(), atlas.comparisons()
    with pytest.raises(ExportError, match=r"Unknown format 'docx'.*pdf, html, xlsx, csv"):
        render_profile(snap, table, FOCUS, "docx", "sv")
    with pytest.raises(ExportError, match=r"Unknown language 'de'.*sv, pl, en"):
        render_profile(snap, table, FOCUS, "pdf", "de")


def test_an_empty_store_says_how_to_load_one(sqlite_engine: object) -> None:
    with pytest.raises(ExportError, match=r"no indicator data.*wellbeing etl run"):
        render_profile(Atlas(sqlite_engine).snapshot(), Atlas(sqlite_engine).comparisons(),  # type: ignore[arg-type]
               FOCUS, "pdf", "sv")
