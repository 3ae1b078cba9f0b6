"""The about page's programme report download (issue #13) as a visitor gets it: the page
as the router serves it lists the programme with a labelled button; a click goes through
Dash's endpoint and sends the latest year's PDF in the page's language."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.dash_client import page_response, state_key
from tests.export.programme_city import PROGRAMME, build_programme_city


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path: Path = tmp_path_factory.mktemp("programme-app") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_programme_city(engine)
    yield create_app(Atlas(engine)).server.test_client()
    engine.dispose()


def _buttons(node: Any) -> list[dict[str, Any]]:
    """The props of every programme download button in a layout (as the router sent it)."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        props = node.get("props") or {}
        cid = props.get("id")
        if isinstance(cid, dict) and cid.get("type") == ids.About.programme_download_button:
            found.append(props)
        for value in node.values():
            found += _buttons(value)
    elif isinstance(node, list):
        for item in node:
            found += _buttons(item)
    return found


def click(client: Any, lang: str, programme: str) -> Any:
    page = page_response(client, "/about", f"?lang={lang}").get_json()
    buttons = [b["id"] for b in _buttons(page)]
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if f"{ids.About.programme_download}.data" in d["output"])
    (pattern,), (page_state,) = dep["inputs"], dep["state"]
    assert json.loads(pattern["id"]) == {"type": ids.About.programme_download_button, "programme": ["ALL"]}
    target = ids.programme_download_button(programme)
    clicks = [{"id": b, "property": "n_clicks", "value": int(b == target)} for b in buttons]
    if target not in buttons:  # a forged id: not on the page
        clicks.append({"id": target, "property": "n_clicks", "value": 1})
    outputs = [{"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop}
               for cid, prop in (part.rsplit(".", 1) for part in dep["output"].strip(".").split("..."))]
    state = {"path": "/about", "query": {"lang": lang}}
    body = {"output": dep["output"], "outputs": outputs, "inputs": [clicks],
            "state": [{**page_state, "id": json.loads(page_state["id"]), "value": state}],
            "changedPropIds": [f"{state_key(target)}.n_clicks"]}
    return client.post("/_dash-update-component", json=body)


@pytest.mark.parametrize("lang, label", [
    ("sv", "Årsrapport 2023 (PDF)"), ("pl", "Sprawozdanie za 2023 r. (PDF)"),
    ("en", "Annual report 2023 (PDF)"),
])
def test_the_about_page_offers_the_latest_report_labelled_in_its_language(
        client: Any, lang: str, label: str) -> None:
    page = page_response(client, "/about", f"?lang={lang}").get_json()
    (button,) = _buttons(page)
    assert button["id"] == ids.programme_download_button(PROGRAMME)
    assert label in button["children"]
    assert "2023" in button["aria-label"] and button["aria-label"] != button["children"]
    assert {"sv": "Social hållbarhet", "pl": "Spójność społeczna", "en": "Social sustainability"}[lang] \
        in json.dumps(page, ensure_ascii=False)


@pytest.mark.parametrize("lang, title", [("sv", "ÅRLIG GENOMFÖRANDERAPPORT 2023"),
                                         ("pl", "ROCZNE SPRAWOZDANIE Z REALIZACJI 2023")])
def test_a_click_sends_the_pdf_in_the_pages_language(client: Any, lang: str, title: str) -> None:
    resp = click(client, lang, PROGRAMME)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    sent = resp.get_json()["response"][ids.About.programme_download]["data"]
    assert sent["filename"] == f"programme-soc-2023-{lang}.pdf"
    content = base64.b64decode(sent["content"])
    assert content.startswith(b"%PDF")
    assert title in PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_a_forged_programme_is_refused(client: Any) -> None:
    assert click(client, "en", "NOPE").status_code == 400


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_the_programme_card_has_no_other_language(client: Any, lang: str) -> None:
    from tests.languages.leaks import layout_texts, leaks, table_texts

    page = page_response(client, "/about", f"?lang={lang}").get_json()
    (card,) = [node for node in _sections(page) if ids.About.programme_download in json.dumps(node)]
    shown = list(layout_texts(card))
    assert {"sv": "Program och årsrapporter", "pl": "Programy i sprawozdania roczne"}[lang] in shown
    assert leaks(shown, table_texts(lang)) == []
    assert leaks(["Programmes and annual reports"], table_texts(lang))  # the check would see one


def _sections(node: Any) -> list[Any]:
    """Every Section component of a layout."""
    found: list[Any] = []
    if isinstance(node, dict):
        if node.get("type") == "Section":
            found.append(node)
        for value in node.values():
            found += _sections(value)
    elif isinstance(node, list):
        for item in node:
            found += _sections(item)
    return found


def test_a_city_without_programmes_shows_no_card(app: Any) -> None:
    page = page_response(app.server.test_client(), "/about", "?lang=sv").get_json()
    assert _buttons(page) == [] and "Program och årsrapporter" not in json.dumps(page, ensure_ascii=False)
    assert "Indikatorkatalog" in json.dumps(page, ensure_ascii=False)  # the page itself is there
