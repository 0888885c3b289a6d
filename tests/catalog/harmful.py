"""Harmful but parseable upstream files (issue 17), shared by the import, refresh and bot tests: each case is
(id, source, body, what the one-line refusal says)."""

from __future__ import annotations

import json
from pathlib import Path

from catalog.build import build
from catalog.store.db import SourceFile, Store
from tests.paths import FIXTURES

MODELS_DEV = (FIXTURES / "models-dev-catalog.sample.json").read_bytes()
OPENROUTER = (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes()
_MARK = '"@@harmful@@"'


def models_dev_price(literal: str) -> bytes:
    """The models.dev sample with OpenRouter's Ling-2.6-Flash output price set to ``literal`` (raw JSON text)."""
    doc = json.loads(MODELS_DEV)
    doc["providers"]["openrouter"]["models"]["inclusionai/ling-2.6-flash"]["cost"]["output"] = json.loads(_MARK)
    return json.dumps(doc).replace(_MARK, literal).encode()


def openrouter_price(literal: str) -> bytes:
    """The OpenRouter sample with Ling-2.6-Flash's prompt price set to ``literal`` (raw JSON text)."""
    doc = json.loads(OPENROUTER)
    doc["data"][2]["pricing"]["prompt"] = json.loads(_MARK)
    return json.dumps(doc).replace(_MARK, literal).encode()


LING_MD = (
    "models-dev catalog.json, record 'providers.openrouter.models.inclusionai/ling-2.6-flash', field 'cost.output'"
)
LING_OR = "openrouter api-v1-models.json, record 'data[2] inclusionai/ling-2.6-flash', field 'pricing.prompt'"
HARMFUL: list[tuple[str, str, bytes, str]] = [
    ("negative-price", "models-dev", models_dev_price("-0.04"), f"{LING_MD}: -0.04 is not a price"),
    ("nan", "models-dev", models_dev_price("NaN"), f"{LING_MD}: NaN is not a number"),
    ("infinity", "models-dev", models_dev_price("Infinity"), f"{LING_MD}: Infinity is not a number"),
    ("1e308", "models-dev", models_dev_price("1e308"), f"{LING_MD}: 1e+308 is not a price"),
    ("openrouter-negative", "openrouter", openrouter_price('"-0.0001"'), f"{LING_OR}: -0.0001 is not a price"),
    ("openrouter-nan", "openrouter", openrouter_price('"NaN"'), f"{LING_OR}: NaN is not a price"),
    ("nested", "openrouter", b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels deep"),
]
#: Well-formed, and empty: valid JSON that would empty the catalog.
EMPTY = {"models-dev": b'{"models": {}, "providers": {}}', "openrouter": b'{"data": []}'}


async def build_both(path: Path) -> Path:
    """A catalog built from the models.dev and OpenRouter samples: an empty file from either would shrink it."""
    async with Store.open(path) as store:
        await build(
            store,
            [SourceFile("models-dev", "catalog.json", MODELS_DEV), SourceFile("openrouter", "models.json", OPENROUTER)],
        )
    return path
