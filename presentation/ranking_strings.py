"""Strings of the indicator page's ranking and the scatter page (issue #12), merged into
presentation.strings.STRINGS. Same format as every table: ``key -> (sv, pl, en)``."""

from __future__ import annotations

RANKING_STRINGS: dict[str, tuple[str, str, str]] = {
    "ind.order": ("Ordning", "Kolejność", "Order"),
    "ind.order.best": ("Bäst först", "Najlepsze najpierw", "Best first"),
    "ind.order.worst": ("Sämst först", "Najgorsze najpierw", "Worst first"),
    "ind.order.high": ("Högst först", "Najwyższe najpierw", "Highest first"),
    "ind.order.low": ("Lägst först", "Najniższe najpierw", "Lowest first"),
    "ind.ranked.click": (
        "Klicka på en punkt för att öppna områdets profil.",
        "Kliknij punkt, aby otworzyć profil obszaru.",
        "Click a dot to open the area's profile."),
    "ind.table": ("Tabell: värden med 95 %-konfidensintervall",
                  "Tabela: wartości z 95% przedziałami ufności",
                  "Table: values with 95% confidence intervals"),
    "col.ci95": ("95 %-konfidensintervall", "95% przedział ufności", "95% confidence interval"),
    "map.drawer": ("Indikator, period och visning", "Wskaźnik, okres i widok",
                   "Indicator, period and view"),
    # --- scatter page ------------------------------------------------------------------
    "nav.scatter": ("Samband", "Zależności", "Relationships"),
    "scatter.title": ("Två indikatorer i alla områden", "Dwa wskaźniki we wszystkich obszarach",
                      "Two indicators across the areas"),
    "scatter.x": ("Indikator på den vågräta axeln", "Wskaźnik na osi poziomej",
                  "Indicator on the horizontal axis"),
    "scatter.y": ("Indikator på den lodräta axeln", "Wskaźnik na osi pionowej",
                  "Indicator on the vertical axis"),
    "scatter.areas": ("Områden", "Obszary", "Areas"),
    "scatter.prioritized": ("Prioriterade områden", "Obszary priorytetowe", "Prioritized areas"),
    "scatter.caption": (
        "Varje punkt är ett område, med varje indikators senaste period. Prioriterade områden är "
        "namngivna romber; krysset och de streckade linjerna är staden. Klicka på en punkt för att "
        "öppna områdets profil.",
        "Każdy punkt to obszar, z najnowszym okresem każdego wskaźnika. Obszary priorytetowe to "
        "podpisane romby; krzyżyk i linie przerywane to miasto. Kliknij punkt, aby otworzyć profil "
        "obszaru.",
        "Each dot is an area, at each indicator's latest period. Prioritized areas are named "
        "diamonds; the cross and the dashed lines are the city. Click a dot to open the area's "
        "profile."),
    "scatter.assoc.strong.pos": ("Starkt positivt samband", "Silna dodatnia zależność",
                                 "Strong positive association"),
    "scatter.assoc.moderate.pos": ("Måttligt positivt samband", "Umiarkowana dodatnia zależność",
                                   "Moderate positive association"),
    "scatter.assoc.weak.pos": ("Svagt positivt samband", "Słaba dodatnia zależność",
                               "Weak positive association"),
    "scatter.assoc.strong.neg": ("Starkt negativt samband", "Silna ujemna zależność",
                                 "Strong negative association"),
    "scatter.assoc.moderate.neg": ("Måttligt negativt samband", "Umiarkowana ujemna zależność",
                                   "Moderate negative association"),
    "scatter.assoc.weak.neg": ("Svagt negativt samband", "Słaba ujemna zależność",
                               "Weak negative association"),
    "scatter.assoc.none": ("Inget tydligt samband", "Brak wyraźnej zależności", "No clear association"),
    "scatter.assoc.too_few": (
        "För få områden med båda värdena för att ange ett samband",
        "Za mało obszarów z obiema wartościami, by określić zależność",
        "Too few areas with both values to state an association"),
    "scatter.stats": (
        "Pearsons r = {r}; Spearmans rangkorrelation ρ = {rho}. Områden med båda värdena: {n}.",
        "Współczynnik r Pearsona = {r}; korelacja rang Spearmana ρ = {rho}. Obszary z obiema "
        "wartościami: {n}.",
        "Pearson's r = {r}; Spearman's rank correlation ρ = {rho}. Areas with both values: {n}."),
    "scatter.missing": ("Områden utan båda värdena (visas inte): {n}.",
                        "Obszary bez obu wartości (niepokazane): {n}.",
                        "Areas without both values (not shown): {n}."),
    "scatter.caveat": (
        "Ett samband mellan områden säger inte vad som orsakar vad, och inte heller att det gäller "
        "för enskilda invånare.",
        "Zależność między obszarami nie mówi, co jest przyczyną czego, ani że dotyczy pojedynczych "
        "mieszkańców.",
        "An association between areas does not say what causes what, nor that it holds for "
        "individual residents."),
    "scatter.alt": (
        "Spridningsdiagram: {x} ({xp}) mot {y} ({yp}) för {n} områden. {assoc}.",
        "Wykres rozrzutu: {x} ({xp}) względem {y} ({yp}); liczba obszarów: {n}. {assoc}.",
        "Scatter plot: {x} ({xp}) against {y} ({yp}) for {n} areas. {assoc}."),
}
