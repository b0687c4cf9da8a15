# The two commands of the quick start are `make run` and `make test`; both install what is missing first.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := gcc libc6-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils ghostscript qpdf \
	fonts-liberation fonts-liberation2 softhsm2 opensc libnss3-tools chromium pngquant
STAMP := $(VENV)/.installed
export OMP_THREAD_LIMIT ?= 1

.PHONY: setup run test bench lint apt clean ompinline

OMP_INLINE := src/digitize/tools/libompinline.so

setup: apt $(STAMP) ompinline

# libtesseract's OpenMP regions inline (src/digitize/tools/ompinline.c): built when a C compiler is here
ompinline: $(OMP_INLINE)

$(OMP_INLINE): src/digitize/tools/ompinline.c
	@command -v $(CC) >/dev/null && $(CC) -O2 -Wall -shared -fPIC -o $@ $< \
	  || echo "$@ not built (no C compiler, or it failed): Tesseract's OpenMP regions stay libgomp's (the same words, more CPU)"

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing apt packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/digitize serve --first-run

test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider

bench: setup
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
