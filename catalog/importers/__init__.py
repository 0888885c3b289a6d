"""Importers: one per source format. Each turns file bytes into a validated ``SourceBatch``."""

from __future__ import annotations

from collections.abc import Callable

from catalog.errors import UnknownSource
from catalog.importers import litellm, llm_stats, models_dev, openrouter, overlay
from catalog.records import SourceBatch

Parser = Callable[[bytes, str], SourceBatch]

#: SOURCE name on the command line -> parser. Order is merge order: later sources enrich earlier ones.
IMPORTERS: dict[str, Parser] = {
    "models-dev": models_dev.parse,
    "llm-stats": llm_stats.parse,
    "openrouter": openrouter.parse,
    "litellm": litellm.parse,
    "overlay": overlay.parse,
}


def parser_for(source: str) -> Parser:
    """The parser for a SOURCE name, or ``UnknownSource`` listing the valid names."""
    try:
        return IMPORTERS[source]
    except KeyError:
        raise UnknownSource(source, list(IMPORTERS)) from None
