"""The demo catalogue's definitions, sources and units in sv, pl and en.

``translate(row)`` adds ``definition_*``, ``source_*`` and ``unit_*`` to a catalogue row of
demo_catalogue (whose plain ``definition``, ``source`` and ``unit`` are the English ones),
so that the Swedish and Polish atlas shows no English.
"""

from __future__ import annotations

from typing import Any

_SYN = ("Syntetiska demodata, inte verkliga siffror", "Syntetyczne dane demonstracyjne, nie prawdziwe liczby")
_MODELLED = {  # the part in brackets of each source: (sv, pl)
    "Statistics Sweden register statistics": ("SCB:s registerstatistik", "statystyce rejestrowej Szwedzkiego Urzędu Statystycznego"),
    "regional health-care and cause-of-death registers": (
        "regionens vårdregister och dödsorsaksregistret", "regionalnych rejestrach opieki zdrowotnej i przyczyn zgonów"),
    "Swedish National Agency for Education statistics": ("Skolverkets statistik", "statystyce Szwedzkiej Narodowej Agencji ds. Edukacji"),
    "a municipal resident survey, about 7% of adults answer": (
        "kommunens invånarenkät, där omkring 7 % av de vuxna svarar", "gminnej ankiecie mieszkańców, odpowiada około 7% dorosłych"),
    "Swedish Police reported-crime statistics": ("Polisens statistik över anmälda brott", "statystyce zgłoszonych przestępstw szwedzkiej policji"),
    "Swedish Election Authority results": ("Valmyndighetens valresultat", "wynikach wyborów Szwedzkiego Urzędu Wyborczego"),
    "the city's environmental monitoring and noise mapping": (
        "stadens miljöövervakning och bullerkartläggning", "miejskim monitoringu środowiska i mapie hałasu"),
    "Swedish Enforcement Authority statistics": ("Kronofogdens statistik", "statystyce Szwedzkiego Urzędu Egzekucyjnego"),
}
UNITS = {  # the catalogue's unit -> (sv, pl, en)
    "%": ("%", "%", "%"),
    "per 1,000": ("per 1 000", "na 1000", "per 1,000"),
    "per 100,000": ("per 100 000", "na 100 000", "per 100,000"),
    "per 1,000 households": ("per 1 000 hushåll", "na 1000 gospodarstw domowych", "per 1,000 households"),
    "days": ("dagar", "dni", "days"),
    "number": ("antal", "liczba", "number"),
    "points": ("poäng", "punkty", "points"),
    "proportion": ("andel", "odsetek", "proportion"),
    "ratio (city = 100)": ("kvot (staden = 100)", "iloraz (miasto = 100)", "ratio (city = 100)"),
    "score 0-100": ("poäng 0–100", "punkty 0–100", "score 0–100"),
    "SEK thousand": ("tusen kronor", "tys. SEK", "SEK thousand"),
    "years": ("år", "lata", "years"),
    "µg/m³": ("µg/m³", "µg/m³", "µg/m³"),
}
DEFINITIONS = {  # id -> (sv, pl)
    "self_rated_health": ("Svarande 18–84 år som svarar 'bra' eller 'mycket bra' / alla svarande.",
                          "Respondenci w wieku 18–84 lat odpowiadający 'dobrze' lub 'bardzo dobrze' / wszyscy respondenci."),
    "obesity": ("Svarande 18–84 år med BMI ≥ 30 / svarande som uppger längd och vikt.",
                "Respondenci w wieku 18–84 lat z BMI ≥ 30 / respondenci podający wzrost i masę ciała."),
    "emergency_admissions": ("Akuta inläggningar av invånare under året / medelfolkmängd × 1 000.",
                             "Nagłe przyjęcia mieszkańców do szpitala w ciągu roku / ludność w połowie roku × 1000."),
    "premature_mortality": ("Döda 0–74 år under året / medelfolkmängd 0–74 år × 100 000 (rå dödstal).",
                            "Zgony w wieku 0–74 lat w ciągu roku / ludność w wieku 0–74 lat w połowie roku × 100 000 (współczynnik surowy)."),
    "sickness_days": ("Ersatta dagar under året / försäkrade invånare 20–64 år; 95 % KI från källan.",
                      "Dni świadczenia w ciągu roku / ubezpieczeni mieszkańcy w wieku 20–64 lat; 95% PU ze źródła."),
    "dental_caries": ("Undersökta 12-åringar med DMFT > 0 / undersökta 12-åringar.",
                      "Zbadani 12-latkowie z DMFT > 0 / zbadani 12-latkowie."),
    "share_65plus": ("Invånare 65 år och äldre den 31 december / alla invånare.",
                     "Mieszkańcy w wieku 65+ na dzień 31 grudnia / wszyscy mieszkańcy."),
    "mortality_dsr": ("Döda per femårsklass / personår per klass under tre år, direkt standardiserat mot ESP 2013 "
                      "(Dobsons 95 % KI); färre än 10 döda: visas inte.",
                      "Zgony w pięcioletnich grupach wieku / osobolata w grupie w ciągu trzech lat, standaryzacja "
                      "bezpośrednia do ESP 2013 (95% PU Dobsona); mniej niż 10 zgonów: nie pokazano."),
    "admissions_isr": ("Observerade inläggningar / förväntade inläggningar enligt stadens tal per femårsklass och kön × 100 "
                       "(indirekt standardisering, exakt 95 % KI).",
                       "Obserwowane przyjęcia / przyjęcia oczekiwane według współczynników miasta w pięcioletnich grupach "
                       "wieku i płci × 100 (standaryzacja pośrednia, dokładny 95% PU)."),
    "life_expectancy": ("Förkortad livslängdstabell (Chiang II) från döda och personår per femårsklass under tre år; "
                        "färre än 5 000 personår: visas inte.",
                        "Skrócona tablica trwania życia (Chiang II) z zgonów i osobolat w pięcioletnich grupach wieku "
                        "w ciągu trzech lat; mniej niż 5000 osobolat: nie pokazano."),
    "school_eligibility": ("Elever i årskurs 9 boende i området som är behöriga / alla elever i årskurs 9 boende i området.",
                           "Uczniowie klasy 9 mieszkający w obszarze, którzy uzyskali uprawnienia / wszyscy uczniowie "
                           "klasy 9 mieszkający w obszarze."),
    "merit_value": ("Summa meritvärden / elever som lämnar årskurs 9; källan ger SD, KI enligt Students t.",
                    "Suma punktów / uczniowie kończący klasę 9; źródło podaje SD, PU z rozkładu t Studenta."),
    "upper_secondary_completion": ("Elever med examen inom 4 år / elever som började 4 år tidigare.",
                                   "Uczniowie z dyplomem w ciągu 4 lat / uczniowie, którzy rozpoczęli naukę 4 lata wcześniej."),
    "preschool_enrolment": ("Inskrivna barn 1–5 år den 15 oktober / barn 1–5 år.",
                            "Dzieci w wieku 1–5 lat zapisane na dzień 15 października / dzieci w wieku 1–5 lat."),
    "tertiary_education": ("Invånare 25–64 år med eftergymnasial utbildning ≥ 3 år / invånare 25–64 år.",
                           "Mieszkańcy w wieku 25–64 lat z wykształceniem wyższym ≥ 3 lata / mieszkańcy w wieku 25–64 lat."),
    "unemployment": ("Inskrivna arbetslösa 16–64 år (årsmedeltal) / invånare 16–64 år.",
                     "Zarejestrowani bezrobotni w wieku 16–64 lat (średnia roczna) / mieszkańcy w wieku 16–64 lat."),
    "employment_rate": ("Förvärvsarbetande invånare 20–64 år i november / invånare 20–64 år.",
                        "Pracujący mieszkańcy w wieku 20–64 lat w listopadzie / mieszkańcy w wieku 20–64 lat."),
    "neet_youth": ("Invånare 16–24 år utan känd aktivitet / invånare 16–24 år.",
                   "Mieszkańcy w wieku 16–24 lat bez znanej aktywności / mieszkańcy w wieku 16–24 lat."),
    "median_income": ("Median av disponibel inkomst per konsumtionsenhet; 95 % KI från källan.",
                      "Mediana dochodu rozporządzalnego na jednostkę konsumpcji; 95% PU ze źródła."),
    "low_economic_standard": ("Personer i hushåll under 60 % av rikets median / alla personer.",
                              "Osoby w gospodarstwach domowych poniżej 60% mediany krajowej / wszystkie osoby."),
    "social_assistance": ("Hushåll med ekonomiskt bistånd under året / alla hushåll.",
                          "Gospodarstwa domowe korzystające z pomocy społecznej w ciągu roku / wszystkie gospodarstwa domowe."),
    "child_poverty": ("Barn 0–17 år i hushåll under 60 % av rikets median / barn 0–17 år.",
                      "Dzieci w wieku 0–17 lat w gospodarstwach poniżej 60% mediany krajowej / dzieci w wieku 0–17 lat."),
    "overcrowding": ("Invånare i trångbodda bostäder (norm 2) / invånare i bostäder med känd storlek.",
                     "Mieszkańcy przeludnionych mieszkań (norma 2) / mieszkańcy mieszkań o znanej wielkości."),
    "rental_share": ("Hyresrätter / alla bostäder den 31 december.",
                     "Mieszkania na wynajem / wszystkie mieszkania na dzień 31 grudnia."),
    "housing_satisfaction": ("Svarande 'ganska' eller 'mycket nöjda' / alla svarande.",
                             "Respondenci 'raczej' lub 'bardzo zadowoleni' / wszyscy respondenci."),
    "evictions": ("Verkställda avhysningar under året / hushåll × 1 000.",
                  "Przeprowadzone eksmisje w ciągu roku / gospodarstwa domowe × 1000."),
    "reported_crime": ("Anmälda brott under året med brottsplats i området / folkmängd × 1 000.",
                       "Przestępstwa zgłoszone w ciągu roku z miejscem zdarzenia w obszarze / ludność × 1000."),
    "violent_crime": ("Anmälda misshandelsbrott under året med brottsplats i området / folkmängd × 1 000.",
                      "Pobicia zgłoszone w ciągu roku z miejscem zdarzenia w obszarze / ludność × 1000."),
    "burglaries": ("Anmälda bostadsinbrott under året (antal).",
                   "Zgłoszone włamania do mieszkań w ciągu roku (liczba)."),
    "feel_unsafe": ("Svarande 'ganska' eller 'mycket otrygga' / alla svarande.",
                    "Respondenci czujący się 'raczej' lub 'bardzo niebezpiecznie' / wszyscy respondenci."),
    "voter_turnout": ("Avgivna röster / röstberättigade skrivna i området.",
                      "Oddane głosy / uprawnieni do głosowania zameldowani w obszarze."),
    "trust_in_others": ("Svarande som instämmer i att man kan lita på de flesta / alla svarande.",
                        "Respondenci zgadzający się, że większości ludzi można ufać / wszyscy respondenci."),
    "civic_influence": ("Svarande som svarar 'ganska' eller 'mycket' / alla svarande.",
                        "Respondenci odpowiadający 'raczej tak' lub 'bardzo' / wszyscy respondenci."),
    "association_activity": ("Svarande aktiva i minst en förening / alla svarande.",
                             "Respondenci aktywni w co najmniej jednym stowarzyszeniu / wszyscy respondenci."),
    "no2_exposure": ("Spridningsmodellerad NO₂ vid bostadsadresser, viktad med invånare; 95 % KI från modellen.",
                     "NO₂ z modelu dyspersji w adresach zamieszkania, ważone liczbą mieszkańców; 95% PU z modelu."),
    "traffic_noise": ("Invånare på adresser med Leq > 55 dBA / invånare.",
                      "Mieszkańcy pod adresami z Leq > 55 dBA / mieszkańcy."),
    "green_space_access": ("Invånare inom 300 m gångavstånd till grönområde ≥ 1 ha / invånare.",
                           "Mieszkańcy w odległości do 300 m pieszo od terenu zielonego ≥ 1 ha / mieszkańcy."),
    "environment_score": ("Viktat index av grönska, buller, luftkvalitet och underhåll; stadens värde från källan.",
                          "Ważony wskaźnik zieleni, hałasu, jakości powietrza i utrzymania; wartość dla miasta ze źródła."),
}
COLUMNS = tuple(f"{field}_{lang}" for field in ("definition", "source", "unit") for lang in ("sv", "pl", "en"))


def _source(text: str) -> tuple[str, str, str]:
    inner = text[text.index("(modelled on ") + len("(modelled on "):text.rindex(")")]
    sv, pl = _MODELLED[inner]
    return f"{_SYN[0]} (efter {sv}).", f"{_SYN[1]} (wzorowane na {pl}).", text


def translate(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its definition, source and unit in every language."""
    texts = {"definition": (*DEFINITIONS[row["id"]], row["definition"]),
             "source": _source(row["source"]), "unit": UNITS[row["unit"]]}
    return row | {f"{field}_{lang}": value for field, values in texts.items()
                  for lang, value in zip(("sv", "pl", "en"), values, strict=True)}
