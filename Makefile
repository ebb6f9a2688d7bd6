# make run   : set up everything and serve the app on http://127.0.0.1:8501 (SQLite)
# make test  : set up everything and run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8501

.PHONY: bench bench-browser dev run test test-unit test-services test-pages test-e2e test-deploy lint format db seed clean browser office

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

db: $(VENV)/.installed
	$(PY) manage.py init-db

# Seeds the real directive; on an empty database (no row in any table) the demo too. A
# database holding anything else, even only the directive, never gets the demo.
seed: db
	$(PY) manage.py seed --demo-if-empty

# Beside the app, `manage.py notify` every 15 minutes (notices and their e-mail; the log in
# data/notify.log), stopped with it. A real server uses a systemd timer or cron instead.
run: seed
	@mkdir -p data; ( while true; do $(PY) manage.py notify --json >> data/notify.log 2>&1; sleep 900 || break; done ) & \
	notifier=$$!; trap 'kill $$notifier 2>/dev/null' EXIT INT TERM; \
	$(PY) -m streamlit run app.py --server.address $(HOST) --server.port $(PORT) --server.headless true

# Development: like run, but the page reloads when a file changes.
dev: seed
	$(PY) -m streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --server.fileWatcherType auto --server.runOnSave true

# Debian's Chromium for the browser tests (Playwright drives it; no browser download), and
# Debian's nginx for the deployment test (tests/deploy: started unprivileged on free ports).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
		($(SUDO) apt-get update -qq && \
		 $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-noto-core)
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || \
		($(SUDO) apt-get update -qq && \
		 ($(SUDO) apt-get install -y -qq --no-install-recommends nginx-light || \
		  $(SUDO) apt-get install -y -qq --no-install-recommends nginx))

# Debian's LibreOffice Writer (headless) and poppler: the periodic report's DOCX is turned into a
# PDF and PNG pages to check its layout (tests/services/test_report_pdf.py). Liberation Serif
# stands in for Times New Roman with the same metrics.
office:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui poppler-utils fonts-liberation)

test: $(VENV)/.dev-installed browser office
	$(PY) -m pytest -q

test-unit: $(VENV)/.dev-installed
	$(PY) -m pytest -q tests/unit
test-services: $(VENV)/.dev-installed office
	$(PY) -m pytest -q tests/services
test-pages: $(VENV)/.dev-installed
	$(PY) -m pytest -q tests/pages
test-e2e: $(VENV)/.dev-installed browser
	$(PY) -m pytest -q tests/e2e
# nginx in front of two app processes on PostgreSQL, driven by Chromium; the backup script
test-deploy: $(VENV)/.dev-installed browser
	$(PY) -m pytest -q tests/deploy

# The benchmark at a scale (SCALE=100 for ~40,000 assignments); DATABASE_URL=postgresql://...
# runs it on PostgreSQL. Results: test-output/bench-$(SCALE).json
SCALE ?= 1
bench: $(VENV)/.installed
	$(PY) manage.py bench --scale $(SCALE) --json test-output/bench-$(SCALE).json

# N Chromium sessions at once against real servers (benchmarks/browser.py): server CPU per
# blank page, sign-in and overview, p50/p95 to a rendered page, peak RSS.
# Results: test-output/bench-browser-$(N).json
N ?= 1
bench-browser: $(VENV)/.dev-installed browser
	$(PY) manage.py bench --browser $(N) --json test-output/bench-browser-$(N).json

# Style, formatting, the layers' import contracts, types (mypy: strict on services/ and
# models/, see [tool.mypy]) and security (bandit, see [tool.bandit]).
BANDIT_PATHS := app.py manage.py config components pages render services models catalogue \
	seed_data benchmarks
lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) -m bandit -q -c pyproject.toml -r $(BANDIT_PATHS)

format: $(VENV)/.dev-installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) test-output .pytest_cache .ruff_cache .mypy_cache
