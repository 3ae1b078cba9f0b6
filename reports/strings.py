"""Report text of the area profiles in Swedish, Polish and English.

Every key has all three languages (a test checks). ``text(key, lang, **fields)``
fills ``{placeholders}``. ``label(group, code, lang)`` names a vocabulary code
(comparison outcome, trend, sex, domain...) with the dashboard's words
(:mod:`presentation.strings`), so a profile and the screen say the same thing; the
``LABELS`` here cover codes the dashboard does not name.
"""

from __future__ import annotations

from presentation.strings import STRINGS as DASHBOARD_STRINGS
from settings.languages import LANGS

TEXT: dict[str, dict[str, str]] = {
    "report_title": {"sv": "Områdesprofil", "pl": "Profil obszaru", "en": "Area profile"},
    "city": {"sv": "Kommun", "pl": "Miasto", "en": "City"},
    "export_date": {"sv": "Exportdatum", "pl": "Data eksportu", "en": "Export date"},
    "data_periods": {"sv": "Dataperioder", "pl": "Okresy danych", "en": "Data periods"},
    "latest_period": {"sv": "Senaste period", "pl": "Ostatni okres", "en": "Latest period"},
    "population": {"sv": "Befolkning", "pl": "Ludność", "en": "Population"},
    "area_code": {"sv": "Områdeskod", "pl": "Kod obszaru", "en": "Area code"},
    "area": {"sv": "Område", "pl": "Obszar", "en": "Area"},
    "level": {"sv": "Nivå", "pl": "Poziom", "en": "Level"},
    "prioritized": {"sv": "Prioriterat område", "pl": "Obszar priorytetowy", "en": "Prioritized area"},
    "indicators_count": {"sv": "Antal indikatorer", "pl": "Liczba wskaźników", "en": "Indicators"},
    "synthetic": {
        "sv": "Syntetiska data – endast för demonstration",
        "pl": "Dane syntetyczne – wyłącznie do demonstracji",
        "en": "Synthetic data – for demonstration only",
    },
    "locator": {
        "sv": "{area} (markerat) i {city}",
        "pl": "{area} (wyróżniony) na tle miasta {city}",
        "en": "{area} (highlighted) in {city}",
    },
    "prioritized_areas": {"sv": "Prioriterade områden", "pl": "Obszary priorytetowe", "en": "Prioritized areas"},
    "other_areas": {"sv": "Övriga områden", "pl": "Pozostałe obszary", "en": "Other areas"},
    "summary": {"sv": "Sammanfattning", "pl": "Podsumowanie", "en": "Summary"},
    "summary_overall": {
        "sv": "Av {n} {noun} som jämförts med staden är {worse} signifikant sämre, {better} signifikant bättre och {similar} utan signifikant skillnad.",
        "pl": "Spośród {n} {noun} z miastem: {worse} istotnie gorzej, {better} istotnie lepiej, {similar} bez istotnej różnicy.",
        "en": "Of {n} {noun} with the city: {worse} significantly worse, {better} significantly better, {similar} not significantly different.",
    },
    "noun_one": {"sv": "indikator", "pl": "wskaźnika porównanego", "en": "indicator compared"},
    "noun_many": {"sv": "indikatorer", "pl": "wskaźników porównanych", "en": "indicators compared"},
    "summary_neutral": {
        "sv": "Utan bra eller dålig riktning: {higher} signifikant högre, {lower} signifikant lägre.",
        "pl": "Bez kierunku oceny: {higher} istotnie wyżej, {lower} istotnie niżej.",
        "en": "Without a good or bad direction: {higher} significantly higher, {lower} significantly lower.",
    },
    "summary_worse": {"sv": "Sämre: {names}.", "pl": "Gorzej: {names}.", "en": "Worse: {names}."},
    "summary_better": {"sv": "Bättre: {names}.", "pl": "Lepiej: {names}.", "en": "Better: {names}."},
    "summary_trend": {
        "sv": "Utveckling över tid: {better} förbättras, {worse} försämras.",
        "pl": "Zmiany w czasie: poprawa – {better}, pogorszenie – {worse}.",
        "en": "Over time: {better} improving, {worse} worsening.",
    },
    "summary_gap": {
        "sv": "Skillnaden mot staden: minskar för {narrowing}, ökar för {widening}.",
        "pl": "Różnica względem miasta: maleje – {narrowing}, rośnie – {widening}.",
        "en": "Gap to the city: narrowing for {narrowing}, widening for {widening}.",
    },
    "summary_none": {
        "sv": "Det finns inga jämförbara värden för området.",
        "pl": "Brak porównywalnych wartości dla obszaru.",
        "en": "There are no comparable values for this area.",
    },
    "domain_summary": {
        "sv": "{worse} sämre, {better} bättre, {similar} utan signifikant skillnad (jämförda: {n}).",
        "pl": "{worse} gorzej, {better} lepiej, {similar} bez istotnej różnicy (porównano: {n}).",
        "en": "{worse} worse, {better} better, {similar} not significantly different ({n} compared).",
    },
    "by_domain": {"sv": "Per område", "pl": "Według dziedzin", "en": "By domain"},
    "domain": {"sv": "Område", "pl": "Dziedzina", "en": "Domain"},
    "count_better": {"sv": "Bättre", "pl": "Lepiej", "en": "Better"},
    "count_similar": {"sv": "Liknande", "pl": "Podobnie", "en": "Similar"},
    "count_worse": {"sv": "Sämre", "pl": "Gorzej", "en": "Worse"},
    "indicator": {"sv": "Indikator", "pl": "Wskaźnik", "en": "Indicator"},
    "indicator_id": {"sv": "Indikator-id", "pl": "Identyfikator", "en": "Indicator id"},
    "period": {"sv": "Period", "pl": "Okres", "en": "Period"},
    "value": {"sv": "Värde", "pl": "Wartość", "en": "Value"},
    "ci95": {"sv": "95 % KI", "pl": "95% PU", "en": "95% CI"},
    "lower95": {"sv": "Undre 95 % KI", "pl": "Dolna granica 95% PU", "en": "Lower 95% CI"},
    "upper95": {"sv": "Övre 95 % KI", "pl": "Górna granica 95% PU", "en": "Upper 95% CI"},
    "lower998": {"sv": "Undre 99,8 % KI", "pl": "Dolna granica 99,8% PU", "en": "Lower 99.8% CI"},
    "upper998": {"sv": "Övre 99,8 % KI", "pl": "Górna granica 99,8% PU", "en": "Upper 99.8% CI"},
    "city_value": {"sv": "Staden", "pl": "Miasto", "en": "City"},
    "difference": {"sv": "Skillnad", "pl": "Różnica", "en": "Difference"},
    "ratio": {"sv": "Kvot", "pl": "Iloraz", "en": "Ratio"},
    "compared": {"sv": "Mot staden", "pl": "Wobec miasta", "en": "vs city"},
    "compared_rest": {"sv": "Mot övriga staden", "pl": "Wobec reszty miasta", "en": "vs rest of city"},
    "trend": {"sv": "Trend", "pl": "Trend", "en": "Trend"},
    "gap_trend": {"sv": "Skillnad över tid", "pl": "Zmiana różnicy", "en": "Gap trend"},
    "rank": {"sv": "Rang", "pl": "Pozycja", "en": "Rank"},
    "quintile": {"sv": "Kvintil", "pl": "Kwintyl", "en": "Quintile"},
    "numerator": {"sv": "Täljare", "pl": "Licznik", "en": "Numerator"},
    "denominator": {"sv": "Nämnare", "pl": "Mianownik", "en": "Denominator"},
    "status": {"sv": "Status", "pl": "Status", "en": "Status"},
    "unit": {"sv": "Enhet", "pl": "Jednostka", "en": "Unit"},
    "sex": {"sv": "Kön", "pl": "Płeć", "en": "Sex"},
    "age_group": {"sv": "Åldersgrupp", "pl": "Grupa wieku", "en": "Age group"},
    "table_title": {"sv": "Indikatorer", "pl": "Wskaźniki", "en": "Indicators"},
    "spine_title": {
        "sv": "Området jämfört med alla områden",
        "pl": "Obszar na tle wszystkich obszarów",
        "en": "The area against all areas",
    },
    "spine_note": {
        "sv": "Stapeln visar spridningen mellan områdena (mörkare: 25–75:e percentilen); linjen i mitten är staden.",
        "pl": "Pasek pokazuje rozrzut między obszarami (ciemniej: 25.–75. percentyl); linia środkowa to miasto.",
        "en": "The bar shows the range across areas (darker: 25th–75th percentile); the centre line is the city.",
    },
    "trends_title": {
        "sv": "Utveckling över tid: området och staden",
        "pl": "Zmiany w czasie: obszar i miasto",
        "en": "Trends: area and city",
    },
    "worst": {"sv": "Sämst", "pl": "Najgorzej", "en": "Worst"},
    "best": {"sv": "Bäst", "pl": "Najlepiej", "en": "Best"},
    "lowest": {"sv": "Lägst", "pl": "Najniżej", "en": "Lowest"},
    "highest": {"sv": "Högst", "pl": "Najwyżej", "en": "Highest"},
    "spine_left": {"sv": "Sämst / lägst", "pl": "Najgorzej / najniżej", "en": "Worst / lowest"},
    "spine_right": {"sv": "Bäst / högst", "pl": "Najlepiej / najwyżej", "en": "Best / highest"},
    "spine_marker": {
        "sv": "Området (färg: jämfört med staden)",
        "pl": "Obszar (kolor: porównanie z miastem)",
        "en": "Area (colour: compared with the city)",
    },
    "areas_range": {"sv": "Alla områden", "pl": "Wszystkie obszary", "en": "All areas"},
    "continued": {"sv": "forts.", "pl": "cd.", "en": "continued"},
    "yes": {"sv": "Ja", "pl": "Tak", "en": "Yes"},
    "about_title": {"sv": "Om området", "pl": "O obszarze", "en": "About the area"},
    "note_kind": {"sv": "Typ", "pl": "Rodzaj", "en": "Kind"},
    "note_title": {"sv": "Rubrik", "pl": "Tytuł", "en": "Title"},
    "note_text": {"sv": "Beskrivning", "pl": "Opis", "en": "Description"},
    "note_lang": {"sv": "Språk", "pl": "Język", "en": "Language"},
    "note_url": {"sv": "Webbsida", "pl": "Strona internetowa", "en": "Web page"},
    "no": {"sv": "Nej", "pl": "Nie", "en": "No"},
    "this_area": {"sv": "Området", "pl": "Obszar", "en": "Area"},
    "percentile_band": {"sv": "25–75:e percentilen", "pl": "25.–75. percentyl", "en": "25th–75th percentile"},
    "sex_title": {"sv": "Uppdelning efter kön", "pl": "Podział według płci", "en": "Breakdown by sex"},
    "sex_none": {
        "sv": "Det finns inga könsuppdelade värden för området.",
        "pl": "Brak wartości w podziale na płeć dla obszaru.",
        "en": "There are no values by sex for this area.",
    },
    "quality_title": {"sv": "Datakvalitet", "pl": "Jakość danych", "en": "Data quality"},
    "quality_none": {
        "sv": "Inga undertryckta, saknade eller ej jämförda värden.",
        "pl": "Brak utajnionych, brakujących lub nieporównanych wartości.",
        "en": "No suppressed, missing or not-compared values.",
    },
    "quality_suppressed": {
        "sv": "Undertryckta för att skydda enskilda (för få händelser eller personer), visas tomma: {n}",
        "pl": "Utajnione w celu ochrony danych osobowych (za mało zdarzeń lub osób), puste: {n}",
        "en": "Suppressed to protect individuals (too few events or persons), left blank: {n}",
    },
    "quality_missing": {
        "sv": "Saknas i källan: {n}",
        "pl": "Brak w źródle: {n}",
        "en": "Missing from the source: {n}",
    },
    "quality_not_compared": {
        "sv": "Ej jämförda med staden (inget konfidensintervall eller stadsvärde): {n}",
        "pl": "Nieporównane z miastem (brak przedziału ufności lub wartości dla miasta): {n}",
        "en": "Not compared with the city (no confidence interval or city value): {n}",
    },
    "quality_discrepancy": {
        "sv": "Officiella stadsvärden som avviker från summan av områdena (det officiella värdet används): {n}",
        "pl": "Oficjalne wartości dla miasta różniące się od sumy obszarów (użyto wartości oficjalnej): {n}",
        "en": "Official city figures that differ from the sum of the areas (the official figure is used): {n}",
    },
    "reason": {"sv": "Anledning", "pl": "Powód", "en": "Reason"},
    "appendix_title": {
        "sv": "Bilaga: definitioner, källor och metoder",
        "pl": "Załącznik: definicje, źródła i metody",
        "en": "Appendix: definitions, sources and methods",
    },
    "definitions": {"sv": "Definitioner och källor", "pl": "Definicje i źródła", "en": "Definitions and sources"},
    "methods": {"sv": "Metoder", "pl": "Metody", "en": "Methods"},
    "definition": {"sv": "Definition", "pl": "Definicja", "en": "Definition"},
    "source": {"sv": "Källa", "pl": "Źródło", "en": "Source"},
    "polarity": {"sv": "Riktning", "pl": "Kierunek", "en": "Direction"},
    "value_type": {"sv": "Måtttyp", "pl": "Typ miary", "en": "Measure"},
    "legend": {"sv": "Teckenförklaring", "pl": "Legenda", "en": "Legend"},
    "page": {"sv": "Sida {page} av {pages}", "pl": "Strona {page} z {pages}", "en": "Page {page} of {pages}"},
    "metadata": {"sv": "Om rapporten", "pl": "O raporcie", "en": "About"},
    "batch": {"sv": "Laddningsomgång", "pl": "Partia danych", "en": "Load batch"},
    "generated_by": {
        "sv": "Skapad av välfärdsatlasen (wellbeing export profile)",
        "pl": "Wygenerowano przez atlas dobrostanu (wellbeing export profile)",
        "en": "Generated by the well-being atlas (wellbeing export profile)",
    },
    "no_data": {
        "sv": "Det finns inga värden för området.",
        "pl": "Brak wartości dla obszaru.",
        "en": "There are no values for this area.",
    },
    "not_available": {"sv": "–", "pl": "–", "en": "–"},
}

METHODS: dict[str, tuple[str, ...]] = {
    "en": (
        "Confidence intervals: Wilson score intervals for proportions; exact Poisson below 10 events "
        "and Byar's method from 10 for rates and counts; the t-distribution for means. Intervals "
        "supplied by the source take precedence.",
        "Comparison with the city: the city value is compared with the area's 95% and 99.8% "
        "confidence intervals (the Fingertips method). Outside the 95% interval the area is better "
        "or worse, taking the indicator's direction into account; outside the 99.8% interval much "
        "better or much worse. Indicators without a direction are higher or lower.",
        "Comparison with the rest of the city: a two-sample test of the area against the city "
        "without the area.",
        "City values: proportions and rates from the summed numerators and denominators of the areas; "
        "an official city figure is used when supplied.",
        "Trends: a weighted least-squares slope over the last five periods (chi-square > 9.5495). "
        "The gap trend tells whether the difference from the city is narrowing or widening.",
        "Disclosure control: values based on too few events or persons are suppressed and never shown.",
    ),
    "sv": (
        "Konfidensintervall: Wilsons intervall för andelar; exakt Poisson under 10 händelser och "
        "Byars metod från 10 för kvoter och antal; t-fördelningen för medelvärden. Intervall från "
        "källan har företräde.",
        "Jämförelse med staden: stadens värde jämförs med områdets 95- och 99,8-procentiga "
        "konfidensintervall (Fingertips-metoden). Utanför 95-procentsintervallet är området bättre "
        "eller sämre med hänsyn till indikatorns riktning; utanför 99,8-procentsintervallet mycket "
        "bättre eller mycket sämre. Indikatorer utan riktning är högre eller lägre.",
        "Jämförelse med övriga staden: ett test för två stickprov, området mot staden utan området.",
        "Stadens värden: andelar och kvoter beräknas från summan av områdenas täljare och nämnare; "
        "ett officiellt stadsvärde används när det finns.",
        "Trender: en viktad minsta-kvadrat-lutning över de fem senaste perioderna (chi-två > 9,5495). "
        "Skillnad över tid visar om skillnaden mot staden minskar eller ökar.",
        "Röjandekontroll: värden som bygger på för få händelser eller personer undertrycks och visas aldrig.",
    ),
    "pl": (
        "Przedziały ufności: przedział Wilsona dla odsetków; dokładny przedział Poissona poniżej "
        "10 zdarzeń i metoda Byara od 10 dla współczynników i liczebności; rozkład t dla średnich. "
        "Przedziały podane przez źródło mają pierwszeństwo.",
        "Porównanie z miastem: wartość dla miasta porównuje się z 95% i 99,8% przedziałem ufności "
        "obszaru (metoda Fingertips). Poza przedziałem 95% obszar wypada lepiej lub gorzej, zgodnie "
        "z kierunkiem wskaźnika; poza przedziałem 99,8% znacznie lepiej lub znacznie gorzej. "
        "Wskaźniki bez kierunku oceny są wyżej lub niżej.",
        "Porównanie z resztą miasta: test dla dwóch prób, obszar wobec miasta bez tego obszaru.",
        "Wartości dla miasta: odsetki i współczynniki z sumy liczników i mianowników obszarów; "
        "oficjalna wartość dla miasta ma pierwszeństwo, jeśli jest dostępna.",
        "Trendy: ważone nachylenie metodą najmniejszych kwadratów z ostatnich pięciu okresów "
        "(chi-kwadrat > 9,5495). Zmiana różnicy pokazuje, czy różnica względem miasta maleje czy rośnie.",
        "Kontrola ujawniania: wartości oparte na zbyt małej liczbie zdarzeń lub osób są utajniane "
        "i nigdy nie są pokazywane.",
    ),
}

LABELS: dict[str, dict[str, dict[str, str]]] = {  # codes the dashboard does not name
    "status": {
        "not_compared": {"sv": "Ej jämfört", "pl": "Nie porównano", "en": "Not compared"},
        "discrepancy": {"sv": "Avvikande stadsvärde", "pl": "Rozbieżna wartość miasta", "en": "City figure differs"},
    },
    "domain": {
        "population": {"sv": "Befolkning", "pl": "Ludność", "en": "Population"},
        "economy": {"sv": "Ekonomi", "pl": "Gospodarka", "en": "Economy"},
        "income": {"sv": "Inkomst", "pl": "Dochody", "en": "Income"},
        "employment": {"sv": "Arbete", "pl": "Zatrudnienie", "en": "Employment"},
        "work": {"sv": "Arbete", "pl": "Praca", "en": "Work"},
        "social": {"sv": "Social sammanhållning", "pl": "Spójność społeczna", "en": "Social cohesion"},
        "participation": {"sv": "Delaktighet", "pl": "Uczestnictwo", "en": "Participation"},
        "children": {"sv": "Barn och unga", "pl": "Dzieci i młodzież", "en": "Children and young people"},
        "welfare": {"sv": "Välfärd", "pl": "Pomoc społeczna", "en": "Welfare"},
    },
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.")


def text(key: str, lang: str, **fields: object) -> str:
    """The report text ``key`` in ``lang`` with its placeholders filled."""
    _check_lang(lang)
    return TEXT[key][lang].format(**fields) if fields else TEXT[key][lang]


DASHBOARD_PREFIX = {
    "compared": "cmp", "trend": "trend", "gap": "gap", "sex": "sex", "status": "status",
    "polarity": "polarity", "value_type": "vt", "domain": "domain",
}


def label(group: str, code: object, lang: str) -> str:
    """The name of a vocabulary code, as the dashboard writes it where it names the code.

    Unknown codes come back readable (``work_income`` → ``Work income``), never hidden.
    """
    _check_lang(lang)
    if code is None or code != code:  # None or NaN
        return ""
    shared = DASHBOARD_STRINGS.get(f"{DASHBOARD_PREFIX.get(group, group)}.{code}")
    if shared is not None:
        return shared[LANGS.index(lang)]
    if group not in DASHBOARD_PREFIX:
        raise KeyError(group)
    names = LABELS.get(group, {}).get(str(code))
    if names is None:
        return str(code).replace("_", " ").capitalize()
    return names[lang]
