"""Cost estimates at a team's traffic, per provider route. Money is Decimal; nothing is guessed.

Conventions (see the project notes on costs): input includes cache reads; long-context tiers are cliffs that
apply to prompts *above* their threshold, to the share of requests above it; batch prices only where the route
has them; per-request and per-search fees are added (a fee without a number is said, never dropped); image and
audio output are not text tokens; $0/$0 and deprecated routes are listed but never headline; a missing price is
"unavailable" with a reason. The headline is the price a team would pay (``prices.headline``: the vendor's list
price first), not the cheapest reseller, which is shown as an alternative.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.answers.prices import disagreement, headline, is_outlier, metered, outlier_floor, serves
from catalog.models import Model, Price, PriceTier, Route

MILLION = Decimal(1_000_000)
#: An alternative route is worth naming when it costs at most this share of the headline.
ALTERNATIVE_SAVING = Decimal("0.95")
#: The default traffic: what produces the seed page's $15.50 for Ling-2.6-Flash at $0.01/$0.03.
DEFAULT_REQUESTS_PER_MONTH = 1_000_000
DEFAULT_INPUT_TOKENS = 500
DEFAULT_OUTPUT_TOKENS = 350
#: Bounds that catch typos ("5000000000 requests") without limiting any real team.
MAX_REQUESTS_PER_MONTH = 10**11
MAX_TOKENS_PER_REQUEST = 10_000_000


class TrafficProfile(BaseModel):
    """A team's traffic. Every estimate states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests_per_month: int = Field(DEFAULT_REQUESTS_PER_MONTH, ge=0, le=MAX_REQUESTS_PER_MONTH)
    input_tokens: int = Field(DEFAULT_INPUT_TOKENS, ge=0, le=MAX_TOKENS_PER_REQUEST)
    """Prompt tokens per request, cached ones included."""
    output_tokens: int = Field(DEFAULT_OUTPUT_TOKENS, ge=0, le=MAX_TOKENS_PER_REQUEST)
    """Completion tokens per request, reasoning tokens included."""
    cache_hit: float = Field(0.0, ge=0, le=1)
    """Share of input tokens served from the prompt cache."""
    cache_write: float = Field(0.0, ge=0, le=1)
    """Share of input tokens written to the prompt cache (the 5-minute cache where there are two)."""
    cache_write_1h: float = Field(0.0, ge=0, le=1)
    """Share of input tokens written to the 1-hour cache (Anthropic), where a route prices it."""
    long_context_share: float = Field(0.0, ge=0, le=1)
    """Share of requests whose prompt crosses a route's long-context tier."""
    batch_share: float = Field(0.0, ge=0, le=1)
    """Share of requests sent through a batch API."""
    days_per_month: int = Field(30, ge=28, le=31)

    @classmethod
    def per_day(cls, requests_per_day: int, days_per_month: int = 30, **kwargs: Any) -> TrafficProfile:
        """A profile given in requests per day."""
        return apply_traffic(None, requests_per_day=requests_per_day, days_per_month=days_per_month, **kwargs)

    @model_validator(mode="after")
    def _something_to_bill(self) -> TrafficProfile:
        if self.input_tokens == 0 and self.output_tokens == 0:
            raise ValueError("a request needs at least one input or output token")
        if self.cache_hit + self.cache_write + self.cache_write_1h > 1:
            raise ValueError(
                "cache reads and writes together cannot exceed all input tokens (their shares sum above 1)"
            )
        return self

    def describe(self) -> str:
        parts = [
            f"{self.requests_per_month:,} requests/month ({self.requests_per_month / self.days_per_month:,.0f}/day "
            f"over {self.days_per_month} days)",
            f"{self.input_tokens:,} input + {self.output_tokens:,} output tokens per request",
        ]
        if self.cache_hit:
            parts.append(f"{self.cache_hit:.0%} of input from cache")
        if self.cache_write or self.cache_write_1h:
            parts.append(f"{self.cache_write + self.cache_write_1h:.0%} of input written to cache")
        if self.long_context_share:
            parts.append(f"{self.long_context_share:.0%} of requests above a long-context tier")
        if self.batch_share:
            parts.append(f"{self.batch_share:.0%} via batch")
        return "; ".join(parts)


class TrafficError(ValueError):
    """A traffic option out of range; ``field`` names it so each adapter can word the message its way."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def apply_traffic(base: TrafficProfile | None, *, requests_per_day: int | None = None, **fields: Any) -> TrafficProfile:
    """``base`` (default traffic when None) with the options given (None keeps a value); requests per day
    convert with the profile's days per month. The one place every adapter builds a profile from options."""
    values = (base or TrafficProfile()).model_dump()
    values.update({k: v for k, v in fields.items() if v is not None})
    if requests_per_day is not None:
        if requests_per_day < 0:
            raise TrafficError("requests_per_day", "must be 0 or more")
        values["requests_per_month"] = requests_per_day * int(values["days_per_month"])
    try:
        return TrafficProfile.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise TrafficError(".".join(str(x) for x in err["loc"]) or "traffic", err["msg"]) from None


class RouteCost(BaseModel):
    """One route's cost at a profile, or why it cannot be computed."""

    model_config = ConfigDict(frozen=True)

    provider_id: str
    provider_name: str
    provider_model_id: str
    label: str = ""
    """How answers name the route: the provider, plus region, quantisation or id where it has several."""
    role: str | None = None
    outlier: bool = False
    """Priced below 35 % of the model's median: listed, never the headline or "the cheapest"."""
    disagreement: str | None = None
    """The sources' prices side by side, where they disagree."""
    status: Literal["metered", "free", "deprecated", "unavailable"]
    per_request: Decimal | None = None
    per_day: Decimal | None = None
    per_month: Decimal | None = None
    fees_per_month: Decimal = Decimal(0)
    """The part of ``per_month`` that is request and search fees, not tokens (Perplexity's Sonar)."""
    reason: str | None = None
    """Why unavailable, or what the estimate had to assume."""
    notes: tuple[str, ...] = ()
    source: str
    checked: str | None = None


class CostEstimate(BaseModel):
    """A model's cost at a profile: every route, and the cheapest metered one."""

    model_config = ConfigDict(frozen=True)

    model_id: str
    model_name: str
    profile: TrafficProfile
    routes: tuple[RouteCost, ...]
    headline: RouteCost | None
    """The price a team would pay: the vendor's list price, else see ``basis``."""
    basis: str | None = None
    cheapest: RouteCost | None
    """The cheapest metered route that is not an outlier (an alternative when it is not the headline)."""
    unavailable_reason: str | None = None

    @property
    def per_month(self) -> Decimal | None:
        return self.headline.per_month if self.headline else None

    @property
    def alternative(self) -> RouteCost | None:
        """The cheapest other route, when it saves at least 5 % (a rounding difference is not an alternative)."""
        h, alt = self.headline, self.cheapest
        if h is None or alt is None or h.per_month is None or alt.per_month is None or alt.label == h.label:
            return None
        return alt if alt.per_month <= h.per_month * ALTERNATIVE_SAVING else None


def _tier_for(route: Route, input_tokens: int) -> PriceTier | None:
    """The highest tier a request of this size lands in (tiers are cliffs above their threshold: a prompt of
    exactly 200,000 tokens is billed at the base price)."""
    if route.price is None:
        return None
    hit = [t for t in route.price.tiers if input_tokens > t.min_prompt_tokens]
    return hit[-1] if hit else None


def _request_cost(
    input_price: Decimal,
    output_price: Decimal,
    cache_read: Decimal | None,
    profile: TrafficProfile,
    writes: tuple[Decimal | None, Decimal | None] = (None, None),
) -> tuple[Decimal, list[str]]:
    """One request at these prices: input is uncached + cache reads + cache writes (5-minute, 1-hour)."""
    notes: list[str] = []
    n = Decimal(profile.input_tokens)
    cached = n * Decimal(str(profile.cache_hit))
    written = n * Decimal(str(profile.cache_write))
    written_1h = n * Decimal(str(profile.cache_write_1h))
    uncached = n - cached - written - written_1h
    if cached and cache_read is None:
        notes.append("no cache-read price on this route: cached tokens billed at the input price")
        cache_read = input_price
    write, write_1h = writes
    if (written or written_1h) and write is None:
        notes.append("no cache-write price on this route: cache writes billed at the input price")
        write = input_price
    if written_1h and write_1h is None:
        notes.append("no 1-hour cache-write price on this route: billed at its cache-write price")
        write_1h = write
    cost = (
        uncached * input_price
        + cached * (cache_read or Decimal(0))
        + written * (write or Decimal(0))
        + written_1h * (write_1h or Decimal(0))
        + profile.output_tokens * output_price
    )
    return cost / MILLION, notes


def estimate_route(route: Route, profile: TrafficProfile) -> RouteCost:
    """Cost of one route at ``profile`` (Decimal dollars), or "unavailable" with the reason."""
    base = {
        "provider_id": route.provider_id,
        "provider_name": route.provider_name,
        "provider_model_id": route.provider_model_id,
        "source": route.provenance.source,
        "checked": route.provenance.source_date,
    }
    price = route.price
    if price is None or not price.complete:
        return RouteCost(status="unavailable", reason="no complete token price in local provider data", **base)
    assert price.input is not None and price.output is not None
    writes = (price.cache_write, price.cache_write_1h)
    normal, notes = _request_cost(price.input, price.output, price.cache_read, profile, writes)
    per_request = normal
    tier = _tier_for(route, profile.input_tokens)
    long_share = Decimal(1) if tier is not None else Decimal(str(profile.long_context_share))
    tier = tier or (price.tiers[0] if price.tiers else None)
    if long_share and tier is not None:
        t_in = tier.input if tier.input is not None else price.input
        t_out = tier.output if tier.output is not None else price.output
        t_read = tier.cache_read if tier.cache_read is not None else price.cache_read
        t_write = tier.cache_write if tier.cache_write is not None else price.cache_write
        tiered, _ = _request_cost(t_in, t_out, t_read, profile, (t_write, price.cache_write_1h))
        per_request = normal * (1 - long_share) + tiered * long_share
        notes.append(f"{long_share:.0%} of requests billed at the >{tier.min_prompt_tokens:,}-token tier")
    elif long_share:
        notes.append("no long-context tier on this route: all requests at the base price")
    batch = Decimal(str(profile.batch_share))
    if batch and price.batch_input is not None and price.batch_output is not None:
        batched, _ = _request_cost(
            price.batch_input,
            price.batch_output,
            None,
            profile.model_copy(update={"cache_hit": 0, "cache_write": 0, "cache_write_1h": 0}),
        )
        per_request = per_request * (1 - batch) + batched * batch
        notes.append(f"{batch:.0%} of requests at the batch price")
    elif batch:
        notes.append("no batch price on this route: batch share billed at the normal price")
    fees = _fees(price, notes, _always_searches(route))
    per_request += fees
    status: Literal["metered", "free", "deprecated"] = (
        "free" if price.is_zero or route.free_tier else "deprecated" if route.deprecated else "metered"
    )
    per_month = per_request * profile.requests_per_month
    return RouteCost(
        status=status,
        per_request=per_request,
        per_day=per_month / profile.days_per_month,
        per_month=per_month,
        fees_per_month=fees * profile.requests_per_month,
        notes=tuple(notes),
        reason={"free": "$0/$0: a free tier or subscription, not metered pricing",
                "deprecated": "the provider marks this route deprecated"}.get(status),
        **base,
    )  # fmt: skip


def _always_searches(route: Route) -> bool:
    words = set(route.provider_model_id.lower().replace("/", "-").replace(".", "-").split("-"))
    return bool(words & {"sonar", "search"})


def _fees(price: Price, notes: list[str], searches_every_request: bool) -> Decimal:
    """Per-request and per-search fees for one request; what has no usable number is said in ``notes``. Search
    fees count only for models that search on every request (Perplexity's Sonar, "-search" models)."""
    extra = Decimal(0)
    if price.per_request:
        extra += price.per_request
        notes.append(f"includes a ${price.per_request:f} request fee per request")
    if price.per_1k_searches and searches_every_request:
        extra += price.per_1k_searches / 1000
        notes.append(f"includes one web search per request at ${price.per_1k_searches:f} per 1,000 searches")
    elif price.per_1k_searches:
        notes.append(f"web search, where a request uses it, adds ${price.per_1k_searches:f} per 1,000 searches")
    if price.image_output or price.per_image:
        unit = f"${price.image_output:f} per 1M image tokens" if price.image_output else f"${price.per_image:f}/image"
        notes.append(f"image output is billed apart ({unit}); this estimate prices text output only")
    if price.audio_output:
        notes.append(f"audio output is billed apart (${price.audio_output:f} per 1M audio tokens); not included")
    if price.fees_unknown:
        notes.append(f"the source also lists: {price.fees_unknown.rstrip('.')}")
    return extra


def estimate(model: Model, profile: TrafficProfile | None = None) -> CostEstimate:
    """Every route of ``model`` at ``profile`` (default traffic when None): the headline (the price a team would
    pay) and the cheapest metered alternative."""
    profile = profile or TrafficProfile()
    labels = route_labels(model.routes)
    floor = outlier_floor(model)
    routes = tuple(
        estimate_route(r, profile).model_copy(
            update={
                "label": labels[i],
                "role": r.role,
                "outlier": metered(r) and is_outlier(r, model, floor),
                "disagreement": disagreement(r),
                **({"status": "deprecated"} if not serves(r) and r.deprecated else {}),
            }
        )
        for i, r in enumerate(model.routes)
    )
    by_route = dict(zip(model.routes, routes, strict=True))
    top = headline(model)
    chosen = by_route[top.route] if top is not None else None
    metered_costs = [c for r, c in by_route.items() if metered(r) and not c.outlier and c.per_month is not None]
    if chosen is not None and chosen.per_month is not None and chosen not in metered_costs:
        metered_costs.append(chosen)  # an established host's low price stands, flagged
    cheapest = min(metered_costs, key=lambda c: (c.per_month, c.label)) if metered_costs else None
    reason = None
    if chosen is None:
        if not model.routes:
            reason = "no provider route is tracked for this model"
        elif any(r.status in ("free", "deprecated") for r in routes):
            reason = "only free-tier or deprecated routes have prices; no metered price to estimate from"
        else:
            reason = "no complete token price in local provider data"
    return CostEstimate(
        model_id=model.id, model_name=model.name, profile=profile, routes=routes, headline=chosen,
        basis=top.basis if top else None, cheapest=cheapest, unavailable_reason=reason,
    )  # fmt: skip


def monthly_cost(model: Model, profile: TrafficProfile | None = None) -> Decimal | None:
    """``estimate(model, profile).per_month`` without estimating every route: the headline route's cost alone.

    Ranking needs only this; a model served by 45 routes costs ~4 ms to estimate in full, so ranking the 25
    cheapest hits of a filter question that way took ~40 ms of the event loop's 50 ms budget (issue 17's fuzz)."""
    top = headline(model)
    return None if top is None else estimate_route(top.route, profile or TrafficProfile()).per_month


def route_labels(routes: tuple[Route, ...]) -> list[str]:
    """Provider names, told apart where one provider has several routes (region, quantisation, else the id)."""
    counts = Counter(r.provider_name for r in routes)
    out = []
    for r in routes:
        detail = ", ".join(x for x in (r.region, r.quantization) if x) or r.provider_model_id
        out.append(r.provider_name if counts[r.provider_name] == 1 else f"{r.provider_name} ({detail})")
    repeated = Counter(out)
    return [
        f"{r.provider_name} ({r.provider_model_id})" if repeated[label] > 1 else label
        for r, label in zip(routes, out, strict=True)
    ]
