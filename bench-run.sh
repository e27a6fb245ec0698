#!/usr/bin/env bash
# The benchmark: build cost against plain MkDocs, growth to 5,000 clauses, page weight.
# Prints the figures and PASS/FAIL lines and writes tests/bench/RESULTS.md (about 15 minutes).
# Options: ./bench-run.sh --help  (e.g. --quick for a one-minute trial, --no-results).
# Installs what a fresh machine lacks: the virtual environment and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
fi
VENV=.venv
STAMP="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if [ ! -f "$STAMP" ]; then
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[test]"
  rm -f "$VENV"/.installed-* && touch "$STAMP"
fi
export NO_MKDOCS_2_WARNING=1
exec "$VENV/bin/python" tests/bench/run.py "$@"
