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
}
