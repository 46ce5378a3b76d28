# Leasemap: `make run` to open the app on the demo park, `make test` for the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO := build/demo.leasemap
export QT_API := pyside6

.PHONY: run test bench lint money i18n demo clean sysdeps

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e . --config-settings editable_mode=compat
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $@

$(DEMO): | $(VENV)/.installed
	$(PY) -m app demo $(DEMO)

demo: $(DEMO)

run: $(VENV)/.installed $(DEMO)
	$(PY) -m app $(DEMO)

sysdeps:
	bash scripts/install-system-deps.sh

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

test: sysdeps $(VENV)/.installed-dev lint money
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n auto --maxprocesses 4 --dist loadfile

# Money rounds in domain/money.py only and never passes through a float (issue 8).
money: $(VENV)/.installed
	$(PY) scripts/check_money.py

$(VENV)/.installed-bench: $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e '.[dev,bench]' --config-settings editable_mode=compat
	touch $@

bench: $(VENV)/.installed-bench
	for script in bench/*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

i18n: $(VENV)/.installed
	$(PY) scripts/i18n.py

clean:
	rm -rf build .pytest_cache .ruff_cache
