"""Every UI string of the dashboard, in Swedish, Polish and English: key -> (sv, pl, en).

The one string-table format of the atlas (reports/strings.py uses it too): one text per
language in ``settings.languages.LANGS`` order. Placeholders are ``str.format`` fields;
a test checks that the versions of a string use the same fields. A text that depends on
a number is a :class:`Plural` (its forms by CLDR plural category; ``count`` picks one).
"""

from __future__ import annotations

from dataclasses import dataclass

from presentation.cities_strings import CITIES_STRINGS
from presentation.cooperation_strings import COOPERATION_STRINGS
from presentation.method_strings import METHOD_STRINGS
from presentation.page_strings import PAGE_STRINGS
from presentation.ranking_strings import RANKING_STRINGS
from presentation.targets_strings import TARGET_STRINGS


@dataclass(frozen=True)
class Plural:
    """A text's forms by CLDR plural category; ``other`` is required (the fallback)."""

    other: str
    one: str | None = None
    few: str | None = None
    many: str | None = None

    def form(self, category: str) -> str:
        chosen: str | None = getattr(self, category, None)
        return chosen if chosen is not None else self.other


Text = str | Plural

STRINGS: dict[str, tuple[Text, Text, Text]] = {
    # --- the frame ---------------------------------------------------------------------
    "app.title": ("Välfärdsatlas", "Atlas dobrostanu", "Well-being atlas"),
    "app.tagline": ("Hur går det för stadens områden?", "Jak radzą sobie dzielnice miasta?",
                    "How are the city's neighbourhoods doing?"),
    "nav.map": ("Karta", "Mapa", "Map"),
    "nav.compare": ("Jämför", "Porównaj", "Compare"),
    "nav.indicator": ("Indikatorer", "Wskaźniki", "Indicators"),
    "nav.about": ("Om data", "O danych", "About the data"),
    "nav.label": ("Huvudmeny", "Menu główne", "Main menu"),
    "lang.label": ("Språk", "Język", "Language"),
    "skip": ("Hoppa till innehållet", "Przejdź do treści", "Skip to content"),
    "badge.synthetic": ("Syntetiska demodata", "Syntetyczne dane demonstracyjne",
                        "Synthetic demo data"),
    "badge.synthetic.title": (
        "Siffrorna är påhittade och beskriver ingen verklig stad.",
        "Liczby są zmyślone i nie opisują żadnego prawdziwego miasta.",
        "The figures are made up and describe no real city."),
    "footer": ("Jämförelser med staden görs med 95 % konfidensintervall. Dolda värden visas aldrig.",
               "Porównania z miastem opierają się na 95% przedziałach ufności. Ukryte wartości nigdy nie są pokazywane.",
               "Comparisons with the city use 95% confidence intervals. Suppressed values are never shown."),
    # --- errors --------------------------------------------------------------------------
    "error.store_down": (
        "Datalagret kan inte läsas just nu. Försök igen om en stund – sidan hämtar data på nytt när du laddar om.",
        "Nie można teraz odczytać magazynu danych. Spróbuj ponownie za chwilę – strona pobierze dane po odświeżeniu.",
        "The data store cannot be read right now. Try again in a moment: the page fetches the data again when you reload."),
    "error.unexpected": (
        "Något gick fel när vyn skulle uppdateras. Felet är loggat; prova igen eller gå tillbaka till kartan.",
        "Coś poszło nie tak podczas aktualizacji widoku. Błąd został zapisany; spróbuj ponownie lub wróć do mapy.",
        "Something went wrong while updating the view. The error is logged; try again or go back to the map."),
    "error.retry": ("Ladda om", "Odśwież", "Reload"),
    "error.empty": (
        "Inga data är inlästa ännu. Kör `wellbeing demo` eller `wellbeing etl run STAD.toml` och ladda om sidan.",
        "Nie wczytano jeszcze danych. Uruchom `wellbeing demo` lub `wellbeing etl run MIASTO.toml` i odśwież stronę.",
        "No data are loaded yet. Run `wellbeing demo` or `wellbeing etl run CITY.toml`, then reload the page."),
    "notfound.title": ("Sidan hittades inte", "Nie znaleziono strony", "Page not found"),
    "notfound.area": ("Det finns inget område med koden ”{code}”.", "Nie ma obszaru o kodzie „{code}”.",
                      "There is no area with the code “{code}”."),
    "notfound.indicator": ("Det finns ingen indikator ”{code}”.", "Nie ma wskaźnika „{code}”.",
                           "There is no indicator “{code}”."),
    "notfound.page": ("Adressen ”{code}” leder ingenstans.", "Adres „{code}” nigdzie nie prowadzi.",
                      "The address “{code}” leads nowhere."),
    "notfound.back": ("Tillbaka till kartan", "Wróć do mapy", "Back to the map"),
    "notfound.hint": ("Välj ett område på kartan eller i listan över prioriterade områden.",
                      "Wybierz obszar na mapie lub z listy obszarów priorytetowych.",
                      "Pick an area on the map or from the list of prioritized areas."),
    # --- shared controls -----------------------------------------------------------------
    "ctl.indicator": ("Indikator", "Wskaźnik", "Indicator"),
    "ctl.indicator.search": ("Sök indikator eller område…", "Szukaj wskaźnika lub dziedziny…",
                             "Search indicator or domain…"),
    "ctl.period": ("Period", "Okres", "Period"),
    "ctl.sex": ("Kön", "Płeć", "Sex"),
    "ctl.colouring": ("Färgläggning", "Kolorowanie", "Colouring"),
    "ctl.colouring.comparison": ("Jämfört med staden", "W porównaniu z miastem", "Compared with the city"),
    "ctl.colouring.classes": ("Värdeklasser", "Klasy wartości", "Value classes"),
    "ctl.scheme": ("Klassindelning", "Podział na klasy", "Classification"),
    "ctl.scheme.quantiles": ("Kvantiler", "Kwantyle", "Quantiles"),
    "ctl.scheme.natural_breaks": ("Naturliga brytpunkter", "Naturalne przerwy", "Natural breaks"),
    "ctl.scheme.equal_interval": ("Lika intervall", "Równe przedziały", "Equal intervals"),
    "ctl.find_area": ("Gå till område", "Przejdź do obszaru", "Go to area"),
    "ctl.find_area.placeholder": ("Skriv ett områdesnamn…", "Wpisz nazwę obszaru…", "Type an area name…"),
    "ctl.no_options": ("Inga träffar", "Brak wyników", "No matches"),
    "ctl.clear": ("Rensa", "Wyczyść", "Clear"),
    "ctl.selected_count": ("{num_selected} valda", "wybrano: {num_selected}", "{num_selected} selected"),
    "ctl.select_all": ("Välj alla", "Zaznacz wszystkie", "Select all"),
    "ctl.deselect_all": ("Avmarkera alla", "Odznacz wszystkie", "Deselect all"),
    "ctl.search": ("Sök", "Szukaj", "Search"),
    "sex.total": ("Alla", "Ogółem", "All"),
    "sex.female": ("Kvinnor", "Kobiety", "Women"),
    "sex.male": ("Män", "Mężczyźni", "Men"),
    # --- comparison, trend and gap vocabularies --------------------------------------------
    "cmp.much_better": ("Mycket bättre", "Znacznie lepiej", "Much better"),
    "cmp.better": ("Bättre", "Lepiej", "Better"),
    "cmp.similar": ("Liknande", "Podobnie", "Similar"),
    "cmp.worse": ("Sämre", "Gorzej", "Worse"),
    "cmp.much_worse": ("Mycket sämre", "Znacznie gorzej", "Much worse"),
    "cmp.higher": ("Högre", "Wyżej", "Higher"),
    "cmp.lower": ("Lägre", "Niżej", "Lower"),
    "cmp.not_compared": ("Ej jämförd", "Nie porównano", "Not compared"),
    "cmp.benchmark": ("Staden", "Miasto", "City"),
    "cmp.no_data": ("Inget värde", "Brak wartości", "No value"),
    "cmpl.much_better": ("Mycket bättre än staden", "Znacznie lepiej niż miasto", "Much better than the city"),
    "cmpl.better": ("Bättre än staden", "Lepiej niż miasto", "Better than the city"),
    "cmpl.similar": ("Som staden", "Podobnie jak miasto", "Similar to the city"),
    "cmpl.worse": ("Sämre än staden", "Gorzej niż miasto", "Worse than the city"),
    "cmpl.much_worse": ("Mycket sämre än staden", "Znacznie gorzej niż miasto", "Much worse than the city"),
    "cmpl.higher": ("Högre än staden", "Wyżej niż miasto", "Higher than the city"),
    "cmpl.lower": ("Lägre än staden", "Niżej niż miasto", "Lower than the city"),
    "cmpl.not_compared": ("Kan inte jämföras", "Nie można porównać", "Cannot be compared"),
    "cmpl.benchmark": ("Staden som helhet", "Miasto jako całość", "The city as a whole"),
    "cmpl.no_data": ("Inget värde (saknas eller dolt)", "Brak wartości (brak lub ukryta)",
                     "No value (missing or suppressed)"),
    "trend.getting_better": ("Blir bättre", "Poprawa", "Getting better"),
    "trend.getting_worse": ("Blir sämre", "Pogorszenie", "Getting worse"),
    "trend.increasing": ("Ökar", "Rośnie", "Increasing"),
    "trend.decreasing": ("Minskar", "Maleje", "Decreasing"),
    "trend.no_significant_change": ("Ingen säker förändring", "Brak istotnej zmiany", "No significant change"),
    "trend.not_enough_data": ("För få år", "Za mało lat", "Not enough data"),
    "gap.narrowing": ("Gapet minskar", "Różnica maleje", "Gap narrowing"),
    "gap.widening": ("Gapet ökar", "Różnica rośnie", "Gap widening"),
    "gap.stable": ("Gapet oförändrat", "Różnica bez zmian", "Gap stable"),
    "gap.not_enough_data": ("För få år", "Za mało lat", "Not enough data"),
    "gapv.narrowing": ("minskar", "maleje", "narrowing"),
    "gapv.widening": ("ökar", "rośnie", "widening"),
    "gapv.stable": ("oförändrat", "bez zmian", "stable"),
    "gapv.not_enough_data": ("för få år för att bedöma", "za mało lat, by ocenić", "too few years to judge"),
    "status.suppressed": ("Dolt (för få fall)", "Ukryte (za mało przypadków)", "Suppressed (small numbers)"),
    "status.suppressed_at_source": ("Dolt av källan", "Ukryte przez źródło", "Suppressed at source"),
    "status.missing": ("Saknas", "Brak danych", "Missing"),
    "polarity.high_is_good": ("Högre värde är bättre", "Wyższa wartość jest lepsza", "Higher is better"),
    "polarity.low_is_good": ("Lägre värde är bättre", "Niższa wartość jest lepsza", "Lower is better"),
    "polarity.neutral": ("Varken högre eller lägre är bättre", "Kierunek nie jest oceniany",
                         "Neither higher nor lower is better"),
    "vt.proportion": ("Andel", "Odsetek", "Proportion"),
    "vt.percentage": ("Procent", "Procent", "Percentage"),
    "vt.rate": ("Kvot", "Współczynnik", "Rate"),
    "vt.mean": ("Medelvärde", "Średnia", "Mean"),
    "vt.median": ("Median", "Mediana", "Median"),
    "vt.count": ("Antal", "Liczba", "Count"),
    "vt.score": ("Poäng", "Wynik", "Score"),
    "method.proportion": (
        "Andel med Wilsons 95 %-konfidensintervall. Staden beräknas ur summan av täljare och nämnare.",
        "Odsetek z 95% przedziałem ufności Wilsona. Wartość dla miasta z sumy liczników i mianowników.",
        "Proportion with Wilson 95% confidence interval. The city value comes from the summed numerators and denominators."),
    "method.rate": (
        "Kvot med exakt Poisson- eller Byars konfidensintervall. Staden beräknas ur summerade fall och befolkning.",
        "Współczynnik z dokładnym przedziałem Poissona lub metodą Byara. Miasto z sumy przypadków i populacji.",
        "Rate with exact Poisson or Byar's confidence interval. The city value comes from summed events and population."),
    "method.mean": ("Medelvärde med t-fördelningens konfidensintervall, vägt med nämnaren för staden.",
                    "Średnia z przedziałem ufności z rozkładu t; dla miasta ważona mianownikiem.",
                    "Mean with a t-distribution confidence interval; the city value is weighted by the denominator."),
    "method.other": ("Värden och konfidensintervall enligt källan; staden enligt källans rad för hela staden.",
                     "Wartości i przedziały ufności według źródła; miasto według wiersza źródła dla całego miasta.",
                     "Values and confidence intervals as given by the source; the city from the source's whole-city row."),
    "method.compare": (
        "Ett område är bättre eller sämre än staden när stadens värde ligger utanför områdets 95 %-konfidensintervall (Fingertips metod).",
        "Obszar jest lepszy lub gorszy od miasta, gdy wartość miasta leży poza 95% przedziałem ufności obszaru (metoda Fingertips).",
        "An area is better or worse than the city when the city value lies outside the area's 95% confidence interval (the Fingertips method)."),
    "domain.health": ("Hälsa", "Zdrowie", "Health"),
    "domain.education": ("Utbildning", "Edukacja", "Education"),
    "domain.work_income": ("Arbete och inkomst", "Praca i dochód", "Work and income"),
    "domain.housing": ("Boende", "Mieszkalnictwo", "Housing"),
    "domain.safety": ("Trygghet och säkerhet", "Bezpieczeństwo", "Safety"),
    "domain.trust_participation": ("Tillit och delaktighet", "Zaufanie i uczestnictwo", "Trust and participation"),
    "domain.environment": ("Miljö", "Środowisko", "Environment"),
    "domain.demography": ("Befolkning", "Demografia", "Population"),
    "domain.socioeconomic": ("Socioekonomi", "Sytuacja społeczno-ekonomiczna", "Socioeconomic conditions"),
    # --- common units (catalogue units written in English are shown in the UI language) ----
    "unitw.%": ("%", "%", "%"),
    "unitw.proportion": ("andel", "odsetek", "proportion"),
    "unitw.number": ("antal", "liczba", "number"),
    "unitw.days": ("dagar", "dni", "days"),
    "unitw.points": ("poäng", "punkty", "points"),
    "unitw.per_1000": ("per 1 000", "na 1 000", "per 1,000"),
    "unitw.per_10000": ("per 10 000", "na 10 000", "per 10,000"),
    "unitw.per_100000": ("per 100 000", "na 100 000", "per 100,000"),
    "unitw.per_1000_households": ("per 1 000 hushåll", "na 1 000 gospodarstw", "per 1,000 households"),
    "unitw.sek_thousand": ("tkr", "tys. SEK", "SEK thousand"),
    "unitw.score_0_100": ("poäng 0–100", "punkty 0–100", "score 0–100"),
    "unitw.years": ("år", "lata", "years"),
    # --- numbers and charts --------------------------------------------------------------
    "ci95": ("95 % KI", "95% PU", "95% CI"),
    "unit.per": ("per {n}", "na {n}", "per {n}"),
    "chart.city": ("Staden", "Miasto", "City"),
    "chart.area": ("Området", "Obszar", "Area"),
    "chart.ci_band": ("{name}, 95 % KI", "{name}, 95% PU", "{name}, 95% CI"),
    "legend.title": ("{indicator}, {period}", "{indicator}, {period}", "{indicator}, {period}"),
    "legend.prioritized": ("Prioriterat område (tjock kant)", "Obszar priorytetowy (gruba krawędź)",
                           "Prioritized area (thick outline)"),
    "legend.city_value": ("Staden: {value}", "Miasto: {value}", "City: {value}"),
    "hover.value": ("Värde", "Wartość", "Value"),
    "hover.city": ("Staden", "Miasto", "City"),
    "hover.click": ("Klicka för områdesprofilen", "Kliknij, aby zobaczyć profil", "Click for the area profile"),
    # --- map page -------------------------------------------------------------------------
    "map.title": ("Karta", "Mapa", "Map"),
    "map.prioritized": ("Prioriterade områden", "Obszary priorytetowe", "Prioritized areas"),
    "map.prioritized.none": ("Inga områden är markerade som prioriterade.", "Żaden obszar nie jest oznaczony jako priorytetowy.",
                             "No areas are marked as prioritized."),
    "map.prioritized.hint": ("Öppna profilen med ett klick.", "Kliknij, aby otworzyć profil.", "Click to open the profile."),
    "map.alt": (
        "Karta över {n} områden, {indicator} {period}: {better} bättre, {similar} som staden och {worse} sämre än staden.",
        "Mapa {n} obszarów, {indicator} {period}: {better} lepiej, {similar} podobnie i {worse} gorzej niż miasto.",
        "Map of {n} areas, {indicator} {period}: {better} better than, {similar} similar to and {worse} worse than the city."),
    "map.ranked_link": ("Alla områden rangordnade", "Wszystkie obszary w kolejności", "All areas ranked"),
    "map.click_hint": ("Klicka på ett område för att öppna dess profil.", "Kliknij obszar, aby otworzyć jego profil.",
                       "Click an area to open its profile."),
    # --- area profile ---------------------------------------------------------------------
    "area.about": ("Om området", "O obszarze", "About the area"),
    "area.about.source": ("Källa", "Źródło", "Source"),
    "area.about.lang": ("Språk: {language}", "Język: {language}", "Language: {language}"),
    "note.resource": ("Resurser", "Zasoby", "Resources"),
    "note.arena": ("Arenor och mötesplatser", "Areny i miejsca spotkań", "Arenas and meeting places"),
    "note.initiative": ("Pågående insatser", "Trwające inicjatywy", "Ongoing initiatives"),
    "note.residents_view": ("De boendes röst", "Głos mieszkańców", "Residents' view"),
    "area.population": ("Befolkning", "Ludność", "Population"),
    "area.prioritized": ("Prioriterat område", "Obszar priorytetowy", "Prioritized area"),
    "area.locator": ("Områdets läge i staden", "Położenie obszaru w mieście", "Where the area lies in the city"),
    "area.summary": (
        "{worse} av {total} indikatorer är signifikant sämre än staden, {better} bättre.",
        "Wskaźniki istotnie gorsze niż w mieście: {worse} z {total}; lepsze: {better}.",
        "{worse} of {total} indicators significantly worse than the city, {better} better."),
    "area.summary.domain": ("{domain}: {worse} sämre, {better} bättre", "{domain}: {worse} gorzej, {better} lepiej",
                            "{domain}: {worse} worse, {better} better"),
    "area.table": ("Indikatorer per område", "Wskaźniki według dziedzin", "Indicators by domain"),
    "area.table.caption": (
        "Senaste period, alla. Stapeln visar spridningen mellan områdena: sämst till vänster, bäst till höger, staden i mitten.",
        "Ostatni okres, ogółem. Pasek pokazuje rozrzut między obszarami: najgorszy z lewej, najlepszy z prawej, miasto pośrodku.",
        "Latest period, all people. The bar shows the spread across areas: worst on the left, best on the right, the city in the middle."),
    "area.trend": ("Utveckling över tid", "Zmiany w czasie", "Over time"),
    "area.trend.pick": ("Välj indikator för diagrammen", "Wybierz wskaźnik do wykresów", "Indicator for the charts"),
    "area.sex": ("Efter kön", "Według płci", "By sex"),
    "area.downloads": ("Ladda ner profilen", "Pobierz profil", "Download the profile"),
    "area.download.csv_only": ("Tabellen som CSV", "Tabela jako CSV", "Table as CSV"),
    "area.gap_trend": ("Gapet till staden: {gap}", "Różnica wobec miasta: {gap}", "Gap to the city: {gap}"),
    "col.indicator": ("Indikator", "Wskaźnik", "Indicator"),
    "col.period": ("Period", "Okres", "Period"),
    "col.value": ("Värde", "Wartość", "Value"),
    "col.ci": ("95 % KI", "95% PU", "95% CI"),
    "col.city": ("Staden", "Miasto", "City"),
    "col.difference": ("Skillnad", "Różnica", "Difference"),
    "col.comparison": ("Jämfört med staden", "Wobec miasta", "Compared with city"),
    "col.trend": ("Trend", "Trend", "Trend"),
    "col.gap": ("Gapets utveckling", "Zmiana różnicy", "Gap trend"),
    "col.spine": ("Områdenas spridning", "Rozrzut obszarów", "Range of areas"),
    "col.area": ("Område", "Obszar", "Area"),
    "col.rank": ("Rang", "Miejsce", "Rank"),
    "spine.worst": ("Sämst", "Najgorzej", "Worst"),
    "spine.best": ("Bäst", "Najlepiej", "Best"),
    "spine.lowest": ("Lägst", "Najniżej", "Lowest"),
    "spine.highest": ("Högst", "Najwyżej", "Highest"),
    "spine.aria": ("{area}: {value}; områdena från {low} till {high}; staden {city}",
                   "{area}: {value}; obszary od {low} do {high}; miasto {city}",
                   "{area}: {value}; areas range from {low} to {high}; city {city}"),
    # --- compare ---------------------------------------------------------------------------
    "compare.title": ("Jämför områden", "Porównaj obszary", "Compare areas"),
    "compare.areas": ("Områden", "Obszary", "Areas"),
    "compare.areas.placeholder": ("Välj områden…", "Wybierz obszary…", "Choose areas…"),
    "compare.rug": ("Alla indikatorer, senaste period", "Wszystkie wskaźniki, ostatni okres",
                    "All indicators, latest period"),
    "compare.rug.caption": (
        "Varje ruta visar områdets värde; färg och symbol visar jämförelsen med staden.",
        "Każde pole pokazuje wartość obszaru; kolor i symbol pokazują porównanie z miastem.",
        "Each cell shows the area's value; colour and symbol show the comparison with the city."),
    "compare.trends": ("Utveckling sida vid sida", "Zmiany obok siebie", "Trends side by side"),
    "compare.empty": ("Välj minst ett område.", "Wybierz co najmniej jeden obszar.", "Choose at least one area."),
    # --- indicator page --------------------------------------------------------------------
    "ind.ranked": ("Alla områden, rangordnade", "Wszystkie obszary w kolejności", "All areas, ranked"),
    "ind.ranked.caption": (
        "Punkterna är värden med 95 %-konfidensintervall; den streckade linjen är staden. Prioriterade områden är markerade.",
        "Punkty to wartości z 95% przedziałami ufności; linia przerywana to miasto. Obszary priorytetowe są wyróżnione.",
        "Dots are values with 95% confidence intervals; the dashed line is the city. Prioritized areas are highlighted."),
    "ind.about": ("Om indikatorn", "O wskaźniku", "About the indicator"),
    "ind.definition": ("Definition", "Definicja", "Definition"),
    "ind.source": ("Källa", "Źródło", "Source"),
    "ind.method": ("Metod", "Metoda", "Method"),
    "ind.polarity": ("Riktning", "Kierunek", "Polarity"),
    "ind.unit": ("Enhet", "Jednostka", "Unit"),
    "ind.updated": ("Senast inläst", "Ostatnio wczytano", "Last update"),
    "ind.periods": ("Perioder", "Okresy", "Periods"),
    "ind.domain": ("Område", "Dziedzina", "Domain"),
    "ind.alt": ("Rangordning av {n} områden för {indicator} {period}. Bäst: {best}. Sämst: {worst}.",
                "Ranking {n} obszarów dla: {indicator} {period}. Najlepiej: {best}. Najgorzej: {worst}.",
                "Ranking of {n} areas for {indicator} {period}. Best: {best}. Worst: {worst}."),
    "ind.downloads": ("Ladda ner", "Pobierz", "Download"),
    "ind.downloads.hint": (
        "Alla områden för vald period och kön, med konfidensintervall och jämförelser; diagrammet som bild.",
        "Wszystkie obszary dla wybranego okresu i płci, z przedziałami ufności i porównaniami; wykres jako obraz.",
        "All areas for the chosen period and sex, with confidence intervals and comparisons; the chart as an image."),
    "ind.download.csvw": ("CSVW-metadata", "Metadane CSVW", "CSVW metadata"),
    "ind.download.gis": ("Alla indikatorer för GIS", "Wszystkie wskaźniki dla GIS", "All indicators for GIS"),
    "ind.download.api": ("Öppet API", "Otwarte API", "Open API"),
    # --- about -----------------------------------------------------------------------------
    "about.title": ("Om data", "O danych", "About the data"),
    "about.intro": (
        "Alla indikatorer, deras definitioner och källor, och vad som lästs in i atlasen.",
        "Wszystkie wskaźniki, ich definicje i źródła oraz to, co wczytano do atlasu.",
        "All indicators with their definitions and sources, and what has been loaded into the atlas."),
    "about.catalogue": ("Indikatorkatalog", "Katalog wskaźników", "Indicator catalogue"),
    "about.batches": ("Inläsningar", "Wczytania danych", "Load batches"),
    "about.col.when": ("Tid", "Czas", "When"),
    "about.col.status": ("Status", "Status", "Status"),
    "about.col.counts": ("Områden / indikatorer / värden", "Obszary / wskaźniki / wartości",
                         "Areas / indicators / values"),
    "about.col.files": ("Filer", "Pliki", "Files"),
    "about.col.config": ("Konfiguration", "Konfiguracja", "Configuration"),
    "batch.succeeded": ("klar", "zakończone", "succeeded"),
    "batch.failed": ("misslyckades", "nieudane", "failed"),
    "batch.unchanged": ("oförändrad", "bez zmian", "unchanged"),
    "batch.running": ("pågår", "w toku", "running"),
    "file.boundaries": ("områdesgränser", "granice obszarów", "boundaries"),
    "file.catalogue": ("katalog", "katalog", "catalogue"),
    "file.table": ("tabell", "tabela", "table"),
    "file.source": ("källa", "źródło", "source"),
    "file.notes": ("områdesanteckningar", "notatki o obszarach", "notes"),
    "file.comparator": ("jämförelse", "porównanie", "comparator"),
    "file.crosswalk": ("kodnyckel", "klucz kodów", "crosswalk"),
    "file.population": ("befolkningsrutnät", "siatka ludności", "population grid"),
    "about.rows": (Plural(one="{rows} rad", other="{rows} rader"),
                   Plural(one="{rows} wiersz", few="{rows} wiersze", many="{rows} wierszy",
                          other="{rows} wiersza"),
                   Plural(one="{rows} row", other="{rows} rows")),
}

STRINGS.update(METHOD_STRINGS)
STRINGS.update(PAGE_STRINGS)
STRINGS.update(COOPERATION_STRINGS)
STRINGS.update(RANKING_STRINGS)
STRINGS.update(TARGET_STRINGS)
STRINGS.update(CITIES_STRINGS)
