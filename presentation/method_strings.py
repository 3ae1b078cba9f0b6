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
    "status.estimated": ("Uppskattat (ytviktat)", "Oszacowane (interpolacja)",
                         "Estimated (areal interpolation)"),
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
    "ineq.isr_points": ("enheter (staden = 100)", "punktów (miasto = 100)", "points (city = 100)"),
    "ineq.pp": ("procentenheter", "punktów procentowych", "percentage points"),
    "ineq.most": ("Mest utsatta", "Najbardziej zdeprywowane", "Most deprived"),
    "ineq.least": ("Minst utsatta", "Najmniej zdeprywowane", "Least deprived"),
    "ineq.decile": ("Tiondel efter {measure}", "Decyl według: {measure}", "Tenth by {measure}"),
    "ineq.fitted": ("Anpassad linje (SII)", "Dopasowana linia (SII)", "Fitted line (SII)"),
    "funnel.title": ("Trattdiagram", "Wykres lejkowy", "Funnel plot"),
    "funnel.x": ("Nämnare (befolkning)", "Mianownik (populacja)", "Denominator (population)"),
    "funnel.limits95": ("95 %-gränser", "Granice 95%", "95% limits"),
    "funnel.limits998": ("99,8 %-gränser", "Granice 99,8%", "99.8% limits"),
    # the dashboard's comparator switch, age groups, inequality block and funnel plot
    "comparator.phrase.city": ("staden", "miasto", "the city"),
    "comparator.phrase.rest": ("resten av staden", "reszta miasta", "the rest of the city"),
    "comparator.phrase.parent": ("det överordnade området", "obszar nadrzędny", "the parent district"),
    "comparator.no_value": (
        "{name} har inget värde för denna indikator och period: områdena jämförs inte.",
        "Brak wartości dla: {name} (ten wskaźnik i okres); obszary nie są porównane.",
        "{name} has no value for this indicator and period: the areas are not compared."),
    "cmpc.much_better": ("Mycket bättre än {name}", "Znacznie lepiej niż {name}", "Much better than {name}"),
    "cmpc.better": ("Bättre än {name}", "Lepiej niż {name}", "Better than {name}"),
    "cmpc.similar": ("Som {name}", "Podobnie jak {name}", "Similar to {name}"),
    "cmpc.worse": ("Sämre än {name}", "Gorzej niż {name}", "Worse than {name}"),
    "cmpc.much_worse": ("Mycket sämre än {name}", "Znacznie gorzej niż {name}", "Much worse than {name}"),
    "cmpc.higher": ("Högre än {name}", "Wyżej niż {name}", "Higher than {name}"),
    "cmpc.lower": ("Lägre än {name}", "Niżej niż {name}", "Lower than {name}"),
    "legend.compared": ("Jämfört med {name}", "Punkt odniesienia: {name}", "Compared with {name}"),
    "ctl.colouring.compared": ("Jämfört med {name}", "Porównanie: {name}", "Compared with {name}"),
    "map.alt.comparator": (
        "Karta över {n} områden, {indicator} {period}, jämfört med {name}: {better} bättre, "
        "{similar} likvärdiga och {worse} sämre.",
        "Mapa {n} obszarów, {indicator} {period} (punkt odniesienia: {name}): {better} lepiej, "
        "{similar} podobnie i {worse} gorzej.",
        "Map of {n} areas, {indicator} {period}, compared with {name}: {better} better, "
        "{similar} similar and {worse} worse."),
    "ctl.age": ("Ålder", "Wiek", "Age"),
    "age.all": ("Alla åldrar", "Wszystkie grupy wieku", "All ages"),
    "age.life_expectancy.all": ("Vid födseln", "Przy urodzeniu", "At birth"),
    "age.life_expectancy.65+": ("Vid 65 år", "W wieku 65 lat", "At 65"),
    "ineq.no_measure": (
        "Staden har inget mått på utsatthet att rangordna områdena efter, så ojämlikheten inom "
        "staden visas inte ([city] deprivation i konfigurationen).",
        "Miasto nie wskazało miary deprywacji, według której można uszeregować obszary, więc "
        "nierówności w mieście nie są pokazane ([city] deprivation w konfiguracji).",
        "The city names no deprivation measure to rank its areas by, so inequality within the "
        "city is not shown ([city] deprivation in the configuration)."),
    "ineq.is_measure": (
        "Områdena rangordnas efter just {indicator}, så den har ingen egen ojämlikhet här.",
        "Obszary są uszeregowane właśnie według: {indicator}, więc nie ma tu osobnej miary "
        "nierówności.",
        "The areas are ranked by {indicator} itself, so it has no inequality of its own here."),
    "ineq.other_age": (
        "Ojämlikheten inom staden beräknas för indikatorns huvudsakliga åldersgrupp; välj den "
        "ovan för att se den.",
        "Nierówności w mieście są liczone dla głównej grupy wieku wskaźnika; wybierz ją powyżej, "
        "aby je zobaczyć.",
        "Inequality within the city is computed for the indicator's main age group; choose it "
        "above to see it."),
    "ineq.chart": ("Tio lika stora befolkningsgrupper efter {measure}",
                   "Dziesięć równych grup ludności według: {measure}",
                   "Ten equal population groups by {measure}"),
    "ineq.x": ("Andel av invånarna, kumulativ", "Odsetek mieszkańców, skumulowany",
               "Share of residents, cumulative"),
    "ineq.hover": ("Tiondel {decile}, områden: {areas}", "Decyl {decile}, obszary: {areas}",
                   "Tenth {decile}, areas: {areas}"),
    "ineq.alt": (
        "Ojämlikhet i {indicator} {period}: {most} bland den mest utsatta tiondelen av "
        "invånarna, {least} bland den minst utsatta.",
        "Nierówności: {indicator} {period}: {most} w najbardziej zdeprywowanym decylu "
        "mieszkańców, {least} w najmniej zdeprywowanym.",
        "Inequality in {indicator} {period}: {most} in the most deprived tenth of residents, "
        "{least} in the least deprived."),
    "ineq.trend.title": ("Minskar gapet?", "Czy różnica maleje?", "Is the gap closing?"),
    "ineq.gap_axis": ("Mest minus minst utsatta", "Najbardziej minus najmniej zdeprywowane",
                      "Most minus least deprived"),
    "ineq.trend.alt": (
        "Gapet mellan de mest och minst utsatta gick från {start} ({first}) till {end} "
        "({last}). {trend}",
        "Różnica między najbardziej a najmniej zdeprywowanymi zmieniła się z {start} ({first}) "
        "na {end} ({last}). {trend}",
        "The gap between the most and least deprived went from {start} ({first}) to {end} "
        "({last}). {trend}"),
    "ineq.trend.too_short": ("Bara en period: en trend kräver minst två.",
                             "Tylko jeden okres: trend wymaga co najmniej dwóch.",
                             "Only one period: a trend needs at least two."),
    "ineq.method": (
        "Gapet är lutningsindexet för ojämlikhet (SII): skillnaden mellan den anpassade linjens "
        "ändar, från de mest till de minst utsatta, med alla områden vägda efter antal invånare. "
        "Över noll: högre bland de mest utsatta. Strecken är 95 %-konfidensintervall.",
        "Różnica to wskaźnik nachylenia nierówności (SII): odległość między końcami "
        "dopasowanej linii, od najbardziej do najmniej zdeprywowanych, ze wszystkimi obszarami "
        "ważonymi liczbą mieszkańców. Powyżej zera: więcej wśród najbardziej zdeprywowanych. "
        "Kreski to 95% przedziały ufności.",
        "The gap is the slope index of inequality (SII): the distance between the ends of the "
        "fitted line, from the most to the least deprived, with every area weighted by its "
        "residents. Above zero: higher among the most deprived. Bars are 95% confidence "
        "intervals."),
    "funnel.caption": (
        "Varje punkt är ett område: dess värde mot antalet personer det mäts på (nämnaren). Linjerna kring "
        "stadens värde är 95 %- och 99,8 %-kontrollgränser: ett litet område kan av en slump "
        "hamna långt från staden, ett stort kan inte det. Punkter utanför gränserna skiljer sig "
        "från staden mer än slumpen förklarar; prioriterade områden har tjock kant och namn.",
        "Każdy punkt to obszar: jego wartość względem liczby osób, na których jest mierzona "
        "(mianownika). Linie wokół "
        "wartości miasta to granice kontrolne 95% i 99,8%: mały obszar może przypadkiem "
        "odbiegać od miasta, duży nie. Punkty poza granicami różnią się od miasta bardziej, niż "
        "tłumaczy przypadek; obszary priorytetowe mają grubą obwódkę i nazwę.",
        "Each point is an area: its value against the number of people it is measured on (the "
        "denominator). The lines "
        "around the city value are the 95% and 99.8% control limits: a small area can lie far "
        "from the city by chance, a large one cannot. Points outside the limits differ from the "
        "city more than chance explains; prioritized areas are outlined and named."),
    "funnel.denominator": ("Nämnare (antal personer)", "Mianownik (liczba osób)",
                           "Denominator (number of people)"),
    "funnel.alt": (
        "Trattdiagram över {n} områden för {indicator}: {outside} utanför 95 %-gränserna, varav "
        "{far} utanför 99,8 %-gränserna.",
        "Wykres lejkowy {n} obszarów dla: {indicator}; poza granicami 95%: {outside}, w tym poza "
        "granicami 99,8%: {far}.",
        "Funnel plot of {n} areas for {indicator}: {outside} outside the 95% limits, {far} of "
        "them outside the 99.8% limits."),
    "funnel.pos.much_better": ("Mycket bättre (utanför 99,8 %)", "Znacznie lepiej (poza 99,8%)",
                               "Much better (outside 99.8%)"),
    "funnel.pos.better": ("Bättre (utanför 95 %)", "Lepiej (poza 95%)", "Better (outside 95%)"),
    "funnel.pos.similar": ("Inom gränserna", "W granicach", "Within the limits"),
    "funnel.pos.worse": ("Sämre (utanför 95 %)", "Gorzej (poza 95%)", "Worse (outside 95%)"),
    "funnel.pos.much_worse": ("Mycket sämre (utanför 99,8 %)", "Znacznie gorzej (poza 99,8%)",
                              "Much worse (outside 99.8%)"),
    "funnel.pos.higher": ("Över gränserna", "Powyżej granic", "Above the limits"),
    "funnel.pos.lower": ("Under gränserna", "Poniżej granic", "Below the limits"),
}
