"""[[sources]] and [[derived]] keys: a valid example of each, and every malformed shape refused
with the key, what is wrong and the fix (before any file is read)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.config import load_config
from etl.config_keys import TERM_KEYS
from etl.errors import EtlError
from tests.etl.smallcity import CONFIG, DERIVED_CONFIG, SOURCES, write_small_city

DOC = (Path(__file__).resolve().parents[2] / "docs" / "config.md").read_text(encoding="utf-8")
BASE = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue_derived.csv"') + SOURCES


def test_every_term_key_is_documented() -> None:
    terms = re.search(r"^## Terms\n(.*?)(?=^## |\Z)", DOC, flags=re.M | re.S)
    assert terms is not None
    documented = set(re.findall(r"^\| `(\w+)` \|", terms.group(1), flags=re.M))
    assert documented == {k.name for k in TERM_KEYS}


def test_the_valid_example_reads_sources_and_terms(tmp_path: Path) -> None:
    cfg = load_config(write_small_city(tmp_path, config=DERIVED_CONFIG))
    assert [s.name for s in cfg.sources] == ["population", "birth", "tenure"]
    assert dict(cfg.sources[0].age_bands)["80+ år"] == "80+"
    foreign = cfg.derived[0]
    assert (foreign.indicator, foreign.sexes, foreign.age_group, foreign.line) == (
        "foreign_born", ("total",), "all", DERIVED_CONFIG.splitlines().index("[[derived]]") + 1)
    [(_sign, minus)] = [(s, t) for s, t in foreign.numerator.parts() if s < 0]  # type: ignore[union-attr]
    assert (minus.key, minus.source, minus.where) == ("numerator.minus #1", "birth",
                                                      (("region", ("Sverige",)),))
    ratio = cfg.derived[5]
    assert [(s, t.age) for s, t in ratio.numerator.parts()] == [(1, "0-19"), (1, "65+")]  # type: ignore[union-attr]
    assert ("source", cfg.sources[0].path) in cfg.files()


def test_derived_blocks_as_sub_tables(tmp_path: Path) -> None:
    text = BASE + """
[[derived]]
indicator = "rental_share"
[derived.numerator]
source = "tenure"
column = "hyresrätt"
[derived.denominator]
source = "tenure"
column = ["hyresrätt", "bostadsrätt"]
"""
    [rental] = load_config(write_small_city(tmp_path, config=text)).derived
    assert rental.denominator is not None and rental.denominator.columns == ("hyresrätt", "bostadsrätt")


DERIVED = '\n[[derived]]\nindicator = "foreign_born"\n'
TERM = 'denominator = { source = "birth", where = { region = "totalt" } }\n'


@pytest.mark.parametrize(("extra", "message"), [
    (DERIVED + 'numerator = "birth"\n' + TERM,
     r"\[derived #1 foreign_born\] numerator is 'birth', not a term\. Fix: write a term such as"),
    (DERIVED + 'numerator = { source = "birth", indicator = "population" }\n' + TERM,
     r"numerator gives both source and indicator\. Fix: keep one of them"),
    (DERIVED + 'numerator = { where = { region = "totalt" } }\n' + TERM,
     r"numerator names neither a source nor an indicator\. Fix: add source = "),
    (DERIVED + 'numerator = { source = "birth", minus = { where = { region = "x" }, plus = { age = "0-4" } } }\n' + TERM,
     r"\[derived #1 foreign_born\] numerator\.minus #1\.plus is inside another plus or minus term"),
    (DERIVED + 'numerator = { source = "birth", measure = "numerator" }\n' + TERM,
     r"numerator\.measure applies to indicator terms only"),
    (DERIVED + 'numerator = { indicator = "population", where = { region = "x" } }\n' + TERM,
     r"numerator\.where picks rows or columns of a source, but this term reads indicator 'population'"),
    (DERIVED + 'numerator = { source = "birth", sex = "women" }\n' + TERM,
     r"numerator\.sex is 'women'\. Fix: use one of total, female, male"),
    (DERIVED + 'numerator = { source = "birth", where = {} }\n' + TERM,
     r"numerator\.where is \{\}\. Fix: give a map of category column -> value"),
    (DERIVED + 'numerator = { source = "birth", where = { region = [] } }\n' + TERM,
     r"numerator\.where\.region is \[\]\. Fix: give a text or a list of texts"),
    (DERIVED + 'numerator = { source = "birth" }\n' + TERM + 'sexes = ["total", "total"]\n',
     r"sexes repeats a sex"),
    (DERIVED + 'numerator = { source = "birth" }\n' + TERM + 'sexes = ["kvinnor"]\n',
     r"\[derived #1 foreign_born\] sexes is 'kvinnor'\. Fix: use one of total, female, male"),
    (DERIVED + TERM, r"\[derived #1 foreign_born\] gives neither numerator nor value"),
    (DERIVED + 'value = { source = "birth" }\n' + TERM,
     r"\[derived #1 foreign_born\] value is given together with numerator or denominator"),
    (DERIVED + 'numerator = { source = "birth" }\nage_group = ""\n', r"age_group is empty"),
    (DERIVED + 'numerator = { source = "birth" }\nformula = "a/b"\n',
     r"unknown key\(s\) formula in \[derived #1\]\. Fix: use one of"),
    ('\n[[sources]]\nname = "birth"\npath = "birth.csv"\n', r"\[sources #4\] name 'birth' is also the name of \[sources #2\]"),
    ('\n[[sources]]\nname = "my pop"\npath = "population.csv"\n', r"\[sources #4\] name 'my pop' .*Fix: use letters, digits"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\ncolumns = { value = "persons" }\n',
     r"\[sources #4 x\.columns\] has unknown or unsupported field\(s\) value \(a source's other columns "
     r"are categories or numbers that terms pick\)\. Fix: use only area, period, sex, age_group"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\ncolumns = { area = "area" }\ncategories = ["area"]\n',
     r"categories lists 'area', which columns maps to a key field"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\nage_bands = { "unga" = "young" }\n',
     r"age_bands maps 'unga' to 'young', which is not an age band\. Fix: write bands as '0-4', '65\+' or 'all'"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\nunit = "average"\n',
     r"\[sources #4 x\] unit is 'average'\. Fix: use one of count, amount, mean"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\nperiod = "2023"\n',
     r"unknown key\(s\) period in \[sources #4\]"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\ncolumns = { period = "period" }\nconstants = { period = "2023" }\n',
     r"\[sources #4 x\] period is given both as a column and as a constant"),
    ('\n[[sources]]\nname = "x"\npath = "birth.csv"\nencoding = "utf-8"\nsheet = "A"\n',
     r"\[sources #4 x\] sheet applies to XLSX workbooks, not to 'birth\.csv'"),
])
def test_malformed_shapes_are_refused_naming_the_key(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(EtlError, match=message):
        load_config(write_small_city(tmp_path, config=BASE + extra))


@pytest.mark.parametrize(("table", "message"), [
    ('format = "wide"\ncolumns = { status = "anm" }', r"\[tables #1\.columns\] has unknown or unsupported field\(s\) status"),
    ('format = "wide"\nconstants = { denominator = "1000" }',
     r"\[tables #1\.constants\] has unknown or unsupported field\(s\) denominator .*columns\.denominator"),
    ('ignore_columns = ["Namn"]', r"\[tables #1\] ignore_columns applies to wide tables only"),
    ('denominator_suffix = "_bas"', r"\[tables #1\] denominator_suffix applies to wide tables only"),
    ('path = "x.xlsx"\ndelimiter = ";"', r"delimiter applies to CSV files, not to the workbook 'x\.xlsx'"),
    ('skip_rows = -1', r"\[tables #1\] skip_rows is negative"),
])
def test_keys_a_table_cannot_use_are_refused(tmp_path: Path, table: str, message: str) -> None:
    config = CONFIG.replace('path = "table.csv"\n', 'path = "table.csv"\n' + table + "\n")
    if 'path = "x.xlsx"' in table:
        config = config.replace('path = "table.csv"\n', "", 1)
    with pytest.raises(EtlError, match=message):
        load_config(write_small_city(tmp_path, config=config))


def test_a_catalogue_sheet_for_a_csv_file_is_refused(tmp_path: Path) -> None:
    config = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue.csv"\nsheet = "Katalog"')
    with pytest.raises(EtlError, match=r"\[catalogue\] sheet applies to XLSX workbooks, not to "
                       r"'catalogue\.csv'"):
        load_config(write_small_city(tmp_path, config=config))
