"""Pickers shared by the pages: indicator (grouped by domain, searchable), period, sex."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.model import Atlas
from presentation.i18n import domain_name, indicator_name, t

GROUP_PREFIX = "__domain__:"


def dropdown_labels(lang: str) -> Any:
    """The dropdown's own words, translated."""
    return {
        "search": t("ctl.search", lang),
        "no_options_found": t("ctl.no_options", lang),
        "clear_search": t("ctl.clear", lang),
        "clear_selection": t("ctl.clear", lang),
        "select_all": t("ctl.select_all", lang),
        "deselect_all": t("ctl.deselect_all", lang),
        # Dash fills in {num_selected} itself.
        "selected_count": t("ctl.selected_count", lang, num_selected="{num_selected}"),
    }


def domains_in_order(atlas: Atlas) -> list[str]:
    """Domains in the catalogue's order of first appearance."""
    return list(dict.fromkeys(atlas.catalogue()["domain"].astype(str)))


def indicator_options(atlas: Atlas, lang: str) -> list[dict[str, Any]]:
    """Indicators under a (disabled) heading per domain; search matches name, domain and id."""
    return atlas.cached(("indicator-options", lang), lambda: _indicator_options(atlas, lang))


def _indicator_options(atlas: Atlas, lang: str) -> list[dict[str, Any]]:
    cat = atlas.catalogue()
    options: list[dict[str, Any]] = []
    for domain in domains_in_order(atlas):
        dname = domain_name(domain, lang)
        options.append({"label": html.Span(dname, className="option-group"),
                        "value": GROUP_PREFIX + domain, "disabled": True, "search": dname})
        for ind_id, row in cat[cat["domain"].astype(str) == domain].iterrows():
            name = indicator_name(row, lang)
            options.append({"label": name, "value": str(ind_id),
                            "search": f"{name} {dname} {ind_id}"})
    return options


def indicator_picker(atlas: Atlas, lang: str, component_id: str, value: str | None,
                     label: str | None = None) -> Any:
    return field(label or t("ctl.indicator", lang), component_id, dcc.Dropdown(
        id=component_id, options=indicator_options(atlas, lang), value=value, clearable=False,
        searchable=True, search_order="original", placeholder=t("ctl.indicator.search", lang),
        labels=dropdown_labels(lang), maxHeight=420, className="picker",
    ))


def period_picker(atlas: Atlas, lang: str, component_id: str, indicator_id: str | None,
                  value: str | None) -> Any:
    return field(t("ctl.period", lang), component_id, dcc.Dropdown(
        id=component_id, options=period_options(atlas, indicator_id), value=value,
        clearable=False, searchable=False, labels=dropdown_labels(lang), className="picker",
    ))


def period_options(atlas: Atlas, indicator_id: str | None) -> list[dict[str, str]]:
    periods = atlas.periods(indicator_id) if indicator_id else []
    return [{"label": p, "value": p} for p in reversed(periods)]


def sex_options(atlas: Atlas, lang: str, indicator_id: str | None) -> list[dict[str, str]]:
    present = atlas.sexes(indicator_id) if indicator_id else ["total"]
    return [{"label": t(f"sex.{s}", lang), "value": s} for s in present]


def sex_picker(atlas: Atlas, lang: str, component_id: str, indicator_id: str | None,
               value: str) -> Any:
    return field(t("ctl.sex", lang), component_id, dcc.RadioItems(
        id=component_id, options=sex_options(atlas, lang, indicator_id), value=value,
        className="segmented", inline=True,
    ), group=True)


def field(label: str, component_id: str, control: Any, group: bool = False) -> Any:
    """A labelled control (a fieldset legend for radio groups, a label otherwise)."""
    if group:
        return html.Fieldset([html.Legend(label, className="field-label"), control],
                             className="field")
    return html.Div([html.Label(label, htmlFor=component_id, className="field-label"), control],
                    className="field")
