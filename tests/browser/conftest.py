"""The demo city served on a free localhost port, and headless Chromium driving it.

A missing playwright package or Chromium skips these tests, or fails them
with REQUIRE_BROWSER=1 (CI). Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from tests.conftest import missing_component, waitress_serving
from wellbeing.serve import threads

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
# Each page's path and a selector that appears once the page has drawn.
DRAWN = {
    "map": ("/", "path.choroplethlocation"),
    "area": ("/area/{area}", ".profile-table"),
    "compare": ("/compare", "table.rug"),
    "indicator": ("/indicator/unemployment", "#indicator-funnel-chart .main-svg"),
    "life_expectancy": ("/indicator/life_expectancy", "#indicator-ineq-chart .main-svg"),
    "about": ("/about", "table.data"),
    "scatter": ("/scatter", "#scatter-graph .main-svg"),
    "collaboration": ("/collaboration", "#collaboration-chart .main-svg"),
    "cities": ("/cities", "#main-content h1"),
}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def demo_atlas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    """The demo city (data/demo/demo.toml) loaded through the ETL into a temporary store."""
    from etl.demo import load_demo

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'atlas.sqlite'}")
    upgrade(engine)
    load_demo(engine)
    yield Atlas(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def base_url(demo_atlas: Atlas) -> Iterator[str]:
    """The dashboard on the demo city, served by waitress (as `wellbeing serve` does)."""
    with waitress_serving(create_app(demo_atlas).server, threads()) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_component("REQUIRE_BROWSER", "the playwright package is not installed")
    executable = chromium_path()
    if executable is None:
        missing_component("REQUIRE_BROWSER", "Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, base_url: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh tab (1440×900); its page errors and Content-Security-Policy violations (a
    script or style the policy blocked) fail the test."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=base_url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    errors: list[str] = []
    blocked: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: blocked.append(msg.text)
           if "Content Security Policy" in msg.text else None)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"


def screenshot(tab: Any, name: str) -> Path:
    """Save a full-page screenshot to artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
