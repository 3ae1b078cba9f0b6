"""``[programme]`` of the city configuration: the files of the programme register.

Five kinds of rows (docs/programmes.md): ``programmes``, ``goals``, ``targets``,
``institutions`` and ``initiatives``. Each is a CSV or XLSX file of its own (the key named
like the kind), or a sheet of one workbook (``path``; the sheet named like the kind, or as
``sheets`` maps it). ``read_programme_config`` checks the keys' shape;
``etl.programme_register`` reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.config_keys import XLSX, refuse, section, text_map
from etl.errors import EtlError, excerpt

KINDS = ("programmes", "goals", "targets", "institutions", "initiatives")


@dataclass(frozen=True)
class ProgrammeSource:
    """Where one kind of rows is read: a CSV file, or a sheet of an XLSX workbook
    (``sheet`` None: the sheet named like the kind when there is one, else the first)."""

    kind: str
    path: Path
    sheet: str | None = None


@dataclass(frozen=True)
class ProgrammeConfig:
    """The ``[programme]`` block."""

    sources: tuple[ProgrammeSource, ...] = ()
    workbook: Path | None = None  # `path`: one workbook with a sheet per kind
    sheets: dict[str, str] = field(default_factory=dict)  # kind -> sheet of the workbook

    def source(self, kind: str) -> ProgrammeSource | None:
        return next((s for s in self.sources if s.kind == kind), None)

    def paths(self) -> list[tuple[str, Path]]:
        """(kind, path) of its files, for the batch's file list and fingerprint (each once)."""
        seen: list[Path] = []
        for s in self.sources:
            if s.path not in seen:
                seen.append(s.path)
        return [("programme", p) for p in seen]


def _path(src: Path, value: Any, key: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise EtlError(f"{src}: [programme] {key} is {excerpt(value)}, not a file name. "
                       f'Fix: write {key} = "programme/{key}.csv" (relative to this file).')
    path = (src.parent / value).resolve()
    if path.suffix.lower() not in (".csv", ".txt", *XLSX):
        raise refuse(src, "programme", key, f"is {excerpt(value)}, neither CSV nor XLSX",
                     "give a .csv or .xlsx file")
    return path


def read_programme_config(raw: Any, src: Path, text: str) -> ProgrammeConfig | None:
    """The ``[programme]`` block, or None when the city has none."""
    if raw is None:
        return None
    p = section(raw, "programme", "programme", src)
    if not any(p[k] for k in ("path", *KINDS)):
        raise EtlError(f"{src}: [programme] names no file. Fix: give path = \"programme.xlsx\" "
                       "(a workbook with a sheet per kind) or one of "
                       f"{', '.join(k + ' = ...' for k in KINDS)} (see docs/programmes.md).")
    workbook = _path(src, p["path"], "path") if p["path"] else None
    if workbook is not None and workbook.suffix.lower() not in XLSX:
        raise refuse(src, "programme", "path", f"is {excerpt(p['path'])}; it names one workbook "
                     "with a sheet per kind", "point path at an .xlsx file, or give each kind "
                     "its own CSV (programmes = ..., goals = ...)")
    sheets = text_map(p["sheets"], "[programme] sheets", src, '{ targets = "Mål" }')
    for kind in sheets:
        if kind not in KINDS:
            raise refuse(src, "programme", f"sheets.{kind}", "is not a kind of programme rows",
                         f"use only {', '.join(KINDS)}")
        if workbook is None:
            raise refuse(src, "programme", "sheets", "names sheets of the workbook `path`, and "
                         "there is none", "add path = \"programme.xlsx\", or remove sheets")
        if p[kind]:
            raise refuse(src, "programme", f"sheets.{kind}", f"names a sheet of path, but {kind} "
                         "has its own file", f"remove sheets.{kind}, or {kind}")
    sources = []
    for kind in KINDS:
        if p[kind]:
            sources.append(ProgrammeSource(kind, _path(src, p[kind], kind)))
        elif workbook is not None:
            sources.append(ProgrammeSource(kind, workbook, sheets.get(kind, kind)))
    return ProgrammeConfig(tuple(sources), workbook, sheets)
