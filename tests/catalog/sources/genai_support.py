"""What the genai-prices importer tests share: the data files and small builders of raw records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from catalog.sources import genai_prices
from catalog.sources.records import RouteRecord, SourceBatch
from tests.paths import FIXTURES, ROOT

SAMPLE = FIXTURES / "genai-prices-v2-data.sample.json"
FULL = ROOT.parent / "shared" / "data" / "full-sources" / "genai-prices-v2-data.json"
COMMIT = "47df840a5ab10bbcffb8e5ac01b9899032245d1b"  # the commit the full file and the sample were taken at
needs_full = pytest.mark.skipif(not FULL.exists(), reason=f"full genai-prices data not present at {FULL}")


def parse_raw(data: Any, today: dt.date | None = None) -> SourceBatch:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return genai_prices.parse(raw, "genai.json", today=today)


def wrapped(providers: Any, date: str = "2026-08-21") -> dict[str, Any]:
    return {"source": {"commit": COMMIT, "date": date}, "providers": providers}


def routes_of(batch: SourceBatch) -> dict[str, RouteRecord]:
    return {r.route.provenance.record: r for r in batch.routes}


def one_provider(models: list[dict[str, Any]], provider: str = "openai") -> list[dict[str, Any]]:
    return [{"id": provider, "name": provider.title(), "api_pattern": "x", "models": models}]


def raw_model(mid: str, prices: Any, match: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": mid, "match": match or {"equals": mid}, "prices": prices, **extra}
