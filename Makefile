# Sanctuary Notebooks: set-up, JupyterLab, tests and tools.
# Every target creates or reuses the local virtual environment first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: help setup lab test notebooks nav export benchmark benchmark-scale freeze clean site slides handouts

help:
	@echo "make lab        set up, then open JupyterLab at notebooks/00_start_here.ipynb"
	@echo "make test       set up, then run every test (unit, doctests, notebooks with nbval)"
	@echo "make notebooks  re-execute every notebook in place (after changing code or corpus)"
	@echo "make nav        regenerate the navigation links in every notebook"
	@echo "make export     write the corpus tables as CSV into export/"
	@echo "make benchmark  time load + annotate, each notebook, and the test suite"
	@echo "make benchmark-scale  time the pipeline on corpora of 500 to 10,000 articles (cold, cached, serial, memory)"
	@echo "make site       export every notebook to an offline HTML site in site/ (open site/index.html)"
	@echo "make slides     write an offline reveal.js deck per notebook into slides/"
	@echo "make handouts   write the key charts as PNG files into handouts/"

$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m helpers setup
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the U.S. map cannot draw offline. Install Node.js with npm (Debian/Ubuntu: sudo apt-get install npm), then run make setup."; fi
	@touch $(STAMP)

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 --LabApp.news_url=None $(ROOT_FLAG) notebooks/00_start_here.ipynb

test: setup
	$(BIN)/python -m pytest

notebooks: setup
	$(BIN)/python -m helpers notebooks

nav: setup
	$(BIN)/python -m helpers nav

export: setup
	$(BIN)/python -m helpers export export

benchmark: setup
	$(BIN)/python -m helpers benchmark

benchmark-scale: setup
	$(BIN)/python -m helpers benchmark --scale --long

site: setup
	$(BIN)/python -m helpers site site

slides: setup
	$(BIN)/python -m helpers slides slides

handouts: setup
	$(BIN)/python -m helpers handouts handouts

freeze: setup
	@(echo "# Every package the set-up installs, pinned exactly (Python 3.11)."; \
	  echo "# Regenerate after changing pyproject.toml's dependencies: make freeze"; \
	  $(BIN)/python -m pip freeze --all --exclude-editable | grep -v "^-e\|^pip==" | sort -f) > requirements.txt

clean:
	rm -rf $(VENV) export node_modules site slides handouts .cache
