"""Pickers shared by the pages: indicator (grouped by domain, searchable), period, sex, age
group, comparator, area."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.viewmodels.choices import DomainGroup
from presentation.i18n import has, t

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


def indicator_options(menu: tuple[DomainGroup, ...]) -> list[dict[str, Any]]:
    """Indicators under a (disabled) heading per domain; search matches name, domain and id."""
    options: list[dict[str, Any]] = []
    for group in menu:
        options.append({"label": html.Span(group.name, className="option-group"),
                        "value": GROUP_PREFIX + group.domain, "disabled": True, "search": group.name})
        options.extend({"label": name, "value": ind_id, "search": f"{name} {group.name} {ind_id}"}
                       for ind_id, name in group.indicators)
    return options


def indicator_picker(menu: tuple[DomainGroup, ...], lang: str, component_id: str, value: str | None,
                     label: str | None = None) -> Any:
    return field(label or t("ctl.indicator", lang), component_id, dcc.Dropdown(
        id=component_id, options=indicator_options(menu), value=value, clearable=False,
        searchable=True, search_order="original", placeholder=t("ctl.indicator.search", lang),
        labels=dropdown_labels(lang), maxHeight=420, className="picker",
    ))


def period_picker(periods: Sequence[str], lang: str, component_id: str, value: str | None) -> Any:
    return field(t("ctl.period", lang), component_id, dcc.Dropdown(
        id=component_id, options=period_options(periods), value=value,
        clearable=False, searchable=False, labels=dropdown_labels(lang), className="picker",
    ))


def period_options(periods: Sequence[str]) -> list[dict[str, str]]:
    """The periods, newest first."""
    return [{"label": p, "value": p} for p in reversed(periods)]


def sex_options(sexes: Sequence[str], lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"sex.{s}", lang), "value": s} for s in sexes]


def sex_picker(sexes: Sequence[str], lang: str, component_id: str, value: str) -> Any:
    return field(t("ctl.sex", lang), component_id, dcc.RadioItems(
        id=component_id, options=sex_options(sexes, lang), value=value,
        className="segmented", inline=True,
    ), group=True)


def age_options(groups: Sequence[str], value_type: str, lang: str) -> list[dict[str, str]]:
    """Age groups in words: life expectancy's ``all`` and ``65+`` read "at birth", "at 65"."""
    def label(group: str) -> str:
        for key in (f"age.{value_type}.{group}", f"age.{group}"):
            if has(key):
                return t(key, lang)
        return group

    return [{"label": label(g), "value": g} for g in groups]


def age_picker(groups: Sequence[str], value_type: str, lang: str, component_id: str,
               value: str | None) -> Any:
    return field(t("ctl.age", lang), component_id, dcc.RadioItems(
        id=component_id, options=age_options(groups, value_type, lang), value=value,
        className="segmented", inline=True,
    ), group=True)


def comparator_picker(options: Sequence[tuple[str, str]], lang: str, component_id: str,
                      value: str) -> Any:
    """The comparator switch: a named group of native radios (arrow keys move the choice)."""
    return field(t("comparator.label", lang), component_id, dcc.RadioItems(
        id=component_id, options=[{"label": label, "value": v} for v, label in options],
        value=value, className="segmented", inline=True,
    ), group=True)


def area_options(areas: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """(code, name) pairs as dropdown options labelled by name."""
    return [{"label": name, "value": code} for code, name in areas]


def field(label: str, component_id: str, control: Any, group: bool = False) -> Any:
    """A labelled control (a fieldset legend for radio groups, a label otherwise)."""
    if group:
        return html.Fieldset([html.Legend(label, className="field-label"), control],
                             className="field")
    return html.Div([html.Label(label, htmlFor=component_id, className="field-label"), control],
                    className="field")
