#!/usr/bin/env bash
# Build the site into site/ (atomically), or preview it with: ./site-build.sh serve
# Creates .venv from pyproject.toml when missing (./site-build.sh install does only that).
# A failed build leaves site/ as it was.
# ENGINE=properdocs ./site-build.sh builds (or serves) with ProperDocs instead of MkDocs;
# both are installed in .venv and make the same site (tests/test_engine_swap.py checks).
set -euo pipefail
cd "$(dirname "$0")"

ENGINE="${ENGINE:-mkdocs}"
case "$ENGINE" in
  mkdocs|properdocs) ;;
  *) echo "ENGINE must be mkdocs or properdocs, not '$ENGINE'" >&2; exit 2 ;;
esac

VENV=.venv
STAMP="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$STAMP" ]; then
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[test]"
  rm -f "$VENV"/.installed-* && touch "$STAMP"
fi
export NO_MKDOCS_2_WARNING=1

if [ "${1:-}" = "install" ]; then
  exit 0
fi
CONFIG="${SITE_CONFIG:-mkdocs.yml}"
if [ "${1:-}" = "serve" ]; then
  shift
  exec "$VENV/bin/$ENGINE" serve --strict --config-file "$CONFIG" "$@"
fi

OUT="${SITE_DIR:-site}"
BUILD="$(mktemp -d "${OUT%/}.building.XXXXXX")"
trap 'rm -rf "$BUILD"' EXIT
"$VENV/bin/$ENGINE" build --strict --clean --config-file "$CONFIG" --site-dir "$BUILD" "$@"
OLD="${OUT%/}.old.$$"
if [ -d "$OUT" ]; then mv "$OUT" "$OLD"; fi
mv "$BUILD" "$OUT"
rm -rf "$OLD"
echo "Built $OUT/"
