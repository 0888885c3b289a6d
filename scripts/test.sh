#!/usr/bin/env bash
# Set up, then run every check: ruff (lint + format), mypy, and the whole pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy catalog bot tests tools
.venv/bin/python -m pytest "$@"
