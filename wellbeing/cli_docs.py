"""docs/cli.md: the ``--help`` text of every ``wellbeing`` command, kept true by a test.

Regenerate after changing a command, an option or its help::

    .venv/bin/python -m wellbeing.cli_docs          # rewrites docs/cli.md
    .venv/bin/python -m wellbeing.cli_docs --check  # exit 1 when docs/cli.md is out of date

(``make docs-cli`` runs the first.) tests/test_cli_docs.py fails when the file is stale.
The help is rendered at a fixed width without colour, so the text does not depend on the
terminal it was made in.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main
import typer.rich_utils
from typer.testing import CliRunner

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
WIDTH = 100
ENV = {"COLUMNS": str(WIDTH), "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

INTRO = """\
# Command line: `wellbeing`

Every command and option of the `wellbeing` command, as its `--help` prints it.
This file is generated: do not edit it by hand. After changing a command, run

```sh
.venv/bin/python -m wellbeing.cli_docs        # or: make docs-cli
```

`tests/test_cli_docs.py` fails when this file no longer matches the commands
(`python -m wellbeing.cli_docs --check` does the same check without pytest).
The store is chosen by `DATABASE_URL` (see [settings.md](settings.md)); the city
configuration read by `wellbeing etl` is described in [config.md](config.md).
"""


def command_paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command below ``command`` (a Typer group or command), depth first, in the order
    ``--help`` lists them."""
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        if not sub.hidden:
            yield from command_paths(sub, (*path, name))


def normalise(text: str) -> str:
    """No colour codes, no trailing blanks, no leading or trailing empty lines."""
    lines = [line.rstrip() for line in ANSI.sub("", text).splitlines()]
    return "\n".join(lines).strip("\n")


def help_text(path: tuple[str, ...]) -> str:
    """``wellbeing PATH --help`` at a fixed width, without colour."""
    from wellbeing.cli import app

    saved = typer.rich_utils.MAX_WIDTH, typer.rich_utils.FORCE_TERMINAL
    typer.rich_utils.MAX_WIDTH, typer.rich_utils.FORCE_TERMINAL = WIDTH, False
    try:
        result = CliRunner().invoke(app, [*path, "--help"], prog_name="wellbeing", env=ENV,
                                    color=False, terminal_width=WIDTH)
    finally:
        typer.rich_utils.MAX_WIDTH, typer.rich_utils.FORCE_TERMINAL = saved
    if result.exit_code != 0:
        raise RuntimeError(f"`wellbeing {' '.join(path)} --help` failed: {result.output}")
    return normalise(result.output)


def render() -> str:
    """The whole of docs/cli.md."""
    from wellbeing.cli import app

    sections = [INTRO]
    for path in command_paths(typer.main.get_command(app)):
        name = " ".join(("wellbeing", *path))
        sections.append(f"## `{name}`\n\n```text\n{help_text(path)}\n```\n")
    return "\n".join(sections)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
        if current != text:
            print(f"{DOCS} is out of date. Fix: run `python -m wellbeing.cli_docs`.", file=sys.stderr)
            return 1
        print(f"{DOCS} is up to date.")
        return 0
    DOCS.write_text(text, encoding="utf-8")
    print(f"Wrote {DOCS}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
