"""LiteLLM's cost map ``model_prices_and_context_window.json`` (MIT; USD per token, keyed by LiteLLM model name).

Why: LiteLLM prices ~100 providers, releases every few days and prices what models.dev leaves out: 1-hour cache
writes, batch, reasoning, image and audio tokens, per-image, per-request and web-search fees, prompt-size tiers,
Bedrock's per-region prices. What: chat/completion/responses entries, image generation billed per image (token),
audio and realtime billed per token, of providers ``providers.json`` maps to our ids; LiteLLM's own prefix
(``bedrock/``, ``vertex_ai/`` ...) is cut so route ids equal models.dev's. Skipped: other modes (embeddings,
rerank ...), ``alias_of`` entries, size-bucket templates, tool charges (code interpreter sessions), entries with
neither price nor context window, and unmapped providers (``skipped_providers``). Priority, flex and other
service tiers never mix into the standard price; fees with no price field are said in ``fees_unknown``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from catalog.errors import ImportFormatError
from catalog.models import Price, PriceTier, Provenance, Route
from catalog.sources._common import SourceModel, expect_object, load_json, money, validate
from catalog.sources.providers import load_providers
from catalog.sources.records import RouteRecord, SourceBatch
from catalog.sources.sanity import TokenCount, price_problem

SOURCE = "litellm"
_PER_M = Decimal(1_000_000)
_TEXT_MODES = frozenset({"chat", "completion", "responses"})
_AUDIO_MODES = frozenset({"audio_speech", "audio_transcription", "realtime"})
_VERSION = re.compile(r"(?<![\d.])(\d+\.\d+\.\d+)(?![\d.])")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Price component -> (LiteLLM key, unit scale): USD per token x 1M; per image and per request as given.
_FIELDS: dict[str, tuple[str, Decimal]] = {
    "input": ("input_cost_per_token", _PER_M),
    "output": ("output_cost_per_token", _PER_M),
    "cache_read": ("cache_read_input_token_cost", _PER_M),
    "cache_write": ("cache_creation_input_token_cost", _PER_M),
    "cache_write_1h": ("cache_creation_input_token_cost_above_1hr", _PER_M),
    "reasoning": ("output_cost_per_reasoning_token", _PER_M),
    "batch_input": ("input_cost_per_token_batches", _PER_M),
    "batch_output": ("output_cost_per_token_batches", _PER_M),
    "image_output": ("output_cost_per_image_token", _PER_M),
    "per_image": ("output_cost_per_image", Decimal(1)),
    "audio_input": ("input_cost_per_audio_token", _PER_M),
    "audio_output": ("output_cost_per_audio_token", _PER_M),
    "per_request": ("input_cost_per_request", Decimal(1)),
}
_TIER_BASE = {f: _FIELDS[f][0] for f in ("input", "output", "cache_read", "cache_write")}
_TIER_KEY = re.compile(rf"^({'|'.join(_TIER_BASE.values())})_above_(\d+)k_tokens$")
_IMAGE_SIZE = re.compile(r"^output_cost_per_image_(\d+(?:\.\d+)?K?)$")
#: Charges per something other than a token (query, session, second, image ...): surfaced as fees_unknown.
_UNIT_FEE = re.compile(r"^(?:(\w+?)_)?cost_per_(?!.*token)(\w+)$")
_OTHER_TIERS = re.compile(r"_(?:priority|flex|ultrafast|decisions|balanced|batches)$|_above_\d+k_tokens$")
_HANDLED = {key for key, _ in _FIELDS.values()} | {"search_context_cost_per_query"}
_REGION_PATH = re.compile(r"^(?:[a-z]{2}(?:-gov)?-[a-z]+-\d+|us|eu|apac|global|us-gov)$")
_CROSS_REGION = re.compile(r"^(us-gov|us|eu|apac|au|jp|ca|global)\.")
_BUCKET = re.compile(r"^(?:together-ai|fireworks-ai)-")
_IMAGE_KEYS = frozenset({"output_cost_per_image", "output_cost_per_image_token"})
_AUDIO_KEYS = frozenset(_FIELDS[f][0] for f in ("input", "output", "audio_input", "audio_output"))
_SIZES = {"search_context_size_low": 0, "search_context_size_medium": 1, "search_context_size_high": 2}


class _Entry(SourceModel):
    litellm_provider: str
    mode: str | None = None
    max_input_tokens: TokenCount | None = None
    max_output_tokens: TokenCount | None = None
    supports_function_calling: bool | None = None
    supports_vision: bool | None = None
    supports_response_schema: bool | None = None
    supports_reasoning: bool | None = None
    deprecation_date: str | None = None


class _Meta(SourceModel):
    version: str | None = None
    date: str | None = None


class _Wrapper(SourceModel):
    source: _Meta = _Meta()
    models: dict[str, Any]


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse the cost map (bare, or wrapped as ``{"source": {"version", "date"}, "models": {...}}``)."""
    top, meta = _unwrap(data, file_name)
    found = _VERSION.search(file_name.rsplit("/", 1)[-1])
    batch = SourceBatch(SOURCE, file_name, meta.date, version=found.group(1) if found else meta.version)
    today, table = meta.date or date.today().isoformat(), load_providers()
    chosen: dict[tuple[str, str], tuple[bool, int, str]] = {}  # one route, two keys: the plain, shorter key wins
    for key, _, provider in _entries(top, file_name):
        if (pid := table.litellm.get(provider)) is not None:
            rid, renamed = _route_id(key, provider, top)
            if (pid, rid) not in chosen or (renamed, len(key), key) < chosen[pid, rid]:
                chosen[pid, rid] = (renamed, len(key), key)
    order = {key: i for i, key in enumerate(top)}
    for (pid, rid), (_, _, key) in sorted(chosen.items(), key=lambda item: order[item[1][2]]):
        entry = validate(_Entry, top[key], file_name, key)
        try:
            price = _price(top[key])
        except ImportFormatError as bad:  # raised without file and record, which are known here
            raise ImportFormatError(file_name, bad.message, record=key, field=bad.field) from None
        context, output, gone = entry.max_input_tokens, entry.max_output_tokens, entry.deprecation_date
        context = context if context and context > 0 else None
        if price is None and context is None:
            continue  # only a name and flags (``perplexity/preset/pro-search``): nothing to compare, no model
        route = Route(
            provider_id=pid,
            provider_name=table.names.get(pid) or pid.replace("-", " ").title(),
            provider_model_id=rid,
            spelling=rid.rsplit("/", 1)[-1],
            price=price,
            context_window=context,
            max_output=output if output and output > 0 and (not context or output <= context) else None,
            status="deprecated" if gone and _ISO_DATE.match(gone) and gone <= today else None,
            free_tier=price is not None and price.is_zero,
            region=_region(rid, entry.litellm_provider),
            provenance=Provenance(source=SOURCE, record=key, source_date=meta.date),
        )
        batch.routes.append(RouteRecord(route=route, facts=_facts(entry)))
    return batch


def skipped_providers(data: bytes, file_name: str = "litellm.json") -> Counter[str]:
    """``litellm_provider`` values of importable entries that no provider id maps to, with entry counts."""
    top, _ = _unwrap(data, file_name)
    known = load_providers().litellm
    return Counter(provider for _, _, provider in _entries(top, file_name) if provider not in known)


def _unwrap(data: bytes, file_name: str) -> tuple[dict[str, Any], _Meta]:
    top = expect_object(load_json(data, file_name), file_name)
    if isinstance(top.get("models"), dict) and set(top) <= {"source", "models"}:
        wrapper = validate(_Wrapper, top, file_name, "source")
        return wrapper.models, wrapper.source
    return top, _Meta()


def _entries(top: dict[str, Any], file_name: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(key, entry, litellm_provider) of every entry in an imported mode, whatever its provider."""
    for key, raw in top.items():
        if not isinstance(raw, dict):
            raise ImportFormatError(file_name, "entry must be a JSON object", record=key)
        if key == "sample_spec" or "litellm_provider" not in raw or "alias_of" in raw or _BUCKET.match(key):
            continue
        mode, billed = raw.get("mode"), {k for k, v in raw.items() if v is not None}
        sessions = {k for k in billed if k.endswith("cost_per_session")}
        if sessions and sessions == {k for k in billed if "cost" in k}:
            continue  # a tool's charge (``openai/container``: code interpreter sessions), not a model
        image = mode == "image_generation" and any(k in _IMAGE_KEYS or _IMAGE_SIZE.match(k) for k in billed)
        if mode in _TEXT_MODES or image or (mode in _AUDIO_MODES and billed & _AUDIO_KEYS):
            yield key, raw, str(raw["litellm_provider"])


def _route_id(key: str, provider: str, top: dict[str, Any]) -> tuple[str, bool]:
    """Cut LiteLLM's own prefix from a key so models.dev's id remains; True when more than that was rewritten."""
    head, sep, rest = key.partition("/")
    rid = rest if sep and (head == provider or provider.startswith((f"{head}_", f"{head}-"))) else key
    if provider.startswith("bedrock") and rid.startswith("invoke/"):  # LiteLLM's InvokeModel spelling
        return rid.removeprefix("invoke/"), True
    if provider == "fireworks_ai" and "/" not in rid:  # a short name for Fireworks' full model or router id
        kind = "routers" if f"fireworks_ai/accounts/fireworks/routers/{rid}" in top else "models"
        return f"accounts/fireworks/{kind}/{rid}", True
    return rid, False


def _region(rid: str, provider: str) -> str | None:
    """A region path (``us-west-2/``, Azure's ``eu/``) or a Bedrock cross-region prefix (``us.``, ``global.``)."""
    head, sep, _ = rid.partition("/")
    if sep and _REGION_PATH.match(head):
        return head
    cross = _CROSS_REGION.match(rid) if provider.startswith("bedrock") else None
    return cross.group(1) if cross else None


def _num(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ImportFormatError("", f"cost must be a number, got {value!r}", field=key)
    if problem := price_problem(value):  # the cap after scaling per token to per 1M: ``sanity.check_batch``
        raise ImportFormatError("", problem, field=key)
    return value


def _usd(value: float | Decimal | None) -> str:
    return f"${Decimal(str(value)):f}"


def _price(raw: dict[str, Any]) -> Price | None:
    for key, value in raw.items():
        if "cost" in key and isinstance(value, str):
            _num(raw, key)  # every cost is a number, used or not
    parts: dict[str, Any] = {f: money(_num(raw, key), scale) for f, (key, scale) in _FIELDS.items()}
    tiers: dict[int, dict[str, Decimal | None]] = {}
    for key in raw:
        if m := _TIER_KEY.match(key):
            field = next(f for f, base in _TIER_BASE.items() if base == m.group(1))
            tiers.setdefault(int(m.group(2)) * 1000, {})[field] = money(_num(raw, key), _PER_M)
    for i, band in enumerate(raw.get("tiered_pricing") or []):  # Qwen, Doubao: [{range: [lo, hi], costs ...}]
        if not isinstance(band, dict) or "range" not in band:
            continue
        prices = {f: money(_num(band, key), _PER_M) for f, key in _TIER_BASE.items() if key in band}
        try:
            low = int(band["range"][0])
        except (TypeError, ValueError, IndexError):
            raise ImportFormatError("", "range must be [low, high] token counts", field=f"tiered_pricing.{i}") from None
        if low > 0:
            tiers.setdefault(low, {}).update(prices)
        else:
            parts.update({f: v for f, v in prices.items() if parts[f] is None})
            parts["reasoning"] = parts["reasoning"] or money(_num(band, _FIELDS["reasoning"][0]), _PER_M)
    if parts["cache_read"] is None:
        parts["cache_read"] = money(_num(raw, "input_cost_per_token_cache_hit"), _PER_M)
    fees = _fees(raw, parts)
    price = Price(
        **parts,
        fees_unknown="; ".join(fees) + "." if fees else None,
        tiers=tuple(PriceTier(min_prompt_tokens=n, **tiers[n]) for n in sorted(tiers)),
    )
    return None if price == Price() else price


def _fees(raw: dict[str, Any], parts: dict[str, Any]) -> list[str]:
    """Sets ``per_1k_searches`` and says, in words, every other fee the entry names."""
    fees: list[str] = []
    search = raw.get("search_context_cost_per_query")
    if isinstance(search, dict):
        sizes = {
            k.removeprefix("search_context_size_"): _num(search, k)
            for k in sorted(search, key=lambda k: (_SIZES.get(k, 3), k))
        }
        default = sizes.get("medium", sizes.get("default", next(iter(sizes.values()), None)))
        parts["per_1k_searches"] = money(default, Decimal(1000))
        if len({v for v in sizes.values() if v is not None}) > 1:
            each = ", ".join(f"{k} {_usd(money(v, Decimal(1000)))}" for k, v in sizes.items() if v is not None)
            fees.append(f"web search per 1,000 by context size: {each} (the per-1k search price is medium)")
    elif search is not None:
        parts["per_1k_searches"] = money(_num(raw, "search_context_cost_per_query"), Decimal(1000))
    if (citation := _num(raw, "citation_cost_per_token")) is not None:
        fees.append(f"citation tokens billed at {_usd(money(citation, _PER_M))} per 1M")
    if (long_cache := _num(raw, "cache_creation_input_token_cost_above_12hr")) is not None:
        fees.append(f"12-hour cache writes {_usd(money(long_cache, _PER_M))} per 1M")
    sizes = {m.group(1): _num(raw, k) for k in raw if (m := _IMAGE_SIZE.match(k))}
    if sizes:
        fees.append("per image by size: " + ", ".join(f"{s} {_usd(v)}" for s, v in sizes.items() if v is not None))
    for key in raw:
        m = _UNIT_FEE.match(key)
        if not m or key in _HANDLED or _OTHER_TIERS.search(key) or _IMAGE_SIZE.match(key):
            continue
        if key == "cost_per_second" and "input_cost_per_second" in raw:
            continue  # Bedrock commitments state the same charge twice
        value = _num(raw, key)
        if value:
            what = (m.group(1) or "usage").replace("_", " ")
            fees.append(f"{what} {_usd(value)} per {m.group(2).replace('_', ' ')}")
    for key, value in raw.items():  # FedRAMP uplifts apply to US-government clouds only: not a team's price
        if "_multiplier" in key and "fedramp" not in key and isinstance(value, int | float):
            fees.append(f"{key.replace('_multiplier', '').replace('_', ' ')} x{value}")
    return fees


def _facts(e: _Entry) -> dict[str, Any]:
    flags = {
        ("function_calling", "tool_use"): e.supports_function_calling,
        ("vision",): e.supports_vision,
        ("structured_outputs",): e.supports_response_schema,
        ("reasoning",): e.supports_reasoning,
    }
    caps = {cap: "yes" if flag else "no" for names, flag in flags.items() if flag is not None for cap in names}
    return {"capabilities": caps} if caps else {}
