"""The /collaboration page: the self-assessment by dimension and sector, the change between
rounds, where sectors disagree, the suppression of small groups and the blank form."""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from typing import Any

import dash
import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures.collaboration import scores_figure
from dashboard.model import Atlas
from dashboard.viewmodels.collaboration import collaboration_model
from etl.assessment_form import STATEMENTS, statements_frame
from presentation.i18n import t
from store.base import Base
from tests.dashboard.helpers import find, page_text

# Three sectors in 2023 (ngo with two respondents), two in 2025; every respondent gives
# one score to all of a dimension's statements.
LEVELS = {  # (round, sector) -> (respondents, {dimension: score})
    (2023, "education"): (3, {"needs": 4, "values": 3}),
    (2023, "health_care"): (3, {"needs": 2, "values": 3}),
    (2023, "ngo"): (2, {"needs": 5, "values": 5}),
    (2025, "education"): (3, {"needs": 5, "values": 4}),
    (2025, "health_care"): (4, {"needs": 3, "values": 3}),
}


def _answers() -> pd.DataFrame:
    rows = []
    for (round_, sector), (n, levels) in LEVELS.items():
        start = sum(k for (r, _s), (k, _l) in LEVELS.items() if r == round_ and (r, _s) < (round_, sector))
        for respondent in range(start + 1, start + n + 1):
            rows += [{"round": round_, "respondent": respondent, "sector": sector, "department": None,
                      "statement_id": s.id, "score": levels.get(s.dimension, 3)} for s in STATEMENTS]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def collab_store(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from store.engine import make_engine
    from store.migrate import upgrade
    from synthetic.grid_city import build_city

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('collab') / 'atlas.sqlite'}")
    upgrade(engine)
    build_city(engine)
    tables = Base.metadata.tables
    with engine.begin() as conn:
        conn.execute(insert(tables["assessment_statements"]), statements_frame().to_dict("records"))
        conn.execute(insert(tables["assessment_answers"]), _answers().to_dict("records"))
    return engine


@pytest.fixture(scope="module")
def collab_app(collab_store: Engine) -> dash.Dash:
    return create_app(Atlas(collab_store))


def _layout(app: dash.Dash, query: str) -> Any:
    module = importlib.import_module("dashboard.pages.collaboration")
    params = dict(p.split("=") for p in query.split("&"))
    with app.server.test_request_context(f"/collaboration?{query}"):
        return module.layout(**params)


def test_the_model_shows_sectors_of_three_or_more_and_the_change(collab_store: Engine) -> None:
    model = collaboration_model(Atlas(collab_store), None, "pl")
    assert (model.round, model.previous, model.rounds) == (2025, 2023, (2023, 2025))
    assert [(g.code, g.n) for g in model.groups] == [("all", 7), ("education", 3), ("health_care", 4)]
    assert model.groups[0].label == "Wszyscy respondenci"
    assert model.means[("needs", "education")] == 5 and model.means[("needs", "all")] == pytest.approx(27 / 7)
    changes = {(c.dimension, c.group): c.change for c in model.changes}
    assert changes[("needs", "education")] == pytest.approx(1.0)
    assert changes[("needs", "all")] == pytest.approx(27 / 7 - (12 + 6 + 10) / 8)  # ngo counted in all
    assert model.suppressed == ()  # in 2025 every sector has three or more
    earlier = collaboration_model(Atlas(collab_store), 2023, "sv")
    assert earlier.previous is None and earlier.suppressed == ("Ideell organisation",)
    assert [g.code for g in earlier.groups] == ["all", "health_care", "education"]  # by name
    top = model.spreads[0]
    assert (top.what, top.spread, top.high, top.low) == ("Potrzeby", 2.0, "Edukacja", "Ochrona zdrowia")


def test_the_chart_marks_each_group_with_its_own_symbol_and_names_n(collab_store: Engine) -> None:
    model = collaboration_model(Atlas(collab_store), None, "sv")
    fig = scores_figure(model, "sv")
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["Hälso- och sjukvård (n = 4)", "Utbildning (n = 3)", "Alla svarande (n = 7)"]
    symbols = [trace["marker"]["symbol"] for trace in fig["data"]]
    assert len(set(symbols)) == 3 and symbols[-1] == "diamond"
    assert fig["data"][1]["x"][0] == 5 and fig["data"][1]["y"][0] == "Behov"
    assert fig["layout"]["xaxis"]["range"] == [0.8, 5.2]


def test_the_page_shows_table_change_disagreement_note_and_form(collab_app: dash.Dash) -> None:
    tree = _layout(collab_app, "lang=sv&round=2023")
    text = page_text(tree)
    assert t("collab.title", "sv") in text
    assert "Grupper med färre än 3 svarande visas inte separat utan räknas bara in i Alla svarande: " \
           "Ideell organisation." in text
    table = page_text(find(tree, ids.Collaboration.table))
    assert "Alla svarande" in table and "n = 8" in table and "4,0" in table  # education's needs, 2023
    assert "Ideell organisation" not in table
    assert find(tree, ids.Collaboration.changes) is None  # 2023 has no round before it
    assert find(tree, ids.Collaboration.download_button) is not None
    latest = page_text(_layout(collab_app, "lang=pl"))
    assert "Zmiana od 2023 do 2025" in latest and "Gdzie sektory różnią się najbardziej, 2025" in latest
    assert "▲ +1,0" in page_text(find(_layout(collab_app, "lang=pl"), ids.Collaboration.changes))


def test_the_form_downloads_in_the_page_language_and_reads_back(collab_app: dash.Dash) -> None:
    module = importlib.import_module("dashboard.pages.collaboration")
    state = {"path": "/collaboration", "query": {"lang": "pl"}}
    with collab_app.server.test_request_context("/_dash-update-component"):
        out = module.download_form(1, state)
        idle = module.download_form(0, state)
    assert idle["data"] is dash.no_update
    assert out["data"]["filename"] == "samoocena_wspolpracy_pl.xlsx"
    import base64

    wb = load_workbook(io.BytesIO(base64.b64decode(out["data"]["content"])))
    assert wb.worksheets[0].title == "Samoocena"
    assert wb["_form"]["B2"].value == "pl"
    texts = [c.value for c in wb.worksheets[0]["B"] if c.value]
    assert STATEMENTS[0].pl in texts and not any("imię" in str(v).lower() and ":" in str(v) for v in texts[:8])


def test_a_city_without_a_self_assessment_says_so(in_request: Callable[..., Any], app: dash.Dash) -> None:
    module = importlib.import_module("dashboard.pages.collaboration")
    with in_request("/collaboration?lang=en"):
        tree = module.layout(lang="en")
    assert t("collab.none", "en") in page_text(tree)
    assert find(tree, ids.Collaboration.download_button) is None
