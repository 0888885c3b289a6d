#!/usr/bin/env bash
# Set up, then run every check: ruff (lint + format), mypy, and the whole pytest suite (the PostgreSQL state tests
# against a throwaway server from scripts/postgres.sh, stopped on exit, unless STATE_TEST_POSTGRES_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy catalog bot tests tools
. scripts/postgres.sh
.venv/bin/python -m pytest "$@"
