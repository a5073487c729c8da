# DEFUS portal. `make run` serves the demo portal; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
PY := .venv/bin/python
DEV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve front drill worker test lint bench bench-large install db-start db-stop migrate demo clean hadolint check-deploy backup restore

$(UV):
	@echo "uv fehlt – wird installiert …"
	@python3 -m pip install --user --quiet uv || curl -LsSf https://astral.sh/uv/install.sh | sh

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON_VERSION)
	@touch $@

install: .venv/.installed

# The task worker (e-mails, periodic jobs) runs beside the web server; Ctrl-C stops both.
run: install db-start
	$(DEV) $(PY) manage.py load_demo --migrate
	@echo "Das Portal startet auf http://$(HOST):$(PORT)/ – Demo-Zugänge stehen in README.md."
	@$(DEV) $(PY) manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(DEV) $(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

worker: install db-start
	$(DEV) $(PY) manage.py worker

# The portal as in production on this machine: gunicorn (SERVE_WORKERS, default 2), DEBUG off,
# the development database, collected static files, media served by Django, on PORT.
# WORKER_CMD: the task worker's command line, started beside gunicorn with the same
# environment (empty: no worker).
WORKER_CMD ?= $(PY) manage.py worker
serve: install db-start
	PORT=$(PORT) WORKER_CMD='$(WORKER_CMD)' $(PY) -m tools.serve

# compose's web server in front, on this machine: deploy/nginx.conf in a real nginx before
# `make serve`'s gunicorn (static files, media and checked protected files from disk), on PORT.
front: install db-start
	PORT=$(PORT) WORKER_CMD='$(WORKER_CMD)' $(PY) -m tools.front

# Outage drill against `make serve` on a free loopback port: stops and restarts the database.
drill: install db-start
	WORKER_CMD='$(WORKER_CMD)' $(PY) -m tools.drill

migrate: install db-start
	$(DEV) $(PY) manage.py migrate --no-input

demo: migrate
	$(DEV) $(PY) manage.py load_demo

lint: install db-start
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

hadolint: install
	.venv/bin/hadolint Dockerfile

test: lint hadolint
	$(DEV) .venv/bin/pytest $(PYTEST_ARGS)

check-deploy: install
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=defus.de DJANGO_SITE_URL=https://defus.de \
	EMAIL_URL=smtp://mail.defus.example:587 \
	DATABASE_URL=$$($(DEV) $(PY) -m tools.devdb url) \
	$(PY) manage.py check --deploy --fail-level WARNING

# The table of issue 13 on the demo content, then on ten times as much (load_bench_data, removed
# again at the end); bench-large only the latter. BENCH_SETS=demo make bench: only the demo.
bench: install db-start
	$(DEV) $(PY) manage.py load_demo --migrate
	$(PY) -m tools.bench

bench-large: install db-start
	$(DEV) $(PY) manage.py load_demo --migrate
	BENCH_SETS=large $(PY) -m tools.bench

db-start: install
	@$(PY) -m tools.devdb start

# Production runs the module itself: python -m tools.backup create | restore FILE (see README.md).
backup: install db-start
	$(DEV) $(PY) -m tools.backup create

restore: install db-start
	@if [ -z "$(FILE)" ]; then \
		echo "Welches Archiv? Zum Beispiel: make restore FILE=var/backups/defus-backup-….tar.gz" >&2; \
		exit 2; \
	fi
	$(DEV) $(PY) -m tools.backup restore "$(FILE)"

db-stop:
	$(PY) -m tools.devdb stop

clean: db-stop
	rm -rf var .venv
