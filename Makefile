# Hanke: `make run` to try it, `make test` for everything CI checks. `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install run test lint fmt messages compile-messages demo clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

compile-messages: install ## Compile the fi/en/sv translation catalogues
	@$(BIN)/python -m hanke.core.compile_messages locale

run: install compile-messages ## Install, migrate, load the demo data and serve on http://127.0.0.1:8000 (PORT=… to change)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	@echo ""
	@echo "Hanke is starting on http://127.0.0.1:$(PORT)/  (Finnish /fi/, English /en/, Swedish /sv/)"
	@echo "Log in at http://127.0.0.1:$(PORT)/fi/login/ with a demo account above (officers and administrators also at /fi/admin/). Try applying: log in as hakija and open Open calls. Register for an event at http://127.0.0.1:$(PORT)/fi/events/ (e-mails print here). Stop with Ctrl+C."
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

demo: install ## Load (or refresh) the demo data into the database
	$(MANAGE) load_demo

test: install compile-messages lint ## Everything CI checks: lint, migrations, deploy checks, all tests
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=ci-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 60) \
		ALLOWED_HOSTS=hanke.example.fi $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/pytest

lint: install ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install ## Format the code and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Update the fi/en/sv catalogues from the code (needs GNU gettext) and compile them
	$(MANAGE) makemessages --no-obsolete -l fi -l en -l sv --ignore '.venv/*' --ignore 'staticfiles/*'
	@$(BIN)/python -m hanke.core.compile_messages locale

clean: ## Remove the virtualenv, the local database and caches
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache .ruff_cache .hypothesis
