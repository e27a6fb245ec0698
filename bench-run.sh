#!/usr/bin/env bash
# The benchmark: build cost against plain MkDocs, growth to 5,000 clauses, page weight.
# Prints the figures and PASS/FAIL lines and writes tests/bench/RESULTS.md (about 6 minutes).
# Options: ./bench-run.sh --help  (e.g. --quick for a one-minute trial, --no-results).
# Installs what a fresh machine lacks through ./run-tests.sh --install-only.
set -euo pipefail
cd "$(dirname "$0")"

./run-tests.sh --install-only
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python tests/bench/run.py "$@"
