"""What the user has chosen, read from the URL and checked against the atlas.

A parameter that names nothing in the atlas (an old link, a typo) falls back to
the default instead of failing, so a shared URL always opens something; only
the *path* (``/area/<code>``, ``/indicator/<id>``) gives a not-found page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.classify import SCHEMES
from dashboard.model import Atlas
from dashboard.urls import first, split_list
from presentation.comparators import comparator_choices, has_parents
from presentation.i18n import normalize_lang

COLOURINGS = ("comparison", "classes")
SEX_ORDER = ("total", "female", "male")


@dataclass(frozen=True)
class Selection:
    lang: str
    indicator_id: str | None = None
    period: str | None = None
    sex: str = "total"
    colouring: str = "comparison"
    scheme: str = "quantiles"
    areas: tuple[str, ...] = ()
    comparator: str = "city"
    age_group: str | None = None  # None: the indicator's headline age group (the default)

    def query(self, *names: str) -> dict[str, Any]:
        """The URL parameters ``names`` (language always), as written in links."""
        values = {"lang": self.lang, "indicator": self.indicator_id, "period": self.period,
                  "sex": self.sex, "colouring": self.colouring, "scheme": self.scheme,
                  "areas": ",".join(self.areas),
                  "comparator": None if self.comparator == "city" else self.comparator,  # the default
                  "age": self.age_group}
        return {k: v for k, v in values.items() if k == "lang" or k in names}


def default_indicator(atlas: Atlas) -> str | None:
    """The first indicator of the catalogue that compares at least one area with the city
    in its latest period, so that no city opens on an all-grey map; else the first one."""
    cat = atlas.catalogue()
    if not len(cat):
        return None
    return atlas.derived("default_indicator", lambda: _first_compared(atlas, cat))


def _first_compared(atlas: Atlas, cat: Any) -> str:
    useful = atlas.compared_indicators()
    for indicator in cat.index:
        if str(indicator) in useful:
            return str(indicator)
    return str(cat.index[0])


def pick_indicator(atlas: Atlas, value: Any) -> str | None:
    wanted = first(value)
    return wanted if wanted in atlas.catalogue().index else default_indicator(atlas)


def pick_period(atlas: Atlas, indicator_id: str | None, value: Any) -> str | None:
    if indicator_id is None:
        return None
    periods = atlas.periods(indicator_id)
    wanted = first(value)
    return wanted if wanted in periods else (periods[-1] if periods else None)


def pick_sex(atlas: Atlas, indicator_id: str | None, value: Any) -> str:
    present = atlas.sexes(indicator_id) if indicator_id else []
    wanted = first(value)
    if wanted in present:
        return str(wanted)
    return present[0] if present else "total"


def pick_areas(atlas: Atlas, value: Any) -> tuple[str, ...]:
    """The chosen areas that exist; none chosen → the prioritized areas."""
    known = atlas.areas().index
    chosen = tuple(code for code in split_list(value) if code in known)
    return chosen or tuple(atlas.prioritized().index)


def comparators(atlas: Atlas, lang: str) -> tuple[tuple[str, str], ...]:
    """(value, label) of every comparator of the store, the city first (memoized). The
    parent district is not offered when every area's parent is the city itself: it would
    be the city under another name (presentation.comparators.has_parents)."""

    def build() -> tuple[tuple[str, str], ...]:
        snapshot = atlas.snapshot()
        distinct = has_parents(snapshot)
        return tuple(c for c in comparator_choices(snapshot, lang) if c[0] != "parent" or distinct)

    return atlas.cached(("comparators", lang), build)


def pick_comparator(atlas: Atlas, value: Any) -> str:
    wanted = first(value)
    known = [v for v, _label in comparators(atlas, "en")]
    return wanted if wanted in known else "city"


def pick_age(atlas: Atlas, indicator_id: str | None, value: Any) -> str | None:
    """The chosen age group when the indicator has it and it is not its headline group;
    None for the headline group (the default, left out of links)."""
    if not indicator_id:
        return None
    groups = atlas.age_groups_of(indicator_id)
    wanted = first(value)
    chosen = wanted if wanted in groups else (groups[0] if groups else None)
    return None if chosen == atlas.age_groups().get(indicator_id) else chosen


def resolve(atlas: Atlas, params: dict[str, Any]) -> Selection:
    """A complete, valid selection from URL parameters."""
    indicator_id = pick_indicator(atlas, params.get("indicator"))
    colouring = first(params.get("colouring"))
    scheme = first(params.get("scheme"))
    return Selection(
        lang=normalize_lang(first(params.get("lang"))),
        indicator_id=indicator_id,
        period=pick_period(atlas, indicator_id, params.get("period")),
        sex=pick_sex(atlas, indicator_id, params.get("sex")),
        colouring=colouring if colouring in COLOURINGS else COLOURINGS[0],
        scheme=scheme if scheme in SCHEMES else SCHEMES[0],
        areas=pick_areas(atlas, params.get("areas")),
        comparator=pick_comparator(atlas, params.get("comparator")),
        age_group=pick_age(atlas, indicator_id, params.get("age")),
    )

