"""Report text of the area profiles in Swedish, Polish and English.

Every key has all three languages (a test checks). ``text(key, lang, **fields)``
fills ``{placeholders}``. ``label(group, code, lang)`` names a vocabulary code
(comparison outcome, trend, sex, domain...) with the dashboard's words
(:mod:`presentation.strings`), so a profile and the screen say the same thing; the
``LABELS`` here cover codes the dashboard does not name.
"""

from __future__ import annotations

from presentation.i18n import translate
from presentation.strings import STRINGS as DASHBOARD_STRINGS
from presentation.strings import Plural, Text
from settings.languages import LANGS

TEXT: dict[str, tuple[Text, Text, Text]] = {
    "report_title": ("Områdesprofil", "Profil obszaru", "Area profile"),
    "city": ("Kommun", "Miasto", "City"),
    "export_date": ("Exportdatum", "Data eksportu", "Export date"),
    "data_periods": ("Dataperioder", "Okresy danych", "Data periods"),
    "latest_period": ("Senaste period", "Ostatni okres", "Latest period"),
    "population": ("Befolkning", "Ludność", "Population"),
    "area_code": ("Områdeskod", "Kod obszaru", "Area code"),
    "area": ("Område", "Obszar", "Area"),
    "level": ("Nivå", "Poziom", "Level"),
    "prioritized": ("Prioriterat område", "Obszar priorytetowy", "Prioritized area"),
    "indicators_count": ("Antal indikatorer", "Liczba wskaźników", "Indicators"),
    "synthetic": (
        "Syntetiska data – endast för demonstration",
        "Dane syntetyczne – wyłącznie do demonstracji",
        "Synthetic data – for demonstration only",
    ),
    "locator": (
        "{area} (markerat) i {city}",
        "{area} (wyróżniony) na tle miasta {city}",
        "{area} (highlighted) in {city}",
    ),
    "prioritized_areas": ("Prioriterade områden", "Obszary priorytetowe", "Prioritized areas"),
    "other_areas": ("Övriga områden", "Pozostałe obszary", "Other areas"),
    "summary": ("Sammanfattning", "Podsumowanie", "Summary"),
    "summary_overall": (
        "Av {n} {noun} som jämförts med staden är {worse} signifikant sämre, {better} signifikant bättre och {similar} utan signifikant skillnad.",
        "Spośród {n} {noun} z miastem: {worse} istotnie gorzej, {better} istotnie lepiej, {similar} bez istotnej różnicy.",
        "Of {n} {noun} with the city: {worse} significantly worse, {better} significantly better, {similar} not significantly different.",
    ),
    "noun": (Plural(one="indikator", other="indikatorer"),
             Plural(one="wskaźnika porównanego", few="wskaźników porównanych",
                    many="wskaźników porównanych", other="wskaźników porównanych"),
             Plural(one="indicator compared", other="indicators compared")),
    "summary_neutral": (
        "Utan bra eller dålig riktning: {higher} signifikant högre, {lower} signifikant lägre.",
        "Bez kierunku oceny: {higher} istotnie wyżej, {lower} istotnie niżej.",
        "Without a good or bad direction: {higher} significantly higher, {lower} significantly lower.",
    ),
    "summary_worse": ("Sämre: {names}.", "Gorzej: {names}.", "Worse: {names}."),
    "summary_better": ("Bättre: {names}.", "Lepiej: {names}.", "Better: {names}."),
    "summary_trend": (
        "Utveckling över tid: {better} förbättras, {worse} försämras.",
        "Zmiany w czasie: poprawa – {better}, pogorszenie – {worse}.",
        "Over time: {better} improving, {worse} worsening.",
    ),
    "summary_gap": (
        "Skillnaden mot staden: minskar för {narrowing}, ökar för {widening}.",
        "Różnica względem miasta: maleje – {narrowing}, rośnie – {widening}.",
        "Gap to the city: narrowing for {narrowing}, widening for {widening}.",
    ),
    "summary_none": (
        "Det finns inga jämförbara värden för området.",
        "Brak porównywalnych wartości dla obszaru.",
        "There are no comparable values for this area.",
    ),
    "domain_summary": (
        "{worse} sämre, {better} bättre, {similar} utan signifikant skillnad (jämförda: {n}).",
        "{worse} gorzej, {better} lepiej, {similar} bez istotnej różnicy (porównano: {n}).",
        "{worse} worse, {better} better, {similar} not significantly different ({n} compared).",
    ),
    "by_domain": ("Per område", "Według dziedzin", "By domain"),
    "domain": ("Område", "Dziedzina", "Domain"),
    "count_better": ("Bättre", "Lepiej", "Better"),
    "count_similar": ("Liknande", "Podobnie", "Similar"),
    "count_worse": ("Sämre", "Gorzej", "Worse"),
    "indicator": ("Indikator", "Wskaźnik", "Indicator"),
    "indicator_id": ("Indikator-id", "Identyfikator", "Indicator id"),
    "period": ("Period", "Okres", "Period"),
    "value": ("Värde", "Wartość", "Value"),
    "ci95": ("95 % KI", "95% PU", "95% CI"),
    "lower95": ("Undre 95 % KI", "Dolna granica 95% PU", "Lower 95% CI"),
    "upper95": ("Övre 95 % KI", "Górna granica 95% PU", "Upper 95% CI"),
    "lower998": ("Undre 99,8 % KI", "Dolna granica 99,8% PU", "Lower 99.8% CI"),
    "upper998": ("Övre 99,8 % KI", "Górna granica 99,8% PU", "Upper 99.8% CI"),
    "city_value": ("Staden", "Miasto", "City"),
    "difference": ("Skillnad", "Różnica", "Difference"),
    "ratio": ("Kvot", "Iloraz", "Ratio"),
    "compared": ("Mot staden", "Wobec miasta", "vs city"),
    "compared_rest": ("Mot övriga staden", "Wobec reszty miasta", "vs rest of city"),
    "trend": ("Trend", "Trend", "Trend"),
    "gap_trend": ("Skillnad över tid", "Zmiana różnicy", "Gap trend"),
    "rank": ("Rang", "Pozycja", "Rank"),
    "quintile": ("Kvintil", "Kwintyl", "Quintile"),
    "numerator": ("Täljare", "Licznik", "Numerator"),
    "denominator": ("Nämnare", "Mianownik", "Denominator"),
    "status": ("Status", "Status", "Status"),
    "unit": ("Enhet", "Jednostka", "Unit"),
    "sex": ("Kön", "Płeć", "Sex"),
    "age_group": ("Åldersgrupp", "Grupa wieku", "Age group"),
    "table_title": ("Indikatorer", "Wskaźniki", "Indicators"),
    "spine_title": (
        "Området jämfört med alla områden",
        "Obszar na tle wszystkich obszarów",
        "The area against all areas",
    ),
    "spine_note": (
        "Stapeln visar spridningen mellan områdena (mörkare: 25–75:e percentilen); linjen i mitten är staden.",
        "Pasek pokazuje rozrzut między obszarami (ciemniej: 25.–75. percentyl); linia środkowa to miasto.",
        "The bar shows the range across areas (darker: 25th–75th percentile); the centre line is the city.",
    ),
    "trends_title": (
        "Utveckling över tid: området och staden",
        "Zmiany w czasie: obszar i miasto",
        "Trends: area and city",
    ),
    "worst": ("Sämst", "Najgorzej", "Worst"),
    "best": ("Bäst", "Najlepiej", "Best"),
    "lowest": ("Lägst", "Najniżej", "Lowest"),
    "highest": ("Högst", "Najwyżej", "Highest"),
    "spine_left": ("Sämst / lägst", "Najgorzej / najniżej", "Worst / lowest"),
    "spine_right": ("Bäst / högst", "Najlepiej / najwyżej", "Best / highest"),
    "spine_marker": (
        "Området (färg: jämfört med staden)",
        "Obszar (kolor: porównanie z miastem)",
        "Area (colour: compared with the city)",
    ),
    "areas_range": ("Alla områden", "Wszystkie obszary", "All areas"),
    "continued": ("forts.", "cd.", "continued"),
    "yes": ("Ja", "Tak", "Yes"),
    "about_title": ("Om området", "O obszarze", "About the area"),
    "note_kind": ("Typ", "Rodzaj", "Kind"),
    "note_title": ("Rubrik", "Tytuł", "Title"),
    "note_text": ("Beskrivning", "Opis", "Description"),
    "note_lang": ("Språk", "Język", "Language"),
    "note_url": ("Webbsida", "Strona internetowa", "Web page"),
    "no": ("Nej", "Nie", "No"),
    "this_area": ("Området", "Obszar", "Area"),
    "percentile_band": ("25–75:e percentilen", "25.–75. percentyl", "25th–75th percentile"),
    "sex_title": ("Uppdelning efter kön", "Podział według płci", "Breakdown by sex"),
    "sex_none": (
        "Det finns inga könsuppdelade värden för området.",
        "Brak wartości w podziale na płeć dla obszaru.",
        "There are no values by sex for this area.",
    ),
    "age_title": ("Uppdelning efter åldersgrupp", "Podział według grup wieku", "Breakdown by age group"),
    "quality_title": ("Datakvalitet", "Jakość danych", "Data quality"),
    "quality_none": (
        "Inga undertryckta, saknade eller ej jämförda värden.",
        "Brak utajnionych, brakujących lub nieporównanych wartości.",
        "No suppressed, missing or not-compared values.",
    ),
    "quality_suppressed": (
        "Undertryckta för att skydda enskilda (för få händelser eller personer), visas tomma: {n}",
        "Utajnione w celu ochrony danych osobowych (za mało zdarzeń lub osób), puste: {n}",
        "Suppressed to protect individuals (too few events or persons), left blank: {n}",
    ),
    "quality_missing": ("Saknas i källan: {n}", "Brak w źródle: {n}", "Missing from the source: {n}"),
    "quality_not_compared": (
        "Ej jämförda med staden (inget konfidensintervall eller stadsvärde): {n}",
        "Nieporównane z miastem (brak przedziału ufności lub wartości dla miasta): {n}",
        "Not compared with the city (no confidence interval or city value): {n}",
    ),
    "quality_estimated": (
        "Uppskattade genom ytviktad fördelning från andra områdesindelningar: {n}",
        "Oszacowane przez interpolację powierzchniową z innego podziału na obszary: {n}",
        "Estimated by areal interpolation from other area boundaries: {n}",
    ),
    "quality_discrepancy": (
        "Officiella stadsvärden som avviker från summan av områdena (det officiella värdet används): {n}",
        "Oficjalne wartości dla miasta różniące się od sumy obszarów (użyto wartości oficjalnej): {n}",
        "Official city figures that differ from the sum of the areas (the official figure is used): {n}",
    ),
    "reason": ("Anledning", "Powód", "Reason"),
    "appendix_title": (
        "Bilaga: definitioner, källor och metoder",
        "Załącznik: definicje, źródła i metody",
        "Appendix: definitions, sources and methods",
    ),
    "definitions": ("Definitioner och källor", "Definicje i źródła", "Definitions and sources"),
    "methods": ("Metoder", "Metody", "Methods"),
    "definition": ("Definition", "Definicja", "Definition"),
    "source": ("Källa", "Źródło", "Source"),
    "polarity": ("Riktning", "Kierunek", "Direction"),
    "value_type": ("Måtttyp", "Typ miary", "Measure"),
    "legend": ("Teckenförklaring", "Legenda", "Legend"),
    "page": ("Sida {page} av {pages}", "Strona {page} z {pages}", "Page {page} of {pages}"),
    "metadata": ("Om rapporten", "O raporcie", "About"),
    "batch": ("Laddningsomgång", "Partia danych", "Load batch"),
    "generated_by": (
        "Skapad av välfärdsatlasen (wellbeing export profile)",
        "Wygenerowano przez atlas dobrostanu (wellbeing export profile)",
        "Generated by the well-being atlas (wellbeing export profile)",
    ),
    "no_data": (
        "Det finns inga värden för området.",
        "Brak wartości dla obszaru.",
        "There are no values for this area.",
    ),
    "not_available": ("–", "–", "–"),
    "method_intervals": (
        "Konfidensintervall: Wilsons intervall för andelar; exakt Poisson under 10 händelser och Byars metod från 10 för kvoter och antal; t-fördelningen för medelvärden. Intervall från källan har företräde.",
        "Przedziały ufności: przedział Wilsona dla odsetków; dokładny przedział Poissona poniżej 10 zdarzeń i metoda Byara od 10 dla współczynników i liczebności; rozkład t dla średnich. Przedziały podane przez źródło mają pierwszeństwo.",
        "Confidence intervals: Wilson score intervals for proportions; exact Poisson below 10 events and Byar's method from 10 for rates and counts; the t-distribution for means. Intervals supplied by the source take precedence.",
    ),
    "method_city": (
        "Jämförelse med staden: stadens värde jämförs med områdets 95- och 99,8-procentiga konfidensintervall (Fingertips-metoden). Utanför 95-procentsintervallet är området bättre eller sämre med hänsyn till indikatorns riktning; utanför 99,8-procentsintervallet mycket bättre eller mycket sämre. Indikatorer utan riktning är högre eller lägre.",
        "Porównanie z miastem: wartość dla miasta porównuje się z 95% i 99,8% przedziałem ufności obszaru (metoda Fingertips). Poza przedziałem 95% obszar wypada lepiej lub gorzej, zgodnie z kierunkiem wskaźnika; poza przedziałem 99,8% znacznie lepiej lub znacznie gorzej. Wskaźniki bez kierunku oceny są wyżej lub niżej.",
        "Comparison with the city: the city value is compared with the area's 95% and 99.8% confidence intervals (the Fingertips method). Outside the 95% interval the area is better or worse, taking the indicator's direction into account; outside the 99.8% interval much better or much worse. Indicators without a direction are higher or lower.",
    ),
    "method_rest": (
        "Jämförelse med övriga staden: ett test för två stickprov, området mot staden utan området.",
        "Porównanie z resztą miasta: test dla dwóch prób, obszar wobec miasta bez tego obszaru.",
        "Comparison with the rest of the city: a two-sample test of the area against the city without the area.",
    ),
    "method_city_values": (
        "Stadens värden: andelar och kvoter beräknas från summan av områdenas täljare och nämnare; ett officiellt stadsvärde används när det finns.",
        "Wartości dla miasta: odsetki i współczynniki z sumy liczników i mianowników obszarów; oficjalna wartość dla miasta ma pierwszeństwo, jeśli jest dostępna.",
        "City values: proportions and rates from the summed numerators and denominators of the areas; an official city figure is used when supplied.",
    ),
    "method_trends": (
        "Trender: en viktad minsta-kvadrat-lutning över de fem senaste perioderna (chi-två > 9,54954). Skillnad över tid visar om skillnaden mot staden minskar eller ökar.",
        "Trendy: ważone nachylenie metodą najmniejszych kwadratów z ostatnich pięciu okresów (chi-kwadrat > 9,54954). Zmiana różnicy pokazuje, czy różnica względem miasta maleje czy rośnie.",
        "Trends: a weighted least-squares slope over the last five periods (chi-square > 9.54954). The gap trend tells whether the difference from the city is narrowing or widening.",
    ),
    "method_disclosure": (
        "Röjandekontroll: värden som bygger på för få händelser eller personer undertrycks och visas aldrig.",
        "Kontrola ujawniania: wartości oparte na zbyt małej liczbie zdarzeń lub osób są utajniane i nigdy nie są pokazywane.",
        "Disclosure control: values based on too few events or persons are suppressed and never shown.",
    ),
    "quality_too_few_events": (
        "Inte beräknade (färre än 10 fall): {n}",
        "Nieobliczone (mniej niż 10 zdarzeń): {n}",
        "Not computed (fewer than 10 events): {n}",
    ),
    "quality_too_few_person_years": (
        "Inte beräknade (färre än 5 000 personår): {n}",
        "Nieobliczone (mniej niż 5000 osobolat): {n}",
        "Not computed (fewer than 5,000 person-years): {n}",
    ),
    "quality_interval_over_20_years": (
        "Visas inte (konfidensintervallet är bredare än 20 år): {n}",
        "Niepokazane (przedział ufności szerszy niż 20 lat): {n}",
        "Not shown (confidence interval wider than 20 years): {n}",
    ),
    "comparator_uses": (
        "Bedömningarna (bättre, liknande, sämre) jämför området med {name}.",
        "Oceny (lepiej, podobnie, gorzej) porównują obszar z wartością dla: {name}.",
        "The judgements (better, similar, worse) compare the area with {name}.",
    ),
    "comparator": ("Jämförelse", "Porównanie", "Comparator"),
    "compared_other": ("Mot {name}", "Wobec: {name}", "vs {name}"),
    "comparator_value": ("Jämförelsevärde", "Wartość porównawcza", "Comparator value"),
    "summary_overall_other": (
        "Av {n} {noun} som kunde jämföras är {worse} signifikant sämre, {better} signifikant bättre och {similar} utan signifikant skillnad (jämförelse: {name}).",
        "Spośród {n} {noun}: {worse} istotnie gorzej, {better} istotnie lepiej, {similar} bez istotnej różnicy (porównanie: {name}).",
        "Of {n} {noun}: {worse} significantly worse, {better} significantly better, {similar} not significantly different (comparator: {name}).",
    ),
    "spine_marker_other": (
        "Området (färg: jämfört med {name})",
        "Obszar (kolor: porównanie – {name})",
        "Area (colour: compared with {name})",
    ),
    "ineq_intro": (
        "Lutningsindex för ojämlikhet (SII): skillnaden, i indikatorns enhet, mellan de mest och de minst utsatta områdena i staden, skattad över alla områden rangordnade efter {measure} och viktade efter befolkning.",
        "Wskaźnik nachylenia nierówności (SII): różnica, w jednostce wskaźnika, między najbardziej i najmniej zdeprywowanymi obszarami miasta, oszacowana na wszystkich obszarach uszeregowanych według miary: {measure} i ważonych liczbą ludności.",
        "The slope index of inequality (SII) is the gap, in the indicator's unit, between the most and the least deprived areas of the city, estimated over all areas ranked by {measure} and weighted by population.",
    ),
    "ineq_no_measure": (
        "Staden har inte valt något mått på socioekonomisk utsatthet, så ojämlikheten inom staden beräknas inte.",
        "Miasto nie wybrało miary deprywacji, więc nierówności w mieście nie są obliczane.",
        "The city has not chosen a deprivation measure, so inequality within the city is not computed.",
    ),
    "ineq_no_lines": (
        "Ingen av profilens indikatorer har ett beräknat lutningsindex (för få områden med värden).",
        "Żaden ze wskaźników profilu nie ma obliczonego wskaźnika nachylenia (za mało obszarów z wartościami).",
        "None of the profile's indicators has a slope index of inequality (too few areas with values).",
    ),
    "sii": ("SII", "SII", "SII"),
    "sii_trend": ("Gapets utveckling", "Zmiana różnicy", "Trend of the gap"),
    "sii_series": ("SII per period", "SII według okresów", "SII by period"),
    "rii": ("RII", "RII", "RII"),
    "areas_n": ("Områden", "Obszary", "Areas"),
    "headline": ("Sammanfattning", "Podsumowanie", "Headline"),
    "method_comparator": (
        "Jämförelse med {name}: värdet jämförs med områdets 95- och 99,8-procentiga konfidensintervall, på samma sätt som stadens värde.",
        "Porównanie z wartością dla: {name} – porównuje się ją z 95% i 99,8% przedziałem ufności obszaru, tak jak wartość dla miasta.",
        "Comparison with {name}: its value is compared with the area's 95% and 99.8% confidence intervals, as the city value is.",
    ),
    "method_national": (
        "{name}: det nationella värdet för samma period, kön och åldersgrupp, som referens.",
        "{name}: wartość krajowa dla tego samego okresu, płci i grupy wieku, jako punkt odniesienia.",
        "{name}: the national value for the same period, sex and age group, for reference.",
    ),
    "method_inequality": (
        "Ojämlikhet inom staden: lutningsindex för ojämlikhet (SII) och relativt index (RII) från en befolkningsviktad regression av värdena på områdenas rangordning efter {measure}, med 95-procentiga konfidensintervall; gapets utveckling testas över de fem senaste perioderna som skillnaden mot staden.",
        "Nierówności w mieście: wskaźnik nachylenia (SII) i wskaźnik względny (RII) z regresji ważonej liczbą ludności wartości względem pozycji obszarów według miary: {measure}, z 95% przedziałami ufności; zmianę różnicy testuje się w ostatnich pięciu okresach tak jak różnicę względem miasta.",
        "Inequality within the city: the slope index of inequality (SII) and the relative index (RII) from a population-weighted regression of the values on the areas' rank by {measure}, with 95% confidence intervals; the trend of the gap is tested over the last five periods as the gap to the city is.",
    ),
}

METHOD_KEYS = ("method_intervals", "method_city", "method_rest", "method_city_values", "method_trends", "method_disclosure")
"""The appendix's method paragraphs, in order (entries of TEXT)."""

LABELS: dict[str, dict[str, tuple[str, str, str]]] = {  # codes the dashboard does not name
    "comparator": {  # a comparator's name inside a sentence (supplied ones: their own name)
        "city": ("staden", "miasto", "the city"),
        "rest": ("övriga staden", "reszta miasta", "the rest of the city"),
        "parent": ("det överordnade området", "obszar nadrzędny", "the parent district"),
    },
    "status": {
        "not_compared": ("Ej jämfört", "Nie porównano", "Not compared"),
        "discrepancy": ("Avvikande stadsvärde", "Rozbieżna wartość miasta", "City figure differs"),
        "too_few_areas": ("För få områden", "Za mało obszarów", "Too few areas"),
    },
    "domain": {
        "population": ("Befolkning", "Ludność", "Population"),
        "economy": ("Ekonomi", "Gospodarka", "Economy"),
        "income": ("Inkomst", "Dochody", "Income"),
        "employment": ("Arbete", "Zatrudnienie", "Employment"),
        "work": ("Arbete", "Praca", "Work"),
        "social": ("Social sammanhållning", "Spójność społeczna", "Social cohesion"),
        "participation": ("Delaktighet", "Uczestnictwo", "Participation"),
        "children": ("Barn och unga", "Dzieci i młodzież", "Children and young people"),
        "welfare": ("Välfärd", "Pomoc społeczna", "Welfare"),
    },
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.")


def text(key: str, lang: str, **fields: object) -> str:
    """The report text ``key`` in ``lang`` with its placeholders filled."""
    _check_lang(lang)
    return translate(TEXT, key, lang, "reports/strings.py", **fields)


def methods(lang: str) -> tuple[str, ...]:
    """The appendix's method paragraphs in ``lang``."""
    return tuple(text(key, lang) for key in METHOD_KEYS)


def shared(key: str, lang: str, **fields: object) -> str:
    """A text of the vocabulary the reports share with the dashboard (presentation/strings.py
    and presentation/method_strings.py), e.g. ``method.dsr`` or ``ineq.title``."""
    _check_lang(lang)
    return translate(DASHBOARD_STRINGS, key, lang, "presentation/strings.py", **fields)


def comparator_in_text(code: str, name: str, lang: str) -> str:
    """A comparator as a sentence names it: the built-in ones in lower case (``the rest of
    the city``), a supplied one by its own ``name`` (``Sweden``)."""
    _check_lang(lang)
    builtin = LABELS["comparator"]
    return translate(builtin, code, lang, "reports/strings.py") if code in builtin else name


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
    key = f"{DASHBOARD_PREFIX.get(group, group)}.{code}"
    if key in DASHBOARD_STRINGS:
        return translate(DASHBOARD_STRINGS, key, lang, "presentation/strings.py")
    if group not in DASHBOARD_PREFIX:
        raise KeyError(group)
    names = LABELS.get(group, {})
    if str(code) not in names:
        return str(code).replace("_", " ").capitalize()
    return translate(names, str(code), lang, "reports/strings.py")
