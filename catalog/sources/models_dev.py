"""models.dev ``catalog.json``: provider-agnostic model records plus every provider route."""

from __future__ import annotations

from typing import Any

from catalog.models import Benchmark, Price, PriceTier, Provenance, Route
from catalog.sources._common import SourceModel, expect_object, load_json, money, newest, validate
from catalog.sources.records import ModelRecord, RouteRecord, SourceBatch
from catalog.sources.sanity import PriceNumber, TokenCount

SOURCE = "models-dev"

#: Cost keys outside the schema that are misspellings of cache prices (see the data README).
_CACHE_READ_ALIASES = ("cache_read", "cached_input", "cache_input")
_CACHE_WRITE_ALIASES = ("cache_write", "cached_write")


class _Limit(SourceModel):
    context: TokenCount | None = None
    output: TokenCount | None = None


class _Modalities(SourceModel):
    input: list[str] = []
    output: list[str] = []


class _TierSize(SourceModel):
    type: str = "context"
    size: TokenCount


class _Tier(SourceModel):
    tier: _TierSize
    input: PriceNumber | None = None
    output: PriceNumber | None = None
    cache_read: PriceNumber | None = None
    cache_write: PriceNumber | None = None


class _Cost(SourceModel):
    input: PriceNumber | None = None
    output: PriceNumber | None = None
    reasoning: PriceNumber | None = None
    tiers: list[_Tier] = []


class _Facts(SourceModel):
    name: str
    family: str | None = None
    attachment: bool | None = None
    reasoning: bool | None = None
    tool_call: bool | None = None
    structured_output: bool | None = None
    knowledge: str | None = None
    release_date: str | None = None
    last_updated: str | None = None
    open_weights: bool | None = None
    modalities: _Modalities | None = None
    limit: _Limit | None = None


class _Route(_Facts):
    id: str
    cost: _Cost | None = None
    status: str | None = None


class _Bench(SourceModel):
    name: str
    score: float
    metric: str | None = None
    source: str | None = None


class _Weights(SourceModel):
    url: str


class _ModelMeta(_Facts):
    benchmarks: list[_Bench] = []
    weights: list[_Weights] = []
    license: str | None = None


class _Provider(SourceModel):
    id: str
    name: str
    models: dict[str, Any]


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse a models.dev catalog.json (the ``{"models": ..., "providers": ...}`` shape)."""
    top = expect_object(load_json(data, file_name), file_name)
    models = expect_object(top, file_name, "models")
    providers = expect_object(top, file_name, "providers")
    metas = {key: validate(_ModelMeta, raw, file_name, f"models.{key}") for key, raw in models.items()}
    routes: list[tuple[_Provider, str, _Route, dict[str, Any]]] = []
    for pid, raw_provider in providers.items():
        provider = validate(_Provider, raw_provider, file_name, f"providers.{pid}")
        for rid, raw in provider.models.items():
            record = f"providers.{pid}.models.{rid}"
            route = validate(_Route, raw, file_name, record)
            routes.append((provider, rid, route, raw.get("cost") or {}))
    date = newest([m.last_updated for m in metas.values()] + [r.last_updated for _, _, r, _ in routes])
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=date)
    for key, meta in metas.items():
        prov = Provenance(source=SOURCE, record=f"models.{key}", source_date=meta.last_updated or date)
        facts = _facts(meta)
        facts["creator"] = key.split("/", 1)[0] if "/" in key else None
        facts["benchmarks"] = tuple(
            Benchmark(name=b.name, score=b.score, metric=b.metric, source_url=b.source, provenance=prov)
            for b in meta.benchmarks
        )
        if meta.weights:
            facts["openness"] = "open weights"
        if meta.license:
            facts["license_name"] = meta.license
        batch.models.append(
            ModelRecord(
                spellings=(meta.name, key.rsplit("/", 1)[-1]),
                facts={k: v for k, v in facts.items() if v is not None},
                provenance=prov,
                creates=False,
            )
        )
    for provider, rid, route, raw_cost in routes:
        # A route's price was current as of the snapshot, whenever its record last changed: the snapshot
        # date is when it was checked ("prices checked 2026-06-30").
        prov = Provenance(source=SOURCE, record=f"providers.{provider.id}.models.{rid}", source_date=date)
        price = _price(route.cost, raw_cost)
        limit = route.limit or _Limit()
        context = limit.context if limit.context and limit.context > 0 else None
        output = limit.output if limit.output and limit.output > 0 else None
        batch.routes.append(
            RouteRecord(
                route=Route(
                    provider_id=provider.id,
                    provider_name=provider.name,
                    provider_model_id=rid,
                    spelling=route.name,
                    price=price,
                    context_window=context,
                    max_output=output if not (context and output and output > context) else None,
                    status=route.status,
                    free_tier=price is not None and price.is_zero,
                    provenance=prov,
                ),
                facts={k: v for k, v in _facts(route).items() if v is not None},
            )
        )
    return batch


def _facts(rec: _Facts) -> dict[str, Any]:
    """Model-level facts a models.dev record states (route records state them too)."""
    mods = rec.modalities
    inputs = tuple(mods.input) if mods else ()
    outputs = tuple(mods.output) if mods else ()
    caps: dict[str, str] = {}
    if mods is not None:
        caps["vision"] = _tri("image" in inputs)
        caps["multimodal"] = _tri(any(m != "text" for m in inputs + outputs))
    if rec.reasoning is not None:
        caps["reasoning"] = _tri(rec.reasoning)
    if rec.tool_call is not None:
        caps["function_calling"] = caps["tool_use"] = _tri(rec.tool_call)
    if rec.structured_output is not None:
        caps["structured_outputs"] = _tri(rec.structured_output)
    limit = rec.limit or _Limit()
    return {
        "family": rec.family,
        "release_date": rec.release_date,
        "knowledge_cutoff": rec.knowledge,
        "context_window": limit.context if limit.context and limit.context > 0 else None,
        "max_output": limit.output if limit.output and limit.output > 0 else None,
        "openness": None if rec.open_weights is None else ("open weights" if rec.open_weights else "proprietary"),
        "input_modalities": inputs or None,
        "output_modalities": outputs or None,
        "capabilities": caps or None,
    }


def _tri(flag: bool) -> str:
    return "yes" if flag else "no"


def _price(cost: _Cost | None, raw: dict[str, Any]) -> Price | None:
    if cost is None:
        return None
    read = next((raw[k] for k in _CACHE_READ_ALIASES if isinstance(raw.get(k), int | float)), None)
    write = next((raw[k] for k in _CACHE_WRITE_ALIASES if isinstance(raw.get(k), int | float)), None)
    tiers = tuple(
        PriceTier(
            min_prompt_tokens=t.tier.size,
            input=money(t.input),
            output=money(t.output),
            cache_read=money(t.cache_read),
            cache_write=money(t.cache_write),
        )
        for t in sorted(cost.tiers, key=lambda t: t.tier.size)
        if t.tier.type == "context" and t.tier.size > 0
    )
    return Price(
        input=money(cost.input),
        output=money(cost.output),
        cache_read=money(read),
        cache_write=money(write),
        reasoning=money(cost.reasoning),
        tiers=tiers,
    )
