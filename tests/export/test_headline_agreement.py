"""The area page and the exported profile count the same headline rows: the same
"N of M", the same counts per domain, the same periods, as ``indicators.area_summary``.
On the hand-made city of tests/indicators/headline_city.py, loaded into a store."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from shapely.geometry import MultiPolygon, box
from shapely.ops import unary_union
from sqlalchemy import Engine, insert

from dashboard.model import Atlas
from dashboard.viewmodels.profile import area_indicator, latest_rows
from dashboard.views.area_charts import answer
from dashboard.views.profile import summary
from indicators import area_summary
from presentation.i18n import domain_name
from reports.build import build_profile
from reports.html_page import render_html
from reports.pdf import render_pdf
from reports.summary import COUNT_COLUMNS, domain_counts
from store.engine import make_engine
from store.migrate import upgrade
from store.schema import Area, City, Indicator, IndicatorValue, LoadBatch
from tests.dashboard.helpers import page_text
from tests.export.conftest import EXPORT_DATE
from tests.indicators import builders as b
from tests.indicators import headline_city as city


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def write_city(engine: Engine, catalogue: pd.DataFrame | None = None,
               values: pd.DataFrame | None = None) -> None:
    """The hand-made city in an empty store (schema applied); areas are boxes in a row."""
    now = datetime.now(UTC)
    values = city.values() if values is None else values
    areas = city.areas()
    boxes = [MultiPolygon([box(12.0 + 0.01 * i, 57.0, 12.01 + 0.01 * i, 57.01)])
             for i in range(len(areas) - 1)]
    areas["geom"] = [MultiPolygon([unary_union(boxes)]), *boxes]
    areas["display_geom"] = areas["geom"]
    with engine.begin() as conn:
        inserted = conn.execute(insert(LoadBatch).values(
            city_code=b.CITY, started_at=now, finished_at=now, status="succeeded",
            values_loaded=len(values))).inserted_primary_key
        assert inserted is not None
        conn.execute(insert(City).values(code=b.CITY, name="Staden", synthetic=True,
                                         batch_id=inserted[0]))
        conn.execute(insert(Area), _records(areas))
        conn.execute(insert(Indicator), _records(city.catalogue() if catalogue is None
                                                 else catalogue))
        conn.execute(insert(IndicatorValue), _records(values))


def _atlas(folder: Path, catalogue: pd.DataFrame | None = None,
           values: pd.DataFrame | None = None) -> Iterator[Atlas]:
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    upgrade(engine)
    write_city(engine, catalogue, values)
    yield Atlas(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    yield from _atlas(tmp_path_factory.mktemp("headline"))


@pytest.fixture(scope="module")
def bands_named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    """The same city, its catalogue naming 18-64 the headline age group of bands."""
    yield from _atlas(tmp_path_factory.mktemp("bands"), city.catalogue(bands="18-64"))


@pytest.fixture(scope="module")
def sexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    """The same city with values by sex: unemp in 2022 only (A's headline period is 2023,
    which has only a total); falls in 2023, A's men not delivered."""
    extra = [b.value(ind, area, period, num=num, den=city.DEN, sex=sex)
             for ind, period in (("unemp", "2022"), ("falls", "2023"))
             for area, num in zip("ABD", (150, 50, 50), strict=True)
             for sex in ("female", "male")
             if not (ind, area, sex) == ("falls", city.AREA, "male")]
    values = pd.concat([city.values(), b.values(extra)], ignore_index=True)
    yield from _atlas(tmp_path_factory.mktemp("sexed"), values=values)


def test_page_export_and_area_summary_count_the_same_headline_rows(hand_made: Atlas) -> None:
    rows = latest_rows(hand_made, city.AREA)
    profile = build_profile(hand_made.snapshot(), hand_made.comparisons(), city.AREA, "en",
                            EXPORT_DATE)
    shown = [r for d in profile.domains for r in d.rows]
    assert {r.indicator_id: r.period for r in shown} == dict(
        zip(rows["indicator_id"], rows["period"].astype(str), strict=True))
    assert {r.indicator_id: r.period for r in shown}["voting"] == "2022"

    page = page_text(summary(rows, "en"))
    exported = domain_counts(shown)
    engine = area_summary(hand_made.comparisons(), city.AREA).set_index("domain")
    assert "3 of 5 indicators significantly worse than the city, 0 better." in page
    assert (exported["worse"], exported["compared"], exported["better"]) == (3, 5, 0)
    assert profile.summary[0].startswith("Of 5 indicators compared with the city: 3 ")
    assert engine.loc["all", ["worse", "compared", "better"]].tolist() == [3, 5, 0]
    for section in profile.domains:
        worse, better = section.counts["worse"], section.counts["better"]
        line = f"{domain_name(section.code, 'en')}: {worse} worse, {better} better"
        assert line in page
        assert engine.loc[section.code, ["worse", "better", "compared"]].tolist() == [
            worse, better, section.counts["compared"]]


def test_the_line_beside_the_charts_shows_the_headline_row(hand_made: Atlas) -> None:
    area = hand_made.areas().loc[city.AREA]
    assert "voting en 2022:" in page_text(answer(area_indicator(hand_made, str(area["code"]), "voting", "en"), "en"))
    assert "elderly en 2023:" in page_text(answer(area_indicator(hand_made, str(area["code"]), "elderly", "en"), "en"))


def test_an_indicator_in_bands_counts_where_the_catalogue_names_its_age_group(
        bands_named: Atlas) -> None:
    """bands (0-17 and 18-64, no all) is left out of profiles unless the store's catalogue
    names its headline age group; named 18-64, page, export and area_summary count it."""
    assert bands_named.snapshot().catalogue.set_index("id").loc[
        "bands", "headline_age_group"] == "18-64"
    rows = latest_rows(bands_named, city.AREA)
    profile = build_profile(bands_named.snapshot(), bands_named.comparisons(), city.AREA, "en",
                            EXPORT_DATE)
    shown = {r.indicator_id: r for d in profile.domains for r in d.rows}
    assert "bands" in shown and "bands" in set(rows["indicator_id"].astype(str))
    exported = domain_counts(list(shown.values()))
    engine = area_summary(bands_named.comparisons(), city.AREA).set_index("domain")
    assert (exported["worse"], exported["compared"]) == (4, 6)
    assert engine.loc["all", ["worse", "compared"]].tolist() == [4, 6]
    assert "4 of 6 indicators significantly worse than the city" in page_text(
        summary(rows, "en"))


def test_neutral_differences_and_not_compared_have_their_own_columns(hand_made: Atlas) -> None:
    """Health holds falls (worse), elderly (neutral, higher) and smoking (suppressed):
    the higher count is not lumped with the one not compared, on the Profile, in the
    HTML table (symbol and word in each heading) and in the PDF's."""
    profile = build_profile(hand_made.snapshot(), hand_made.comparisons(), city.AREA, "en",
                            EXPORT_DATE)
    counts = {d.code: d.counts for d in profile.domains}
    assert {k: counts["health"][k] for k in COUNT_COLUMNS} == {
        "worse": 1, "similar": 0, "better": 0, "higher": 1, "lower": 0, "not_compared": 1}
    assert counts["safety"]["not_compared"] == 1 and counts["safety"]["compared"] == 0
    assert all(sum(c[k] for k in COUNT_COLUMNS) == c["n"] for c in counts.values())

    html = render_html(profile).decode("utf-8")
    table = BeautifulSoup(html, "html.parser").select_one("section.summary table.counts")
    assert table is not None
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert heads == ["Domain", "▼ Worse", "● Similar", "▲ Better", "△ Higher", "▽ Lower",
                     "○ Not compared"]
    health = next(tr for tr in table.select("tbody tr") if tr.th and tr.th.get_text() == "Health")
    assert [td.get_text() for td in health.select("td")] == ["1", "0", "0", "1", "0", "1"]

    page = PdfReader(io.BytesIO(render_pdf(profile))).pages[0].extract_text()
    assert "Domain Worse Similar Better Higher Lower Not\ncompared" in page
    assert "Health ▼ 1 ● 0 ▲ 0 △ 1 ▽ 0 ○ 1" in page
    assert "Safety ▼ 0 ● 0 ▲ 0 △ 0 ▽ 0 ○ 1" in page
    legend = page[page.index("Legend"):]  # every symbol of the table is explained
    assert all(f"{s} {w}" in legend for s, w in (("△", "Higher"), ("▽", "Lower"),
                                                 ("○", "Not compared")))


@pytest.mark.parametrize("lang", ["sv", "pl", "en"])
def test_summary_headings_are_in_the_language(hand_made: Atlas, lang: str) -> None:
    profile = build_profile(hand_made.snapshot(), hand_made.comparisons(), city.AREA, lang,
                            EXPORT_DATE)
    table = BeautifulSoup(render_html(profile).decode("utf-8"), "html.parser").select_one(
        "table.counts")
    assert table is not None
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")][4:]
    expected = {"sv": ["△ Högre", "▽ Lägre", "○ Ej jämförd"],
                "pl": ["△ Wyżej", "▽ Niżej", "○ Nie porównano"],
                "en": ["△ Higher", "▽ Lower", "○ Not compared"]}
    assert heads == expected[lang]


def test_the_sex_table_uses_the_headline_period(sexed: Atlas) -> None:
    """unemp's headline row is 2023, which has only a total: the sex table shows 2023 with
    "–" for both sexes, not the older 2022 values by sex; falls shows A's women and "–"
    for the men not delivered."""
    profile = build_profile(sexed.snapshot(), sexed.comparisons(), city.AREA, "en", EXPORT_DATE)
    headline = {r.indicator_id: r.period for d in profile.domains for r in d.rows}
    rows = {r.indicator_id: r for r in profile.sex_rows}
    assert set(rows) == {"unemp", "falls"}
    assert {i: r.period for i, r in rows.items()} == {i: headline[i] for i in rows}
    assert rows["unemp"].period == "2023" and set(rows["unemp"].by_sex) == {"total"}
    assert set(rows["falls"].by_sex) == {"total", "female"}
    assert rows["falls"].by_sex["female"].value == pytest.approx(0.15)

    table = BeautifulSoup(render_html(profile).decode("utf-8"), "html.parser").select_one(
        "section.sex table")
    assert table is not None
    unemp = next(tr for tr in table.select("tbody tr") if "unemp" in tr.th.get_text())
    cells = [td.get_text() for td in unemp.select("td")]
    assert cells[0] == "2023" and cells[1:4] == ["–", "–", "–"] and cells[5:8] == ["–", "–", "–"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(profile))).pages)
    sex_part = text[text.index("Breakdown by sex"):]
    assert "2022" not in sex_part.split("Data quality")[0]
