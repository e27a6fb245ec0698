#!/usr/bin/env bash
# Build the site into site/, or preview it with: ./site-build.sh serve
# The preview rebuilds whenever a page, mkdocs.yml or a file under content/data/ (or any file
# content/data/code.yaml names) is saved; a problem in the data is printed, one line each, and
# the last good site stays served until a save fixes it.
# Creates .venv from pyproject.toml when missing (./site-build.sh install does only that).
# ENGINE=properdocs ./site-build.sh builds (or serves) with ProperDocs instead of MkDocs;
# both are installed in .venv and make the same site (tests/test_engine_swap.py checks).
# SITE_CONFIG (default mkdocs.yml) and SITE_DIR (default site) choose what is built, and where.
#
# How a build is published:
# - one build at a time: a build holds a lock on SITE_DIR's parent folder until it ends (the
#   kernel drops it however the build ends); a second build says so and waits for it;
# - holding the lock, it first removes what killed builds left (SITE_DIR.building.*, .old.*);
# - it builds beside the site, into SITE_DIR.building.XXXXXX, and makes that readable by
#   everyone (folders 0755, files 0644);
# - it swaps that folder with SITE_DIR in one step (renameat2 RENAME_EXCHANGE), so SITE_DIR is
#   always a whole site, the old one until the swap and the new one after; then it removes
#   the old one. A build that fails, or is killed before the swap, leaves SITE_DIR as it was.
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
# MkDocs reads the configuration before any plugin runs, and a date there that does not exist
# stops it with a traceback: check the file first, so every slip in it is one line.
"$VENV/bin/python" -m macros.adapters.config_check "$CONFIG"
if [ "${1:-}" = "serve" ]; then
  shift
  # What serve watches besides the pages: see on_serve in macros/adapters/mkdocs_plugin.py.
  exec "$VENV/bin/$ENGINE" serve --strict --config-file "$CONFIG" "$@"
fi

OUT="${SITE_DIR:-site}"
OUT="${OUT%/}"
PARENT="$(dirname "$OUT")"
mkdir -p "$PARENT"
if [ -e "$OUT" ] && [ ! -d "$OUT" ]; then
  echo "site-build.sh: $OUT is not a folder; move it away or set SITE_DIR to another path." >&2
  exit 2
fi

# The lock is on the open parent folder; mkdocs inherits it, so it holds until both end.
exec {LOCK}<"$PARENT"
if ! flock --nonblock "$LOCK"; then
  echo "site-build.sh: another build is publishing into $(cd "$PARENT" && pwd -P)/;" \
    "waiting for it to finish." >&2
  flock "$LOCK"
fi

rm -rf -- "$OUT".building.* "$OUT".old.*

BUILD="$(mktemp -d "$OUT.building.XXXXXX")"
trap 'rm -rf -- "$BUILD"' EXIT
"$VENV/bin/$ENGINE" build --strict --clean --config-file "$CONFIG" --site-dir "$BUILD" "$@"
find "$BUILD" \( -type d -exec chmod 0755 {} + \) -o \( -type f -exec chmod 0644 {} + \)

# Publish: swap BUILD and OUT in one step (the old site ends up in BUILD), or rename BUILD to
# OUT the first time. A file system that cannot swap (NFS, for one) gets two renames, and a
# warning that OUT was missing for a moment.
"$VENV/bin/python" -I -S - "$BUILD" "$OUT" <<'PY'
import ctypes
import errno
import os
import sys

new, out = sys.argv[1], sys.argv[2]
if not os.path.lexists(out):
    os.rename(new, out)
    sys.exit(0)
renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
if renameat2 is not None:
    if renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(out), RENAME_EXCHANGE) == 0:
        sys.exit(0)
    err = ctypes.get_errno()
    if err not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        raise OSError(err, os.strerror(err), out)
print(f"site-build.sh: this file system cannot swap two folders in one step, so {out}/ was "
      "missing for a moment.", file=sys.stderr)
old = new + ".old"
os.rename(out, old)
os.rename(new, out)
os.rename(old, new)
PY
rm -rf -- "$BUILD"
echo "Built $OUT/"
