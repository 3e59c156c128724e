# MemberAnalyzer developer commands. `make run` and `make test` work on a fresh machine with
# Python 3.11+: each creates the virtual environment in .venv on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Airflow pins its own FastAPI, Starlette and SQLAlchemy versions, so the DAGs and their tests
# run in a virtual environment of their own; the API server keeps current versions in .venv.
AIRFLOW_VENV ?= .venv-airflow
AIRFLOW_BIN := $(AIRFLOW_VENV)/bin
SAMPLES ?= ../shared/data/randomuser
GENERATED ?= 100000
SEED ?= 1

.PHONY: run test lint typecheck bench bench-distributed clean compose-schema services-fetch services-up \
	services-down services-status airflow-up airflow-down airflow-status

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,services,distributed,api]'
	touch $@

$(AIRFLOW_BIN)/python:
	$(PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_BIN)/python -m pip install --quiet --upgrade pip

$(AIRFLOW_VENV)/.installed: pyproject.toml | $(AIRFLOW_BIN)/python
	$(AIRFLOW_BIN)/python -m pip install --quiet -e '.[test,services,airflow,distributed]'
	touch $@

## run: the main job on the shared randomuser.me samples plus $(GENERATED) generated members
run: $(VENV)/.installed
	@test -d "$(SAMPLES)" || { echo "samples not found in $(SAMPLES); set SAMPLES=/path/to/randomuser/files" >&2; exit 3; }
	$(BIN)/memberanalyzer run $(foreach file,$(wildcard $(SAMPLES)/*.json),--input $(file)) \
		--generate $(GENERATED) --seed $(SEED)

COMPOSE_SCHEMA := .services/cache/compose_spec.json

## compose-schema: the Compose specification's JSON schema, from the docker-compose 1.29.2 package
compose-schema: $(COMPOSE_SCHEMA)

$(COMPOSE_SCHEMA): | $(BIN)/python
	mkdir -p .services/cache
	$(BIN)/python -m pip download --quiet --no-deps --dest .services/cache docker-compose==1.29.2
	$(BIN)/python -c "import zipfile; \
	zipfile.ZipFile('.services/cache/docker_compose-1.29.2-py2.py3-none-any.whl') \
	.extract('compose/config/compose_spec.json', '.services/cache/wheel')"
	cp .services/cache/wheel/compose/config/compose_spec.json $@

## test: lint, type-check and run every test, exactly as CI does (the DAG tests in their own venv)
test: $(VENV)/.installed-test $(AIRFLOW_VENV)/.installed $(COMPOSE_SCHEMA) lint typecheck
	$(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; status=0; fi; \
	$(AIRFLOW_BIN)/python -m pytest tests/dags; airflow_status=$$?; \
	if [ $$airflow_status -eq 5 ]; then echo "pytest collected no Airflow tests"; airflow_status=0; fi; \
	if [ $$status -ne 0 ]; then exit $$status; fi; exit $$airflow_status

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks services dags
	$(BIN)/ruff format --check src tests benchmarks services dags

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

## bench: the speed and memory benchmarks recorded in docs/benchmarks.md (several minutes)
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_embedded.py

## services-*: the local Kafka, Cassandra and PostgreSQL for the distributed mode and its tests
## bench-distributed: produce, stream, latency and Spark analysis on the local servers (minutes)
bench-distributed: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_distributed.py

services-fetch: $(VENV)/.installed-test
	$(BIN)/python services/manage.py fetch

services-up: $(VENV)/.installed-test
	$(BIN)/python services/manage.py up

services-down: $(VENV)/.installed-test
	$(BIN)/python services/manage.py down

services-status: $(VENV)/.installed-test
	$(BIN)/python services/manage.py status

## airflow-*: a local Airflow on 127.0.0.1:8080 running dags/ (needs services-up and AIRFLOW_ADMIN_PASSWORD)
airflow-up: $(AIRFLOW_VENV)/.installed
	$(AIRFLOW_BIN)/python services/airflow_local.py up

airflow-down: $(AIRFLOW_VENV)/.installed
	$(AIRFLOW_BIN)/python services/airflow_local.py down

airflow-status: $(AIRFLOW_VENV)/.installed
	$(AIRFLOW_BIN)/python services/airflow_local.py status

clean:
	rm -rf $(VENV) $(AIRFLOW_VENV) reports memberanalyzer.duckdb memberanalyzer.duckdb.wal benchmarks/data
