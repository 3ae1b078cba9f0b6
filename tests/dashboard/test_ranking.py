"""The indicator page's ranking: best or worst first by polarity, the figures in a table
with links to the profiles, and a click on a dot opening the area's profile."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard import ids
from dashboard.model import Atlas
from tests.dashboard.helpers import find, page_text


def _rows(table: Any) -> list[Any]:
    details = table if isinstance(table, html.Details) else table[0] if isinstance(table, list) else table
    body = next(n for n in _walk(details) if isinstance(n, html.Tbody))
    return list(body.children)


def _walk(node: Any) -> Any:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, list | tuple):
        for child in children:
            yield from _walk(child)
    elif children is not None and not isinstance(children, str | int | float):
        yield from _walk(children)


def test_worst_first_reverses_by_polarity_and_keeps_areas_without_a_value_last(
        pages: Any, in_request: Any, atlas: Atlas, city: dict[str, Any]) -> None:
    state = {"path": "/indicator/unemployment", "query": {"lang": "en"}}  # low is good
    period = city["periods"][-1]
    with in_request():
        best = pages.indicator.update_ranked(period, "total", state, None, None, "best")
        worst = pages.indicator.update_ranked(period, "total", state, None, None, "worst")
    names = [page_text(r.children[1]).rstrip(" ◆") for r in _rows(best["table"])]
    reversed_names = [page_text(r.children[1]).rstrip(" ◆") for r in _rows(worst["table"])]
    values = atlas.slice("unemployment", period, "total").set_index("area_code")["value"]
    with_value = [n for n in names if n in set(atlas.areas().set_index("name").index[
        atlas.areas()["code"].map(values).notna().to_numpy()])]
    assert reversed_names[:len(with_value)] == with_value[::-1]  # the highest unemployment first
    assert worst["state"]["query"]["order"] == "worst" and "order" not in best["state"]["query"]
    # the text alternative names the same best and worst areas whatever the order
    assert best["alt"] == worst["alt"]


def test_the_table_gives_interval_figures_and_links_to_profiles(
        pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    with in_request():
        layout = pages.indicator.layout("unemployment", lang="sv", order="worst")
    table = find(layout, ids.Indicator.table)
    first = _rows(table.children)[0]
    assert page_text(first.children[0]) == "1"
    link = first.children[1].children[0]
    assert link.href.startswith("/area/") and "indicator=unemployment" in link.href
    assert "–" in page_text(first.children[3]) and "%" in page_text(first.children[2])
    assert find(layout, ids.Indicator.order).value == "worst"
    assert "Sämst först" in page_text(find(layout, ids.Indicator.order))


def test_clicking_a_dot_opens_the_areas_profile(pages: Any, in_request: Any) -> None:
    state = {"path": "/indicator/unemployment", "query": {"lang": "pl", "period": "2020"}}
    click = {"points": [{"customdata": ["95% PU …", "DC25"]}]}
    with in_request():
        target = pages.indicator.open_profile(click, state)
        nothing = pages.indicator.open_profile({"points": [{}]}, state)
    assert target == "/area/DC25?lang=pl&indicator=unemployment&period=2020"
    assert nothing is pages.indicator.no_update
