"""The About page's models: the indicator catalogue by domain, and the load history
(each load batch with the files it read)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import Any

import pandas as pd

from dashboard.model import Atlas
from dashboard.viewmodels.catalogue import by_domain
from presentation.i18n import catalogue_field, catalogue_text, indicator_name, unit_label


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    description: Any  # the description in the language, else the definition, else "–"
    unit: str  # in the language, "–" when there is none
    polarity: str
    source: str


@dataclass(frozen=True)
class LoadedFile:
    path: str  # the file's name only (never the server's folders)
    kind: str
    rows: Any  # the number of rows read (as the store holds it)
    sha256: str


@dataclass(frozen=True)
class Load:
    """One load batch: when, how it ended, what it loaded and from which files."""

    when: Any  # finished (else started) time stamp, None when unknown
    status: str
    counts: tuple[Any, Any, Any]  # areas, indicators and values loaded
    config_path: str | None  # the configuration file's name only
    files: tuple[LoadedFile, ...]


def catalogue_entries(atlas: Atlas, lang: str) -> list[tuple[str, tuple[CatalogueEntry, ...]]]:
    """Every indicator under its domain, in the catalogue's order, text in ``lang``."""
    return [(domain, tuple(_entry(row, lang) for row in rows)) for domain, rows in by_domain(atlas)]


def _entry(row: Any, lang: str) -> CatalogueEntry:
    ind_id = str(row["id"])
    desc = catalogue_text(row, "description", lang)
    return CatalogueEntry(ind_id, indicator_name(row, lang),
                          desc if desc != ind_id else (catalogue_field(row, "definition", lang) or "–"),
                          unit_label(row, lang) or "–", str(row["polarity"]),
                          catalogue_field(row, "source", lang) or "–")


def load_history(atlas: Atlas) -> tuple[Load, ...]:
    """The load batches, newest first (read fresh from the store: they are small)."""
    batches, files = atlas.batches()
    current, mapped = atlas.version(), len(atlas.areas())
    return tuple(_load(b, files[files["batch_id"] == b.id], mapped if b.id == current else None)
                 for b in batches.itertuples(index=False))


def _load(b: Any, files: pd.DataFrame, mapped: int | None) -> Load:
    """``mapped``: the current batch's areas as the atlas holds them (without the whole-city
    row, which loads before #12 counted as an area)."""
    areas = mapped if mapped is not None else b.areas_loaded
    return Load(b.finished_at or b.started_at, str(b.status),
                (areas, b.indicators_loaded, b.values_loaded), file_name(b.config_path),
                tuple(_file(f) for f in files.itertuples(index=False)))


def file_name(path: Any) -> str | None:
    """The file's name without the server's folders (``/srv/atlas/data/x.csv`` → ``x.csv``;
    Windows paths too): the page never shows where the server keeps its files."""
    if path is None or (isinstance(path, float) and pd.isna(path)) or str(path).strip() == "":
        return None
    return PureWindowsPath(str(path).replace("/", "\\")).name


def _file(f: Any) -> LoadedFile:
    return LoadedFile(file_name(f.path) or "–", str(f.kind), f.rows, str(f.sha256))
