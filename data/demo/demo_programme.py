"""The demo city's area programme (all made up): one programme with three goals, 17
targets for twelve indicators, fifteen institutions of ten types and 25 initiatives in
the three prioritized areas and city-wide, written as the five CSV files of
``[programme]`` (docs/programmes.md).

The targets are set against the demo values' trends since the 2019 baselines (a straight
line through them, projected to the target year): three are already reached (reported
crime in Hjortkullen, unemployment in Brännhagen, school eligibility in the city), seven
on track (the city's unemployment, trust in Brännhagen, ...) and seven off track
(unemployment in Hjortkullen, feeling unsafe in Stenåsen and in the city, ...).
Hjortkullen (DC25) deliberately has no employment initiative, and no city-wide one is
about employment either: the gap a planner should find in its profile.
"""

from __future__ import annotations

from pathlib import Path

from demo_areas import CITY_CODE
from demo_writers import write_table

PROGRAMME = "jts2030"
FILES = {kind: Path(f"data/demo/programme_{kind}.csv")
         for kind in ("programmes", "goals", "targets", "institutions", "initiatives")}

PROGRAMMES = [(
    PROGRAMME, "Jämlika och trygga stadsdelar 2020–2030",
    "Równe i bezpieczne dzielnice 2020–2030", "Equal and safe neighbourhoods 2020–2030",
    "Stadens områdesprogram för de tre prioriterade stadsdelarna: arbete, utbildning, trygghet "
    "och delaktighet, i samverkan mellan förvaltningar, myndigheter, föreningar och boende.",
    "Program miasta dla trzech priorytetowych dzielnic: praca, edukacja, bezpieczeństwo i "
    "uczestnictwo, we współpracy wydziałów, instytucji, organizacji i mieszkańców.",
    "The city's area programme for its three prioritized neighbourhoods: work, education, "
    "safety and participation, with departments, agencies, associations and residents.",
    2020, 2030,
)]

GOALS = [
    ("work", "Arbete och egen försörjning", "Praca i samodzielne utrzymanie", "Work and income",
     ("unemployment", "employment_rate", "social_assistance", "child_poverty")),
    ("education", "Utbildning och unga", "Edukacja i młodzież", "Education and young people",
     ("school_eligibility", "upper_secondary_completion", "neet_youth", "preschool_enrolment")),
    ("safety", "Trygghet, tillit och delaktighet", "Bezpieczeństwo, zaufanie i uczestnictwo",
     "Safety, trust and participation",
     ("feel_unsafe", "reported_crime", "trust_in_others", "civic_influence", "voter_turnout")),
]

# indicator, area, goal, baseline period and value, target period and value (direction from
# the values; the city's targets have the city's code)
TARGETS = [
    ("unemployment", CITY_CODE, "work", "2019", "7.3", "2030", "6.0"),
    ("unemployment", "DC25", "work", "2019", "22.5", "2030", "15.0"),
    ("unemployment", "DC32", "work", "2019", "13.0", "2030", "9.0"),
    ("employment_rate", CITY_CODE, "work", "2019", "80.0", "2030", "84.0"),
    ("employment_rate", "DC38", "work", "2019", "56.9", "2030", "65.0"),
    ("social_assistance", CITY_CODE, "work", "2019", "4.7", "2030", "3.5"),
    ("child_poverty", "DC38", "work", "2019", "40.9", "2030", "34.0"),
    ("school_eligibility", CITY_CODE, "education", "2019", "82.0", "2026", "87.0"),
    ("school_eligibility", "DC25", "education", "2019", "52.9", "2030", "80.0"),
    ("upper_secondary_completion", CITY_CODE, "education", "2019", "69.7", "2030", "78.0"),
    ("neet_youth", CITY_CODE, "education", "2019", "7.1", "2030", "5.0"),
    ("feel_unsafe", CITY_CODE, "safety", "2019", "24.7", "2030", "20.0"),
    ("feel_unsafe", "DC38", "safety", "2019", "48.8", "2030", "40.0"),
    ("reported_crime", "DC25", "safety", "2019", "122.4", "2030", "90.0"),
    ("trust_in_others", "DC32", "safety", "2019", "59.5", "2030", "66.0"),
    ("civic_influence", CITY_CODE, "safety", "2019", "29.8", "2030", "35.0"),
    ("voter_turnout", "DC25", "safety", "2018", "54.9", "2026", "59.0"),
]

INSTITUTIONS = [
    ("sdf_nordost", "Stadsdelsförvaltning Nordost", "municipal_department"),
    ("utbildningsforvaltningen", "Utbildningsförvaltningen", "municipal_department"),
    ("arbetsmarknad", "Arbetsmarknadsenheten", "municipal_department"),
    ("hjortkullsskolan", "Hjortkullsskolan", "school"),
    ("stenasskolan", "Stenåsskolan", "school"),
    ("socialtjansten", "Socialtjänsten", "social_welfare"),
    ("af", "Arbetsförmedlingen Exempelstad", "labour_office"),
    ("polisen", "Polisen, lokalpolisområde Exempelstad", "police"),
    ("vc_hjortkullen", "Vårdcentralen Hjortkullen", "health_care"),
    ("region_folkhalsa", "Region Exempellän, folkhälsoenheten", "health_care"),
    ("grannar", "Föreningen Grannar tillsammans", "ngo"),
    ("stenasen_if", "Stenåsens IF", "ngo"),
    ("bostader", "Exempelstadens Bostäder AB", "housing_company"),
    ("foretagarna", "Företagarna i Exempelstad", "business"),
    ("boenderad", "Brännhagens boenderåd", "residents_group"),
]

# id, goal, (name sv, pl, en), (description sv, pl, en), sector, lead, partners, areas,
# start, end, status, budget (SEK), participants
Initiative = tuple[str, str, tuple[str, str, str], tuple[str, str, str], str, str, str, str,
                   int, int | None, str, int | None, int | None]
INITIATIVES: list[Initiative] = [
    # Hjortkullen (DC25): every sector but employment
    ("hk_laxhjalp", "education", ("Läxhjälp på biblioteket", "Pomoc w lekcjach w bibliotece",
                                  "Homework club at the library"),
     ("Läxhjälp två kvällar i veckan med volontärer och lärare.",
      "Pomoc w lekcjach dwa wieczory w tygodniu z wolontariuszami i nauczycielami.",
      "Homework help two evenings a week with volunteers and teachers."),
     "education", "hjortkullsskolan", "grannar;utbildningsforvaltningen", "DC25", 2020, None,
     "ongoing", 350_000, 140),
    ("hk_sprak_forskola", "education", ("Språkstöd i förskolan", "Wsparcie językowe w przedszkolu",
                                        "Language support in preschool"),
     ("Språkpedagoger i förskolorna och föräldraträffar.",
      "Pedagodzy językowi w przedszkolach i spotkania z rodzicami.",
      "Language teachers in the preschools and meetings with parents."),
     "education", "utbildningsforvaltningen", "", "DC25", 2021, 2024, "completed", 600_000, 95),
    ("hk_fritidsgard", "safety", ("Kvällsöppen fritidsgård", "Świetlica otwarta wieczorami",
                                  "Youth centre open in the evenings"),
     ("Fritidsgården har öppet till klockan 22 fredag och lördag.",
      "Świetlica jest otwarta do 22:00 w piątki i soboty.",
      "The youth centre stays open until 10 pm on Fridays and Saturdays."),
     "community_life", "sdf_nordost", "grannar;polisen", "DC25", 2020, None, "ongoing", 900_000, 310),
    ("hk_torget", "safety", ("Mötesplats Torget", "Miejsce spotkań na placu", "Meeting place on the square"),
     ("Aktiviteter på torget varje lördag, ordnade av föreningar och boende.",
      "Zajęcia na placu w każdą sobotę, organizowane przez stowarzyszenia i mieszkańców.",
      "Activities on the square every Saturday, run by associations and residents."),
     "community_life", "grannar", "sdf_nordost", "DC25", 2022, None, "ongoing", 120_000, 450),
    ("hk_trygga_vuxna", "safety", ("Trygga vuxna ute på kvällarna", "Dorośli na ulicach wieczorami",
                                   "Adults out in the evenings"),
     ("Nattvandringar och trygghetsvandringar med boende och polis.",
      "Nocne patrole i spacery bezpieczeństwa z mieszkańcami i policją.",
      "Night walks and safety walks with residents and the police."),
     "safety", "bostader", "polisen;grannar", "DC25", 2020, None, "ongoing", 250_000, 60),
    ("hk_belysning", "safety", ("Bättre belysning på gångvägarna", "Lepsze oświetlenie ścieżek",
                                "Better lighting on footpaths"),
     ("Ny belysning där trygghetsvandringarna visade mörka platser.",
      "Nowe oświetlenie w miejscach, które spacery bezpieczeństwa wskazały jako ciemne.",
      "New lighting where the safety walks found dark places."),
     "environment", "sdf_nordost", "bostader", "DC25", 2023, 2025, "ongoing", 1_800_000, None),
    ("hk_renovering", "", ("Renovering med boendeinflytande", "Remont z udziałem mieszkańców",
                           "Renovation with residents' say"),
     ("Upprustning av gårdar och trapphus där de boende väljer vad som görs först.",
      "Remont podwórzy i klatek schodowych; mieszkańcy wybierają, co zrobić najpierw.",
      "Courtyards and stairwells renovated; residents choose what comes first."),
     "housing", "bostader", "sdf_nordost", "DC25", 2021, 2026, "ongoing", 12_000_000, 820),
    ("hk_halsolotsar", "", ("Hälsolotsar", "Przewodnicy zdrowia", "Health guides"),
     ("Hälsolotsar på flera språk informerar om vård och egenvård.",
      "Przewodnicy zdrowia w kilku językach informują o opiece zdrowotnej.",
      "Health guides in several languages explain health care and self-care."),
     "health", "vc_hjortkullen", "region_folkhalsa;grannar", "DC25", 2022, None, "ongoing",
     400_000, 260),
    # Brännhagen (DC32)
    ("bh_jobbspar", "work", ("Jobbspår med bostadsbolaget", "Ścieżka zatrudnienia ze spółdzielnią",
                             "Job track with the housing company"),
     ("Praktik och anställning i fastighetsskötsel för boende i området.",
      "Praktyki i zatrudnienie przy utrzymaniu budynków dla mieszkańców dzielnicy.",
      "Work placements and jobs in property maintenance for local residents."),
     "employment", "arbetsmarknad", "af;bostader", "DC32", 2020, 2024, "completed", 2_400_000, 85),
    ("bh_lasframjande", "education", ("Läsfrämjande i skolan", "Promocja czytania w szkole",
                                      "Reading at school"),
     ("Läsombud och bokcirklar i årskurs 4–6.", "Ambasadorzy czytania i kluby książki w klasach 4–6.",
      "Reading ambassadors and book circles in years 4 to 6."),
     "education", "utbildningsforvaltningen", "", "DC32", 2021, None, "ongoing", 300_000, 210),
    ("bh_boenderad", "safety", ("Boenderådets aktiviteter", "Działania rady mieszkańców",
                                "Residents' council activities"),
     ("Boenderådet ordnar städdagar, fester och medborgardialoger.",
      "Rada mieszkańców organizuje sprzątanie, festyny i konsultacje.",
      "The residents' council runs clean-up days, parties and local dialogues."),
     "community_life", "boenderad", "bostader;sdf_nordost", "DC32", 2020, None, "ongoing", 80_000, 380),
    ("bh_trapphus", "", ("Trapphusdialoger", "Rozmowy na klatkach schodowych", "Stairwell dialogues"),
     ("Samtal med hyresgäster om boendet, grannskapet och trivseln.",
      "Rozmowy z najemcami o mieszkaniach, sąsiedztwie i komforcie.",
      "Conversations with tenants about their homes, neighbours and well-being."),
     "housing", "bostader", "boenderad", "DC32", 2022, 2023, "completed", 150_000, 540),
    ("bh_grannsamverkan", "safety", ("Grannsamverkan", "Współpraca sąsiedzka", "Neighbourhood watch"),
     ("Grannsamverkan mot inbrott med polisen och bostadsbolaget.",
      "Współpraca sąsiedzka przeciw włamaniom z policją i spółdzielnią.",
      "Neighbourhood watch against burglaries with the police and the housing company."),
     "safety", "polisen", "boenderad;bostader", "DC32", 2021, None, "ongoing", 60_000, 120),
    ("bh_seniorer", "", ("Rörelse för seniorer", "Ruch dla seniorów", "Exercise for older people"),
     ("Gympa och promenadgrupper för äldre två gånger i veckan.",
      "Gimnastyka i grupy spacerowe dla seniorów dwa razy w tygodniu.",
      "Exercise classes and walking groups for older people twice a week."),
     "health", "region_folkhalsa", "boenderad", "DC32", 2023, None, "ongoing", 90_000, 75),
    ("bh_feriejobb", "work", ("Feriejobb för unga", "Praca wakacyjna dla młodzieży", "Summer jobs for young people"),
     ("Sommarjobb hos kommunen och lokala företag för 16–19-åringar.",
      "Praca wakacyjna w gminie i lokalnych firmach dla osób w wieku 16–19 lat.",
      "Summer jobs with the city and local businesses for 16 to 19-year-olds."),
     "employment", "arbetsmarknad", "foretagarna", "DC32;DC38", 2021, None, "ongoing", 1_500_000, 230),
    # Stenåsen (DC38)
    ("sa_sprak_arbete", "work", ("Språk och arbete", "Język i praca", "Language and work"),
     ("Svenska kombinerat med praktik för nyanlända vuxna.",
      "Nauka szwedzkiego połączona z praktyką dla nowo przybyłych dorosłych.",
      "Swedish lessons combined with work placements for newly arrived adults."),
     "employment", "af", "arbetsmarknad;foretagarna;socialtjansten", "DC38", 2022, None, "ongoing",
     3_200_000, 160),
    ("sa_utokad_skoldag", "education", ("Utökad skoldag", "Wydłużony dzień szkolny", "Longer school day"),
     ("Stenåsskolan erbjuder läxhjälp och idrott efter skoltid.",
      "Szkoła w Stenåsen oferuje pomoc w lekcjach i sport po lekcjach.",
      "Stenåsen school offers homework help and sport after school."),
     "education", "stenasskolan", "stenasen_if", "DC38", 2021, None, "ongoing", 700_000, 190),
    ("sa_idrott", "safety", ("Idrott för alla", "Sport dla wszystkich", "Sport for everyone"),
     ("Gratis träningar för barn och unga, med särskilda grupper för flickor.",
      "Bezpłatne treningi dla dzieci i młodzieży, także w grupach dla dziewcząt.",
      "Free training for children and young people, with groups for girls."),
     "community_life", "stenasen_if", "sdf_nordost", "DC38", 2020, None, "ongoing", 250_000, 300),
    ("sa_trygghetsvardar", "safety", ("Trygghetsvärdar", "Opiekunowie bezpieczeństwa", "Safety hosts"),
     ("Trygghetsvärdar rör sig i centrum och vid busshållplatserna på kvällarna.",
      "Opiekunowie bezpieczeństwa są wieczorami w centrum i przy przystankach.",
      "Safety hosts walk the centre and the bus stops in the evenings."),
     "safety", "bostader", "polisen;socialtjansten", "DC38", 2024, None, "planned", 1_100_000, None),
    ("sa_parken", "", ("Upprustning av Stenåsparken", "Odnowa parku w Stenåsen", "Stenåsen park renewal"),
     ("Ny lekplats, belysning och planteringar, utformade med de boende.",
      "Nowy plac zabaw, oświetlenie i nasadzenia, zaprojektowane z mieszkańcami.",
      "A new playground, lighting and planting, designed with residents."),
     "environment", "sdf_nordost", "bostader;grannar", "DC38", 2023, 2025, "ongoing", 4_500_000, None),
    ("sa_halsodialog", "", ("Hälsodialoger", "Rozmowy o zdrowiu", "Health dialogues"),
     ("Vårdcentralen bjuder in till hälsosamtal om kost, rörelse och sömn.",
      "Przychodnia zaprasza na rozmowy o odżywianiu, ruchu i śnie.",
      "The health centre invites residents to talks on food, exercise and sleep."),
     "health", "region_folkhalsa", "", "DC38", 2021, 2022, "stopped", 200_000, 40),
    ("sa_vrakningar", "work", ("Tidig kontakt mot vräkningar", "Wczesny kontakt przeciw eksmisjom",
                               "Early contact against evictions"),
     ("Bostadsbolaget och socialtjänsten hör av sig redan vid första obetalda hyran.",
      "Spółdzielnia i pomoc społeczna kontaktują się już przy pierwszym nieopłaconym czynszu.",
      "The housing company and social services get in touch at the first unpaid rent."),
     "housing", "socialtjansten", "bostader", "DC38", 2022, None, "ongoing", 300_000, 70),
    # The whole city (none of them about employment)
    ("stad_foraldrastod", "education", ("Föräldrastöd i hela staden", "Wsparcie rodziców w całym mieście",
                                        "Parenting support across the city"),
     ("Föräldragrupper på flera språk i alla stadsdelar.",
      "Grupy dla rodziców w kilku językach we wszystkich dzielnicach.",
      "Parenting groups in several languages in every neighbourhood."),
     "health", "socialtjansten", "region_folkhalsa;utbildningsforvaltningen", CITY_CODE, 2020, None,
     "ongoing", 1_900_000, 620),
    ("stad_samverkan_vald", "safety", ("Samverkan mot våld", "Współpraca przeciw przemocy",
                                       "Working together against violence"),
     ("Kommunen och polisen följer upp våld i nära relationer och bland unga.",
      "Miasto i policja wspólnie reagują na przemoc domową i wśród młodzieży.",
      "The city and the police follow up violence in families and among young people."),
     "safety", "polisen", "socialtjansten;sdf_nordost", CITY_CODE, 2021, None, "ongoing", 800_000, None),
    ("stad_sommarskola", "education", ("Sommarskola", "Szkoła letnia", "Summer school"),
     ("Lovskola för elever som riskerar att inte bli behöriga till gymnasiet.",
      "Zajęcia wakacyjne dla uczniów zagrożonych brakiem kwalifikacji do liceum.",
      "Holiday school for pupils at risk of not qualifying for upper secondary school."),
     "education", "utbildningsforvaltningen", "", CITY_CODE, 2026, 2028, "planned", None, None),
]


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def write_programme(out_dir: Path) -> list[Path]:
    """The five programme files under ``out_dir``; returns their paths."""
    goals = [(PROGRAMME, g, sv, pl, en, ";".join(ids)) for g, sv, pl, en, ids in GOALS]
    targets = [(ind, area, "", "", PROGRAMME, goal, bp, bv, tp, tv, "")
               for ind, area, goal, bp, bv, tp, tv in TARGETS]
    initiatives = [
        (iid, PROGRAMME, goal, *names, *texts, sector, lead, partners, areas, start,
         _number(end), status, _number(budget), _number(people))
        for (iid, goal, names, texts, sector, lead, partners, areas, start, end, status, budget,
             people) in INITIATIVES]
    rows = {
        "programmes": (("id", "name_sv", "name_pl", "name_en", "description_sv", "description_pl",
                        "description_en", "start_year", "end_year"), PROGRAMMES),
        "goals": (("programme", "goal", "name_sv", "name_pl", "name_en", "indicators"), goals),
        "targets": (("indicator", "area", "sex", "age_group", "programme", "goal", "baseline_period",
                     "baseline_value", "target_period", "target_value", "direction"), targets),
        "institutions": (("id", "name", "type"), INSTITUTIONS),
        "initiatives": (("id", "programme", "goal", "name_sv", "name_pl", "name_en", "description_sv",
                         "description_pl", "description_en", "sector", "lead", "partners", "areas",
                         "start_year", "end_year", "status", "budget", "participants"), initiatives),
    }
    for kind, (header, data) in rows.items():
        write_table(out_dir / FILES[kind], header, data)
    return [out_dir / FILES[kind] for kind in rows]
