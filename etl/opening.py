"""Opening a [[tables]] or [[sources]] file as configured, whatever its format.

CSV and XLSX go through ``etl.readers``; PC-Axis and JSON-stat 2 files through
``etl.statfiles`` (their dimensions become columns); ``period_from_columns``
then turns year columns into rows (``etl.unpivot``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from etl.config_keys import PeriodColumns
from etl.paths import NOT_FOUND, folder_listing, unreadable
from etl.readers import TextTable, open_table
from etl.statfiles import JSONSTAT_SUFFIXES, PX_SUFFIXES, StatFileError, read_jsonstat, read_px
from etl.unpivot import unpivot


class Reading(Protocol):
    """The reading keys shared by TableConfig and SourceConfig."""

    @property
    def path(self) -> Path: ...
    @property
    def header(self) -> bool: ...
    @property
    def names(self) -> tuple[str, ...] | None: ...
    @property
    def delimiter(self) -> str | None: ...
    @property
    def encoding(self) -> str | None: ...
    @property
    def sheet(self) -> str | None: ...
    @property
    def skip_rows(self) -> int: ...
    @property
    def notes_below(self) -> bool: ...
    @property
    def period_from_columns(self) -> PeriodColumns | None: ...


def _open_stat(path: Path, file: str, encoding: str | None) -> TextTable:
    trouble = unreadable(path)
    if trouble is not None:
        fix = "check the path in the configuration" + (folder_listing(path) if trouble == NOT_FOUND else "")
        return TextTable.failed(file, trouble, fix, value=str(path))
    try:
        if path.suffix.lower() in PX_SUFFIXES:
            frame = read_px(path, encoding)
        else:
            frame = read_jsonstat(path)
    except StatFileError as exc:
        return TextTable.failed(file, exc.message, exc.fix, row=exc.row)
    except OSError as exc:
        return TextTable.failed(file, f"cannot be read ({exc.strerror})", "check the file")
    lines = np.asarray(frame.attrs.pop("lines"), dtype=np.int64)
    table = TextTable(file, [str(c) for c in frame.columns], None, None, None)
    table._source = lambda t: iter([(frame, lines)])
    return table


def open_input(cfg: Reading, file: str) -> TextTable:
    """The file of a [[tables]] or [[sources]] block as text; problems are in ``.problems``."""
    if cfg.path.suffix.lower() in (*PX_SUFFIXES, *JSONSTAT_SUFFIXES):
        table = _open_stat(cfg.path, file, cfg.encoding)
    else:
        table = open_table(cfg.path, file, header=cfg.header, names=cfg.names,
                           delimiter=cfg.delimiter, encoding=cfg.encoding, sheet=cfg.sheet,
                           skip_rows=cfg.skip_rows, notes_below=cfg.notes_below)
    if cfg.period_from_columns is not None and table.columns:
        table = unpivot(table, cfg.period_from_columns)
    return table
