"""The profile downloads as a visitor gets them: a click on a download button of the area
page, through Dash's endpoint, and the file it sends opened with a real reader."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard import ids
from dashboard.model import Atlas
from presentation.numbers import format_number
from tests.dashboard.helpers import page_response, printed, raw_values, state_key

MAGIC = {"pdf": b"%PDF", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>", "csv": b"indicator_id,"}
INDICATOR = "upper_secondary"  # the tiny area's women: 2 of 12, suppressed (and the men with them)


def _download_buttons(layout: Any) -> list[dict[str, str]]:
    """The ids of the download buttons in a page layout (as the router sent it)."""
    found: list[dict[str, str]] = []
    if isinstance(layout, dict):
        cid = (layout.get("props") or {}).get("id")
        if isinstance(cid, dict) and cid.get("type") == ids.Area.download_button:
            found.append(cid)
        for value in layout.values():
            found += _download_buttons(value)
    elif isinstance(layout, list):
        for item in layout:
            found += _download_buttons(item)
    return found


def click(client: Any, code: str, fmt: str, lang: str) -> dict[str, Any]:
    """Open the area page, click its ``fmt`` button; the download callback's response."""
    page = page_response(client, f"/area/{code}", f"?lang={lang}").get_json()
    buttons = _download_buttons(page)
    assert ids.download_button(fmt) in buttons, buttons
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if f"{ids.Area.download}.data" in d["output"])
    (pattern,), (page_state,) = dep["inputs"], dep["state"]
    assert json.loads(pattern["id"]) == {"type": ids.Area.download_button, "format": ["ALL"]}
    clicks = [{"id": b, "property": "n_clicks", "value": int(b == ids.download_button(fmt))} for b in buttons]
    outputs = [{"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop}
               for cid, prop in (part.rsplit(".", 1) for part in dep["output"].strip(".").split("..."))]
    state = {"path": f"/area/{code}", "query": {"lang": lang}}
    body = {"output": dep["output"], "outputs": outputs, "inputs": [clicks],
            "state": [{**page_state, "id": json.loads(page_state["id"]), "value": state}],
            "changedPropIds": [f"{state_key(ids.download_button(fmt))}.n_clicks"]}
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    return resp.get_json()["response"]  # type: ignore[no-any-return]


def _text_and_numbers(fmt: str, content: bytes) -> tuple[str, list[float]]:
    """What a reader of the file sees: its text, and its numbers where cells hold numbers."""
    if fmt == "pdf":
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages), []
    if fmt == "html":
        return BeautifulSoup(content.decode("utf-8"), "html.parser").get_text(" "), []
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(content))
        cells = [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row]
        return ("\n".join(v for v in cells if isinstance(v, str)),
                [float(v) for v in cells if isinstance(v, int | float) and not isinstance(v, bool)])
    frame = pd.read_csv(io.BytesIO(content))
    return content.decode("utf-8"), [float(v) for v in frame.select_dtypes("number").to_numpy().ravel() if v == v]


@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx", "csv"])
def test_a_download_click_sends_the_profile_without_suppressed_values(
        client: Any, atlas: Atlas, city: dict[str, Any], fmt: str) -> None:
    code, latest = city["tiny"], city["periods"][-1]
    raw = raw_values(atlas, code, INDICATOR, latest)
    assert raw["female"] == pytest.approx(2 / 12 * 100)  # the synthetic city's tiny cell

    response = click(client, code, fmt, "en")
    sent = response[ids.Area.download]["data"]
    assert response[ids.Area.download_error]["children"] is None
    content = base64.b64decode(sent["content"]) if sent["base64"] else sent["content"].encode()
    assert content.lstrip().upper().startswith(MAGIC[fmt].upper())
    name = sent["filename"]
    assert name.startswith(f"profile-{code.lower()}-") and name.endswith(f"-en.{fmt}") and name.isascii()

    text, numbers = _text_and_numbers(fmt, content)
    if numbers:  # cells hold the value itself
        assert any(abs(v - raw["total"]) < 1e-6 for v in numbers), "the visible total is missing"
    else:  # the value as printed
        assert format_number(raw["total"], "en", 1) in text, "the visible total is missing"
    hidden = printed(raw["female"]).search(text)
    assert hidden is None, text[max(hidden.start() - 80, 0):hidden.end() + 20]
    for sex in ("female", "male"):  # the men are suppressed too: total − men would give the women
        assert not any(abs(v - raw[sex]) < 1e-3 or abs(v - raw[sex] / 100) < 1e-5 for v in numbers), sex


def test_the_printed_pattern_finds_the_value_however_it_is_printed() -> None:
    pattern = printed(2 / 12 * 100)
    for shown in ("16.7", "x 16,7\u00a0%", "16.67", "16,667", "16.666666666666668"):
        assert pattern.search(shown), shown
    for other in ("116.7", "16.75", "16.6", "6.7"):
        assert not pattern.search(other), other


def test_no_click_sends_nothing(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    from dash import no_update

    with in_request():
        out = pages.area.download([0, 0, 0, 0], {"path": f"/area/{city['tiny']}", "query": {"lang": "en"}})
    assert out == {"data": no_update, "error": no_update}
