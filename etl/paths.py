"""What a configured input path is, when it is not a file the ETL can read.

A directory, a device (``/dev/null``), a named pipe or a socket is said to be
what it is; only a path that does not exist is "not found" (and only then do
readers list the folder's files). Nothing is opened here: opening a named pipe
would wait for a writer.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from etl.errors import printable

NOT_FOUND = "file not found"
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def unreadable(path: Path) -> str | None:
    """None for a regular file this process may read; else what is wrong with ``path``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return NOT_FOUND
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror})"
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        return f"is not a regular file (it is {kind})"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied)"
    return None


def folder_listing(path: Path, limit: int = 10) -> str:
    """`` (files there: a.csv, b.csv)`` for a path that was not found, or ``""``."""
    if not path.parent.is_dir():
        return ""
    names = (p.name for p in path.parent.iterdir() if not p.name.startswith("."))
    near = [printable(name, 60) for name in sorted(names)[:limit]]
    return f" (files there: {', '.join(near)})" if near else ""
