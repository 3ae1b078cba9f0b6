"""The method paragraphs of one profile's appendix: the general ones
(:func:`reports.strings.methods`), then those of what the profile shows: standardised
rates and ratios and life expectancy (their value types), a comparator other than the
city, the national column and inequality within the city."""

from __future__ import annotations

from collections.abc import Iterable

from indicators.contract import STANDARDISED_TYPES
from reports import strings


def profile_methods(lang: str, value_types: Iterable[str], comparator: str = "city",
                    comparator_text: str = "", national: str | None = None,
                    measure: str | None = None) -> tuple[str, ...]:
    """``comparator_text``: the comparator as a sentence names it; ``national``: the
    national comparator's name; ``measure``: the deprivation measure's name."""
    shown = set(value_types)
    out = list(strings.methods(lang))
    out += [strings.shared(f"method.{kind}", lang) for kind in STANDARDISED_TYPES if kind in shown]
    if comparator not in ("city", "rest"):
        out.append(strings.text("method_comparator", lang, name=comparator_text))
    if national:
        out.append(strings.text("method_national", lang, name=national))
    if measure:
        out.append(strings.text("method_inequality", lang, measure=measure))
    return tuple(out)
