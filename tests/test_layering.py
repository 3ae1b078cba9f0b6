"""The house's one direction of flow (docs/architecture.md), checked on the source with ``ast``.

settings ← store ← etl;  store ← indicators (pure) ← presentation ← reports / api / dashboard
← wellbeing; the dashboard's app mounts the api.
Every import counts: inside functions, and under ``if TYPE_CHECKING:`` too (a type-only
import is still an arrow a reader has to follow).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("settings", "store", "etl", "indicators", "compute", "presentation", "reports",
           "api", "dashboard", "wellbeing")
PACKAGES = (*PRODUCT, "synthetic", "benchmarks", "tests")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                files[module_name(path)] = path
    return files


FILES = source_files()


def imports(module: str) -> set[str]:
    """Modules ``module`` imports at run time: project modules resolved to files (a
    ``from package import submodule`` names the submodule), others by their top name."""
    path = FILES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in FILES else base)
    return found


IMPORTS = {module: imports(module) for module in FILES}


def top(name: str) -> str:
    return name.split(".")[0]


def importers_of(target: str, within: tuple[str, ...]) -> list[str]:
    return sorted(m for m, deps in IMPORTS.items() if top(m) in within
                  and any(top(d) == target for d in deps))


def test_only_the_cli_package_imports_typer() -> None:
    outside = tuple(p for p in PACKAGES if p not in ("wellbeing", "tests"))
    assert importers_of("typer", outside) == []


def test_the_engine_imports_nothing_of_the_project() -> None:
    project = set(PACKAGES) | {"synthetic"}
    bad = sorted((m, d) for m, deps in IMPORTS.items() if top(m) == "indicators"
                 for d in deps if top(d) in project - {"indicators"})
    assert bad == []


@pytest.mark.parametrize(("lower", "above"), [
    ("settings", PRODUCT[1:]),  # settings import nobody of the project
    ("store", ("etl", "indicators", "presentation", "reports", "api", "dashboard", "wellbeing")),
    # etl runs the engine (indicators, on Dask through compute) to materialise the
    # comparison table at load (issue 14); nothing above the engine
    ("etl", ("presentation", "reports", "api", "dashboard", "wellbeing")),
    # compute (the engine on Dask) sits on indicators and settings, beneath its callers
    ("compute", ("store", "etl", "presentation", "reports", "api", "dashboard", "wellbeing")),
    ("presentation", ("compute", "reports", "api", "dashboard", "wellbeing", "etl")),
    ("reports", ("api", "dashboard", "wellbeing", "etl")),
    ("api", ("reports", "dashboard", "wellbeing", "etl")),
    ("dashboard", ("wellbeing", "etl")),
])
def test_no_arrow_runs_back_up(lower: str, above: tuple[str, ...]) -> None:
    bad = sorted((m, d) for m, deps in IMPORTS.items() if top(m) == lower
                 for d in deps if top(d) in above)
    assert bad == []


def test_the_dashboard_calls_reports_through_one_entry() -> None:
    """One entry per kind of file: the area profile and the programme's annual report (#13)."""
    uses = set()
    for module, path in FILES.items():
        if top(module) != "dashboard":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and top(node.module or "") == "reports":
                uses.update((node.module, alias.name) for alias in node.names)
            elif isinstance(node, ast.Import):
                assert all(top(a.name) != "reports" for a in node.names), module
    assert uses == {("reports", "render_profile"),
                    ("reports.programme_report", "render_programme_report")}


def test_the_dashboard_uses_the_api_in_two_places() -> None:
    """The app registers the read API's blueprint, and the indicator page's downloads are
    the API's indicator files (the same rows as /api/v1/values); nothing else reaches in."""
    users = sorted(m for m, deps in IMPORTS.items() if top(m) == "dashboard"
                   and any(top(d) == "api" for d in deps))
    assert users == ["dashboard.app", "dashboard.pages.indicator"]


def test_nothing_but_tests_imports_tests() -> None:
    outside = tuple(p for p in PACKAGES if p != "tests")
    assert importers_of("tests", outside) == []


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {m: sorted(d for d in deps if d in FILES and d != m) for m, deps in IMPORTS.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_between_files() -> None:
    assert _cycles() == []


def test_the_cycle_check_finds_a_cycle() -> None:
    IMPORTS["tests.fake_a"], IMPORTS["tests.fake_b"] = {"tests.fake_b"}, {"tests.fake_a"}
    FILES["tests.fake_a"] = FILES["tests.fake_b"] = Path(__file__)
    try:
        assert ["tests.fake_a", "tests.fake_b"] in _cycles()
    finally:
        for name in ("tests.fake_a", "tests.fake_b"):
            del IMPORTS[name], FILES[name]


@pytest.mark.parametrize("module", sorted(FILES))
def test_no_module_over_400_lines(module: str) -> None:
    lines = len(FILES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{FILES[module].relative_to(ROOT)}: {lines} lines"
