"""Strings of the collaboration self-assessment (issue #13): its form, its dimensions, the
respondents' sectors and the /collaboration page. Merged into presentation.strings.STRINGS
through presentation.page_strings. Same format as every table: ``key -> (sv, pl, en)``.
"""

from __future__ import annotations

ASSESSMENT_STRINGS: dict[str, tuple[str, str, str]] = {
    # The six dimensions of the questionnaire (store.programme_schema.DIMENSIONS).
    "assess.dim.needs": ("Behov", "Potrzeby", "Needs"),
    "assess.dim.values": ("Värderingar", "Wartości", "Values"),
    "assess.dim.participation": ("Möjligheter att delta", "Możliwości uczestnictwa",
                                 "Participation possibilities"),
    "assess.dim.motivation": ("Motivation", "Motywacja", "Motivation"),
    "assess.dim.willingness": ("Vilja", "Gotowość", "Willingness"),
    "assess.dim.practices": ("Goda exempel", "Dobre praktyki", "Best practices"),
    # Where a respondent works (store.programme_schema.RESPONDENT_SECTORS).
    "assess.sector.education": ("Utbildning", "Edukacja", "Education"),
    "assess.sector.social_welfare": ("Socialtjänst", "Pomoc społeczna", "Social welfare"),
    "assess.sector.health_care": ("Hälso- och sjukvård", "Ochrona zdrowia", "Health care"),
    "assess.sector.employment": ("Arbetsmarknad", "Rynek pracy", "Employment"),
    "assess.sector.urban_planning": ("Stadsplanering", "Planowanie przestrzenne", "Urban planning"),
    "assess.sector.culture_leisure": ("Kultur och fritid", "Kultura i rekreacja", "Culture and leisure"),
    "assess.sector.safety": ("Trygghet och säkerhet", "Bezpieczeństwo", "Safety"),
    "assess.sector.housing": ("Boende och bostäder", "Mieszkalnictwo", "Housing"),
    "assess.sector.ngo": ("Ideell organisation", "Organizacja pozarządowa", "Non-governmental organisation"),
    "assess.sector.other": ("Annan", "Inny", "Other"),
    "assess.sector.all": ("Alla svarande", "Wszyscy respondenci", "All respondents"),
    # The XLSX form (presentation.assessment_template).
    "assess.form.sheet": ("Självskattning", "Samoocena", "Self-assessment"),
    "assess.form.title": ("Självskattning av samverkan mellan sektorer för hälsa och välbefinnande",
                          "Samoocena współpracy międzysektorowej na rzecz zdrowia i dobrostanu",
                          "Self-assessment of cross-sector collaboration for health and well-being"),
    "assess.form.intro": (
        "Ta ställning till varje påstående utifrån ditt arbete i staden. Svaren redovisas bara "
        "sammanställda per sektor, aldrig per person.",
        "Odnieś się do każdego stwierdzenia na podstawie swojej pracy w mieście. Odpowiedzi są "
        "przedstawiane wyłącznie zbiorczo według sektorów, nigdy dla pojedynczych osób.",
        "Consider each statement from your work in the city. The answers are only shown "
        "summarised by sector, never for a single person."),
    "assess.form.scale": (
        "Skriv 1–5 i kolumnen Poäng: 1 = instämmer inte alls, 2 = instämmer delvis inte, 3 = varken "
        "eller, 4 = instämmer delvis, 5 = instämmer helt. Lämna rutan tom om du inte vet.",
        "Wpisz 1–5 w kolumnie Ocena: 1 = zdecydowanie się nie zgadzam, 2 = raczej się nie zgadzam, "
        "3 = ani tak, ani nie, 4 = raczej się zgadzam, 5 = zdecydowanie się zgadzam. Zostaw puste "
        "pole, jeśli nie wiesz.",
        "Write 1–5 in the Score column: 1 = strongly disagree, 2 = disagree, 3 = neither agree nor "
        "disagree, 4 = agree, 5 = strongly agree. Leave the cell empty if you don't know."),
    "assess.form.no_name": ("Skriv inte ditt namn i formuläret.", "Nie wpisuj w formularzu swojego imienia "
                            "ani nazwiska.", "Do not write your name on the form."),
    "assess.form.sector": ("Sektor där du arbetar (välj i listan)", "Sektor, w którym pracujesz (wybierz "
                           "z listy)", "Sector you work in (choose from the list)"),
    "assess.form.department": ("Förvaltning eller enhet (frivilligt)", "Wydział lub jednostka "
                               "(nieobowiązkowo)", "Department or unit (optional)"),
    "assess.form.round": ("Omgång (år)", "Edycja (rok)", "Round (year)"),
    "assess.form.statement": ("Påstående", "Stwierdzenie", "Statement"),
    "assess.form.score": ("Poäng", "Ocena", "Score"),
    "assess.form.bad_score": ("Skriv ett heltal från 1 till 5, eller lämna tomt.",
                              "Wpisz liczbę całkowitą od 1 do 5 albo zostaw puste pole.",
                              "Write a whole number from 1 to 5, or leave the cell empty."),
    "assess.form.bad_sector": ("Välj en sektor i listan.", "Wybierz sektor z listy.",
                               "Choose a sector from the list."),
    # The /collaboration page.
    "nav.collaboration": ("Samverkan", "Współpraca", "Collaboration"),
    "collab.title": ("Samverkan för hälsa och välbefinnande", "Współpraca na rzecz zdrowia i dobrostanu",
                     "Collaboration for health and well-being"),
    "collab.intro": (
        "Självskattning av samverkan mellan sektorer: medarbetare i stadens förvaltningar och "
        "organisationer tar ställning till påståenden om sex dimensioner, från 1 (instämmer inte "
        "alls) till 5 (instämmer helt).",
        "Samoocena współpracy międzysektorowej: pracownicy wydziałów miasta i organizacji oceniają "
        "stwierdzenia dotyczące sześciu wymiarów, od 1 (zdecydowanie się nie zgadzam) do 5 "
        "(zdecydowanie się zgadzam).",
        "Self-assessment of cross-sector collaboration: staff of the city's departments and "
        "organisations score statements on six dimensions, from 1 (strongly disagree) to 5 "
        "(strongly agree)."),
    "collab.none": ("Ingen självskattning är inläst för staden.",
                    "Dla miasta nie wczytano żadnej samooceny.",
                    "No self-assessment has been loaded for the city."),
    "collab.round": ("Omgång", "Edycja", "Round"),
    "collab.rounds": ("Omgångar", "Edycje", "Rounds"),
    "collab.respondents": ("{n} svarande", "{n} respondentów", "{n} respondents"),
    "collab.scores": ("Medelpoäng per dimension och sektor, {round}",
                      "Średnia ocena według wymiaru i sektora, {round}",
                      "Mean score by dimension and sector, {round}"),
    "collab.chart.caption": (
        "Varje symbol är en sektors medelpoäng (1–5); den svarta romben är alla svarande. "
        "Samma siffror står i tabellen under diagrammet.",
        "Każdy symbol to średnia ocena sektora (1–5); czarny romb to wszyscy respondenci. "
        "Te same liczby podano w tabeli pod wykresem.",
        "Each symbol is a sector's mean score (1–5); the black diamond is all respondents. "
        "The table below the chart gives the same numbers."),
    "collab.score_axis": ("Medelpoäng (1–5)", "Średnia ocena (1–5)", "Mean score (1–5)"),
    "collab.col.dimension": ("Dimension", "Wymiar", "Dimension"),
    "collab.col.group": ("Grupp", "Grupa", "Group"),
    "collab.col.before": ("Medel {round}", "Średnia {round}", "Mean {round}"),
    "collab.col.change": ("Förändring", "Zmiana", "Change"),
    "collab.col.spread": ("Skillnad", "Rozpiętość", "Spread"),
    "collab.col.highest": ("Högst", "Najwyżej", "Highest"),
    "collab.col.lowest": ("Lägst", "Najniżej", "Lowest"),
    "collab.col.what": ("Dimension eller påstående", "Wymiar lub stwierdzenie", "Dimension or statement"),
    "collab.n": ("n = {n}", "n = {n}", "n = {n}"),
    "collab.suppressed": (
        "Grupper med färre än {min} svarande visas inte separat utan räknas bara in i Alla svarande: {sectors}.",
        "Grupy liczące mniej niż {min} respondentów nie są pokazywane osobno, lecz wliczane tylko do "
        "grupy Wszyscy respondenci: {sectors}.",
        "Groups of fewer than {min} respondents are not shown separately but only counted in All "
        "respondents: {sectors}."),
    "collab.suppressed.none": (
        "Grupper med färre än {min} svarande skulle bara räknas in i Alla svarande; i denna omgång har alla sektorer minst {min}.",
        "Grupy liczące mniej niż {min} respondentów byłyby wliczane tylko do grupy Wszyscy respondenci; "
        "w tej edycji każdy sektor ma co najmniej {min}.",
        "Groups of fewer than {min} respondents would only be counted in All respondents; in this round "
        "every sector has at least {min}."),
    "collab.change": ("Förändring från {before} till {after}", "Zmiana od {before} do {after}",
                      "Change from {before} to {after}"),
    "collab.change.note": (
        "Sektorer visas när de har minst {min} svarande i båda omgångarna. En positiv förändring betyder högre poäng.",
        "Sektory są pokazywane, gdy mają co najmniej {min} respondentów w obu edycjach. Zmiana dodatnia "
        "oznacza wyższą ocenę.",
        "Sectors are shown where they have at least {min} respondents in both rounds. A positive change "
        "means a higher score."),
    "collab.change.none": ("Bara en omgång är inläst; förändringen visas när det finns två.",
                           "Wczytano tylko jedną edycję; zmiana zostanie pokazana, gdy będą dwie.",
                           "Only one round is loaded; the change is shown once there are two."),
    "collab.disagree": ("Där sektorerna är mest oeniga, {round}", "Gdzie sektory różnią się najbardziej, "
                        "{round}", "Where the sectors disagree most, {round}"),
    "collab.disagree.note": (
        "Skillnaden mellan den högsta och den lägsta sektorns medelpoäng, bland sektorer med minst {min} svarande.",
        "Różnica między najwyższą a najniższą średnią oceną sektorów, wśród sektorów z co najmniej {min} "
        "respondentami.",
        "The difference between the highest and the lowest sector mean, among sectors with at least {min} "
        "respondents."),
    "collab.disagree.none": ("Färre än två sektorer har tillräckligt många svarande för att jämföras.",
                             "Mniej niż dwa sektory mają wystarczająco wielu respondentów, by je porównać.",
                             "Fewer than two sectors have enough respondents to be compared."),
    "collab.form": ("Formuläret", "Formularz", "The form"),
    "collab.form.text": (
        "Ladda ner det tomma formuläret (XLSX), ett per svarande. Det har inget fält för namn.",
        "Pobierz pusty formularz (XLSX), jeden dla każdego respondenta. Nie ma w nim pola na imię i nazwisko.",
        "Download the blank form (XLSX), one per respondent. It has no field for a name."),
    "collab.form.download": ("Ladda ner formuläret (XLSX)", "Pobierz formularz (XLSX)",
                             "Download the form (XLSX)"),
    "collab.form.file": ("sjalvskattning_samverkan", "samoocena_wspolpracy", "collaboration_self_assessment"),
    "file.assessment": ("självskattning", "samoocena", "self-assessment"),
}
