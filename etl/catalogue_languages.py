"""Missing translations in the catalogue: one warning per field and language.

A catalogue field (``TRANSLATED``) is translated into a language when its ``{field}_{lang}``
cell has text, or, for ``definition``, ``source`` and ``unit``, when the plain column has
text (that one serves every language). A field with text in some language but not in
another is a warning naming the field, the language, the indicators (at most ten, then how
many more) and the column to add: the atlas shows the text of another language there,
marked with that language (presentation.i18n.catalogue_text); a missing name is name_en.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.catalogue_columns import LANG_NAMES, PLAIN, TRANSLATED
from etl.errors import Problem, listing
from settings.languages import LANGS

SHOWN_IDS = 10  # indicators named per warning
SHOWN = ("the atlas shows the text of another language there, marked with its language",
         "the atlas shows the English name (name_en) there, marked [EN]")


def _has(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.zeros(len(frame), dtype=bool)
    return (frame[column].astype(str).str.strip() != "").to_numpy()


def missing_translations(frame: pd.DataFrame, file: str, lines: np.ndarray) -> list[Problem]:
    """Warnings for the raw catalogue ``frame`` (text cells, "" when empty); ``lines`` are
    the rows' line numbers in ``file``."""
    if "id" not in frame:
        return []
    ids = frame["id"].astype(str)
    problems = []
    for field in TRANSLATED:
        given = {lang: _has(frame, f"{field}_{lang}") for lang in LANGS}
        plain = _has(frame, field) if field in PLAIN else np.zeros(len(frame), dtype=bool)
        for lang in LANGS:
            others = np.logical_or.reduce([given[o] for o in LANGS if o != lang])
            missing = np.flatnonzero(~given[lang] & ~plain & others & (ids != "").to_numpy())
            if not len(missing):
                continue
            column = f"{field}_{lang}"
            add = (f"fill in '{column}' for them" if column in frame
                   else f"add a column '{column}'")
            problems.append(Problem(
                file,
                f"{len(missing)} indicator(s) have no {field} in {LANG_NAMES[lang]} "
                f"({column}): {listing(ids.iloc[missing], SHOWN_IDS)}; " + SHOWN[field == "name"],
                f"{add} with the {LANG_NAMES[lang]} text"
                + (f", or give a plain '{field}' for every language" if field in PLAIN else ""),
                row=int(lines[missing[0]]), column=column, severity="warning",
            ))
    return problems
