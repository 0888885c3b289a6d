#!/usr/bin/env bash
# Set up, then run the product. Until the Discord bot lands this runs the catalog CLI (default: stats).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ "$#" -eq 0 ]; then set -- stats; fi
exec .venv/bin/python -m catalog "$@"
