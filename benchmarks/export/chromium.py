"""The baseline for one PDF profile: the same profile's HTML printed to PDF by headless Chromium.

What a team would do without a PDF writer of its own: render the HTML profile
(``reports.render_profile(..., "html", ...)``) and print it with Chromium through
Playwright (``page.set_content`` then ``page.pdf``, A4, backgrounds on). The
browser is launched once and kept, as a service would; its launch is timed
apart. Uses the system Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``); never
downloads one.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


class Unavailable(RuntimeError):
    """Playwright or Chromium is missing: the baseline cannot run."""


def executable() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    raise Unavailable("Chromium is not installed (apt-get install chromium, or set CHROMIUM)")


@contextmanager
def printer() -> Iterator[tuple[Callable[[str], bytes], Callable[[], float]]]:
    """(print_pdf(html) -> PDF bytes in an open tab, launch() -> seconds to start and close
    another browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise Unavailable("the playwright package is not installed (pip install playwright)") from exc
    path = executable()
    with sync_playwright() as pw:

        def launch() -> Any:
            return pw.chromium.launch(executable_path=path, args=ARGS)

        def launch_time() -> float:
            start = time.perf_counter()
            launch().close()
            return time.perf_counter() - start

        browser = launch()
        page = browser.new_page()

        def print_pdf(html: str) -> bytes:
            page.set_content(html, wait_until="load")
            pdf: bytes = page.pdf(format="A4", print_background=True)
            return pdf

        try:
            yield print_pdf, launch_time
        finally:
            browser.close()
