# Sanctuary Notebooks: set-up, JupyterLab, tests and tools.
# Every target creates or reuses the local virtual environment first.

PYTHON ?= python3
NPM    ?= npm
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: help setup lab test add notebooks nav export benchmark benchmark-scale freeze clean site slides handouts pdf

help:
	@echo "make setup      create .venv/ and install everything (PYTHON=python3.12 to choose the Python)"
	@echo "make lab        set up, then open JupyterLab at the repository root with notebooks/00_start_here.ipynb"
	@echo "make test       set up, then run every test (unit, doctests, notebooks with nbval)"
	@echo "make notebooks  re-execute every notebook in place (after changing code or corpus)"
	@echo "make nav        regenerate the navigation links in every notebook"
	@echo "make export     write the corpus tables as CSV into export/"
	@echo "make benchmark  time load + annotate, each notebook, and the test suite"
	@echo "make benchmark-scale  time the pipeline on corpora of 500 to 10,000 articles (cold, cached, serial, memory)"
	@echo "make site       export every notebook to an offline HTML site in site/ (open site/index.html)"
	@echo "make slides     write an offline reveal.js deck per notebook into slides/"
	@echo "make handouts   write the key charts as PNG files into handouts/"
	@echo "make pdf        print every deck (and its speaker notes) and a worksheet per class-hour notebook as PDF into handouts/"
	@echo "make add FILES='page.html notes.txt'  add saved web pages or text files to the corpus (CORPUS=dir for a copy)"
	@echo "make clean      remove .venv/, node_modules/ and everything the commands above wrote (not codings/)"

# The oldest Python every pin of requirements.txt installs on (Debian 12's); 3.11.2, 3.12 and 3.13 are checked.
MIN_PYTHON := 3.11.2

# The stamp is written only after every step succeeded; a set-up that stopped half-way leaves none,
# and the next run starts from a fresh .venv instead of reusing the broken one. A .venv made by another
# Python than the one asked for (make setup PYTHON=python3.12) is made again as well.
$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@command -v $(NPM) >/dev/null 2>&1 || { echo "Set-up stopped: $(NPM) not found. The U.S. map's outline and the slide decks come from the npm registry. Install Node.js with npm (Debian/Ubuntu: sudo apt-get install npm), then run make setup again." >&2; exit 1; }
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Set-up stopped: $(PYTHON) not found. Sanctuary Notebooks needs Python $(MIN_PYTHON) or newer (3.11.2, 3.12 and 3.13 are tested); choose one with make setup PYTHON=python3.12" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < tuple(map(int, "$(MIN_PYTHON)".split("."))))' || { echo "Set-up stopped: Sanctuary Notebooks needs Python $(MIN_PYTHON) or newer (3.11.2, 3.12 and 3.13 are tested); $(PYTHON) is $$($(PYTHON) -c 'import platform; print(platform.python_version())'). Choose another with make setup PYTHON=python3.12" >&2; exit 1; }
	@if [ -d $(VENV) ] && [ ! -f $(STAMP) ]; then echo "Removing $(VENV): its last set-up did not finish."; rm -rf $(VENV); fi
	@if [ -d $(VENV) ] && ! $(BIN)/python -c 'import sys' >/dev/null 2>&1; then echo "Removing $(VENV): its Python no longer runs."; rm -rf $(VENV); fi
	@if [ -d $(VENV) ] && [ "$(origin PYTHON)" != "file" ] && [ "$$($(BIN)/python -c 'import platform; print(platform.python_version())')" != "$$($(PYTHON) -c 'import platform; print(platform.python_version())')" ]; then \
	  echo "Removing $(VENV): it was made with Python $$($(BIN)/python -c 'import platform; print(platform.python_version())'), not $(PYTHON)."; rm -rf $(VENV); fi
	@rm -f $(STAMP)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Set-up stopped: could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m helpers setup
	$(NPM) ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(STAMP)
	@echo "Set-up done with Python $$($(BIN)/python -c 'import platform; print(platform.python_version())')."

setup: $(STAMP)

lab: setup
	$(BIN)/python -m helpers.lab --ip=127.0.0.1 --LabApp.news_url=None $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" notebooks/00_start_here.ipynb

test: setup
	$(BIN)/python -m pytest

notebooks: setup
	$(BIN)/python -m helpers notebooks

add: setup
	@[ -n "$(FILES)" ] || { echo "Name the files: make add FILES='saved-page.html article.txt' (a folder works too)" >&2; exit 1; }
	$(BIN)/python -m helpers add $(FILES) $(if $(CORPUS),--corpus "$(CORPUS)")

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

pdf: setup
	$(BIN)/python -m helpers pdf handouts

freeze: setup
	@(echo "# Every package the set-up installs, pinned exactly. Each pin installs on Python 3.11.2, 3.12 and 3.13"; \
	  echo "# (tests/test_requirements.py resolves the file for each). Regenerate after changing pyproject.toml's"; \
	  echo "# dependencies with make freeze, then check each new pin's Requires-Python: python -m helpers resolve"; \
	  $(BIN)/python -m pip freeze --all --exclude-editable | grep -v "^-e\|^pip==" | LC_ALL=C sort -f) > requirements.txt

clean:
	rm -rf $(VENV) export node_modules site slides handouts .cache
