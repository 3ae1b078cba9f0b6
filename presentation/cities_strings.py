"""Strings of the country level (/cities: the municipalities of a many-city store, issue 14,
item 3) and of the header's link to it, merged into presentation.strings.STRINGS.

Same format as every table: ``key -> (sv, pl, en)``.
"""

from __future__ import annotations

CITIES_STRINGS: dict[str, tuple[str, str, str]] = {
    "nav.cities": ("Alla kommuner", "Wszystkie gminy", "All municipalities"),
    "cities.footer": (
        "Jämförelser med riket görs med kommunens 95 % konfidensintervall (99,8 % för ”mycket”). "
        "Dolda värden visas aldrig.",
        "Porównania z krajem opierają się na 95% przedziale ufności gminy (99,8% dla „znacznie”). "
        "Wartości utajnione nigdy nie są pokazywane.",
        "Comparisons with the country use the municipality's 95% confidence interval (99.8% for "
        "“much”). Suppressed values are never shown."),
    "cities.title": ("Kommunerna i atlasen", "Gminy w atlasie", "Municipalities in this atlas"),
    "cities.lead": (
        "Atlasen har {n} kommuner. Välj en indikator för att se hur varje kommun ligger till "
        "jämfört med riket, och öppna en kommun för att se dess områden.",
        "Atlas obejmuje gminy: {n}. Wybierz wskaźnik, aby zobaczyć, jak każda gmina wypada na tle "
        "kraju, i otwórz gminę, aby zobaczyć jej obszary.",
        "This atlas holds {n} municipalities. Pick an indicator to see how each is doing compared "
        "with the country, and open a municipality to see its neighbourhoods."),
    "cities.one_city": (
        "Den här atlasen har bara en kommun, så det finns ingen nivå ovanför den att visa.",
        "Ten atlas obejmuje tylko jedną gminę, więc nie ma poziomu powyżej do pokazania.",
        "This atlas holds a single municipality, so there is no level above it to show."),
    "cities.to_map": ("Öppna kartan", "Otwórz mapę", "Open the map"),
    "cities.own_empty": (
        "Atlasens egen stad har inga data, men atlasen har flera kommuner.",
        "Własne miasto atlasu nie ma danych, ale atlas obejmuje kilka gmin.",
        "This atlas's own city has no data, but the atlas holds several municipalities."),
    "cities.open_list": ("Se alla kommuner", "Zobacz wszystkie gminy", "See all municipalities"),
    "cities.age_note": (
        "Åldersgrupp: {age} (den som flest kommuner redovisar).",
        "Grupa wieku: {age} (ta, którą podaje najwięcej gmin).",
        "Age group: {age} (the one most municipalities report)."),
    "cities.map": ("Kommunerna på kartan", "Gminy na mapie", "The municipalities on a map"),
    "cities.alt": (
        "Karta över {n} kommuner, {indicator} {period}, jämfört med riket: {counts}.",
        "Mapa gmin ({n}), {indicator} {period}, na tle kraju: {counts}.",
        "Map of {n} municipalities, {indicator} {period}, compared with the country: {counts}."),
    "cities.click_hint": ("Klicka på en kommun för att öppna dess atlas.",
                          "Kliknij gminę, aby otworzyć jej atlas.",
                          "Click a municipality to open its atlas."),
    "cities.no_outline": ("Utan kontur på kartan: {names}.", "Bez konturu na mapie: {names}.",
                          "Not on the map (no outline): {names}."),
    "cities.table": ("Kommunerna jämförda med riket", "Gminy na tle kraju",
                     "The municipalities compared with the country"),
    "cities.sort": ("Sortera", "Sortuj", "Sort"),
    "cities.sort.name": ("Namn", "Nazwa", "Name"),
    "cities.sort.comparison": ("Jämförelse", "Porównanie", "Comparison"),
    "cities.sort.high": ("Högst först", "Najwyższe najpierw", "Highest first"),
    "cities.sort.low": ("Lägst först", "Najniższe najpierw", "Lowest first"),
    "cities.col.city": ("Kommun", "Gmina", "Municipality"),
    "cities.col.country": ("Riket", "Kraj", "Country"),
    "cities.col.comparison": ("Jämfört med riket", "Na tle kraju", "Compared with the country"),
    "cities.col.areas": ("Områden", "Obszary", "Areas"),
    "cities.col.loaded": ("Senast inläst", "Ostatnio wczytano", "Last loaded"),
    "cities.no_national": ("Inget värde för riket", "Brak wartości dla kraju", "No national value"),
    "cities.hover.country": ("Riket ({name})", "Kraj ({name})", "Country ({name})"),
    "cities.none": ("Ingen kommun har värden för den här indikatorn.",
                    "Żadna gmina nie ma wartości tego wskaźnika.",
                    "No municipality has values for this indicator."),
}
