"""The scatter page's views: the figure with its caption, and the association in words."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.display import value_text
from dashboard.figures.charts import base_layout
from dashboard.figures.scatter import scatter_figure
from dashboard.viewmodels.scatter import ScatterModel
from presentation.i18n import t
from presentation.numbers import format_number

STRONG, MODERATE, WEAK = 0.7, 0.4, 0.2  # |rho|: how the association is put in words


def association(model: ScatterModel, lang: str) -> str:
    """The association in words, judged on Spearman's rho (robust to skewed values)."""
    rho = model.spearman
    if rho is None:
        return t("scatter.assoc.too_few", lang)
    size = abs(rho)
    if size < WEAK:
        return t("scatter.assoc.none", lang)
    strength = "strong" if size >= STRONG else "moderate" if size >= MODERATE else "weak"
    return t(f"scatter.assoc.{strength}.{'pos' if rho > 0 else 'neg'}", lang)


def _axis_label(model: ScatterModel, which: str) -> str:
    axis = model.x if which == "x" else model.y
    unit = f" ({axis.info.unit})" if axis.info.unit else ""
    return f"{axis.info.name}, {axis.period or '–'}{unit}"


def scatter_chart(model: ScatterModel, lang: str) -> tuple[dict[str, Any], str]:
    x, y = model.x.info, model.y.info
    hover = [f"<b>{name}</b><br>{x.name}: {value_text(vx, lang, x.decimals, x.unit)}"
             f"<br>{y.name}: {value_text(vy, lang, y.decimals, y.unit)}"
             for name, vx, vy in zip(model.frame["name"], model.frame["x"], model.frame["y"], strict=True)]
    labels = {"x": _axis_label(model, "x"), "y": _axis_label(model, "y"), "areas": t("scatter.areas", lang),
              "prioritized": t("scatter.prioritized", lang), "city": t("chart.city", lang)}
    fig = scatter_figure(model.frame, model.city, labels, hover, base_layout(lang, 520))
    alt = t("scatter.alt", lang, x=x.name, xp=model.x.period or "–", y=y.name, yp=model.y.period or "–",
            n=len(model.frame), assoc=association(model, lang))
    return fig, alt


def association_text(model: ScatterModel, lang: str) -> list[Any]:
    """The association in words, the coefficients, what is left out, and the caveat."""
    out: list[Any] = [html.P(html.Strong(association(model, lang) + "."), className="scatter-headline")]
    if model.pearson is not None and model.spearman is not None:
        out.append(html.P(t("scatter.stats", lang, r=format_number(model.pearson, lang, 2),
                            rho=format_number(model.spearman, lang, 2), n=len(model.frame))))
    if model.missing:
        out.append(html.P(t("scatter.missing", lang, n=model.missing), className="muted"))
    out.append(html.P(t("scatter.caveat", lang), className="muted"))
    return out
