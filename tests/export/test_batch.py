"""Many profiles at once: the process pool path, and the same profile on both stores."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sqlalchemy import Engine

from dashboard.model import Atlas
from reports import render_profile
from reports.batch import export_batch, prioritized_codes
from store.read import Snapshot
from tests.export.city import AREAS, FOCUS, build_city
from tests.export.conftest import EXPORT_DATE


def test_batch_in_two_processes_writes_every_area_once(atlas: Atlas, tmp_path: Path) -> None:
    codes = [a[0] for a in AREAS]  # all six, so the pool is used (three or more)
    seen: list[str] = []
    written = export_batch(atlas.snapshot(), atlas.comparisons(), codes, "html", "pl", tmp_path,
                           jobs=2, export_date=EXPORT_DATE, on_done=lambda w: seen.append(w.area_code))
    assert [w.area_code for w in written] == codes and sorted(seen) == sorted(codes)
    assert all(w.error is None and w.path is not None and w.path.exists() for w in written)
    names = {a[0]: a[1] for a in AREAS}
    for w in written:  # each file is the profile of its own area
        assert w.path is not None and w.path.name.startswith(f"profile-{w.area_code.lower()}-")
        soup = BeautifulSoup(w.path.read_text(encoding="utf-8"), "html.parser")
        assert soup.h1 is not None and soup.h1.get_text() == names[w.area_code]
        assert "Profil obszaru" in soup.get_text(" ")


def test_a_failing_area_is_reported_not_raised(atlas: Atlas, tmp_path: Path) -> None:
    written = export_batch(atlas.snapshot(), atlas.comparisons(), [FOCUS, "ZZZ"], "csv", "en", tmp_path, jobs=1)
    assert written[0].error is None
    assert written[1].path is None and "not in the store" in (written[1].error or "")


def test_prioritized_codes_are_the_prioritized_districts_in_name_order(atlas: Atlas) -> None:
    expected = [a[0] for a in sorted(AREAS, key=lambda a: a[1].casefold()) if a[2]]
    assert prioritized_codes(atlas.snapshot()) == expected


def test_pdf_profile_on_sqlite_and_postgis(store_engine: Engine) -> None:
    build_city(store_engine)
    content, name, _ = render_profile(*_snapshot_and_table(Atlas(store_engine)), FOCUS, "pdf", "sv")
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) >= 4 and name.endswith("-sv.pdf")
    assert "Hässleholmen" in reader.pages[0].extract_text()


def _snapshot_and_table(atlas: Atlas) -> tuple[Snapshot, pd.DataFrame]:
    with atlas.pinned():
        return atlas.snapshot(), atlas.comparisons()
