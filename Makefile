# Two commands work on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit screenshots bench clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The interface in French and Spanish: .ts catalogues (kept in git) compiled to .qm.
TS := $(wildcard resources/translations/rejoinder_*.ts)
QM := $(TS:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ] && [ "$$(uname)" = Linux ]; then \
		echo "No display found. Run Rejoinder on a desktop session, or try it on a virtual screen:"; \
		echo "    xvfb-run -a make run"; \
		exit 1; \
	fi
	$(PY) -m app $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench db_migrations packaging
	$(VENV)/bin/ruff format --check app tests bench db_migrations packaging
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 -q

test: lint typecheck unit

# Core's message catalogues: .po edited by translators, .mo committed, so that a clone
# needs no msgfmt (Debian's gettext). After editing a .po, run `make core-catalogues`.
.PHONY: core-catalogues
core-catalogues:
	for po in resources/locale/*/LC_MESSAGES/rejoinder-core.po; do msgfmt -c -o "$${po%.po}.mo" "$$po"; done

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache

# One-folder app with Python, Qt and every dependency, in dist/rejoinder/
# (dist/Rejoinder.app on macOS). PyInstaller is a build tool, not a runtime
# dependency, so it is installed here rather than in pyproject.toml.
.PHONY: bundle
bundle: $(STAMP) translations
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/rejoinder.spec
	@du -sh dist/rejoinder

screenshots: $(STAMP) translations
	docs/make_screenshots.sh $(PY)
