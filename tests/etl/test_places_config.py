"""[[places]] keys: each conflicting, missing or misplaced key fails naming the block, the
key and the fix; a category without its sv or pl name is a warning and shows the English."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.config import load_config
from etl.errors import EtlError
from etl.pipeline import read_inputs
from tests.etl.test_places import CATEGORIES, CSV_BLOCK, GEOJSON_BLOCK, write_city


@pytest.mark.parametrize(("blocks", "message"), [
    (CSV_BLOCK + 'radius = 3\n' + CATEGORIES, r"unknown key\(s\) radius in \[places #1\]"),
    (CSV_BLOCK.replace('crs = "EPSG:3006"\n', "") + CATEGORIES,
     r"\[places #1\] gives x_field and y_field but no crs\. Fix: add crs = 'EPSG:3006'"),
    (CSV_BLOCK + 'category = "school"\n' + CATEGORIES,
     r"\[places #1\] gives both category_field and category\. Fix: give category_field"),
    (CSV_BLOCK.replace('x_field = "x"', 'lon_field = "x"') + CATEGORIES,
     r"lon_field/lat_field are given together with x_field/y_field"),
    (CSV_BLOCK.replace('x_field = "x"\ny_field = "y"', 'lon_field = "x"\nlat_field = "y"') + CATEGORIES,
     r"crs is 'EPSG:3006', but lon_field/lat_field are WGS 84 degrees"),
    (GEOJSON_BLOCK + 'x_field = "x"\n' + CATEGORIES,
     r"x_field applies to CSV or XLSX files, not to 'parks\.geojson'"),
    (GEOJSON_BLOCK.replace('"park"', '"parks"') + CATEGORIES,
     r"category 'parks' is not in \[places\.categories\] \(close matches: 'park'\)\. Fix: use one of "
     r"library, school, park"),
    (CSV_BLOCK + '[places.categories]\nlibrary = { sv = "Bibliotek" }\n',
     r"categories\.library has no English name \(en\)"),
    (CSV_BLOCK + '[places.categories]\nlibrary = { en = "Libraries", de = "Bibliotheken" }\n',
     r"categories\.library has unknown language\(s\) de"),
    (CSV_BLOCK + CATEGORIES + GEOJSON_BLOCK + '[places.categories]\npark = { en = "Green spaces" }\n',
     r"\[places #2\] names category 'park' otherwise than \[places #1\]"),
    (CSV_BLOCK, r"\[\[places\]\] names no categories"),
    (CSV_BLOCK.replace("places.csv", "places.shp.txt.pdf") + CATEGORIES,
     r"path is 'places\.shp\.txt\.pdf', a kind of file places are not read from"),
])
def test_bad_keys_fail_naming_block_key_and_fix(tmp_path: Path, blocks: str, message: str) -> None:
    with pytest.raises(EtlError, match=message):
        load_config(write_city(tmp_path, blocks=blocks))


def test_a_missing_translation_is_a_warning_and_english_is_shown(tmp_path: Path) -> None:
    blocks = CSV_BLOCK + CATEGORIES.replace('sv = "Skolor", ', "")
    inputs = read_inputs(load_config(write_city(tmp_path, blocks=blocks)))
    warnings = [p for p in inputs.problems if "has no Swedish name" in p.message]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    assert warnings[0].message == ("[places #1] category 'school' has no Swedish name; the English name "
                                   "'Schools' is shown instead")
    cats = inputs.programme.frames["place_categories"].set_index("code")
    assert cats.loc["school", "name_sv"] == "Schools" and cats.loc["school", "name_pl"] == "Szkoły"
    assert not [p for p in inputs.problems if p.severity == "error"]


def test_a_plain_name_is_the_english_one(tmp_path: Path) -> None:
    cfg = load_config(write_city(tmp_path, blocks=CSV_BLOCK + CATEGORIES + 'museum = "Museums"\n'))
    assert cfg.places[0].categories["museum"] == {"sv": "Museums", "pl": "Museums", "en": "Museums"}
    assert ("museum", "sv") in cfg.places[0].untranslated
