/* plotly.js locale "pl" (plotly.js-locales 3.7.0, MIT licence, Copyright Plotly, Inc.; its dictionary was empty: the
 * Polish texts of the toolbar and hover labels are the atlas's own).
 * Registered with the Plotly bundle the page loads, served from 'self' (issue #12); dcc.Graph
 * picks it with config={"locale": "pl"} (dashboard/views/graphs.py: graph_config). */
(function (root) {
    "use strict";
    var locale = {
    moduleType: 'locale',
    name: 'pl',
    dictionary: {
        "Autoscale": "Autoskalowanie",
        "Box Select": "Zaznaczanie prostokątem",
        "Click to enter Colorscale title": "Kliknij, aby wpisać tytuł skali kolorów",
        "Click to enter Component A title": "Kliknij, aby wpisać tytuł składnika A",
        "Click to enter Component B title": "Kliknij, aby wpisać tytuł składnika B",
        "Click to enter Component C title": "Kliknij, aby wpisać tytuł składnika C",
        "Click to enter Plot title": "Kliknij, aby wpisać tytuł wykresu",
        "Click to enter X axis title": "Kliknij, aby wpisać tytuł osi X",
        "Click to enter Y axis title": "Kliknij, aby wpisać tytuł osi Y",
        "Click to enter radial axis title": "Kliknij, aby wpisać tytuł osi radialnej",
        "Compare data on hover": "Porównaj dane po najechaniu",
        "Double-click on legend to isolate one trace": "Kliknij dwukrotnie legendę, aby wyodrębnić jedną serię",
        "Double-click to zoom back out": "Kliknij dwukrotnie, aby oddalić",
        "Download plot": "Pobierz wykres",
        "Download plot as a PNG": "Pobierz wykres jako PNG",
        "Edit in Chart Studio": "Edytuj w Chart Studio",
        "IE only supports svg.  Changing format to svg.": "IE obsługuje tylko svg. Zmiana formatu na svg.",
        "Lasso Select": "Zaznaczanie lassem",
        "Orbital rotation": "Obrót orbitalny",
        "Pan": "Przesuwanie",
        "Produced with Plotly.js": "Utworzono za pomocą Plotly.js",
        "Reset": "Resetuj",
        "Reset axes": "Resetuj osie",
        "Reset camera to default": "Przywróć domyślną kamerę",
        "Reset camera to last save": "Przywróć ostatnio zapisaną kamerę",
        "Reset view": "Resetuj widok",
        "Reset views": "Resetuj widoki",
        "Show closest data on hover": "Pokaż najbliższe dane po najechaniu",
        "Snapshot succeeded": "Zrzut wykonany",
        "Sorry, there was a problem downloading your snapshot!": "Niestety, nie udało się pobrać zrzutu!",
        "Taking snapshot - this may take a few seconds": "Wykonywanie zrzutu – może to potrwać kilka sekund",
        "Toggle Spike Lines": "Włącz/wyłącz linie pomocnicze",
        "Toggle show closest data on hover": "Włącz/wyłącz pokazywanie najbliższych danych po najechaniu",
        "Turntable rotation": "Obrót obrotnicy",
        "Zoom": "Powiększanie",
        "Zoom in": "Powiększ",
        "Zoom out": "Pomniejsz",
        "close:": "zamknięcie:",
        "concentration:": "stężenie:",
        "high:": "maks.:",
        "incoming flow count:": "liczba przepływów przychodzących:",
        "kde:": "kde:",
        "lat:": "szer.:",
        "lon:": "dł.:",
        "low:": "min.:",
        "lower fence:": "dolna granica:",
        "max:": "maks.:",
        "mean ± σ:": "średnia ± σ:",
        "mean:": "średnia:",
        "median:": "mediana:",
        "min:": "min.:",
        "new text": "nowy tekst",
        "open:": "otwarcie:",
        "outgoing flow count:": "liczba przepływów wychodzących:",
        "q1:": "q1:",
        "q3:": "q3:",
        "source:": "źródło:",
        "target:": "cel:",
        "trace": "seria",
        "upper fence:": "górna granica:"
    },
    format: {
        days: [
            'Niedziela', 'Poniedziałek', 'Wtorek', 'Środa',
            'Czwartek', 'Piątek', 'Sobota'
        ],
        shortDays: ['Nie', 'Pn', 'Wt', 'Śr', 'Czw', 'Pt', 'So'],
        months: [
            'Styczeń', 'Luty', 'Marzec', 'Kwiecień', 'Maj', 'Czerwiec',
            'Lipiec', 'Sierpień', 'Wrzesień', 'Październik', 'Listopad', 'Grudzień'
        ],
        shortMonths: [
            'Sty', 'Lu', 'Mar', 'Kw', 'Maj', 'Cze',
            'Lip', 'Sie', 'Wrz', 'Pa', 'Lis', 'Gru'
        ],
        date: '%Y-%m-%d'
    }
};
    if (root.Plotly && root.Plotly.register) { root.Plotly.register(locale); }
    else { root.PlotlyLocales = root.PlotlyLocales || []; root.PlotlyLocales.push(locale); }
}(window));
