"""Sniffing a text file: its encoding and its delimiter."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from etl.errors import Problem, excerpt

DELIMITERS = ("\t", ";", "|", ",")  # preference order when several fit
BLOCK = 1 << 22


def _line_of(path: Path, offset: int) -> int:
    with path.open("rb") as fh:
        return fh.read(offset).count(b"\n") + 1


def _decodes(path: Path, encoding: str) -> UnicodeDecodeError | None:
    """None when the whole file decodes with ``encoding``; else the first error (file offsets)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    done = 0
    with path.open("rb") as fh:
        while block := fh.read(BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return UnicodeDecodeError(
                    exc.encoding, exc.object, done + exc.start, done + exc.end, exc.reason
                )
            done += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return UnicodeDecodeError(
                exc.encoding, exc.object, done + exc.start, done + exc.end, exc.reason
            )
    return None


def _guess_encoding(path: Path) -> str | None:
    if _decodes(path, "utf-8") is None:
        with path.open("rb") as fh:
            return "utf-8-sig" if fh.read(3) == codecs.BOM_UTF8 else "utf-8"
    if _decodes(path, "cp1252") is None:
        return "cp1252"
    from charset_normalizer import from_path

    best = from_path(path).best()
    return None if best is None else str(best.encoding)


def detect_encoding(
    path: Path, file: str, declared: str | None
) -> tuple[str | None, list[Problem]]:
    """The file's encoding (``declared`` checked against the bytes), or a problem."""
    if declared is None:
        found = _guess_encoding(path)
        if found is None:
            return None, [
                Problem(
                    file,
                    "cannot tell the text encoding",
                    'save the file as UTF-8, or set encoding = "cp1252" in its [[tables]] section',
                )
            ]
        return found, []
    try:
        codecs.lookup(declared)
    except LookupError:
        return None, [
            Problem(
                file,
                f"unknown encoding {declared!r} in the configuration",
                "use 'utf-8', 'utf-8-sig' or 'cp1252', or remove the key to detect it",
                value=declared,
            )
        ]
    err = _decodes(path, declared)
    if err is None:
        if codecs.lookup(declared).name == "utf-8":
            with path.open("rb") as fh:
                if fh.read(3) == codecs.BOM_UTF8:
                    return "utf-8-sig", []
        return declared, []
    with path.open("rb") as fh:
        fh.seek(err.start)
        bad = fh.read(max(1, err.end - err.start))
    guess = _guess_encoding(path)
    reads = f" (reads as {excerpt(bad.decode(guess, errors='replace'))} in {guess})" if guess else ""
    hint = f'set encoding = "{guess}"' if guess else "set the right encoding"
    return None, [
        Problem(
            file,
            f"is not valid {declared} as configured: byte(s) {bad.hex(' ').upper()}{reads}",
            f"{hint} in its [[tables]] section, remove the encoding key so it is detected, or save the file as {declared}",
            row=_line_of(path, err.start),
        )
    ]


def _field_counts(lines: list[str], delimiter: str) -> list[int]:
    if delimiter == "whitespace":
        return [len(line.split()) for line in lines]
    return [len(row) for row in csv.reader(lines, delimiter=delimiter)]


def detect_delimiter(lines: list[str], expected: int | None = None) -> str | None:
    """The delimiter most lines agree on (``expected`` fields when known), or None.

    Candidates: tab, ';', '|', ',' and, when none fits, runs of whitespace.
    A candidate fits a line when it splits it into the header's number of
    fields (at least two); the best share of fitting lines wins, ties going
    to the order above (so '1;2,5' is ';' with a decimal comma).
    """
    lines = [line for line in lines if line.strip()]
    if not lines:
        return None
    best, best_share = None, 0.0
    for candidate in (*DELIMITERS, "whitespace"):
        counts = _field_counts(lines, candidate)
        target = expected or counts[0]
        if target < 2:
            continue
        share = sum(c == target for c in counts) / len(counts)
        if share > best_share + 1e-9 and (candidate != "whitespace" or best is None):
            best, best_share = candidate, share
    return best if best_share >= 0.5 else None


def sample_lines(path: Path, encoding: str, skip_rows: int, n: int = 50) -> list[str]:
    with path.open("r", encoding=encoding, newline="") as fh:
        text = fh.read(1 << 16)
    lines = text.splitlines()
    if len(text) == 1 << 16 and len(lines) > 1:
        lines = lines[:-1]  # possibly cut in the middle
    return lines[skip_rows : skip_rows + n]
