"""Where the tests find the repo and their fixtures, whatever folder a test module sits in."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
#: The recorded sample of every catalog source, by source name.
SAMPLES = {
    "models-dev": "models-dev-catalog.sample.json",
    "llm-stats": "llm-stats-leaderboard.sample.json",
    "openrouter": "openrouter-api-v1-models.sample.json",
    "litellm": "litellm-model_prices_and_context_window.sample.json",
    "genai-prices": "genai-prices-v2-data.sample.json",
    "overlay": "seed_catalog.json",
}
