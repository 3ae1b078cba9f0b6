"""The places (resources and arenas as points) of one area, for the "About the area" card:
how many of each category and a short list of their names (issue #13).

``area_places(programme, code, lang)`` reads ``places`` and ``place_categories`` of a
``ProgrammeSnapshot``; None when the city has no places at all. Categories in their
``position`` order, names in alphabetical order within a category, at most
``SHOWN`` names per category (the rest counted: "and 3 more").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from presentation.area_notes import fallback_order
from presentation.i18n import t

SHOWN = 5


@dataclass(frozen=True)
class PlaceGroup:
    category: str
    name: str  # the category in the language
    count: int
    names: tuple[str, ...]  # the first SHOWN names

    @property
    def more(self) -> int:
        return self.count - len(self.names)


@dataclass(frozen=True)
class AreaPlaces:
    groups: tuple[PlaceGroup, ...]  # categories with at least one place in the area

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)


def category_name(row: Any, lang: str) -> str:
    for candidate in fallback_order(lang):
        value = row.get(f"name_{candidate}")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(row["code"])


def more_text(group: PlaceGroup, lang: str) -> str:
    return t("places.more", lang, count=group.more) if group.more > 0 else ""


def area_places(programme: Any, code: str, lang: str, shown: int = SHOWN) -> AreaPlaces | None:
    places, categories = programme["places"], programme["place_categories"]
    if places.empty:
        return None
    own = places[places["area_code"].astype(str) == str(code)]
    cats = categories.sort_values("position", kind="stable") if "position" in categories else categories
    groups = []
    for row in cats.to_dict("records"):
        names = sorted(str(n) for n in own.loc[own["category"].astype(str) == str(row["code"]), "name"])
        if names:
            groups.append(PlaceGroup(str(row["code"]), category_name(row, lang), len(names),
                                     tuple(names[:shown])))
    return AreaPlaces(tuple(groups))
