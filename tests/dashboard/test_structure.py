"""How the dashboard is put together, checked on its source: views draw view models and
never read the Atlas or the running app; every component id is a name from dashboard/ids.py."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import ids

DASHBOARD = Path(ids.__file__).resolve().parent
VIEWS = sorted((DASHBOARD / "views").glob("*.py"))
SOURCES = sorted(p for p in DASHBOARD.rglob("*.py") if p.name != "ids.py")
GLUE = {"dashboard.model", "dashboard.context", "dashboard.guard", "flask"}  # the Atlas and the app
DEPENDENCIES = {"Input", "Output", "State"}


def imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.stem)
def test_views_do_not_read_the_atlas_or_the_app(path: Path) -> None:
    names = imported(ast.parse(path.read_text(encoding="utf-8")))
    bad = {n for n in names if n in GLUE or n.startswith("dashboard.pages")}
    assert bad == set()


def _typed(node: ast.expr) -> bool:
    """An id written out in place: a string, an f-string, or a dict of strings."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Dict) and any(isinstance(v, ast.Constant | ast.JoinedStr) for v in node.values)


def typed_ids(tree: ast.AST) -> Iterator[int]:
    """Line numbers of ids typed in place: ``id=...`` and the first argument of Input/Output/State."""
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "id" and _typed(node.value):
            yield node.value.lineno
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in DEPENDENCIES
              and node.args and _typed(node.args[0])):
            yield node.lineno


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(DASHBOARD)))
def test_every_component_id_is_a_name_from_ids(path: Path) -> None:
    assert list(typed_ids(ast.parse(path.read_text(encoding="utf-8")))) == []


def test_the_id_check_finds_ids_typed_in_place() -> None:
    source = ('html.Div(id="x")\nhtml.Div(id=f"{ids.Map.graph}-title")\nInput("y", "value")\n'
              'html.A(id={"type": "map-prio-link", "code": c})\nhtml.Div(id=ids.Map.graph)\n'
              'Output(ids.url_state("map"), "data")\n')
    assert sorted(typed_ids(ast.parse(source))) == [1, 2, 3, 4]


def test_no_id_is_typed_twice() -> None:
    values = [v for cls in (ids.Shell, ids.Map, ids.Area, ids.Compare, ids.Indicator)
              for k, v in vars(cls).items() if not k.startswith("_")]
    assert len(values) == len(set(values)) and all(isinstance(v, str) for v in values)
