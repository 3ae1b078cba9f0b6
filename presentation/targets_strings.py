"""Strings of targets and progress (issue #13), merged into presentation.strings.STRINGS.

Same format as every table: ``key -> (sv, pl, en)``.
"""

from __future__ import annotations

TARGET_STRINGS: dict[str, tuple[str, str, str]] = {
    "col.target": ("Mål", "Cel", "Target"),
    "target.met": ("når målet", "spełnia cel", "meets the target"),
    "target.not_met": ("når inte målet", "nie spełnia celu", "does not meet the target"),
    "target.no_data": ("inga uppgifter", "brak danych", "no data"),
    "target.short.met": ("nått", "spełniony", "met"),
    "target.short.not_met": ("inte nått", "niespełniony", "not met"),
    "target.short.no_data": ("inga uppgifter", "brak danych", "no data"),
    "progress.achieved": ("uppnått", "osiągnięty", "achieved"),
    "progress.on_track": ("på väg mot målet", "na dobrej drodze", "on track"),
    "progress.off_track": ("inte på väg mot målet", "zagrożony", "off track"),
    "progress.too_few_points": ("för få mätpunkter", "za mało pomiarów", "too few points"),
    "progress.no_data": ("inga uppgifter", "brak danych", "no data"),
    "target.sentence": (
        "Mål {target} till {year} (utgångsläge {baseline} {base_year}): {progress}",
        "Cel {target} do {year} (wartość bazowa {baseline} w {base_year}): {progress}",
        "Target {target} by {year} (baseline {baseline} in {base_year}): {progress}"),
    "target.plain": (
        "Mål {target} till {year} (utgångsläge {baseline} {base_year})",
        "Cel {target} do {year} (wartość bazowa {baseline} w {base_year})",
        "Target {target} by {year} (baseline {baseline} in {base_year})"),
    "target.sentence.city": (
        "Stadens mål {target} till {year}: {compared}",
        "Cel miasta {target} do {year}: {compared}",
        "City-wide target {target} by {year}: {compared}"),
    "target.short": ("Mål {target} till {year}", "Cel {target} do {year}", "Target {target} by {year}"),
    "target.by": ("{target} till {year}", "{target} do {year}", "{target} by {year}"),
    "target.city": ("hela staden", "całe miasto", "city-wide"),
    "target.map.areas": ("Områdenas egna mål", "Własne cele obszarów", "Areas' own targets"),
    "target.legend.title": ("Mål och framsteg", "Cele i postęp", "Targets and progress"),
    "target.method": (
        "Framsteg: en rät linje (minsta kvadrat) genom värdena från utgångsåret förlängd till målåret.",
        "Postęp: prosta (metoda najmniejszych kwadratów) przez wartości od roku bazowego "
        "przedłużona do roku docelowego.",
        "Progress: a least-squares line through the values since the baseline year, projected "
        "to the target year."),
    "head.target_value": ("Målvärde", "Wartość docelowa", "Target value"),
    "head.target_period": ("Målperiod", "Okres docelowy", "Target period"),
    "head.compared_to_target": ("Jämfört med målet", "W porównaniu z celem", "Compared with target"),
    "head.progress": ("Framsteg mot målet", "Postęp w realizacji celu", "Progress towards target"),
    "csv.target": ("mål", "cel", "target"),
    "csv.target_period": ("målperiod", "okres_docelowy", "target_period"),
    "csv.compared_to_target": ("jämfört_med_målet", "w_porównaniu_z_celem", "compared_with_target"),
    "csv.progress": ("framsteg", "postęp", "progress"),
}
