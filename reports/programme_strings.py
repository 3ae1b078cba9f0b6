"""Text of the annual implementation report of a programme, in Swedish, Polish and English.

Same format as :mod:`reports.strings` (``key -> (sv, pl, en)``, ``str.format`` fields);
words the area profiles already have (city, export date, page, summary...) come from
there. ``label(group, code, lang)`` names the programme vocabulary: sectors, initiative
statuses, institution types, progress towards a target and target directions.
"""

from __future__ import annotations

from presentation.i18n import translate
from presentation.strings import Text
from settings.languages import LANGS

WHERE = "reports/programme_strings.py"

TEXT: dict[str, tuple[Text, Text, Text]] = {
    "report_title": ("Årlig genomföranderapport", "Roczne sprawozdanie z realizacji",
                     "Annual implementation report"),
    "title_year": ("Genomförande {year}", "Realizacja w roku {year}", "Implementation in {year}"),
    "programme": ("Program", "Program", "Programme"),
    "programme_period": ("Programperiod", "Okres programu", "Programme period"),
    "report_year": ("Rapportår", "Rok sprawozdawczy", "Report year"),
    "goals": ("Mål", "Cele", "Goals"),
    "goal": ("Mål", "Cel", "Goal"),
    "goal_heading": ("Mål {n}: {name}", "Cel {n}: {name}", "Goal {n}: {name}"),
    "goals_lead": (
        "Målvärden per mål: uppnådda, i fas eller inte i fas med målet i rapportåret.",
        "Wartości docelowe według celów: osiągnięte, na dobrej drodze lub zagrożone w roku sprawozdawczym.",
        "Targets per goal: achieved, on track or off track in the report year.",
    ),
    "goal_lead": (
        "Indikatorer som mäter målet, i de prioriterade områdena och i hela staden.",
        "Wskaźniki mierzące cel w obszarach priorytetowych i w całym mieście.",
        "Indicators that measure the goal, in the prioritized areas and the whole city.",
    ),
    "no_indicators": ("Målet har inga indikatorer.", "Cel nie ma wskaźników.",
                      "The goal has no indicators."),
    "indicator": ("Indikator", "Wskaźnik", "Indicator"),
    "area": ("Område", "Obszar", "Area"),
    "whole_city": ("{city} (hela staden)", "{city} (całe miasto)", "{city} (whole city)"),
    "baseline": ("Utgångsläge", "Wartość bazowa", "Baseline"),
    "latest": ("Senaste värde", "Ostatnia wartość", "Latest value"),
    "target": ("Målvärde", "Wartość docelowa", "Target"),
    "progress": ("Måluppfyllelse", "Postęp", "Progress"),
    "trend": ("Utveckling", "Tendencja", "Trend"),
    "direction": ("Riktning", "Kierunek", "Direction"),
    "period": ("Period", "Okres", "Period"),
    "by_period": ("till {period}", "do {period}", "by {period}"),
    "in_period": ("år {period}", "w okresie {period}", "in {period}"),
    "suppressed": ("dolt", "ukryte", "suppressed"),
    "unit": ("Enhet", "Jednostka", "Unit"),
    "initiatives": ("Insatser", "Inicjatywy", "Initiatives"),
    "initiatives_year": ("Insatser aktiva {year}", "Inicjatywy realizowane w roku {year}",
                         "Initiatives active in {year}"),
    "initiatives_lead": (
        "Insatser som pågår någon gång under rapportåret, per område och sektor.",
        "Inicjatywy realizowane w dowolnym momencie roku sprawozdawczego, według obszarów i sektorów.",
        "Initiatives running at any time in the report year, by area and sector.",
    ),
    "no_initiatives": ("Inga insatser är aktiva detta år.", "W tym roku nie realizowano inicjatyw.",
                       "No initiative is active in this year."),
    "initiative": ("Insats", "Inicjatywa", "Initiative"),
    "initiatives_by_status": ("Insatser efter status", "Inicjatywy według statusu",
                              "Initiatives by status"),
    "sector": ("Sektor", "Sektor", "Sector"),
    "status": ("Status", "Status", "Status"),
    "lead": ("Huvudansvarig", "Lider", "Lead"),
    "partners": ("Samarbetspartner", "Partnerzy", "Partners"),
    "years": ("År", "Lata", "Years"),
    "initiative_id": ("Insats-id", "Identyfikator inicjatywy", "Initiative id"),
    "programme_id": ("Program-id", "Identyfikator programu", "Programme id"),
    "start_year": ("Startår", "Rok rozpoczęcia", "Start year"),
    "end_year": ("Slutår", "Rok zakończenia", "End year"),
    "open_ended": ("{start}–tills vidare", "{start}–bezterminowo", "{start}–open-ended"),
    "budget": ("Budget", "Budżet", "Budget"),
    "participants": ("Nådda personer", "Liczba uczestników", "People reached"),
    "budget_note": (
        "Summa för insatser aktiva under året som anger budget ({n} av {total}).",
        "Suma dla inicjatyw realizowanych w roku, które podają budżet ({n} z {total}).",
        "Sum over the initiatives active in the year that give a budget ({n} of {total}).",
    ),
    "participants_note": (
        "Summa för insatser aktiva under året som anger antal ({n} av {total}).",
        "Suma dla inicjatyw realizowanych w roku, które podają liczbę ({n} z {total}).",
        "Sum over the initiatives active in the year that give a number ({n} of {total}).",
    ),
    "areas_covered": ("Områden med insatser", "Obszary objęte inicjatywami", "Areas covered"),
    "prioritized_covered": (
        "{n} av {total} prioriterade områden", "{n} z {total} obszarów priorytetowych",
        "{n} of {total} prioritized areas",
    ),
    "no_area": ("Hela staden / utan område", "Całe miasto / bez obszaru", "City-wide / no area"),
    "count": ("Antal", "Liczba", "Count"),
    "total": ("Totalt", "Razem", "Total"),
    "map_title": ("Var insatserna genomförs", "Gdzie realizowane są inicjatywy",
                  "Where initiatives run"),
    "map_caption": (
        "Antal insatser aktiva {year} per område i {city}; prioriterade områden med kraftig kontur.",
        "Liczba inicjatyw realizowanych w roku {year} według obszarów miasta {city}; obszary priorytetowe z grubym obrysem.",
        "Number of initiatives active in {year} per area of {city}; prioritized areas outlined.",
    ),
    "map_none": ("ingen insats", "brak inicjatyw", "no initiative"),
    "map_prioritized": ("Prioriterat område", "Obszar priorytetowy", "Prioritized area"),
    "initiatives_per_area": ("Insatser per område", "Inicjatywy według obszarów",
                             "Initiatives per area"),
    "method": ("Metod och källor", "Metoda i źródła", "Method and sources"),
    "method_progress": (
        "Måluppfyllelse (samma bedömning som kartan och områdesprofilen): ett mål är uppnått "
        "när det senaste värdet till och med rapportåret når målvärdet i målets riktning (öka "
        "eller minska). Annars dras en regressionslinje (minsta kvadrat) genom värdena från "
        "utgångsårets till det senaste och förlängs till målåret: når den målvärdet är målet i "
        "fas, annars inte i fas; ett passerat målår utan att målet nåtts är inte i fas. Med "
        "färre än tre värden, eller utan värden sedan utgångsåret, bedöms målet inte. Dolda "
        "värden räknas inte.",
        "Postęp (ta sama ocena co na mapie i w profilu obszaru): cel jest osiągnięty, gdy "
        "ostatnia wartość do roku sprawozdawczego włącznie osiąga wartość docelową w kierunku "
        "celu (wzrost lub spadek). W przeciwnym razie linię regresji (metoda najmniejszych "
        "kwadratów) przez wartości od roku bazowego do ostatniego przedłuża się do roku "
        "docelowego: jeśli osiąga wartość docelową, cel jest na dobrej drodze, jeśli nie – "
        "zagrożony; miniony rok docelowy bez osiągnięcia celu oznacza cel zagrożony. Przy mniej "
        "niż trzech wartościach lub bez wartości od roku bazowego celu się nie ocenia. Wartości "
        "ukryte nie są liczone.",
        "Progress (the judgement the map and the area profile show): a target is achieved when "
        "the latest value up to the report year reaches the target value in the target's "
        "direction (increase or decrease). Otherwise a least-squares line through the values "
        "from the baseline year to the latest is extended to the target year: if it reaches the "
        "target, the target is on track, if not, off track; a target year passed without "
        "reaching the target is off track. With fewer than three values, or none since the "
        "baseline year, the target is not assessed. Suppressed values do not count.",
    ),
    "method_values": (
        "Värden: senaste värdet är det från den senaste perioden till och med rapportåret (kön "
        "totalt). Utan ett områdesmål är utgångsläget värdet vid programmets start. Utvecklingen "
        "är atlasens trendbedömning över alla perioder. Värden som döljs för att skydda "
        "enskilda visas aldrig.",
        "Wartości: ostatnia wartość pochodzi z ostatniego okresu do roku sprawozdawczego "
        "włącznie (obie płcie łącznie). Bez celu dla obszaru wartością bazową jest wartość z "
        "początku programu. Tendencja to ocena trendu atlasu we wszystkich okresach. Wartości "
        "ukryte w celu ochrony osób nigdy nie są pokazywane.",
        "Values: the latest value is that of the most recent period up to and including the "
        "report year (both sexes). Without a target for an area, the baseline is the value at "
        "the programme's start. The trend is the atlas's trend judgement over all periods. "
        "Values suppressed to protect individuals are never shown.",
    ),
    "method_initiatives": (
        "Insatser: en insats räknas för rapportåret när den börjar senast det året och slutar "
        "tidigast det året eller saknar slutår. Budget och nådda personer är insatsernas egna "
        "uppgifter, summerade över de aktiva insatser som anger dem.",
        "Inicjatywy: inicjatywa jest liczona w roku sprawozdawczym, gdy zaczyna się najpóźniej "
        "w tym roku i kończy najwcześniej w tym roku lub nie ma roku zakończenia. Budżet i "
        "liczba uczestników to dane samych inicjatyw, zsumowane dla realizowanych inicjatyw, "
        "które je podają.",
        "Initiatives: an initiative counts for the report year when it starts in that year or "
        "earlier and ends in that year or later, or has no end year. Budget and people reached "
        "are the initiatives' own figures, summed over the active initiatives that give them.",
    ),
    "sources": ("Källor", "Źródła", "Sources"),
    "batch": (
        "Programregistret och indikatorerna från laddning nr {batch}.",
        "Rejestr programu i wskaźniki z ładowania danych nr {batch}.",
        "Programme register and indicators from load batch no. {batch}.",
    ),
    "sheet_summary": ("Sammanfattning", "Podsumowanie", "Summary"),
    "sheet_indicators": ("Indikatorer", "Wskaźniki", "Indicators"),
    "sheet_initiatives": ("Insatser", "Inicjatywy", "Initiatives"),
    "sheet_areas": ("Områden", "Obszary", "Areas"),
    "sheet_method": ("Metod", "Metoda", "Method"),
    "download": ("Ladda ner årsrapport {year} (PDF)", "Pobierz sprawozdanie roczne {year} (PDF)",
                 "Download annual report {year} (PDF)"),
}

LABELS: dict[str, dict[str, tuple[Text, Text, Text]]] = {
    "progress": {
        "achieved": ("Uppnått", "Osiągnięty", "Achieved"),
        "on_track": ("I fas", "Na dobrej drodze", "On track"),
        "off_track": ("Inte i fas", "Zagrożony", "Off track"),
        "not_assessed": ("Bedöms inte", "Bez oceny", "Not assessed"),
        "too_few_points": ("För få värden", "Za mało wartości", "Too few values"),
        "no_data": ("Inga värden", "Brak wartości", "No values"),
        "no_target": ("Inget målvärde", "Brak wartości docelowej", "No target"),
    },
    "direction": {
        "increase": ("öka", "wzrost", "increase"),
        "decrease": ("minska", "spadek", "decrease"),
    },
    "sector": {
        "education": ("Utbildning", "Edukacja", "Education"),
        "employment": ("Arbete och ekonomi", "Zatrudnienie i gospodarka", "Employment and economy"),
        "community_life": ("Samhällsliv", "Życie społeczności", "Community life"),
        "housing": ("Boende", "Mieszkalnictwo", "Housing"),
        "health": ("Hälsa", "Zdrowie", "Health"),
        "safety": ("Trygghet", "Bezpieczeństwo", "Safety"),
        "environment": ("Miljö", "Środowisko", "Environment"),
    },
    "initiative_status": {
        "planned": ("Planerad", "Planowana", "Planned"),
        "ongoing": ("Pågående", "W toku", "Ongoing"),
        "completed": ("Avslutad", "Zakończona", "Completed"),
        "stopped": ("Avbruten", "Przerwana", "Stopped"),
    },
    "institution": {
        "municipal_department": ("Kommunal förvaltning", "Wydział urzędu miasta",
                                 "Municipal department"),
        "school": ("Skola", "Szkoła", "School"),
        "social_welfare": ("Socialtjänst", "Pomoc społeczna", "Social welfare"),
        "labour_office": ("Arbetsförmedling", "Urząd pracy", "Labour office"),
        "police": ("Polis", "Policja", "Police"),
        "health_care": ("Hälso- och sjukvård", "Ochrona zdrowia", "Health care"),
        "ngo": ("Ideell organisation", "Organizacja pozarządowa", "NGO"),
        "housing_company": ("Bostadsbolag", "Spółka mieszkaniowa", "Housing company"),
        "business": ("Företag", "Przedsiębiorstwo", "Business"),
        "residents_group": ("Boendegrupp", "Grupa mieszkańców", "Residents' group"),
    },
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.")


def text(key: str, lang: str, **fields: object) -> str:
    """The report text ``key`` in ``lang`` with its placeholders filled."""
    _check_lang(lang)
    return translate(TEXT, key, lang, WHERE, **fields)


def label(group: str, code: object, lang: str) -> str:
    """The name of a programme vocabulary code; an unknown code comes back readable."""
    _check_lang(lang)
    names = LABELS[group]
    if code is None or str(code) not in names:
        return "" if code is None else str(code).replace("_", " ").capitalize()
    return translate(names, str(code), lang, WHERE)
