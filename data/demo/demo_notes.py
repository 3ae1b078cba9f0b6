"""What the demo city's profiles list about its three prioritized areas (all made up).

Per prioritized area (1..3, as ``Area.prioritized``): its resources, arenas,
ongoing initiatives and the residents' own view, with titles and texts in
Swedish, Polish and English. A few notes are in Swedish only, so the
dashboard's language fallback shows. Every source says the note is synthetic.
"""

from __future__ import annotations

from pathlib import Path

from demo_areas import Area
from demo_writers import _write_csv

HEADER = ("area", "kind", "title_sv", "title_pl", "title_en", "text_sv", "text_pl", "text_en",
          "source", "url")
SOURCE = "Synthetic example (demo data)"
DIALOGUE = "Synthetic residents' dialogue, spring 2024 (demo data)"

# kind, (title sv, pl, en), (text sv, pl, en), source, url
Note = tuple[str, tuple[str, str, str], tuple[str, str, str], str, str]
NOTES: dict[int, list[Note]] = {
    1: [
        ("resource", ("Hjortkullens bibliotek", "Biblioteka w Hjortkullen", "Hjortkullen library"),
         ("Öppet sex dagar i veckan, med läxhjälp på tisdagar.",
          "Otwarta sześć dni w tygodniu, pomoc w lekcjach we wtorki.",
          "Open six days a week, homework help on Tuesdays."), SOURCE, "https://example.org/demo/bibliotek"),
        ("arena", ("Torget vid Hjortkullsvägen", "Plac przy Hjortkullsvägen", "The square on Hjortkullsvägen"),
         ("Marknad varje lördag.", "Targ w każdą sobotę.", "Market every Saturday."), SOURCE, ""),
        ("initiative", ("Trygga vuxna ute på kvällarna", "Dorośli na ulicach wieczorami",
                        "Adults out in the evenings"),
         ("Drivs av bostadsbolaget och föreningar i området.",
          "Prowadzone przez spółdzielnię mieszkaniową i lokalne stowarzyszenia.",
          "Run by the housing company and local associations."), SOURCE, ""),
        ("residents_view", ("Fler mötesplatser för unga", "Więcej miejsc spotkań dla młodzieży",
                            "More meeting places for young people"),
         ("Många boende saknar något att göra för tonåringar på kvällarna.",
          "Wielu mieszkańców mówi, że wieczorami nastolatki nie mają co robić.",
          "Many residents say teenagers have nothing to do in the evenings."), DIALOGUE, ""),
    ],
    2: [
        ("resource", ("Fritidsgården Kupolen", "Świetlica Kupolen", "Kupolen youth centre"),
         ("För unga 13–19 år, öppen fyra kvällar i veckan.", "Dla młodzieży 13–19 lat, cztery wieczory w tygodniu.",
          "For young people aged 13–19, four evenings a week."), SOURCE, "https://example.org/demo/kupolen"),
        ("resource", ("Vårdcentralen Brännhagen", "Przychodnia Brännhagen", "Brännhagen health centre"),
         ("", "", ""), SOURCE, ""),
        ("arena", ("Brännhagsparken", "", ""),
         ("Lekplats och utegym.", "", ""), SOURCE, ""),
        ("initiative", ("Språkcafé", "Kawiarenka językowa", "Language café"),
         ("Studieförbundet och biblioteket, varje onsdag.", "Uniwersytet ludowy i biblioteka, w każdą środę.",
          "The adult education association and the library, every Wednesday."), SOURCE, ""),
        ("residents_view", ("Tryggare gångvägar", "Bezpieczniejsze ścieżki", "Safer footpaths"),
         ("Bättre belysning vid tunneln mot centrum önskas.",
          "Mieszkańcy chcą lepszego oświetlenia przy tunelu do centrum.",
          "Residents ask for better lighting by the underpass to the centre."), DIALOGUE, ""),
    ],
    3: [
        ("resource", ("Stenåsens skola", "Szkoła w Stenåsen", "Stenåsen school"),
         ("F–9-skola med öppen skolgård på helger.", "Szkoła podstawowa, boisko otwarte w weekendy.",
          "Compulsory school; its yard is open at weekends."), SOURCE, ""),
        ("arena", ("Föreningshuset", "Dom stowarzyszeń", "The association house"),
         ("Lokaler att låna för föreningar och fester.", "Sale do wypożyczenia dla stowarzyszeń i na uroczystości.",
          "Rooms to borrow for associations and parties."), SOURCE, ""),
        ("initiative", ("Sommarjobb för unga", "Praca wakacyjna dla młodzieży", "Summer jobs for young people"),
         ("Kommunen och näringslivet i samverkan.", "Gmina i lokalne firmy razem.",
          "The municipality together with local businesses."), SOURCE, "https://example.org/demo/sommarjobb"),
        ("residents_view", ("Stolthet över grannskapet", "Duma z sąsiedztwa", "Pride in the neighbourhood"),
         ("Boende beskriver en stark gemenskap men oro för nedskärningar.",
          "Mieszkańcy opisują silną wspólnotę, ale obawiają się cięć.",
          "Residents describe a strong community but worry about cuts."), DIALOGUE, ""),
    ],
}


def write_notes(path: Path, areas: list[Area]) -> None:
    """The notes file: the prioritized areas' notes in code order, UTF-8, comma-separated."""
    prioritized = sorted((a for a in areas if a.prioritized), key=lambda a: a.prioritized)
    rows = [
        [area.code, kind, *titles, *texts, source, url]
        for area in prioritized
        for kind, titles, texts, source, url in NOTES[area.prioritized]
    ]
    _write_csv(path, HEADER, rows)
