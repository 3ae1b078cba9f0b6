"""Strings of the public-health methods: standardised value types, the methods' statuses,
comparators and inequality within the city (merged into presentation.strings.STRINGS).

Same format as every table: ``key -> (sv, pl, en)``.
"""

from __future__ import annotations

METHOD_STRINGS: dict[str, tuple[str, str, str]] = {
    "vt.dsr": ("Åldersstandardiserad kvot", "Współczynnik standaryzowany wiekiem",
               "Age-standardised rate"),
    "vt.isr": ("Standardiserad kvot (staden = 100)", "Współczynnik standaryzowany (miasto = 100)",
               "Standardised ratio (city = 100)"),
    "vt.life_expectancy": ("Medellivslängd", "Przeciętne dalsze trwanie życia", "Life expectancy"),
    "status.too_few_events": ("Dolt (färre än 10 fall)", "Ukryte (mniej niż 10 zdarzeń)",
                              "Suppressed (fewer than 10 events)"),
    "status.too_few_person_years": ("Dolt (färre än 5 000 personår)",
                                    "Ukryte (mniej niż 5000 osobolat)",
                                    "Suppressed (fewer than 5,000 person-years)"),
    "status.interval_over_20_years": ("Dolt (intervallet är bredare än 20 år)",
                                      "Ukryte (przedział szerszy niż 20 lat)",
                                      "Suppressed (interval wider than 20 years)"),
    "status.not_aggregable": ("Kan inte beräknas", "Nie można obliczyć", "Cannot be calculated"),
    "method.dsr": (
        "Direkt åldersstandardiserad kvot per 100 000 (europeisk standardbefolkning 2013) med "
        "Dobsons konfidensintervall; visas inte vid färre än 10 fall. Staden beräknas ur "
        "summerade fall och befolkning per åldersgrupp.",
        "Współczynnik standaryzowany metodą bezpośrednią na 100 000 (europejska populacja "
        "standardowa 2013) z przedziałem Dobsona; ukryty poniżej 10 zdarzeń. Miasto z sumy "
        "zdarzeń i populacji w grupach wieku.",
        "Directly age-standardised rate per 100,000 (European Standard Population 2013) with "
        "Dobson's confidence interval; not shown below 10 events. The city value comes from "
        "the summed events and population of each age band."),
    "method.isr": (
        "Indirekt standardiserad kvot: observerade / förväntade fall × 100, där de förväntade "
        "kommer från stadens åldersspecifika kvoter; staden = 100. Exakta eller Byars gränser.",
        "Współczynnik standaryzowany metodą pośrednią: obserwowane / oczekiwane × 100, "
        "oczekiwane z współczynników miasta dla grup wieku; miasto = 100. Granice dokładne "
        "lub Byara.",
        "Indirectly standardised ratio: observed / expected × 100, the expected events from "
        "the city's age-specific rates; the city is 100. Exact or Byar's limits."),
    "method.life_expectancy": (
        "Medellivslängd vid födseln och vid 65 år ur en förkortad livslängdstabell (Chiang "
        "II, sista åldersgruppen öppen 90+); visas inte under 5 000 personår.",
        "Przeciętne dalsze trwanie życia od urodzenia i w wieku 65 lat z tablicy skróconej "
        "(Chiang II, ostatnia grupa otwarta 90+); ukryte poniżej 5000 osobolat.",
        "Life expectancy at birth and at 65 from an abridged life table (Chiang II, last band "
        "open at 90+); not shown below 5,000 person-years."),
    "method.spread": (
        "Värdena saknar konfidensintervall: ett område är bättre eller sämre än staden när det "
        "ligger mer än en standardavvikelse (av områdenas värden) från stadens värde.",
        "Wartości nie mają przedziałów ufności: obszar jest lepszy lub gorszy od miasta, gdy "
        "odbiega od wartości miasta o więcej niż jedno odchylenie standardowe wartości obszarów.",
        "The values have no confidence interval: an area is better or worse than the city when "
        "it lies more than one standard deviation (of the areas' values) from the city value."),
    "comparator.label": ("Jämför med", "Porównaj z", "Compare with"),
    "comparator.city": ("Staden", "Miasto", "The city"),
    "comparator.rest": ("Resten av staden", "Reszta miasta", "The rest of the city"),
    "comparator.parent": ("Överordnat område", "Obszar nadrzędny", "The parent district"),
    "comparator.uses": ("Jämförelserna görs mot: {name}.", "Porównania względem: {name}.",
                        "Judgements are against: {name}."),
    "ineq.title": ("Ojämlikhet inom staden", "Nierówności w mieście", "Inequality within the city"),
    "ineq.higher_in_deprived": (
        "{indicator} är {gap} {unit} högre i de mest utsatta än i de minst utsatta områdena "
        "({period}; lutningsindex SII, 95 % KI {low} till {high}; områdena rangordnade efter "
        "{measure}).",
        "{indicator}: o {gap} {unit} więcej w obszarach najbardziej niż najmniej "
        "zdeprywowanych ({period}; wskaźnik nachylenia SII, 95% PU {low} do {high}; obszary "
        "uszeregowane według: {measure}).",
        "{indicator} is {gap} {unit} higher in the most deprived than in the least deprived "
        "areas ({period}; slope index of inequality, 95% CI {low} to {high}; areas ranked by "
        "{measure})."),
    "ineq.lower_in_deprived": (
        "{indicator} är {gap} {unit} lägre i de mest utsatta än i de minst utsatta områdena "
        "({period}; lutningsindex SII, 95 % KI {low} till {high}; områdena rangordnade efter "
        "{measure}).",
        "{indicator}: o {gap} {unit} mniej w obszarach najbardziej niż najmniej "
        "zdeprywowanych ({period}; wskaźnik nachylenia SII, 95% PU {low} do {high}; obszary "
        "uszeregowane według: {measure}).",
        "{indicator} is {gap} {unit} lower in the most deprived than in the least deprived "
        "areas ({period}; slope index of inequality, 95% CI {low} to {high}; areas ranked by "
        "{measure})."),
    "ineq.none": (
        "Ojämlikheten i {indicator} kan inte beräknas (för få områden med värde och {measure}).",
        "Nie można obliczyć nierówności dla: {indicator} (za mało obszarów z wartością i "
        "miarą: {measure}).",
        "Inequality in {indicator} cannot be computed (too few areas with a value and "
        "{measure})."),
    "ineq.trend.narrowing": ("Gapet minskar.", "Różnica maleje.", "The gap is narrowing."),
    "ineq.trend.widening": ("Gapet ökar.", "Różnica rośnie.", "The gap is widening."),
    "ineq.trend.stable": ("Gapet är oförändrat.", "Różnica się nie zmienia.",
                          "The gap is not changing significantly."),
    "ineq.trend.not_enough_data": ("För få år för att se om gapet minskar.",
                                   "Za mało lat, by ocenić, czy różnica maleje.",
                                   "Too few years to tell whether the gap is closing."),
    "ineq.pp": ("procentenheter", "punktów procentowych", "percentage points"),
    "ineq.most": ("Mest utsatta", "Najbardziej zdeprywowane", "Most deprived"),
    "ineq.least": ("Minst utsatta", "Najmniej zdeprywowane", "Least deprived"),
    "ineq.decile": ("Tiondel efter {measure}", "Decyl według: {measure}", "Tenth by {measure}"),
    "ineq.fitted": ("Anpassad linje (SII)", "Dopasowana linia (SII)", "Fitted line (SII)"),
    "funnel.title": ("Trattdiagram", "Wykres lejkowy", "Funnel plot"),
    "funnel.x": ("Nämnare (befolkning)", "Mianownik (populacja)", "Denominator (population)"),
    "funnel.limits95": ("95 %-gränser", "Granice 95%", "95% limits"),
    "funnel.limits998": ("99,8 %-gränser", "Granice 99,8%", "99.8% limits"),
}
