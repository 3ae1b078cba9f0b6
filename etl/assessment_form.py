"""The collaboration self-assessment questionnaire (Healthy Boost), defined once as data.

Eighteen statements, three for each of the six dimensions of ``store.programme_schema.DIMENSIONS``
(needs, values, participation possibilities, motivation, willingness, best practices), in
Swedish, Polish and English. A respondent scores each statement 1-5 (1 = strongly disagree,
5 = strongly agree) or leaves it empty (don't know).

``wellbeing assessment template`` writes a blank form of these statements
(presentation.assessment_template); ``etl.assessment`` reads the filled forms back and
refuses a form of another version of the questionnaire (``QUESTIONNAIRE_VERSION``: a
fingerprint of the ids, dimensions and English texts, so an edited questionnaire is a new
version).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from store.programme_schema import DIMENSIONS

SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Statement:
    id: str
    dimension: str
    sv: str
    pl: str
    en: str

    def text(self, lang: str) -> str:
        return str(getattr(self, lang))


STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "N1", "needs",
        "Min förvaltning känner till invånarnas behov av hälsa och välbefinnande i de områden där vi arbetar.",
        "Mój wydział zna potrzeby mieszkańców w zakresie zdrowia i dobrostanu na obszarach, na których działamy.",
        "My department knows the health and well-being needs of the residents in the areas where we work."),
    Statement(
        "N2", "needs",
        "Vi delar kunskap om invånarnas behov med andra sektorer i staden.",
        "Dzielimy się wiedzą o potrzebach mieszkańców z innymi sektorami miasta.",
        "We share what we know about residents' needs with other sectors of the city."),
    Statement(
        "N3", "needs",
        "Samverkan mellan sektorer behövs för att möta behoven av hälsa och välbefinnande i vår stad.",
        "Współpraca międzysektorowa jest potrzebna, aby odpowiedzieć na potrzeby zdrowotne i dotyczące "
        "dobrostanu w naszym mieście.",
        "Cross-sector collaboration is needed to meet the health and well-being needs of our city."),
    Statement(
        "V1", "values",
        "Hälsa och välbefinnande är gemensamma mål för alla sektorer i staden, inte bara för hälso- och sjukvården.",
        "Zdrowie i dobrostan są wspólnymi celami wszystkich sektorów miasta, a nie tylko ochrony zdrowia.",
        "Health and well-being are goals shared by every sector of the city, not by health care alone."),
    Statement(
        "V2", "values",
        "De sektorer jag samarbetar med har en gemensam syn på vad god hälsa och välbefinnande innebär.",
        "Sektory, z którymi współpracuję, mają wspólne rozumienie tego, czym jest dobre zdrowie i dobrostan.",
        "The sectors I work with share a common view of what good health and well-being mean."),
    Statement(
        "V3", "values",
        "Att minska skillnaderna i hälsa mellan stadens områden är viktigt i mitt dagliga arbete.",
        "Zmniejszanie nierówności w zdrowiu między obszarami miasta jest ważne w mojej codziennej pracy.",
        "Reducing inequalities in health between the city's areas matters in my daily work."),
    Statement(
        "P1", "participation",
        "Jag vet hur jag kan delta i sektorsövergripande arbete för hälsa och välbefinnande i staden.",
        "Wiem, w jaki sposób mogę uczestniczyć w międzysektorowych działaniach na rzecz zdrowia i dobrostanu "
        "w mieście.",
        "I know how I can take part in cross-sector work on health and well-being in the city."),
    Statement(
        "P2", "participation",
        "Det finns regelbundna möten eller nätverk där sektorerna planerar arbetet tillsammans.",
        "Istnieją regularne spotkania lub sieci, w ramach których sektory wspólnie planują działania.",
        "There are regular meetings or networks where the sectors plan their work together."),
    Statement(
        "P3", "participation",
        "Invånare och lokala organisationer är delaktiga i planeringen av det arbete som berör dem.",
        "Mieszkańcy i lokalne organizacje są włączani w planowanie działań, które ich dotyczą.",
        "Residents and local organisations take part in planning the work that concerns them."),
    Statement(
        "M1", "motivation",
        "Jag är motiverad att arbeta med andra sektorer för hälsa och välbefinnande.",
        "Jestem zmotywowany/zmotywowana do współpracy z innymi sektorami na rzecz zdrowia i dobrostanu.",
        "I am motivated to work with other sectors on health and well-being."),
    Statement(
        "M2", "motivation",
        "Samarbetet med andra sektorer gör mitt eget arbete enklare eller bättre.",
        "Współpraca z innymi sektorami ułatwia lub usprawnia moją własną pracę.",
        "Working with other sectors makes my own work easier or better."),
    Statement(
        "M3", "motivation",
        "Min chef uppmuntrar mig att delta i arbete över sektorsgränserna.",
        "Mój przełożony zachęca mnie do udziału w działaniach międzysektorowych.",
        "My manager encourages me to take part in work across sectors."),
    Statement(
        "W1", "willingness",
        "Min förvaltning är villig att dela data och information med andra sektorer.",
        "Mój wydział jest gotów udostępniać dane i informacje innym sektorom.",
        "My department is willing to share data and information with other sectors."),
    Statement(
        "W2", "willingness",
        "Min förvaltning är villig att avsätta tid och resurser för gemensamt arbete.",
        "Mój wydział jest gotów przeznaczyć czas i zasoby na wspólne działania.",
        "My department is willing to set aside time and resources for joint work."),
    Statement(
        "W3", "willingness",
        "Vi är beredda att ändra våra egna rutiner när det gemensamma arbetet kräver det.",
        "Jesteśmy gotowi zmienić własne procedury, gdy wymaga tego wspólna praca.",
        "We are ready to change our own routines when joint work calls for it."),
    Statement(
        "B1", "practices",
        "Vi har exempel på lyckade sektorsövergripande insatser för hälsa och välbefinnande i staden.",
        "Mamy przykłady udanych międzysektorowych inicjatyw na rzecz zdrowia i dobrostanu w mieście.",
        "We have examples of successful cross-sector initiatives for health and well-being in the city."),
    Statement(
        "B2", "practices",
        "Goda exempel från det gemensamma arbetet dokumenteras och sprids i organisationen.",
        "Dobre praktyki ze wspólnej pracy są dokumentowane i upowszechniane w całej organizacji.",
        "Good practices from joint work are written down and shared across the organisation."),
    Statement(
        "B3", "practices",
        "Vi följer upp och utvärderar resultaten av vårt gemensamma arbete tillsammans.",
        "Wspólnie monitorujemy i oceniamy rezultaty naszej wspólnej pracy.",
        "We follow up and evaluate the results of our joint work together."),
)
BY_ID = {s.id: s for s in STATEMENTS}


def version_of(lines: list[tuple[str, str, str]]) -> str:
    """The questionnaire's version: a fingerprint of (id, dimension, English text) in order.
    presentation.assessment_template.form_version computes the same from the stored statements."""
    text = "\n".join(f"{i}|{d}|{en}" for i, d, en in lines)
    return "hb-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


QUESTIONNAIRE_VERSION = version_of([(s.id, s.dimension, s.en) for s in STATEMENTS])


def statements_frame() -> pd.DataFrame:
    """The ``assessment_statements`` rows of the questionnaire (store.programme_read columns)."""
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    rows = sorted(STATEMENTS, key=lambda s: order[s.dimension])
    return pd.DataFrame({
        "id": [s.id for s in rows], "dimension": [s.dimension for s in rows],
        "position": list(range(1, len(rows) + 1)), "text_sv": [s.sv for s in rows],
        "text_pl": [s.pl for s in rows], "text_en": [s.en for s in rows],
    })
