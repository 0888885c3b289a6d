"""genai-prices (pydantic/genai-prices ``prices/new_data/v2/data.json``, MIT): route prices of the providers that
``providers.json`` maps. Imported for its prices: curated for cost calculation, with dated price changes,
prompt-size tiers and match clauses naming every route id a price covers (dated snapshots, other spellings).
Input: the raw upstream list of providers, or ``{"source": {"commit" or "version", "date"}, "providers": [...]}``
pinning the snapshot. The data marks no model as non-text (it has no mode field), so every model becomes a route.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import Field, model_validator

from catalog.errors import ImportFormatError
from catalog.models import Price, PriceTier, Provenance, Route
from catalog.sources._common import SourceModel, load_json, money, validate
from catalog.sources.providers import load_providers
from catalog.sources.records import RouteRecord, SourceBatch
from catalog.sources.sanity import PriceNumber, TokenCount

SOURCE = "genai-prices"
Match = Callable[[str], bool]

#: Price key -> our ``Price`` field. ``*_mtok`` is USD per 1M tokens as ours; ``web_searches_kcount`` is USD per
#: 1,000 searches as ours; ``requests_kcount`` is USD per 1,000 requests (``_SCALE`` makes it per request).
#: Other keys (image/video input, cached audio or image, citations ...) are described in ``fees_unknown``.
_FIELDS = {
    "input_mtok": "input",
    "output_mtok": "output",
    "cache_read_mtok": "cache_read",
    "cache_write_mtok": "cache_write",
    "cache_write_1h_mtok": "cache_write_1h",
    "output_reasoning_mtok": "reasoning",
    "input_audio_mtok": "audio_input",
    "output_audio_mtok": "audio_output",
    "output_image_mtok": "image_output",
    "requests_kcount": "per_request",
    "web_searches_kcount": "per_1k_searches",
}
_SCALE = {"requests_kcount": Decimal("0.001")}
_TIER_FIELDS = frozenset({"input", "output", "cache_read", "cache_write"})
_UNITS = {"mtok": "per 1M tokens", "kcount": "per 1,000", "mchars": "per 1M characters", "hours": "per hour"}
_TESTS: dict[str, Callable[[str, str], bool]] = {
    "equals": str.__eq__,
    "starts_with": str.startswith,
    "ends_with": str.endswith,
    "contains": str.__contains__,
}
_COMPACT_DATE = re.compile(r"-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)")


class _Tier(SourceModel):
    start: TokenCount
    price: PriceNumber


class _Amount(SourceModel):
    """A price: a bare number, or ``{base, tiers}``."""

    base: PriceNumber
    tiers: list[_Tier] = []

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, raw: Any) -> Any:
        if isinstance(raw, bool) or not isinstance(raw, dict | int | float):
            raise ValueError(f"a price must be a number or {{base, tiers}}, not {raw!r}")
        return raw if isinstance(raw, dict) else {"base": raw}


class _Constraint(SourceModel):
    start_date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None


class _Entry(SourceModel):
    constraint: _Constraint | None = None
    prices: dict[str, _Amount]


class _Flat(SourceModel):
    prices: dict[str, _Amount]


class _Dated(SourceModel):
    prices: list[_Entry] = Field(min_length=1)


class _Model(SourceModel):
    id: str
    name: str | None = None
    match: dict[str, Any]
    context_window: TokenCount | None = None
    deprecated: bool | None = None
    prices: Any
    price_variants: list[Any] | None = None


class _Provider(SourceModel):
    id: str
    name: str
    models: list[Any]


class _Source(SourceModel):
    commit: str | None = Field(default=None, min_length=7)
    version: str | None = None
    """The package release the data was taken from (``tools.ship_sources --genai-package``)."""
    date: dt.date


class _Wrapper(SourceModel):
    source: _Source
    providers: list[Any]


def parse(data: bytes, file_name: str, *, today: dt.date | None = None) -> SourceBatch:
    """Parse genai-prices v2 data; ``today`` (default: the clock) bounds the date inferred for a raw list."""
    top, version, as_of = load_json(data, file_name), None, None
    if isinstance(top, dict):
        wrapper = validate(_Wrapper, top, file_name, "top level")
        src = wrapper.source
        top, as_of, version = wrapper.providers, src.date, src.version or (src.commit[:7] if src.commit else None)
    elif not isinstance(top, list):
        raise ImportFormatError(file_name, "wrong format: expected a list of providers or {source, providers}")
    table = load_providers().genai_prices
    parsed: list[tuple[_Provider, list[tuple[_Model, Match, list[_Entry]]]]] = []
    for i, raw in enumerate(top):
        provider = validate(_Provider, raw, file_name, str(raw.get("id", i) if isinstance(raw, dict) else i))
        if provider.id in table:
            parsed.append((provider, [_model(provider.id, j, m, file_name) for j, m in enumerate(provider.models)]))
    today = today or dt.date.today()
    if version is None:
        # The raw list has no date: take the newest price change it dates, as a lower bound. Upstream lists
        # announced changes ahead (a 2027-01-01 start in the 2026-08-21 data), so starts after today don't count.
        starts = [e.constraint.start_date for _, ms in parsed for _, _, es in ms for e in es if e.constraint]
        as_of = max((d for d in starts if d is not None and d <= today), default=None)
    source_date = as_of.isoformat() if as_of else None
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=source_date, version=version)
    for provider, models in parsed:
        resolve = _resolver([clause for _, clause, _ in models])
        for i, (model, _, entries) in enumerate(models):
            price = _price(entries, as_of or today, bool(model.price_variants))
            route = Route(
                provider_id=table[provider.id],
                provider_name=provider.name,
                provider_model_id=model.id,
                spelling=model.name or model.id,
                price=price,
                context_window=model.context_window if model.context_window and model.context_window > 0 else None,
                status="deprecated" if model.deprecated else None,
                free_tier=price is not None and price.is_zero,
                provenance=Provenance(source=SOURCE, record=f"{provider.id}.{model.id}", source_date=source_date),
            )
            batch.routes.append(RouteRecord(route=route, matches=_claims(resolve, i)))
    batch.routes = _batch_listings_folded(batch.routes)
    return batch


BATCH_SUFFIX = ":batch"


def _batch_listings_folded(records: list[RouteRecord]) -> list[RouteRecord]:
    """OpenRouter lists a model's batch price as a second model ("anthropic/claude-haiku-4.5:batch"): it is the
    batch price of the base listing, not another model. Folded into the base route where the provider lists one;
    kept as it is where it does not (nothing to attach it to)."""
    base = {(r.route.provider_id, r.route.provider_model_id): i for i, r in enumerate(records)}
    out: list[RouteRecord | None] = list(records)
    for i, rec in enumerate(records):
        rid = rec.route.provider_model_id
        j = base.get((rec.route.provider_id, rid.removesuffix(BATCH_SUFFIX))) if rid.endswith(BATCH_SUFFIX) else None
        listing, target = rec.route.price, records[j].route if j is not None else None
        if target is None or listing is None or target.price is None or j is None:
            continue
        price = target.price.model_copy(update={"batch_input": listing.input, "batch_output": listing.output})
        out[j] = replace(records[j], route=target.model_copy(update={"price": price}))
        out[i] = None
    return [r for r in out if r is not None]


def _model(provider_id: str, index: int, raw: Any, file_name: str) -> tuple[_Model, Match, list[_Entry]]:
    record = f"{provider_id}.{raw.get('id', index) if isinstance(raw, dict) else index}"
    model = validate(_Model, raw, file_name, record)
    if isinstance(model.prices, dict):
        entries = [_Entry(prices=validate(_Flat, {"prices": model.prices}, file_name, record).prices)]
    else:
        entries = validate(_Dated, {"prices": model.prices}, file_name, record).prices
    return model, _clause(model.match, "match", file_name, record), entries


def _clause(raw: Any, field: str, file_name: str, record: str) -> Match:
    """A match clause as the reference evaluates it on the lower-cased route id: string tests compare
    lower-cased, ``regex`` searches (case-sensitively) anywhere, ``or``/``and`` combine."""
    kind, arg = next(iter(raw.items())) if isinstance(raw, dict) and len(raw) == 1 else (None, None)
    if kind in ("or", "and") and isinstance(arg, list):
        parts = [_clause(c, f"{field}.{kind}.{i}", file_name, record) for i, c in enumerate(arg)]
        join = any if kind == "or" else all
        return lambda ref: join(p(ref) for p in parts)
    if not isinstance(arg, str) or kind not in (*_TESTS, "regex"):
        raise ImportFormatError(file_name, f"not a match clause: {raw!r}", record, field)
    if kind == "regex":
        try:
            pattern = re.compile(arg)
        except re.error as exc:
            raise ImportFormatError(file_name, f"bad regex: {exc}", record, f"{field}.regex") from None
        return lambda ref: pattern.search(ref) is not None
    test, text = _TESTS[kind], arg.lower()
    return lambda ref: test(ref, text)


def _resolver(clauses: list[Match]) -> Callable[[str], int | None]:
    """Which model of a provider prices a route id: the first whose clause matches (the reference's order); if
    none does, the id retried with a compact date suffix (``-20251211``) spelled ``-2025-12-11``."""

    def first(ref: str) -> int | None:
        return next((i for i, clause in enumerate(clauses) if clause(ref)), None)

    @cache
    def resolve(ref: str) -> int | None:
        ref = ref.lower()
        dashed = _COMPACT_DATE.sub(_dashed, ref)
        found = first(ref)
        return first(dashed) if found is None and dashed != ref else found

    return resolve


def _dashed(m: re.Match[str]) -> str:
    try:
        return f"-{dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()}"
    except ValueError:
        return m[0]


def _claims(resolve: Callable[[str], int | None], index: int) -> Match:
    return lambda ref: resolve(ref) == index


def _price(entries: list[_Entry], when: dt.date, variants: bool) -> Price | None:
    entry, notes = _in_force(entries, when)
    fields: dict[str, Any] = {}
    tiers: dict[int, dict[str, Decimal | None]] = {}
    for key, amount in entry.prices.items():
        field, scale = _FIELDS.get(key), _SCALE.get(key, Decimal(1))
        if field is None:
            notes.append(_label(key, amount.base))
        else:
            fields[field] = money(amount.base, scale)
        # genai-prices tiers are a cliff on the request's input tokens (cache reads and writes included): once
        # input tokens > start, the tier price applies to all tokens (calc_unit_price), and a prompt of exactly
        # ``start`` pays base. That is our PriceTier's "strictly above min_prompt_tokens".
        for t in amount.tiers:
            if field is not None and field in _TIER_FIELDS and t.start > 0:
                tiers.setdefault(t.start, {})[field] = money(t.price, scale)
            else:
                notes.append(f"{_label(key, t.price)} above {t.start:,} prompt tokens")
    if variants:
        notes.append("some requests are priced differently (price variants not imported)")
    if not fields and not notes:
        return None
    fields["tiers"] = tuple(PriceTier.model_validate({"min_prompt_tokens": s, **c}) for s, c in sorted(tiers.items()))
    return Price.model_validate({**fields, "fees_unknown": "; ".join(notes) or None})


def _in_force(entries: list[_Entry], when: dt.date) -> tuple[_Entry, list[str]]:
    """The reference's rule: the last entry whose constraint holds wins, else the first. A daily time window
    holds on any date; what applies outside it, and price changes dated after ``when``, are noted."""
    live = [i for i, e in enumerate(entries) if not (e.constraint and (e.constraint.start_date or when) > when)]
    pos = live[-1] if live else 0
    entry, notes = entries[pos], []
    if (c := entry.constraint) and c.start_time and c.end_time:
        other = live[-2] if len(live) > 1 else 0
        rest = f"; other hours {_summary(entries[other])}" if other != pos else ""
        notes.append(f"these prices apply {_utc(c.start_time)}-{_utc(c.end_time)} UTC{rest}")
    for later in entries[pos + 1 :]:
        if later.constraint and later.constraint.start_date and later.constraint.start_date > when:
            notes.append(f"from {later.constraint.start_date.isoformat()}: {_summary(later)}")
    return entry, notes


def _summary(entry: _Entry) -> str:
    parts = [
        f"{key.split('_')[0]} {_usd(a.base)}{' (tiered)' if a.tiers else ''}"
        for key in ("input_mtok", "output_mtok")
        if (a := entry.prices.get(key)) is not None
    ]
    return ", ".join(parts) + " per 1M tokens" if parts else "other prices"


def _label(key: str, value: float) -> str:
    stem, _, unit = key.rpartition("_")
    return (
        f"{stem.replace('_', ' ')} {_usd(value)} {_UNITS[unit]}" if stem and unit in _UNITS else f"{key} {_usd(value)}"
    )


def _usd(value: float) -> str:
    return f"${Decimal(str(value)).normalize():f}"


def _utc(value: dt.time) -> str:
    if value.tzinfo is not None:
        value = dt.datetime.combine(dt.date(2000, 1, 1), value).astimezone(dt.UTC).time()
    return f"{value:%H:%M}"
