"""How an indicator's values and comparisons are computed, in words: the indicator page's
"Method" and the API's indicator metadata say the same."""

from __future__ import annotations

from presentation.i18n import t

METHOD_KEYS = {"proportion": "method.proportion", "percentage": "method.proportion",
               "rate": "method.rate", "count": "method.rate", "mean": "method.mean",
               "dsr": "method.dsr", "isr": "method.isr",
               "life_expectancy": "method.life_expectancy"}


def interval_method(value_type: str, lang: str) -> str:
    """How the value and its confidence interval are computed for ``value_type``."""
    return t(METHOD_KEYS.get(value_type, "method.other"), lang)


def method_text(value_type: str, lang: str, basis: str | None = None) -> str:
    """The interval method, then how an area is compared with the city (``basis``
    ``spread``: the values have no interval and are judged by the areas' spread)."""
    compare = t("method.spread" if basis == "spread" else "method.compare", lang)
    return f"{interval_method(value_type, lang)} {compare}"
