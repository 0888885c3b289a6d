#!/usr/bin/env bash
# Create .venv (if missing) and install the locked dev dependencies plus the project itself (editable).
# Idempotent and quick: it installs only when requirements-dev.lock, pyproject.toml, this script or the Python
# changed since the last install (a hash kept in .venv), printing one line when it does; otherwise it is silent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
STAMP=.venv/.installed-from
[ -x .venv/bin/python ] || "$PY" -m venv .venv
want=$(cat requirements-dev.lock pyproject.toml scripts/setup.sh <(.venv/bin/python -VV) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
    exit 0
fi
echo "setup: installing the locked dependencies into .venv (first run or the lock changed; 30-90 s)..." >&2
rm -f "$STAMP"
pip=(.venv/bin/python -m pip --quiet --disable-pip-version-check)
"${pip[@]}" install --require-hashes --no-deps -r requirements-dev.lock
# setuptools comes from the lock above, so the editable build needs no isolated environment (nor the network).
"${pip[@]}" install --no-deps --no-build-isolation --editable .
echo "$want" >"$STAMP"
