#!/usr/bin/env bash
# Set up, then run the bot: on Discord when DISCORD_TOKEN is set (env or .env), else the interactive console
# on the shipped catalog. Extra arguments go to `llm-buyer-bot` (= `python -m bot`) (e.g. `scripts/run.sh console`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/llm-buyer-bot "$@"
