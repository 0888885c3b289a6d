#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (pinned versions with hashes, for Linux / CPython 3.11):
#   requirements.lock      runtime dependencies (the container image installs exactly these)
#   requirements-dev.lock  runtime + the dev extra + the build backend (scripts/setup.sh installs these)
# pip-tools runs from a throwaway venv, so it never lands in .venv. Run after changing dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
"$PY" -m venv "$tools"
"$tools/bin/pip" install --quiet "pip-tools>=7.4"
compile=("$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url
    --no-emit-find-links --annotation-style=line)
"${compile[@]}" --output-file requirements.lock pyproject.toml
# The dev lock keeps every runtime pin of requirements.lock, so tests run what the container ships.
"${compile[@]}" --extra dev --build-deps-for wheel --constraint requirements.lock \
    --output-file requirements-dev.lock pyproject.toml
echo "lock: wrote requirements.lock and requirements-dev.lock"
