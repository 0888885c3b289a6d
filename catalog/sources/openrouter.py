"""OpenRouter ``GET /api/v1/models`` JSON: one route per entry, prices as USD-per-token strings."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import Field

from catalog.errors import ImportFormatError
from catalog.models import Price, Provenance, Route
from catalog.sources._common import SourceModel, expect_object, load_json, validate
from catalog.sources.records import RouteRecord, SourceBatch
from catalog.sources.sanity import MAX_PRICE, TokenCount, price_problem

SOURCE = "openrouter"
_PER_M = Decimal(1_000_000)


class _Arch(SourceModel):
    input_modalities: list[str] = []
    output_modalities: list[str] = []


class _Pricing(SourceModel):
    """USD per token, as strings ("0.000003"); a bare number is read the same way."""

    prompt: str | float | None = None
    completion: str | float | None = None
    input_cache_read: str | float | None = None
    input_cache_write: str | float | None = None
    internal_reasoning: str | float | None = None


class _Top(SourceModel):
    context_length: TokenCount | None = None
    max_completion_tokens: TokenCount | None = None


class _Entry(SourceModel):
    id: str
    name: str
    created: int | None = Field(default=None, ge=0, le=4_102_444_800)
    """Unix time; after 2100 is an error, not a date."""
    context_length: TokenCount | None = None
    architecture: _Arch | None = None
    pricing: _Pricing
    top_provider: _Top | None = None
    supported_parameters: list[str] = []
    knowledge_cutoff: str | None = None


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse ``{"data": [...]}``; a price of "-1" (variable-priced routers) is unknown, not negative; any other
    price must be a finite number >= 0 (USD per token, as OpenRouter states it)."""
    top = expect_object(load_json(data, file_name), file_name)
    entries = top.get("data")
    if not isinstance(entries, list):
        raise ImportFormatError(file_name, 'wrong format: expected {"data": [...]} from GET /api/v1/models')
    parsed = [validate(_Entry, e, file_name, _record(i, e)) for i, e in enumerate(entries)]
    created = [e.created for e in parsed if e.created]
    date = datetime.fromtimestamp(max(created), UTC).date().isoformat() if created else None
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=date)
    for i, e in enumerate(parsed):
        record = _record(i, {"id": e.id})
        p = e.pricing
        price = Price(
            input=_per_m(p.prompt, file_name, record, "pricing.prompt"),
            output=_per_m(p.completion, file_name, record, "pricing.completion"),
            cache_read=_per_m(p.input_cache_read, file_name, record, "pricing.input_cache_read"),
            cache_write=_per_m(p.input_cache_write, file_name, record, "pricing.input_cache_write"),
            reasoning=_per_m(p.internal_reasoning, file_name, record, "pricing.internal_reasoning"),
        )
        top_p = e.top_provider or _Top()
        context = e.context_length or top_p.context_length
        output = top_p.max_completion_tokens
        batch.routes.append(
            RouteRecord(
                route=Route(
                    provider_id="openrouter",
                    provider_name="OpenRouter",
                    provider_model_id=e.id,
                    spelling=e.name,
                    price=price,
                    context_window=context,
                    max_output=output if output and (not context or output <= context) else None,
                    free_tier=e.id.endswith(":free") or price.is_zero,
                    provenance=Provenance(source=SOURCE, record=record, source_date=date),
                ),
                facts=_facts(e, context),
            )
        )
    return batch


def _record(index: int, raw: Any) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return f"data[{index}] {rid}" if isinstance(rid, str) else f"data[{index}]"


def _per_m(value: str | float | None, file_name: str, record: str, field: str) -> Decimal | None:
    if value is None or str(value).strip() in ("-1", "-1.0"):
        return None
    try:
        per_token = Decimal(str(value).strip())
    except InvalidOperation:
        raise ImportFormatError(file_name, f"not a number: {value!r}", record=record, field=field) from None
    if problem := price_problem(per_token, MAX_PRICE / _PER_M):  # before scaling: 1e999999 would overflow
        raise ImportFormatError(file_name, problem, record=record, field=field)
    amount = (per_token * _PER_M).normalize()
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _facts(e: _Entry, context: int | None) -> dict[str, Any]:
    params = set(e.supported_parameters)
    arch = e.architecture or _Arch()
    caps = {
        "function_calling": "yes" if "tools" in params else "no",
        "tool_use": "yes" if "tools" in params else "no",
        "structured_outputs": "yes" if params & {"structured_outputs", "response_format"} else "no",
        "reasoning": "yes" if "reasoning" in params else "no",
    }
    if arch.input_modalities:
        caps["vision"] = "yes" if "image" in arch.input_modalities else "no"
    facts: dict[str, Any] = {"capabilities": caps}
    if context:
        facts["context_window"] = context
    if e.knowledge_cutoff:
        facts["knowledge_cutoff"] = e.knowledge_cutoff
    return facts
