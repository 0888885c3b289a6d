"""Sources: one importer per source format (models.dev, LLM-Stats, OpenRouter, LiteLLM, genai-prices, the overlay).

Each turns file bytes into a validated ``SourceBatch`` of source records with their own dates; no merging here.
May import ``catalog.models`` and ``catalog.errors`` only.
"""

from __future__ import annotations

from collections.abc import Callable

from catalog.errors import UnknownSource
from catalog.sources import genai_prices, litellm, llm_stats, models_dev, openrouter, overlay
from catalog.sources.records import SourceBatch

Parser = Callable[[bytes, str], SourceBatch]

#: SOURCE name on the command line -> parser. Order is merge order: later sources enrich earlier ones.
IMPORTERS: dict[str, Parser] = {
    "models-dev": models_dev.parse,
    "llm-stats": llm_stats.parse,
    "openrouter": openrouter.parse,
    "litellm": litellm.parse,
    "genai-prices": genai_prices.parse,
    "overlay": overlay.parse,
}


def parser_for(source: str) -> Parser:
    """The parser for a SOURCE name, or ``UnknownSource`` listing the valid names."""
    try:
        return IMPORTERS[source]
    except KeyError:
        raise UnknownSource(source, list(IMPORTERS)) from None
