# Two commands work on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ] && [ "$$(uname)" = Linux ]; then \
		echo "No display found. Run Rejoinder on a desktop session, or try it on a virtual screen:"; \
		echo "    xvfb-run -a make run"; \
		exit 1; \
	fi
	$(PY) -m app $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench db_migrations packaging
	$(VENV)/bin/ruff format --check app tests bench db_migrations packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
