"""Every page in every language through the Flask test client; errors that stay friendly."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas, StoreUnavailable
from presentation.i18n import t
from presentation.numbers import format_number
from settings.languages import LANGS
from store.engine import make_engine
from tests.dashboard.helpers import dispatch, page_response, printed, raw_values, state_key

INDICATOR = "upper_secondary"  # the tiny area's women: 2 of 12, suppressed
PAGES = {  # path → strings the page must show (UI string keys)
    "/": ["map.prioritized", "ctl.indicator", "ctl.colouring.comparison", "map.click_hint"],
    "/area/{prio}": ["area.table", "area.downloads", "area.trend", "area.sex", "col.comparison"],
    "/compare": ["compare.title", "compare.rug", "compare.trends"],
    "/indicator/unemployment": ["ind.ranked", "ind.definition", "ind.method", "ind.updated"],
    "/about": ["about.catalogue", "about.batches"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [*PAGES, "/area/NOPE", "/no/such/page"])
def test_every_page_serves_the_dash_shell(client: Any, city: dict[str, Any], path: str, lang: str) -> None:
    resp = client.get(path.format(prio=city["prioritized"][0]) + f"?lang={lang}")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert 'id="react-entry-point"' in html and "_dash-config" in html
    assert "https://" not in html.split("_dash-config")[0]  # no external fonts, CSS or scripts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_its_language(client: Any, city: dict[str, Any], path: str, lang: str) -> None:
    resp = page_response(client, path.format(prio=city["prioritized"][0]), f"?lang={lang}")
    assert resp.status_code == 200
    body = resp.get_data(as_text=True).encode().decode("unicode_escape")
    for key in ["nav.map", "nav.about", "footer", *PAGES[path]]:
        assert t(key, lang) in body, f"{path} ({lang}) lacks {key!r}: {t(key, lang)!r}"
    others = [other for other in LANGS if other != lang]
    assert not any(t("nav.compare", o) in body for o in others if t("nav.compare", o) != t("nav.compare", lang))


def test_the_area_profile_answers_the_planners_question(client: Any, city: dict[str, Any]) -> None:
    code = city["prioritized"][0]
    body = page_response(client, f"/area/{code}", "?lang=en&indicator=unemployment").get_data(as_text=True)
    assert "Unemployment" in body and "Gap to the city:" in body
    assert any(t(f"cmp.{k}", "en") in body for k in ("worse", "much_worse", "similar", "better"))
    assert "significantly worse than the city" in body


@pytest.mark.parametrize(("path", "key"), [("/area/NOPE", "notfound.area"),
                                          ("/indicator/nope", "notfound.indicator"),
                                          ("/no/such/page", "notfound.page")])
def test_unknown_things_give_a_friendly_page_with_a_way_back(client: Any, path: str, key: str) -> None:
    body = page_response(client, path, "?lang=sv").get_data(as_text=True).encode().decode("unicode_escape")
    code = path.rsplit("/", 1)[-1] if key != "notfound.page" else path
    assert t(key, "sv", code=code) in body
    assert t("notfound.back", "sv") in body and '"href": "/?lang=sv"' in body.replace('":"', '": "')


def test_suppressed_values_are_absent_from_the_profile_page(client: Any, atlas: Atlas,
                                                             city: dict[str, Any]) -> None:
    """The tiny area's women (2 of 12, 16.7 %) are suppressed: neither the profile page the
    router sends nor the charts its indicator picker redraws show the value, in the page's
    own formatting (sv: ``16,7``) or as a raw number; the area's total (visible) is there."""
    code, latest = city["tiny"], city["periods"][-1]
    raw = raw_values(atlas, code, INDICATOR, latest)
    assert raw["female"] == pytest.approx(2 / 12 * 100)
    layout = _profile(client, code, "sv", indicator=INDICATOR)
    state = {"path": f"/area/{code}", "query": {"lang": "sv", "indicator": INDICATOR}}
    redrawn = dispatch(client, f"{ids.Area.trend}.figure", {
        (ids.Area.indicator, "value"): INDICATOR, (state_key(ids.url_state("area")), "data"): state})
    charts = json.dumps(redrawn.get_json()["response"], ensure_ascii=False)
    assert t("sex.female", "sv") in layout and t("sex.female", "sv") in charts  # the breakdown is drawn
    for rendered in (layout, charts):
        assert format_number(raw["total"], "sv", 1) in rendered  # the visible value, as the page prints it
        shown = printed(raw["female"], marks=",").search(rendered)
        assert shown is None, rendered[max(shown.start() - 80, 0):shown.end() + 20]
        assert f"{raw['female']:.6f}"[:-1] not in rendered  # nor the number itself (16.6666…)


def test_a_value_suppressed_at_source_shows_its_status(client: Any, city: dict[str, Any]) -> None:
    body = page_response(client, f"/area/{city['suppressed_at_source']}",
                         "?lang=en&indicator=overweight").get_data(as_text=True)
    assert t("status.suppressed_at_source", "en") in body


def _broken_app() -> Any:
    return create_app(Atlas(make_engine("sqlite:////nonexistent/dir/atlas.sqlite")))


def test_a_store_that_is_down_gives_a_banner_and_recovers(atlas: Atlas, city: dict[str, Any]) -> None:
    app = _broken_app()
    client = app.server.test_client()
    resp = page_response(client, "/", "?lang=en")
    assert resp.status_code == 200
    body = resp.get_data(as_text=True)
    assert t("error.store_down", "en") in body and "Traceback" not in body
    app.server.config["WELLBEING_ATLAS"] = atlas  # the store is back: the next request works
    assert t("map.prioritized", "en") in page_response(client, "/", "?lang=en").get_data(as_text=True)


def test_a_failing_callback_shows_a_banner_not_a_traceback(city: dict[str, Any]) -> None:
    client = _broken_app().server.test_client()
    values = {(ids.Map.indicator, "value"): "unemployment",
              (state_key(ids.url_state("map")), "data"): {"query": {"lang": "pl"}}}
    resp = dispatch(client, f"{ids.Map.graph}.figure", values)
    data = resp.get_json()
    assert resp.status_code == 200 and data["response"] == {}
    banner = str(data["sideUpdate"][ids.Shell.banner])
    assert t("error.store_down", "pl") in banner and "Traceback" not in banner


def test_errors_outside_callbacks_give_a_plain_page(app: Any, monkeypatch: pytest.MonkeyPatch,
                                                    atlas: Atlas) -> None:
    client = app.server.test_client()
    assert client.get("/assets/no-such-file.css").status_code == 404  # HTTP errors pass through

    def explode() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(atlas, "display_geometry", explode)
    resp = client.get(f"/geo/{atlas.version()}.geojson", headers={"Referer": "http://x/?lang=en"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 500 and "secret internals" not in body and "Traceback" not in body
    assert t("error.unexpected", "en") in body


def test_geometry_is_served_once_per_batch_gzipped_and_cacheable(client: Any, atlas: Atlas) -> None:
    url = f"/geo/{atlas.version()}.geojson"
    resp = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert resp.status_code == 200 and resp.headers["Content-Encoding"] == "gzip"
    assert "immutable" in resp.headers["Cache-Control"]
    assert resp.data == atlas.display_geometry().gzipped
    stale = client.get("/geo/999.geojson")
    assert stale.status_code == 302 and stale.headers["Location"].endswith(url)


def test_an_empty_store_says_how_to_load_data(tmp_path: Any) -> None:
    from store.migrate import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    upgrade(engine)
    body = page_response(create_app(Atlas(engine)).server.test_client(), "/", "?lang=en").get_data(as_text=True)
    assert "wellbeing demo" in body


def test_store_unavailable_is_a_store_error() -> None:
    from store.engine import StoreError

    assert issubclass(StoreUnavailable, StoreError)


def _profile(client: Any, code: str, lang: str, **query: str) -> str:
    """The page's layout as JSON text with its characters unescaped, ``"key": "value"``."""
    search = "".join(f"&{k}={v}" for k, v in query.items())
    layout = json.loads(page_response(client, f"/area/{code}", f"?lang={lang}{search}").get_data(as_text=True))
    return json.dumps(layout, ensure_ascii=False)


def test_the_about_card_lists_the_notes_by_kind_in_the_page_language(
    client: Any, city: dict[str, Any]
) -> None:
    body = _profile(client, city["prioritized"][0], "sv")
    assert f'"id": "{ids.Area.about}"' in body
    kinds = [t(f"note.{k}", "sv") for k in ("resource", "arena", "initiative", "residents_view")]
    positions = [body.index(f'"{k}"') for k in kinds]
    assert positions == sorted(positions), "kinds are not in their order"
    assert body.index('"Om området"') < positions[0]
    assert '"Biblioteket"' in body and '"The library"' not in body
    assert '"https://example.org/library"' in body  # the title links to its page
    assert '"Källa: Synthetic dialogue, spring 2024"' in body


def test_the_about_card_falls_back_to_another_language_with_a_tag(
    client: Any, city: dict[str, Any]
) -> None:
    sv = _profile(client, city["prioritized"][0], "sv")
    # no Swedish title: English first, tagged
    assert '"Neighbours together"' in sv and '"Łączymy sąsiadów"' not in sv
    assert '"EN"' in sv and '"Språk: English"' in sv
    pl = _profile(client, city["prioritized"][0], "pl")
    assert '"Łączymy sąsiadów"' in pl and '"Neighbours together"' not in pl
    assert '"Torget"' in pl and '"SV"' in pl and '"Język: Svenska"' in pl


def test_an_area_without_notes_has_no_about_card(client: Any, city: dict[str, Any]) -> None:
    body = _profile(client, city["prioritized"][1], "en")
    assert ids.Area.about not in body and t("area.about", "en") not in body
    assert t("area.table", "en") in body
