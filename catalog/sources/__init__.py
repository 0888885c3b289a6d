"""Sources: one importer per source format (models.dev, LLM-Stats, OpenRouter, LiteLLM, genai-prices, the overlay).

Each turns file bytes into a validated ``SourceBatch`` of source records with their own dates; no merging here.
Every parser handed out here also checks the batch as data (``sanity``: prices, sizes), so an import or refresh
cannot bring a negative price or a billion-token context into the catalog.
May import ``catalog.models`` and ``catalog.errors`` only.
"""

from __future__ import annotations

from collections.abc import Callable

from catalog.errors import UnknownSource
from catalog.sources import genai_prices, litellm, llm_stats, models_dev, openrouter, overlay
from catalog.sources.records import SourceBatch
from catalog.sources.sanity import check_batch

Parser = Callable[[bytes, str], SourceBatch]


def checked(parse: Parser) -> Parser:
    """``parse``, then every price and size in its batch checked (``sanity.check_batch``)."""

    def parse_checked(data: bytes, file_name: str) -> SourceBatch:
        batch = parse(data, file_name)
        check_batch(batch)
        return batch

    return parse_checked


#: SOURCE name on the command line -> parser. Order is merge order: later sources enrich earlier ones.
IMPORTERS: dict[str, Parser] = {
    "models-dev": checked(models_dev.parse),
    "llm-stats": checked(llm_stats.parse),
    "openrouter": checked(openrouter.parse),
    "litellm": checked(litellm.parse),
    "genai-prices": checked(genai_prices.parse),
    "overlay": checked(overlay.parse),
}


def parser_for(source: str) -> Parser:
    """The parser for a SOURCE name, or ``UnknownSource`` listing the valid names."""
    try:
        return IMPORTERS[source]
    except KeyError:
        raise UnknownSource(source, list(IMPORTERS)) from None
