"""LiteLLM ``model_prices_and_context_window.json`` (MIT): costs in USD per token, keyed by model name."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from catalog.models import Price, PriceTier, Provenance, Route
from catalog.sources._common import SourceModel, expect_object, load_json, money, validate
from catalog.sources.records import RouteRecord, SourceBatch

SOURCE = "litellm"
_PER_M = Decimal(1_000_000)
_TEXT_MODES = frozenset({"chat", "completion", "responses"})


class _Entry(SourceModel):
    litellm_provider: str
    mode: str | None = None
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None
    input_cost_per_token: float | None = None
    output_cost_per_token: float | None = None
    cache_read_input_token_cost: float | None = None
    cache_creation_input_token_cost: float | None = None
    input_cost_per_token_batches: float | None = None
    output_cost_per_token_batches: float | None = None
    input_cost_per_token_above_200k_tokens: float | None = None
    output_cost_per_token_above_200k_tokens: float | None = None
    supports_function_calling: bool | None = None
    supports_vision: bool | None = None
    supports_response_schema: bool | None = None
    supports_reasoning: bool | None = None
    deprecation_date: str | None = None


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse the cost map; only text-generation modes become routes (embeddings, images are skipped)."""
    top = expect_object(load_json(data, file_name), file_name)
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=None)
    for key, raw in top.items():
        if key == "sample_spec":
            continue
        entry = validate(_Entry, raw, file_name, key)
        if entry.mode not in _TEXT_MODES:
            continue
        tiers: tuple[PriceTier, ...] = ()
        if entry.input_cost_per_token_above_200k_tokens or entry.output_cost_per_token_above_200k_tokens:
            tiers = (
                PriceTier(
                    min_prompt_tokens=200_000,
                    input=money(entry.input_cost_per_token_above_200k_tokens, _PER_M),
                    output=money(entry.output_cost_per_token_above_200k_tokens, _PER_M),
                ),
            )
        price = Price(
            input=money(entry.input_cost_per_token, _PER_M),
            output=money(entry.output_cost_per_token, _PER_M),
            cache_read=money(entry.cache_read_input_token_cost, _PER_M),
            cache_write=money(entry.cache_creation_input_token_cost, _PER_M),
            batch_input=money(entry.input_cost_per_token_batches, _PER_M),
            batch_output=money(entry.output_cost_per_token_batches, _PER_M),
            tiers=tiers,
        )
        context, output = entry.max_input_tokens, entry.max_output_tokens
        batch.routes.append(
            RouteRecord(
                route=Route(
                    provider_id=entry.litellm_provider,
                    provider_name=entry.litellm_provider,
                    provider_model_id=key,
                    spelling=key.rsplit("/", 1)[-1],
                    price=price if price.input is not None or price.output is not None else None,
                    context_window=context if context and context > 0 else None,
                    max_output=output if output and output > 0 and (not context or output <= context) else None,
                    provenance=Provenance(source=SOURCE, record=key),
                ),
                facts=_facts(entry),
            )
        )
    return batch


def _facts(e: _Entry) -> dict[str, Any]:
    caps: dict[str, str] = {}
    if e.supports_function_calling is not None:
        caps["function_calling"] = caps["tool_use"] = "yes" if e.supports_function_calling else "no"
    if e.supports_vision is not None:
        caps["vision"] = "yes" if e.supports_vision else "no"
    if e.supports_response_schema is not None:
        caps["structured_outputs"] = "yes" if e.supports_response_schema else "no"
    if e.supports_reasoning is not None:
        caps["reasoning"] = "yes" if e.supports_reasoning else "no"
    return {"capabilities": caps} if caps else {}
