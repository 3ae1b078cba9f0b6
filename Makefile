# Neighbourhood well-being atlas. `make run` and `make test` work on a fresh machine:
# they create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=
CONFIG ?=

.PHONY: venv run serve demo test test-fast bench lint etl clean docs-cli

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

## run: serve the dashboard on the demo city (embedded store) at http://127.0.0.1:8050
run: venv
	$(BIN)/wellbeing db upgrade
	$(BIN)/wellbeing demo
	$(BIN)/wellbeing serve

## test: the whole suite (PostGIS, browser and Redis tests skip locally when absent; CI requires them)
test: venv
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

## bench: all benchmarks (raw figures in benchmarks/results/, the last run in docs/benchmarks.md)
bench: venv
	$(BIN)/python -m benchmarks.etl
	$(BIN)/python -m benchmarks.crosswalk
	$(BIN)/python -m benchmarks.indicators
	$(BIN)/python -m benchmarks.indicators.national --runs 1 --compare-runs 1
	$(BIN)/python -m benchmarks.methods
	$(BIN)/python -m benchmarks.dashboard
	$(BIN)/python -m benchmarks.dashboard.coldstart
	$(BIN)/python -m benchmarks.export
	$(BIN)/python -m benchmarks.export.locator
	$(BIN)/python -m benchmarks.api
	$(BIN)/python -m benchmarks.browser
	$(BIN)/python -m benchmarks.requests
	$(BIN)/python -m benchmarks.load
	$(BIN)/python -m benchmarks.cities
	$(BIN)/python -m benchmarks.cities_page

## plotly-bundle: rebuild dashboard/assets/plotly-atlas.min.js (needs Node and npm; see dashboard/plotly_bundle/README.md)
.PHONY: plotly-bundle
plotly-bundle:
	cd dashboard/plotly_bundle && npm ci --no-audit --no-fund && node build.mjs

## lint: ruff and mypy
lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy settings store etl indicators compute presentation reports api dashboard wellbeing

## etl: load a city, e.g. make etl CONFIG=path/to/city.toml
etl: venv
	@test -n "$(CONFIG)" || (echo "Usage: make etl CONFIG=path/to/city.toml" >&2; exit 2)
	$(BIN)/wellbeing db upgrade
	$(BIN)/wellbeing etl run $(CONFIG)

## docs-cli: regenerate docs/cli.md from the commands' --help (tests/test_cli_docs.py checks it)
docs-cli: venv
	$(BIN)/python -m wellbeing.cli_docs

clean:
	rm -rf $(VENV) data/atlas.sqlite* artifacts .pytest_cache .mypy_cache .ruff_cache
