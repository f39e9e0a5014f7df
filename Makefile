# Two entry points: `make demo` builds everything from the bundled corpus, `make test` runs the
# suite. Both create the project's own virtual environment and install what they need, system
# packages included (apt-get, when run as root and a package is missing).

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed

.PHONY: demo test quick bench bench-large system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -d /usr/share/fonts/opentype/noto ] || missing="$$missing fonts-noto-cjk"; \
	command -v virtuoso-t >/dev/null 2>&1 || missing="$$missing virtuoso-opensource"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (run as root or install them)"; exit 1; fi; \
	fi

demo: $(STAMP) system-deps
	$(VENV)/bin/policykg build --out build --formats nt,ttl,jsonld
	for kind in responsibilities measures agencies targets places industries lineage alignment; do \
	  $(VENV)/bin/policykg export $$kind --build build --out build/$$kind.csv || exit 1; \
	done
	for kind in responsibility coresponsibility flow; do \
	  $(VENV)/bin/policykg export network --kind $$kind --format graphml --build build || exit 1; \
	done
	$(VENV)/bin/policykg report --build build
	$(VENV)/bin/policykg viz --build build

# The whole suite, as CI runs it: pytest skips the tests marked slow unless asked for (pyproject.toml).
test: $(STAMP) system-deps
	$(PYTHON) -m pytest -m "slow or not slow"

# The loop while changing code: plain pytest, the suite without the tests marked slow (browser,
# cluster, reference engines, scale, builds in a subprocess).
quick: $(STAMP) system-deps
	$(PYTHON) -m pytest

# The scale benchmark (bench/run.py): 100 and 1,000 generated documents; bench-large adds 10,000,
# its default (validated) build too (about 90 minutes in all on 2 cores, 40 GB of disk). Both write
# bench/RESULTS.md: see bench/README.md.
bench: $(STAMP) system-deps
	$(PYTHON) -m bench.run --write bench/RESULTS.md

bench-large: $(STAMP) system-deps
	$(PYTHON) -m bench.run --sizes 100,1000,10000 --full 10000 --write bench/RESULTS.md

clean:
	rm -rf build .build-* bench/work $(VENV) *.egg-info
