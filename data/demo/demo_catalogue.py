"""The demo city's indicator catalogue: texts in sv, pl and en, units and methods
(definitions, sources and units per language: demo_translations).

Columns follow store.schema.Indicator (without batch_id). Every source text
says that the figures are synthetic.
"""

from __future__ import annotations

from typing import Any

from demo_translations import COLUMNS as TRANSLATED
from demo_translations import translate

COLUMNS = (
    "id", "name_sv", "name_pl", "name_en", "description_sv", "description_pl",
    "description_en", "domain", "unit", "value_type", "multiplier", "polarity",
    "decimals", "source", "definition", "min_numerator", "min_denominator", "weight",
    "headline_age_group", "standard", "residents_view", "survey", *TRANSLATED,
)

_SYN = "Synthetic demo data, not real figures"
REGISTER = f"{_SYN} (modelled on Statistics Sweden register statistics)."
HEALTHCARE = f"{_SYN} (modelled on regional health-care and cause-of-death registers)."
SCHOOL = f"{_SYN} (modelled on Swedish National Agency for Education statistics)."
SURVEY = f"{_SYN} (modelled on a municipal resident survey, about 7% of adults answer)."
POLICE = f"{_SYN} (modelled on Swedish Police reported-crime statistics)."
ELECTION = f"{_SYN} (modelled on Swedish Election Authority results)."
ENVIRONMENT = f"{_SYN} (modelled on the city's environmental monitoring and noise mapping)."
ENFORCEMENT = f"{_SYN} (modelled on Swedish Enforcement Authority statistics)."


def _row(
    id: str, domain: str, unit: str, value_type: str, multiplier: float, polarity: str,
    decimals: int, names: tuple[str, str, str], descriptions: tuple[str, str, str],
    source: str, definition: str, min_numerator: int | None = None,
    min_denominator: int | None = None, weight: float = 1.0, headline_age_group: str | None = None,
    standard: str | None = None,
) -> dict[str, Any]:
    return {
        "id": id, "name_sv": names[0], "name_pl": names[1], "name_en": names[2],
        "description_sv": descriptions[0], "description_pl": descriptions[1],
        "description_en": descriptions[2], "domain": domain, "unit": unit,
        "value_type": value_type, "multiplier": multiplier, "polarity": polarity,
        "decimals": decimals, "source": source, "definition": definition,
        "min_numerator": min_numerator, "min_denominator": min_denominator, "weight": weight,
        "headline_age_group": headline_age_group, "standard": standard,
    }


HEALTH = [
    _row("self_rated_health", "health", "%", "percentage", 1, "high_is_good", 1,
         ("Gott självskattat hälsotillstånd", "Dobra samoocena zdrowia", "Good self-rated health"),
         ("Andel vuxna som bedömer sin hälsa som bra eller mycket bra.",
          "Odsetek dorosłych oceniających swoje zdrowie jako dobre lub bardzo dobre.",
          "Share of adults who rate their health as good or very good."),
         SURVEY, "Respondents aged 18-84 answering 'good' or 'very good' / all respondents.",
         min_denominator=30),
    _row("obesity", "health", "%", "percentage", 1, "low_is_good", 1,
         ("Fetma", "Otyłość", "Obesity"),
         ("Andel vuxna med fetma (BMI 30 eller högre) enligt egna uppgifter om längd och vikt.",
          "Odsetek dorosłych z otyłością (BMI 30 lub więcej) według deklarowanego wzrostu i masy ciała.",
          "Share of adults with obesity (BMI 30 or above) from self-reported height and weight."),
         SURVEY, "Respondents aged 18-84 with BMI >= 30 / respondents giving height and weight.",
         min_denominator=30),
    _row("emergency_admissions", "health", "per 1,000", "rate", 1000, "low_is_good", 1,
         ("Akuta sjukhusinläggningar", "Nagłe przyjęcia do szpitala", "Emergency hospital admissions"),
         ("Akuta inskrivningar i slutenvård per 1 000 invånare och år.",
          "Nagłe przyjęcia na leczenie szpitalne na 1000 mieszkańców rocznie.",
          "Emergency in-patient admissions per 1,000 residents per year."),
         HEALTHCARE, "Emergency admissions of residents during the year / mid-year population x 1,000."),
    _row("premature_mortality", "health", "per 100,000", "rate", 100000, "low_is_good", 0,
         ("För tidig dödlighet", "Przedwczesna umieralność", "Premature mortality"),
         ("Döda före 75 års ålder per 100 000 invånare under 75 år. Celler med 1-2 dödsfall är undertryckta av källan.",
          "Zgony przed 75. rokiem życia na 100 000 mieszkańców poniżej 75 lat. Komórki z 1-2 zgonami utajnione przez źródło.",
          "Deaths before the age of 75 per 100,000 residents under 75. Cells with 1-2 deaths are suppressed by the source."),
         HEALTHCARE, "Deaths at ages 0-74 during the year / mid-year population aged 0-74 x 100,000 (crude rate).",
         min_numerator=5),
    _row("sickness_days", "health", "days", "mean", 1, "low_is_good", 1,
         ("Ohälsotal", "Dni absencji chorobowej", "Sickness absence days"),
         ("Genomsnittligt antal dagar med sjukpenning, rehabiliteringspenning och sjuk- eller aktivitetsersättning per försäkrad 20-64 år.",
          "Średnia liczba dni z zasiłkiem chorobowym, rehabilitacyjnym lub rentą chorobową na ubezpieczonego w wieku 20-64 lata.",
          "Mean number of days with sickness, rehabilitation or disability benefit per insured person aged 20-64."),
         REGISTER, "Benefit days during the year / insured residents aged 20-64; 95% CI from the source."),
    _row("dental_caries", "health", "%", "percentage", 1, "low_is_good", 1,
         ("Karies hos 12-åringar", "Próchnica u 12-latków", "Tooth decay at age 12"),
         ("Andel 12-åringar med minst en kariesskadad, lagad eller utdragen tand.",
          "Odsetek 12-latków z co najmniej jednym zębem z próchnicą, wypełnionym lub usuniętym.",
          "Share of 12-year-olds with at least one decayed, filled or missing tooth."),
         HEALTHCARE, "Examined 12-year-olds with DMFT > 0 / examined 12-year-olds.",
         min_numerator=5, min_denominator=30),
    _row("share_65plus", "health", "%", "percentage", 1, "neutral", 1,
         ("Invånare 65 år och äldre", "Mieszkańcy w wieku 65 lat i więcej", "Residents aged 65 and over"),
         ("Andel av befolkningen som är 65 år eller äldre. Beskriver befolkningen; varken bra eller dåligt.",
          "Odsetek ludności w wieku 65 lat i więcej. Opisuje ludność; ani dobry, ani zły.",
          "Share of the population aged 65 or over. Describes the population; neither good nor bad."),
         REGISTER, "Residents aged 65+ on 31 December / all residents."),
    # Computed by the engine from the health register's counts by age band (value types
    # dsr, isr and life_expectancy), pooled over rolling three-year periods.
    _row("mortality_dsr", "health", "per 100,000", "dsr", 100000, "low_is_good", 0,
         ("Dödlighet, åldersstandardiserad", "Umieralność standaryzowana względem wieku",
          "All-cause mortality, age-standardised"),
         ("Döda i alla åldrar per 100 000 invånare och år under tre år, standardiserat till "
          "Europas standardbefolkning 2013 så att områden med olika åldersstruktur kan jämföras.",
          "Zgony we wszystkich grupach wieku na 100 000 mieszkańców rocznie w okresie trzech lat, "
          "standaryzowane względem europejskiej populacji standardowej 2013, aby można było "
          "porównywać obszary o różnej strukturze wieku.",
          "Deaths at all ages per 100,000 residents per year over three years, standardised to "
          "the European Standard Population 2013 so that areas with different age structures "
          "compare."),
         HEALTHCARE, "Deaths by five-year age band / person-years by band over three years, "
         "directly standardised to the ESP 2013 (Dobson 95% CI); fewer than 10 deaths: not shown.",
         standard="esp2013"),
    _row("admissions_isr", "health", "ratio (city = 100)", "isr", 1, "low_is_good", 0,
         ("Akuta sjukhusinläggningar, standardiserad kvot", "Nagłe przyjęcia do szpitala, "
          "współczynnik standaryzowany", "Emergency admissions, standardised admission ratio"),
         ("Akuta inskrivningar i slutenvård jämfört med det antal som stadens åldersspecifika "
          "frekvenser ger för områdets befolkning (staden = 100), under tre år.",
          "Nagłe przyjęcia do szpitala w porównaniu z liczbą oczekiwaną przy wskaźnikach miasta "
          "dla poszczególnych grup wieku (miasto = 100), w okresie trzech lat.",
          "Emergency in-patient admissions compared with the number the city's age-specific "
          "rates give for the area's population (city = 100), over three years."),
         HEALTHCARE, "Observed admissions / admissions expected at the city's rates by five-year "
         "age band and sex x 100 (indirect standardisation, exact 95% CI)."),
    _row("life_expectancy", "health", "years", "life_expectancy", 1, "high_is_good", 1,
         ("Medellivslängd", "Oczekiwana długość życia", "Life expectancy"),
         ("Förväntad medellivslängd vid födseln enligt dödligheten i området under tre år "
          "(och vid 65 års ålder).",
          "Oczekiwana długość życia w chwili urodzenia przy umieralności obszaru z trzech lat "
          "(oraz w wieku 65 lat).",
          "Life expectancy at birth at the area's mortality over three years (and at age 65)."),
         HEALTHCARE, "Abridged life table (Chiang II) from deaths and person-years by five-year "
         "age band over three years; fewer than 5,000 person-years: not shown.",
         headline_age_group="all"),
]

EDUCATION = [
    _row("school_eligibility", "education", "%", "percentage", 1, "high_is_good", 1,
         ("Behörighet till gymnasieskolan", "Uprawnienie do nauki w szkole średniej", "Eligible for upper secondary school"),
         ("Andel elever i årskurs 9 som är behöriga till ett yrkesprogram i gymnasieskolan.",
          "Odsetek uczniów 9. klasy uprawnionych do podjęcia nauki w zawodowej szkole średniej.",
          "Share of year-9 pupils eligible for a vocational upper secondary programme."),
         SCHOOL, "Year-9 pupils living in the area who are eligible / all year-9 pupils living in the area.",
         min_denominator=10, weight=1.5),
    _row("merit_value", "education", "points", "mean", 1, "high_is_good", 1,
         ("Genomsnittligt meritvärde i årskurs 9", "Średnia ocen na koniec 9. klasy", "Mean merit rating in year 9"),
         ("Genomsnittligt meritvärde (högst 340 poäng) för elever som slutat årskurs 9.",
          "Średnia punktacja świadectwa (maksymalnie 340 punktów) uczniów kończących 9. klasę.",
          "Mean merit rating (at most 340 points) of pupils leaving year 9."),
         SCHOOL, "Sum of merit ratings / pupils leaving year 9; the source gives the SD, the CI is Student's t.",
         min_denominator=10),
    _row("upper_secondary_completion", "education", "%", "percentage", 1, "high_is_good", 1,
         ("Gymnasieexamen inom fyra år", "Ukończenie szkoły średniej w ciągu czterech lat", "Upper secondary completion within four years"),
         ("Andel elever som tagit gymnasieexamen inom fyra år från start.",
          "Odsetek uczniów, którzy ukończyli szkołę średnią w ciągu czterech lat od rozpoczęcia nauki.",
          "Share of students who completed upper secondary school within four years of starting."),
         SCHOOL, "Students with a diploma within 4 years / students who started 4 years earlier.",
         min_denominator=10),
    _row("preschool_enrolment", "education", "proportion", "proportion", 1, "high_is_good", 2,
         ("Barn 1-5 år i förskola", "Dzieci w wieku 1-5 lat w przedszkolu", "Children aged 1-5 in preschool"),
         ("Andel barn 1-5 år som är inskrivna i förskola (som andel, 0-1).",
          "Udział dzieci w wieku 1-5 lat zapisanych do przedszkola (jako ułamek, 0-1).",
          "Proportion of children aged 1-5 enrolled in preschool (as a fraction, 0-1)."),
         SCHOOL, "Enrolled children aged 1-5 on 15 October / children aged 1-5."),
    _row("tertiary_education", "education", "%", "percentage", 1, "high_is_good", 1,
         ("Eftergymnasial utbildning minst tre år", "Wykształcenie wyższe (co najmniej trzy lata)", "Tertiary education (three years or more)"),
         ("Andel 25-64 år med minst treårig eftergymnasial utbildning.",
          "Odsetek osób w wieku 25-64 lata z co najmniej trzyletnim wykształceniem wyższym.",
          "Share of residents aged 25-64 with at least three years of post-secondary education."),
         REGISTER, "Residents aged 25-64 with post-secondary education >= 3 years / residents aged 25-64."),
]

WORK_INCOME = [
    _row("unemployment", "work_income", "%", "percentage", 1, "low_is_good", 1,
         ("Arbetslöshet", "Bezrobocie", "Unemployment"),
         ("Andel av befolkningen 16-64 år som är öppet arbetslösa eller i program med aktivitetsstöd.",
          "Odsetek ludności w wieku 16-64 lata zarejestrowanej jako bezrobotna lub uczestniczącej w programach aktywizacji.",
          "Share of residents aged 16-64 registered as openly unemployed or in labour-market programmes."),
         REGISTER, "Registered unemployed aged 16-64 (annual average) / residents aged 16-64.",
         min_numerator=5, min_denominator=30, weight=1.5),
    _row("employment_rate", "work_income", "%", "percentage", 1, "high_is_good", 1,
         ("Förvärvsfrekvens", "Wskaźnik zatrudnienia", "Employment rate"),
         ("Andel förvärvsarbetande bland invånare 20-64 år.",
          "Odsetek osób pracujących wśród mieszkańców w wieku 20-64 lata.",
          "Share of residents aged 20-64 in gainful employment."),
         REGISTER, "Gainfully employed residents aged 20-64 in November / residents aged 20-64.",
         weight=1.5),
    _row("neet_youth", "work_income", "%", "percentage", 1, "low_is_good", 1,
         ("Unga som varken arbetar eller studerar", "Młodzież niepracująca i nieucząca się", "Young people not in work or education"),
         ("Andel 16-24 år som varken arbetar, studerar eller har annan känd sysselsättning.",
          "Odsetek osób w wieku 16-24 lata, które nie pracują, nie uczą się ani nie mają innego znanego zajęcia.",
          "Share of residents aged 16-24 neither in work, education nor any other known activity."),
         REGISTER, "Residents aged 16-24 with no known activity / residents aged 16-24.",
         min_numerator=5, min_denominator=30),
    _row("median_income", "work_income", "SEK thousand", "median", 1, "high_is_good", 1,
         ("Medianinkomst (disponibel)", "Mediana dochodu rozporządzalnego", "Median disposable income"),
         ("Median av disponibel inkomst per konsumtionsenhet, tusental kronor, invånare 20 år och äldre. Hela stadens värde kommer från källan.",
          "Mediana dochodu rozporządzalnego na jednostkę konsumpcji, w tysiącach koron, mieszkańcy w wieku 20+. Wartość dla całego miasta pochodzi ze źródła.",
          "Median disposable income per consumption unit, SEK thousand, residents aged 20 and over. The whole-city value comes from the source."),
         REGISTER, "Median of disposable income per consumption unit; 95% CI from the source.",
         weight=1.5),
    _row("low_economic_standard", "work_income", "%", "percentage", 1, "low_is_good", 1,
         ("Låg ekonomisk standard", "Niski standard ekonomiczny", "Low economic standard"),
         ("Andel personer i hushåll med disponibel inkomst per konsumtionsenhet under 60 procent av rikets median.",
          "Odsetek osób w gospodarstwach domowych o dochodzie rozporządzalnym na jednostkę konsumpcji poniżej 60% mediany krajowej.",
          "Share of people in households with disposable income per consumption unit below 60% of the national median."),
         REGISTER, "Persons in households below 60% of the national median / all persons."),
    _row("social_assistance", "work_income", "%", "percentage", 1, "low_is_good", 1,
         ("Hushåll med ekonomiskt bistånd", "Gospodarstwa domowe korzystające z pomocy społecznej", "Households receiving social assistance"),
         ("Andel hushåll som fått ekonomiskt bistånd någon gång under året.",
          "Odsetek gospodarstw domowych, które w ciągu roku otrzymały pomoc społeczną.",
          "Share of households that received social assistance at some time during the year."),
         REGISTER, "Households with social assistance during the year / all households.",
         min_numerator=5),
    _row("child_poverty", "work_income", "%", "percentage", 1, "low_is_good", 1,
         ("Barn i hushåll med låg inkomst", "Dzieci w gospodarstwach o niskich dochodach", "Children in low-income households"),
         ("Andel barn 0-17 år som bor i hushåll med låg ekonomisk standard.",
          "Odsetek dzieci w wieku 0-17 lat żyjących w gospodarstwach domowych o niskim standardzie ekonomicznym.",
          "Share of children aged 0-17 living in households with a low economic standard."),
         REGISTER, "Children 0-17 in households below 60% of the national median / children 0-17."),
]

HOUSING = [
    _row("overcrowding", "housing", "proportion", "proportion", 1, "low_is_good", 2,
         ("Trångboddhet", "Przeludnienie mieszkań", "Overcrowded housing"),
         ("Andel invånare som bor trångt enligt norm 2 (fler än två personer per sovrum), som andel 0-1.",
          "Udział mieszkańców żyjących w przeludnionych mieszkaniach według normy 2 (więcej niż dwie osoby na sypialnię), jako ułamek 0-1.",
          "Proportion of residents living in overcrowded dwellings under norm 2 (more than two people per bedroom), as a fraction 0-1."),
         REGISTER, "Residents in overcrowded dwellings (norm 2) / residents in dwellings with known size."),
    _row("rental_share", "housing", "%", "percentage", 1, "neutral", 1,
         ("Hyresrätter", "Mieszkania na wynajem", "Rented dwellings"),
         ("Andel bostäder som är hyresrätter. Beskriver bostadsbeståndet; varken bra eller dåligt.",
          "Odsetek mieszkań na wynajem. Opisuje zasób mieszkaniowy; ani dobry, ani zły.",
          "Share of dwellings that are rented. Describes the housing stock; neither good nor bad."),
         REGISTER, "Rented dwellings / all dwellings on 31 December."),
    _row("housing_satisfaction", "housing", "%", "percentage", 1, "high_is_good", 1,
         ("Nöjd med sitt boende", "Zadowolenie z mieszkania", "Satisfied with housing"),
         ("Andel vuxna som är ganska eller mycket nöjda med sin bostad.",
          "Odsetek dorosłych raczej lub bardzo zadowolonych ze swojego mieszkania.",
          "Share of adults fairly or very satisfied with their home."),
         SURVEY, "Respondents 'fairly' or 'very satisfied' / all respondents.", min_denominator=30),
    _row("evictions", "housing", "per 1,000 households", "rate", 1000, "low_is_good", 1,
         ("Verkställda avhysningar", "Eksmisje", "Evictions"),
         ("Verkställda avhysningar från bostad per 1 000 hushåll och år.",
          "Przeprowadzone eksmisje z mieszkań na 1000 gospodarstw domowych rocznie.",
          "Enforced evictions from a home per 1,000 households per year."),
         ENFORCEMENT, "Enforced evictions during the year / households x 1,000.", min_numerator=5),
]

SAFETY = [
    _row("reported_crime", "safety", "per 1,000", "rate", 1000, "low_is_good", 1,
         ("Anmälda brott", "Zgłoszone przestępstwa", "Reported crimes"),
         ("Anmälda brott med brottsplats i området per 1 000 invånare.",
          "Zgłoszone przestępstwa popełnione na terenie obszaru na 1000 mieszkańców.",
          "Reported crimes committed in the area per 1,000 residents."),
         POLICE, "Offences reported during the year with a scene in the area / population x 1,000."),
    _row("violent_crime", "safety", "per 1,000", "rate", 1000, "low_is_good", 1,
         ("Anmäld misshandel", "Zgłoszone pobicia", "Reported assaults"),
         ("Anmälda misshandelsbrott med brottsplats i området per 1 000 invånare.",
          "Zgłoszone pobicia popełnione na terenie obszaru na 1000 mieszkańców.",
          "Reported assaults committed in the area per 1,000 residents."),
         POLICE, "Assaults reported during the year with a scene in the area / population x 1,000.",
         min_numerator=5),
    _row("burglaries", "safety", "number", "count", 1, "low_is_good", 0,
         ("Bostadsinbrott", "Włamania do mieszkań", "Residential burglaries"),
         ("Antal anmälda inbrott i bostäder (villor och lägenheter) under året.",
          "Liczba zgłoszonych włamań do mieszkań i domów w ciągu roku.",
          "Number of reported burglaries in homes (houses and flats) during the year."),
         POLICE, "Reported residential burglaries during the year (count)."),
    _row("feel_unsafe", "safety", "%", "percentage", 1, "low_is_good", 1,
         ("Otrygg utomhus på kvällen", "Poczucie zagrożenia wieczorem na zewnątrz", "Feel unsafe outdoors at night"),
         ("Andel vuxna som känner sig ganska eller mycket otrygga när de går ut ensamma sent en kväll i sitt område.",
          "Odsetek dorosłych, którzy czują się raczej lub bardzo niebezpiecznie, wychodząc samotnie późnym wieczorem w swojej okolicy.",
          "Share of adults who feel fairly or very unsafe going out alone late in the evening in their neighbourhood."),
         SURVEY, "Respondents 'fairly' or 'very unsafe' / all respondents.", min_denominator=30,
         weight=1.5),
]

TRUST_PARTICIPATION = [
    _row("voter_turnout", "trust_participation", "%", "percentage", 1, "high_is_good", 1,
         ("Valdeltagande i kommunvalet", "Frekwencja w wyborach samorządowych", "Voter turnout in municipal elections"),
         ("Andel röstberättigade som röstade i kommunfullmäktigevalet (valår 2018 och 2022).",
          "Odsetek uprawnionych, którzy głosowali w wyborach do rady gminy (lata wyborcze 2018 i 2022).",
          "Share of eligible voters who voted in the municipal council election (election years 2018 and 2022)."),
         ELECTION, "Votes cast / eligible voters registered in the area."),
    _row("trust_in_others", "trust_participation", "%", "percentage", 1, "high_is_good", 1,
         ("Tillit till andra människor", "Zaufanie do innych ludzi", "Trust in other people"),
         ("Andel vuxna som anser att man i allmänhet kan lita på de flesta människor.",
          "Odsetek dorosłych uważających, że ogólnie można ufać większości ludzi.",
          "Share of adults who think that, in general, most people can be trusted."),
         SURVEY, "Respondents agreeing that most people can be trusted / all respondents.",
         min_denominator=30),
    _row("civic_influence", "trust_participation", "%", "percentage", 1, "high_is_good", 1,
         ("Upplever att man kan påverka", "Poczucie wpływu na decyzje lokalne", "Feel able to influence local decisions"),
         ("Andel vuxna som upplever att de har möjlighet att påverka beslut i kommunen.",
          "Odsetek dorosłych, którzy uważają, że mają możliwość wpływania na decyzje w gminie.",
          "Share of adults who feel they can influence decisions taken by the municipality."),
         SURVEY, "Respondents answering 'fairly' or 'very much' / all respondents.", min_denominator=30),
    _row("association_activity", "trust_participation", "%", "percentage", 1, "high_is_good", 1,
         ("Aktiv i en förening", "Aktywność w stowarzyszeniu", "Active in an association"),
         ("Andel vuxna som under året deltagit aktivt i en förening, ett idrottslag eller en församling.",
          "Odsetek dorosłych, którzy w ciągu roku aktywnie uczestniczyli w stowarzyszeniu, klubie sportowym lub wspólnocie.",
          "Share of adults who took an active part in an association, sports club or congregation during the year."),
         SURVEY, "Respondents active in at least one association / all respondents.", min_denominator=30),
]

ENVIRONMENT_ROWS = [
    _row("no2_exposure", "environment", "µg/m³", "mean", 1, "low_is_good", 1,
         ("Kvävedioxid (NO₂), årsmedelvärde", "Dwutlenek azotu (NO₂), średnia roczna", "Nitrogen dioxide (NO₂), annual mean"),
         ("Befolkningsviktat årsmedelvärde av kvävedioxid vid bostaden, modellerat.",
          "Ważona liczbą ludności średnia roczna stężenia dwutlenku azotu w miejscu zamieszkania, modelowana.",
          "Population-weighted annual mean nitrogen dioxide concentration at home addresses, modelled."),
         ENVIRONMENT, "Dispersion-model NO2 at home addresses, weighted by residents; 95% CI from the model."),
    _row("traffic_noise", "environment", "%", "percentage", 1, "low_is_good", 1,
         ("Vägtrafikbuller över 55 dB", "Hałas drogowy powyżej 55 dB", "Road traffic noise above 55 dB"),
         ("Andel invånare med ekvivalent ljudnivå från vägtrafik över 55 dBA vid fasaden.",
          "Odsetek mieszkańców narażonych na równoważny poziom hałasu drogowego powyżej 55 dBA przy elewacji.",
          "Share of residents exposed to road traffic noise above 55 dBA (equivalent level) at the façade."),
         ENVIRONMENT, "Residents at addresses with Leq > 55 dBA / residents."),
    _row("green_space_access", "environment", "%", "percentage", 1, "high_is_good", 1,
         ("Grönområde inom 300 meter", "Teren zielony w odległości do 300 m", "Green space within 300 metres"),
         ("Andel invånare med högst 300 meter till ett grönområde på minst en hektar.",
          "Odsetek mieszkańców mających nie dalej niż 300 metrów do terenu zielonego o powierzchni co najmniej jednego hektara.",
          "Share of residents within 300 metres of a green space of at least one hectare."),
         ENVIRONMENT, "Residents within 300 m walking distance of green space >= 1 ha / residents."),
    _row("environment_score", "environment", "score 0-100", "score", 1, "high_is_good", 1,
         ("Närmiljöindex", "Wskaźnik jakości otoczenia", "Neighbourhood environment score"),
         ("Sammanvägt index 0-100 för närmiljön (grönska, buller, luft, underhåll). Hela stadens värde kommer från källan.",
          "Złożony wskaźnik 0-100 jakości otoczenia (zieleń, hałas, powietrze, utrzymanie). Wartość dla całego miasta pochodzi ze źródła.",
          "Composite 0-100 score of the local environment (greenery, noise, air, upkeep). The whole-city value comes from the source."),
         ENVIRONMENT, "Weighted index of greenery, noise, air quality and upkeep; city value supplied."),
]

CATALOGUE: list[dict[str, Any]] = [translate(row) for row in (
    HEALTH + EDUCATION + WORK_INCOME + HOUSING + SAFETY + TRUST_PARTICIPATION + ENVIRONMENT_ROWS
)]
# The residents' own assessments (trust, safety, influence, their home), from the city's
# made-up survey of residents: profiles group them under "Residents' view" (issue #13).
RESIDENTS_SURVEY = "Områdesenkäten"
RESIDENTS_VIEW = ("trust_in_others", "feel_unsafe", "civic_influence", "housing_satisfaction")
for _entry in CATALOGUE:
    _flagged = _entry["id"] in RESIDENTS_VIEW
    _entry["residents_view"] = "yes" if _flagged else None
    _entry["survey"] = RESIDENTS_SURVEY if _flagged else None
BY_ID = {row["id"]: row for row in CATALOGUE}
