"""Cost estimates at a team's traffic, per provider route. Money is Decimal; nothing is guessed.

Conventions (see the project notes on costs): input includes cache reads; long-context tiers are cliffs
applied to the share of requests above the threshold; batch prices only where the route has them; $0/$0
and deprecated routes are listed but never "the cheapest"; a missing price is "unavailable" with a reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from catalog.models import Model, PriceTier, Route

MILLION = Decimal(1_000_000)
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
        return self

    def describe(self) -> str:
        parts = [
            f"{self.requests_per_month:,} requests/month ({self.requests_per_month / self.days_per_month:,.0f}/day "
            f"over {self.days_per_month} days)",
            f"{self.input_tokens:,} input + {self.output_tokens:,} output tokens per request",
        ]
        if self.cache_hit:
            parts.append(f"{self.cache_hit:.0%} of input from cache")
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
    status: Literal["metered", "free", "deprecated", "unavailable"]
    per_request: Decimal | None = None
    per_day: Decimal | None = None
    per_month: Decimal | None = None
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
    cheapest: RouteCost | None
    unavailable_reason: str | None = None

    @property
    def per_month(self) -> Decimal | None:
        return self.cheapest.per_month if self.cheapest else None


def _tier_for(route: Route, input_tokens: int) -> PriceTier | None:
    """The highest tier a request of this size lands in (tiers are cliffs)."""
    if route.price is None:
        return None
    hit = [t for t in route.price.tiers if input_tokens >= t.min_prompt_tokens]
    return hit[-1] if hit else None


def _request_cost(
    input_price: Decimal, output_price: Decimal, cache_read: Decimal | None, profile: TrafficProfile
) -> tuple[Decimal, list[str]]:
    notes: list[str] = []
    cached = Decimal(profile.input_tokens) * Decimal(str(profile.cache_hit))
    uncached = Decimal(profile.input_tokens) - cached
    if cached and cache_read is None:
        notes.append("no cache-read price on this route: cached tokens billed at the input price")
        cache_read = input_price
    cost = uncached * input_price + cached * (cache_read or Decimal(0)) + profile.output_tokens * output_price
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
    normal, notes = _request_cost(price.input, price.output, price.cache_read, profile)
    per_request = normal
    tier = _tier_for(route, profile.input_tokens)
    long_share = Decimal(1) if tier is not None else Decimal(str(profile.long_context_share))
    tier = tier or (price.tiers[0] if price.tiers else None)
    if long_share and tier is not None:
        t_in = tier.input if tier.input is not None else price.input
        t_out = tier.output if tier.output is not None else price.output
        t_read = tier.cache_read if tier.cache_read is not None else price.cache_read
        tiered, _ = _request_cost(t_in, t_out, t_read, profile)
        per_request = normal * (1 - long_share) + tiered * long_share
        notes.append(f"{long_share:.0%} of requests billed at the ≥{tier.min_prompt_tokens:,}-token tier")
    elif long_share:
        notes.append("no long-context tier on this route: all requests at the base price")
    batch = Decimal(str(profile.batch_share))
    if batch and price.batch_input is not None and price.batch_output is not None:
        batched, _ = _request_cost(
            price.batch_input, price.batch_output, None, profile.model_copy(update={"cache_hit": 0})
        )
        per_request = per_request * (1 - batch) + batched * batch
        notes.append(f"{batch:.0%} of requests at the batch price")
    elif batch:
        notes.append("no batch price on this route: batch share billed at the normal price")
    status: Literal["metered", "free", "deprecated"] = (
        "free" if price.is_zero or route.free_tier else "deprecated" if route.deprecated else "metered"
    )
    per_month = per_request * profile.requests_per_month
    return RouteCost(
        status=status,
        per_request=per_request,
        per_day=per_month / profile.days_per_month,
        per_month=per_month,
        notes=tuple(notes),
        reason={"free": "$0/$0: a free tier or subscription, not metered pricing",
                "deprecated": "the provider marks this route deprecated"}.get(status),
        **base,
    )  # fmt: skip


def estimate(model: Model, profile: TrafficProfile | None = None) -> CostEstimate:
    """Every route of ``model`` at ``profile`` (default traffic when None) and the cheapest metered one."""
    profile = profile or TrafficProfile()
    routes = tuple(estimate_route(r, profile) for r in model.routes)
    metered = [r for r in routes if r.status == "metered" and r.per_month is not None]
    cheapest = min(metered, key=lambda r: (r.per_month, r.provider_name)) if metered else None
    reason = None
    if cheapest is None:
        if not model.routes:
            reason = "no provider route is tracked for this model"
        elif any(r.status in ("free", "deprecated") for r in routes):
            reason = "only free-tier or deprecated routes have prices; no metered price to estimate from"
        else:
            reason = "no complete token price in local provider data"
    return CostEstimate(
        model_id=model.id, model_name=model.name, profile=profile, routes=routes, cheapest=cheapest,
        unavailable_reason=reason,
    )  # fmt: skip


def cheapest_unit_prices(model: Model) -> tuple[Decimal | None, Decimal | None]:
    """Cheapest metered input and output price per 1M tokens (each on its own; for the scorecard)."""
    metered = [
        r.price
        for r in model.routes
        if r.price is not None and r.price.complete and not r.price.is_zero and not r.deprecated
    ]
    inputs = [p.input for p in metered if p.input is not None]
    outputs = [p.output for p in metered if p.output is not None]
    return (min(inputs) if inputs else None, min(outputs) if outputs else None)
