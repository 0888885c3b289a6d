"""genai-prices (pydantic/genai-prices ``prices/new_data/v2/data.json``, MIT): route prices per provider.

Imported for its prices: the data is curated for cost calculation, dates its price changes, carries prompt-size
tiers and says, by a match clause, every route id a price covers (dated snapshots, ``.``/``-`` spellings), so one
record can price routes other sources list under several ids. Only providers ``providers.json`` maps are kept.
Input is the raw upstream list of providers, or ``{"source": {"commit", "date"}, "providers": [...]}``, which
pins the snapshot's commit and date. The data marks no model as non-text (no mode field), so every model is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import Field, model_validator

from catalog.errors import ImportFormatError
from catalog.models import Price, PriceTier, Provenance, Route
from catalog.sources._common import SourceModel, load_json, money, validate
from catalog.sources.providers import load_providers
from catalog.sources.records import RouteRecord, SourceBatch

SOURCE = "genai-prices"

#: Price key -> (our ``Price`` field, factor to its unit). ``*_mtok`` is USD per 1M tokens like ours;
#: ``requests_kcount`` is USD per 1,000 requests (we keep USD per request); ``web_searches_kcount`` is USD per
#: 1,000 searches, as ours. Every other key (image/video input, cached audio, citations ...) is described in
#: ``fees_unknown``.
_FIELDS: dict[str, tuple[str, Decimal]] = {
    "input_mtok": ("input", Decimal(1)),
    "output_mtok": ("output", Decimal(1)),
    "cache_read_mtok": ("cache_read", Decimal(1)),
    "cache_write_mtok": ("cache_write", Decimal(1)),
    "cache_write_1h_mtok": ("cache_write_1h", Decimal(1)),
    "output_reasoning_mtok": ("reasoning", Decimal(1)),
    "input_audio_mtok": ("audio_input", Decimal(1)),
    "output_audio_mtok": ("audio_output", Decimal(1)),
    "output_image_mtok": ("image_output", Decimal(1)),
    "requests_kcount": ("per_request", Decimal("0.001")),
    "web_searches_kcount": ("per_1k_searches", Decimal(1)),
}
_TIER_FIELDS = frozenset({"input", "output", "cache_read", "cache_write"})
_UNITS = {"mtok": "per 1M tokens", "kcount": "per 1,000", "mchars": "per 1M characters", "hours": "per hour"}
_COMPACT_DATE = re.compile(r"-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)")

Match = Callable[[str], bool]


class _Tier(SourceModel):
    start: int = Field(ge=0)
    price: float = Field(ge=0)


class _Amount(SourceModel):
    """A price: a bare number, or ``{base, tiers}``."""

    base: float = Field(ge=0)
    tiers: list[_Tier] = []

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            return raw
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(f"a price must be a number or {{base, tiers}}, not {raw!r}")
        return {"base": raw}


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
    context_window: int | None = None
    deprecated: bool | None = None
    prices: Any
    price_variants: list[Any] | None = None


class _Provider(SourceModel):
    id: str
    name: str
    models: list[Any]


class _Source(SourceModel):
    commit: str = Field(min_length=7)
    date: dt.date


class _Wrapper(SourceModel):
    source: _Source
    providers: list[Any]


def parse(data: bytes, file_name: str, *, today: dt.date | None = None) -> SourceBatch:
    """Parse genai-prices v2 data; ``today`` (default: the clock) bounds the raw list's inferred date."""
    top = load_json(data, file_name)
    version: str | None = None
    as_of: dt.date | None = None
    if isinstance(top, dict):
        wrapper = validate(_Wrapper, top, file_name, "wrapper")
        raw_providers, as_of, version = wrapper.providers, wrapper.source.date, wrapper.source.commit[:7]
    elif isinstance(top, list):
        raw_providers = top
    else:
        raise ImportFormatError(file_name, "wrong format: expected a list of providers or {source, providers}")
    table = load_providers().genai_prices
    parsed: list[tuple[_Provider, list[tuple[_Model, Match, list[_Entry]]]]] = []
    for i, raw in enumerate(raw_providers):
        provider = validate(_Provider, raw, file_name, str(raw.get("id", i)) if isinstance(raw, dict) else str(i))
        if provider.id in table:
            parsed.append((provider, [_model(provider.id, j, m, file_name) for j, m in enumerate(provider.models)]))
    if version is None:
        # No date in the raw list: the newest price change it dates. Upstream announces changes ahead (a
        # 2027-01-01 start in the 2026-08-21 data), so dates after today are not evidence of the snapshot's age.
        today = today or dt.date.today()
        starts = [e.constraint.start_date for _, ms in parsed for _, _, es in ms for e in es if e.constraint]
        as_of = max((d for d in starts if d is not None and d <= today), default=None)
    when = as_of or today or dt.date.today()
    source_date = as_of.isoformat() if as_of else None
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=source_date, version=version)
    for provider, models in parsed:
        resolve = _resolver([clause for _, clause, _ in models])
        for i, (model, _, entries) in enumerate(models):
            price = _price(entries, when, bool(model.price_variants))
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
    return batch


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
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ImportFormatError(file_name, "a match clause must be an object with one key", record, field)
    ((kind, arg),) = raw.items()
    if kind in ("or", "and") and isinstance(arg, list):
        parts = [_clause(c, f"{field}.{kind}.{i}", file_name, record) for i, c in enumerate(arg)]
        join = any if kind == "or" else all
        return lambda ref: join(p(ref) for p in parts)
    tests: dict[str, Callable[[str, str], bool]] = {
        "equals": str.__eq__,
        "starts_with": str.startswith,
        "ends_with": str.endswith,
        "contains": lambda ref, text: text in ref,
    }
    if not isinstance(arg, str) or kind not in (*tests, "regex"):
        raise ImportFormatError(file_name, f"unknown match clause {kind!r} or bad value {arg!r}", record, field)
    if kind == "regex":
        try:
            pattern = re.compile(arg)
        except re.error as exc:
            raise ImportFormatError(file_name, f"bad regex: {exc}", record, f"{field}.regex") from None
        return lambda ref: pattern.search(ref) is not None
    test, text = tests[kind], arg.lower()
    return lambda ref: test(ref, text)


def _resolver(clauses: list[Match]) -> Callable[[str], int | None]:
    """Which model of a provider prices a route id: the first whose clause matches (the reference's order), the
    id retried with a compact date suffix (``-20251211``) spelled ``-2025-12-11`` if none does."""

    def first(ref: str) -> int | None:
        return next((i for i, clause in enumerate(clauses) if clause(ref)), None)

    @cache
    def resolve(ref: str) -> int | None:
        ref = ref.lower()
        found = first(ref)
        dashed = _COMPACT_DATE.sub(_dashed, ref)
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
        if key not in _FIELDS:
            notes.append(_describe(key, amount))
            continue
        field, scale = _FIELDS[key]
        fields[field] = money(amount.base, scale)
        # genai-prices tiers are a cliff on the request's total input tokens (cache reads and writes included):
        # a tier's price applies to all tokens once input tokens > start (calc_unit_price), so a prompt of
        # exactly ``start`` pays base. That is our PriceTier's "strictly above min_prompt_tokens".
        for tier in amount.tiers:
            if field in _TIER_FIELDS and tier.start > 0:
                tiers.setdefault(tier.start, {})[field] = money(tier.price, scale)
            else:
                notes.append(f"{_label(key, tier.price)} above {tier.start:,} prompt tokens")
    if variants:
        notes.append("some requests are priced differently (price variants not imported)")
    if not fields and not notes:
        return None
    fields["tiers"] = tuple(PriceTier.model_validate({"min_prompt_tokens": s, **c}) for s, c in sorted(tiers.items()))
    fields["fees_unknown"] = "; ".join(notes) or None
    return Price.model_validate(fields)


def _in_force(entries: list[_Entry], when: dt.date) -> tuple[_Entry, list[str]]:
    """The reference's rule: the last entry whose constraint holds wins, else the first. A daily time window
    holds on any date; what applies outside it, and price changes dated after ``when``, are noted."""
    live = [e for e in entries if not e.constraint or not e.constraint.start_date or e.constraint.start_date <= when]
    entry = live[-1] if live else entries[0]
    notes: list[str] = []
    if entry.constraint and entry.constraint.start_time and entry.constraint.end_time:
        other = live[-2] if len(live) > 1 else entries[0]
        window = f"{_utc(entry.constraint.start_time)}-{_utc(entry.constraint.end_time)} UTC"
        notes.append(
            f"these prices apply {window}" + (f"; other hours {_summary(other)}" if other is not entry else "")
        )
    for later in entries[entries.index(entry) + 1 :]:
        if later.constraint and later.constraint.start_date and later.constraint.start_date > when:
            notes.append(f"from {later.constraint.start_date.isoformat()}: {_summary(later)}")
    return entry, notes


def _summary(entry: _Entry) -> str:
    parts = [
        f"{name} {_usd(a.base)}{' (tiered)' if a.tiers else ''}"
        for key, name in (("input_mtok", "input"), ("output_mtok", "output"))
        if (a := entry.prices.get(key)) is not None
    ]
    return ", ".join(parts) + " per 1M tokens" if parts else "other prices"


def _describe(key: str, amount: _Amount) -> str:
    above = "".join(f" ({_usd(t.price)} above {t.start:,} prompt tokens)" for t in amount.tiers)
    return _label(key, amount.base) + above


def _label(key: str, value: float) -> str:
    stem, _, unit = key.rpartition("_")
    return f"{stem.replace('_', ' ')} {_usd(value)} {_UNITS[unit]}" if stem and unit in _UNITS else f"{key} {value}"


def _usd(value: float) -> str:
    return f"${Decimal(str(value)).normalize():f}"


def _utc(value: dt.time) -> str:
    if value.tzinfo is not None:
        value = dt.datetime.combine(dt.date(2000, 1, 1), value).astimezone(dt.UTC).time()
    return f"{value:%H:%M}"
