"""Strings of the about page's programme reports (the annual implementation report's
download, issue #13), merged into ``presentation.strings.STRINGS`` through ``page_strings``.
``key -> (sv, pl, en)``."""

from __future__ import annotations

PROGRAMME_REPORT_STRINGS: dict[str, tuple[str, str, str]] = {
    "about.programmes": ("Program och årsrapporter", "Programy i sprawozdania roczne",
                         "Programmes and annual reports"),
    "about.programmes.intro": (
        "Årlig genomföranderapport per program: mål och indikatorer mot målvärden, insatser per "
        "område och sektor och en karta över var de genomförs.",
        "Roczne sprawozdanie z realizacji każdego programu: cele i wskaźniki wobec wartości "
        "docelowych, inicjatywy według obszarów i sektorów oraz mapa miejsc ich realizacji.",
        "The annual implementation report of each programme: goals and indicators against their "
        "targets, initiatives by area and sector, and a map of where they run.",
    ),
    "about.programmes.download": ("Årsrapport {year} (PDF)", "Sprawozdanie za {year} r. (PDF)",
                                  "Annual report {year} (PDF)"),
    "about.programmes.download_label": (
        "Ladda ner årsrapporten {year} för {name} som PDF",
        "Pobierz sprawozdanie roczne za {year} r. dla programu {name} jako PDF",
        "Download the {year} annual report of {name} as PDF",
    ),
}
