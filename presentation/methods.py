"""How an indicator's values and comparisons are computed, in words: the indicator page's
"Method" and the API's indicator metadata say the same."""

from __future__ import annotations

from presentation.i18n import t

METHOD_KEYS = {"proportion": "method.proportion", "percentage": "method.proportion",
               "rate": "method.rate", "count": "method.rate", "mean": "method.mean"}


def interval_method(value_type: str, lang: str) -> str:
    """How the value and its confidence interval are computed for ``value_type``."""
    return t(METHOD_KEYS.get(value_type, "method.other"), lang)


def method_text(value_type: str, lang: str) -> str:
    """The interval method, then how an area is compared with the city."""
    return f"{interval_method(value_type, lang)} {t('method.compare', lang)}"
