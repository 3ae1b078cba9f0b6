"""Strings of the places layer on the map (resources and arenas, issue #13), merged into
``presentation.strings.STRINGS`` through ``page_strings``. ``key -> (sv, pl, en)``."""

from __future__ import annotations

PLACE_STRINGS: dict[str, tuple[str, str, str]] = {
    "domain.resources": ("Resurser och mötesplatser", "Zasoby i miejsca spotkań",
                         "Resources and meeting places"),
    "map.places.toggle": ("Visa platser på kartan", "Pokaż miejsca na mapie", "Show places on the map"),
    "map.places.legend": ("Platser", "Miejsca", "Places"),
    "map.places.alt": ("Kartan visar också {count} platser: {categories}.",
                       "Mapa pokazuje też miejsca ({count}): {categories}.",
                       "The map also shows {count} places: {categories}."),
}
