"""Strings of the area profile, compare and about pages added with issue #12 (merged into
presentation.strings.STRINGS, as method_strings.py is).

Same format as every table: ``key -> (sv, pl, en)``.
"""

from __future__ import annotations

from presentation.assessment_strings import ASSESSMENT_STRINGS
from presentation.place_strings import PLACE_STRINGS
from presentation.programme_report_strings import PROGRAMME_REPORT_STRINGS

PAGE_STRINGS: dict[str, tuple[str, str, str]] = {
    "area.population.unknown": ("uppgift saknas", "brak danych", "not known"),
    "area.age": ("Efter ålder", "Według wieku", "By age"),
    "area.age.none": ("Indikatorn redovisas inte efter ålder.", "Wskaźnik nie jest podawany według wieku.",
                      "This indicator is not reported by age."),
    "col.age": ("Ålder", "Wiek", "Age"),
    "compare.legend": ("Färger och symboler", "Kolory i symbole", "Colours and symbols"),
    "compare.download": ("Ladda ner tabellen (CSV)", "Pobierz tabelę (CSV)", "Download the table (CSV)"),
    "compare.trends.domain": ("Alla indikatorer i ett ämne", "Wszystkie wskaźniki dziedziny",
                              "All indicators of a domain"),
    "compare.trends.domain_title": ("Utveckling: {domain}", "Zmiany: {domain}", "Trends in {domain}"),
    "csv.indicator_id": ("indikator_id", "id_wskaznika", "indicator_id"),
    "csv.area_code": ("områdeskod", "kod_obszaru", "area_code"),
    "csv.area": ("område", "obszar", "area"),
    "csv.indicator": ("indikator", "wskaźnik", "indicator"),
    "csv.unit": ("enhet", "jednostka", "unit"),
    "csv.period": ("period", "okres", "period"),
    "csv.value": ("värde", "wartość", "value"),
    "csv.lower": ("nedre_95", "dolna_95", "lower_95"),
    "csv.upper": ("övre_95", "górna_95", "upper_95"),
    "csv.comparison": ("jämfört_med_staden", "w_porównaniu_z_miastem", "compared_with_city"),
}
PAGE_STRINGS.update(ASSESSMENT_STRINGS)  # the collaboration self-assessment (#13)
PAGE_STRINGS.update(PLACE_STRINGS)  # the places layer of the map (#13)
PAGE_STRINGS.update(PROGRAMME_REPORT_STRINGS)  # the programme reports on the about page (#13)
