"""Every source's record of one route, combined: one ``Route`` whose ``observations`` keep each source's value
and date side by side, and whose price and limits are the freshest source's.

A route is (provider, route id). Sources that price a *pattern* of ids (genai-prices' match clauses) attach to
the routes of that provider their pattern names, unless an exact id of the same source already does; a pattern
that names routes of two different records of its own is ambiguous and attaches nowhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Observation, Price, Route
from catalog.sources.records import RouteRecord, SourceBatch

#: Two sources' prices differing by more than this disagree (shown side by side).
PRICE_TOLERANCE = Decimal("0.02")
_LABELS = {"models-dev": "models.dev", "litellm": "LiteLLM", "genai-prices": "genai-prices", "openrouter": "OpenRouter"}
#: Which source's spelling, status and facts a combined route keeps when several describe it (not its price).
SOURCE_RANK = {"overlay": 0, "models-dev": 1, "llm-stats": 2, "openrouter": 3, "litellm": 4, "genai-prices": 5}

RouteKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Seen:
    record: RouteRecord
    version: str | None


def combine(batches: list[SourceBatch]) -> dict[RouteKey, RouteRecord]:
    """One record per route, with every source's observation; deterministic for the same input."""
    seen: dict[RouteKey, list[_Seen]] = defaultdict(list)
    patterns: list[tuple[RouteRecord, str | None]] = []
    for batch in sorted(batches, key=lambda b: SOURCE_RANK.get(b.source, 9)):
        for rr in batch.routes:
            if rr.matches is not None:
                patterns.append((rr, batch.version))
            else:
                seen[_key(rr.route)].append(_Seen(rr, batch.version))
    _attach_patterns(seen, patterns)
    names = _provider_names(seen)
    return {key: _combined(entries, names) for key, entries in sorted(seen.items())}


def _key(route: Route) -> RouteKey:
    return (route.provider_id, route.provider_model_id)


def _attach_patterns(seen: dict[RouteKey, list[_Seen]], patterns: list[tuple[RouteRecord, str | None]]) -> None:
    by_provider: dict[str, list[RouteKey]] = defaultdict(list)
    for key in seen:
        by_provider[key[0]].append(key)
    candidates: dict[RouteKey, list[tuple[RouteRecord, str | None]]] = defaultdict(list)
    for rr, version in patterns:
        own = _key(rr.route)
        assert rr.matches is not None
        named = [k for k in by_provider.get(own[0], []) if k == own or rr.matches(k[1])]
        for key in named or [own]:  # a model no known route matches becomes a route of its own
            candidates[key].append((rr, version))
    for key, found in candidates.items():
        exact = [(rr, v) for rr, v in found if _key(rr.route) == key]
        if not exact and len(found) > 1:
            continue  # two of the source's models claim this id: say nothing rather than guess
        rr, version = (exact or found)[0]
        seen[key].append(_Seen(RouteRecord(route=_retarget(rr.route, key), facts=rr.facts), version))


def _retarget(route: Route, key: RouteKey) -> Route:
    return route if _key(route) == key else route.model_copy(update={"provider_model_id": key[1]})


def _provider_names(seen: dict[RouteKey, list[_Seen]]) -> dict[str, str]:
    """The best-ranked source's display name for each provider (models.dev's, where it lists the provider)."""
    names: dict[str, tuple[int, str]] = {}
    for (provider, _), entries in seen.items():
        for s in entries:
            rank = SOURCE_RANK.get(s.record.route.provenance.source, 9)
            if provider not in names or rank < names[provider][0]:
                names[provider] = (rank, s.record.route.provider_name)
    return {p: n for p, (_, n) in names.items()}


def _observation(s: _Seen) -> Observation:
    r = s.record.route
    return Observation(
        source=r.provenance.source,
        source_date=r.provenance.source_date,
        version=s.version,
        price=r.price,
        context_window=r.context_window,
        max_output=r.max_output,
        record=r.provenance.record,
    )


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


#: Between equally fresh sources, whose *price* to show: curated list prices first (genai-prices records dated
#: list-price changes per provider), then LiteLLM's cost map, then models.dev and OpenRouter's listing.
PRICE_RANK = {"overlay": 0, "genai-prices": 1, "litellm": 2, "models-dev": 3, "openrouter": 4}


def freshness(o: Observation) -> tuple[str, int]:
    """Newest data first; between equally dated sources, the one curated for list prices."""
    return (o.source_date or "", -PRICE_RANK.get(o.source, 9))


def _combined(entries: list[_Seen], names: dict[str, str]) -> RouteRecord:
    base = entries[0].record  # best-ranked source: spelling, status, facts
    observations = tuple(_observation(s) for s in entries)
    priced = [o for o in observations if o.price is not None]
    fresh = max(priced, key=freshness) if priced else max(observations, key=freshness)
    limits = sorted(observations, key=freshness, reverse=True)
    facts: dict[str, object] = {}
    for s in reversed(entries):
        facts.update(s.record.facts)
    route = base.route.model_copy(
        update={
            "provider_name": names.get(base.route.provider_id, base.route.provider_name),
            "price": fresh.price,
            "context_window": next((o.context_window for o in limits if o.context_window), None),
            "max_output": next((o.max_output for o in limits if o.max_output), None),
            "status": base.route.status
            or next((s.record.route.status for s in entries if s.record.route.status), None),
            "region": base.route.region
            or next((s.record.route.region for s in entries if s.record.route.region), None),
            "provenance": next(s.record.route.provenance for s in entries if _observation(s) == fresh),
            "observations": observations if len(observations) > 1 else (),
        }
    )
    if route.context_window and route.max_output and route.max_output > route.context_window:
        route = route.model_copy(update={"max_output": None})
    return RouteRecord(route=route, facts=facts)


def _differs(a: Price | None, b: Price | None) -> bool:
    if a is None or b is None:
        return False
    for x, y in ((a.input, b.input), (a.output, b.output)):
        if x is not None and y is not None and max(x, y) > 0 and abs(x - y) > PRICE_TOLERANCE * max(x, y):
            return True
    return False


def disagreement(route: Route) -> str | None:
    """'models.dev $A/$B (date) · LiteLLM $C/$D (1.110.2)' when the route's sources disagree on its price (>2 %)
    or context window; None when they agree or only one source prices it."""
    obs = [o for o in route.observations if o.price is not None and o.price.complete]
    price_split = any(_differs(a.price, b.price) for i, a in enumerate(obs) for b in obs[i + 1 :])
    contexts = {o.context_window for o in route.observations if o.context_window}
    if not price_split and len(contexts) <= 1:
        return None
    return " · ".join(_describe(o, with_context=len(contexts) > 1) for o in route.observations)


def _describe(o: Observation, with_context: bool) -> str:
    name = _LABELS.get(o.source, o.source)
    when = o.version or o.source_date or "undated"
    p = o.price
    price = f"${_num(p.input)}/${_num(p.output)}" if p is not None and p.complete else "no price"
    context = f", {o.context_window:,} context" if with_context and o.context_window else ""
    return f"{name} {price}{context} ({when})"


def _num(value: Decimal | None) -> str:
    if value is None:
        return "?"
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
