"""The "tartan rug": indicators × areas, each cell the value, coloured and marked by comparison."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.display import aria, comparison_keys, number_format, value_text
from dashboard.figures.charts import small_multiples
from dashboard.model import Atlas
from dashboard.urls import area_path, href, indicator_path
from dashboard.views.area_charts import series
from dashboard.views.controls import domains_in_order
from presentation import palette
from presentation.i18n import domain_name, indicator_name, t


def latest_table(atlas: Atlas, codes: list[str]) -> pd.DataFrame:
    """Latest row per indicator × area (sex total) for ``codes`` and the city, redacted."""
    parts = [atlas.area_rows(code) for code in [atlas.city_code(), *codes]]
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if rows.empty:
        return rows
    rows = rows[(rows["sex"].astype(str) == "total") & rows["is_latest"].astype(bool)]
    rows = rows.copy()
    rows["key"] = comparison_keys(rows)
    rows["indicator_id"] = rows["indicator_id"].astype(str)
    rows["area_code"] = rows["area_code"].astype(str)
    return rows


def _cell(row: pd.Series | None, lang: str, d: int, unit: str, area: str, city: bool) -> html.Td:
    if row is None:
        return html.Td("–", className="cell", style={"background": palette.COMPARISON["no_data"].fill})
    text = value_text(row["value"], lang, d, unit)
    if city:
        return html.Td(text, className="cell city", title=f"{area}: {text}")
    sw = palette.COMPARISON[row["key"]]
    words = t(f"cmpl.{row['key']}", lang)
    if row["key"] == "no_data":
        return html.Td(text, className="cell", title=f"{area}: {words}",
                       style={"background": sw.fill, "color": sw.text})
    return html.Td(f"{sw.symbol} {text}", className="cell", title=f"{area}: {text} — {words}",
                   style={"background": sw.fill, "color": sw.text}, **aria(label=f"{text}, {words}"))


def rug(atlas: Atlas, codes: list[str], lang: str) -> Any:
    """The rug table (memoized per set of areas and language), or a hint when none is chosen."""
    if not codes:
        return html.P(t("compare.empty", lang), className="muted")
    return atlas.cached(("rug", tuple(codes), lang), lambda: _rug(atlas, codes, lang))


def _rug(atlas: Atlas, codes: list[str], lang: str) -> Any:
    rows = latest_table(atlas, codes)
    lookup = {(r.indicator_id, r.area_code): r for r in rows.itertuples(index=False)}
    areas = atlas.areas()
    city_code = atlas.city_code()
    head = html.Thead(html.Tr([
        html.Th(t("col.indicator", lang), scope="col"), html.Th(t("col.city", lang), scope="col"),
        *[html.Th(dcc.Link(str(areas.loc[c, "name"]), href=href(area_path(c), lang)), scope="col")
          for c in codes],
    ]))
    body: list[Any] = []
    cat = atlas.catalogue()
    for domain in domains_in_order(atlas):
        body.append(html.Tr(html.Th(domain_name(domain, lang), colSpan=len(codes) + 2, scope="colgroup"),
                            className="domain-row"))
        for ind_id, info in cat[cat["domain"].astype(str) == domain].iterrows():
            d, unit = number_format(info, lang)
            cells = [_cell(_series(lookup.get((str(ind_id), c))), lang, d, unit, str(areas.loc[c, "name"]), False)
                     for c in codes]
            city = _cell(_series(lookup.get((str(ind_id), city_code))), lang, d, unit, t("col.city", lang), True)
            body.append(html.Tr([
                html.Th(dcc.Link(indicator_name(info, lang), href=href(indicator_path(str(ind_id)), lang)),
                        scope="row"), city, *cells]))
    return html.Table([html.Caption(t("compare.rug.caption", lang)), head, html.Tbody(body)],
                      className="rug")


def _series(row: Any) -> pd.Series | None:
    return None if row is None else pd.Series(row._asdict())


def trends(atlas: Atlas, codes: list[str], indicator_id: str, lang: str) -> tuple[Any, str]:
    """Side-by-side trends of the chosen areas against the city, and a text alternative."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    d, unit = number_format(cat, lang)
    names = atlas.areas()["name"]
    panels = [(str(names.loc[c]), series(atlas, c, indicator_id)) for c in codes]
    city = series(atlas, atlas.city_code(), indicator_id)
    fig = small_multiples(panels, city, lang, d, t("chart.city", lang), unit)
    latest = [f"{name}: {value_text(frame['value'].iloc[-1] if len(frame) else None, lang, d, unit)}"
              for name, frame in panels]
    alt = f"{indicator_name(cat, lang)} — " + "; ".join(latest)
    return fig, alt
