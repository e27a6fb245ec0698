#!/usr/bin/env bash
# Run the whole test suite: lint (ruff), import layers and cycles (lint-imports), types (mypy),
# then unit, build, browser, HTML validation, PDF.
# Installs what a fresh machine lacks: the virtual environment from pyproject.toml,
# Debian's chromium and poppler-utils (via apt) and the Nu HTML validator (npm's vnu-jar).
# ./run-tests.sh --install-only installs them and stops.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${need_apt[@]}" fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    >/dev/null
fi
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --silent --no-audit --no-fund
fi

./site-build.sh install
if [ "${1:-}" = "--install-only" ]; then
  exit 0
fi
VENV=.venv
export NO_MKDOCS_2_WARNING=1

# The static checks each run even when one before fails, so one run shows every finding.
static=0
"$VENV/bin/ruff" check . || static=1
"$VENV/bin/lint-imports" --no-cache || static=1
"$VENV/bin/mypy" || static=1
[ "$static" -eq 0 ] || exit 1
"$VENV/bin/python" -m pytest "$@"
