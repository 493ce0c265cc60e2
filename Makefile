# Police recruitment site. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core. PYTEST_WORKERS=0 runs in this process, e.g. for one file.
# worksteal lets an idle process take queued tests from a busy one, so the run does not end on a tail of
# browser tests in one process.
PYTEST_WORKERS ?= auto
PYTEST_XDIST := -n $(PYTEST_WORKERS) --dist worksteal

.DEFAULT_GOAL := help
.PHONY: help install run test fuzz lint format migrate demo worker clean bench drill messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency declarations change; versions come from constraints.txt.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

# The interface translations (site/locale/<language>/LC_MESSAGES/django.po), compiled to the .mo files Django
# reads whenever a .po file changes. The .mo files are build output and not committed.
LOCALE_DIR := site/locale
LANGUAGES := bn ur so tr ku ta pl
COMPILED_MESSAGES := $(VENV)/.messages-compiled
$(COMPILED_MESSAGES): $(VENV)/.installed $(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/django.po)
	@command -v msgfmt >/dev/null || { echo "GNU gettext's msgfmt is missing: apt-get install gettext"; exit 1; }
	$(MANAGE) compilemessages --ignore '.venv' --ignore 'var' --ignore 'node_modules' -v 0
	touch $@

install: $(VENV)/.installed $(COMPILED_MESSAGES) ## Create the virtual environment, install the project (editable) with dev tools, compile the translations

# Public interface files only: staff screens (the Wagtail admin, the queue, reports, team emails) stay in
# English, so their files are left out and translators see only what the public reads. Model and block
# files stay in: they hold the public choices next to field names that only staff see (docs/content.md).
MESSAGES_IGNORE := .venv var site/devtools tests '*/admin/*' '*/two_factor/*' 'two_factor*.py' \
	wagtail_hooks.py '*/views/*' admin_forms.py filters.py reports.py audit.py bulk_actions.py dashboard.py \
	positive_action/data_protection table_columns.py timeline.py workflow.py team.py outbox.py days.py \
	worker.py '*/management/*' team_notification.txt site/core/templates roles.py permissions.py status.py \
	support_days.py health.py removal.py charts.py spreadsheets.py admin_pages.py preview.py

messages: install ## Extract the interface strings into site/locale/<language>/LC_MESSAGES/django.po for every language
	$(MANAGE) makemessages $(foreach lang,$(LANGUAGES),--locale $(lang)) \
		$(foreach pattern,$(MESSAGES_IGNORE),--ignore $(pattern)) --no-obsolete --no-wrap --add-location file

migrate: install ## Apply database migrations (creating the PostgreSQL database if it is missing)
	$(MANAGE) create_database
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content and the demo accounts (idempotent)
	$(MANAGE) load_demo
	$(MANAGE) create_demo_accounts

# Links the site writes for itself (emails, canonical links, sitemap, calendar feed) use the served port.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: demo ## Set up, then run the task worker and the site on 127.0.0.1:$(PORT) (Ctrl-C stops both)
	$(MANAGE) use_dev_site_address 127.0.0.1:$(PORT)
	@echo "Site: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) db_worker --no-startup-delay & \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

worker: install ## Run only the background task worker (sends email)
	$(MANAGE) db_worker

test: install ## Set up, then run the whole test suite in parallel (browser tests need /usr/bin/chromium)
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

fuzz: install ## Fuzz the public forms for longer than make test does (Hypothesis "fuzz" profile)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest $(PYTEST_XDIST) tests/reliability/test_form_fuzzing.py $(PYTEST_ARGS)

lint: install ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply lint fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtual environment and local data (database, media, static)
	rm -rf $(VENV) var

bench: install ## Benchmark the production configuration with wrk (PostgreSQL when DATABASE_URL is set)
	@command -v wrk >/dev/null || { echo "Installing wrk"; apt-get install -y -qq wrk >/dev/null; }
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3} $(MANAGE) benchmark

drill: install ## Fault drill: database, SMTP and worker faults under 2,000 registrations (root; own cluster on 5433)
	$(MANAGE) fault_drill $(DRILL_ARGS)
