"""The price a team would pay: the headline route of a model, and what the sources say about it.

A model's headline is its vendor's list price (the first-party route). An open-weights model without a vendor
API headlines its cheapest established host; anything else its cheapest metered route. Input and output come
from one route, never the cheapest of each from two. Deprecated routes and $0 routes that are not marked free
(placeholders) never headline and are never "served by". A route priced below 35 % of the model's median is
flagged rather than trusted.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import median
from typing import Literal

from pydantic import BaseModel, ConfigDict

from catalog.models import Model, Observation, Price, Route
from catalog.sources.providers import load_providers

Basis = Literal["list price", "cheapest established host", "cheapest route"]
#: Two sources' prices differing by more than this disagree (shown side by side).
PRICE_TOLERANCE = Decimal("0.02")
#: A route priced below this share of the model's median price is an outlier, never the headline.
OUTLIER_SHARE = Decimal("0.35")
_LABELS = {"models-dev": "models.dev", "litellm": "LiteLLM", "genai-prices": "genai-prices", "openrouter": "OpenRouter"}


class Headline(BaseModel):
    """The route whose price a model is quoted at, and why that one."""

    model_config = ConfigDict(frozen=True)

    route: Route
    basis: Basis


def serves(route: Route) -> bool:
    """Whether a route counts as "served by": not deprecated, and not a $0 placeholder (a free tier says so)."""
    if route.deprecated:
        return False
    return not (route.price is not None and route.price.is_zero and not route.free_tier)


def metered(route: Route) -> bool:
    price = route.price
    return serves(route) and price is not None and price.complete and not price.is_zero and not route.free_tier


def _median_output(routes: list[Route]) -> Decimal | None:
    outs = [r.price.output for r in routes if r.price is not None and r.price.output]
    return Decimal(median(outs)) if outs else None


def is_outlier(route: Route, model: Model) -> bool:
    """Priced below 35 % of the model's median output price: a promotion, an error or a different product."""
    mid = _median_output([r for r in model.routes if metered(r)])
    out = route.price.output if route.price is not None else None
    return bool(mid and out is not None and out < OUTLIER_SHARE * mid)


def _clean(route: Route) -> tuple[int, int]:
    """Prefer the plain deployment: no region surcharge, no quantised build."""
    return (int(route.region is not None), int(route.quantization is not None))


def headline(model: Model) -> Headline | None:
    """The route a model's price is quoted at (None when no metered route has a complete price)."""
    priced = [r for r in model.routes if metered(r)]
    if not priced:
        return None
    own = [r for r in priced if r.role == "first-party"]
    if own:
        order = list(load_providers().first_party.get(model.vendor or "", ()))
        return Headline(
            route=min(own, key=lambda r: (_clean(r), _rank(order, r.provider_id), _unit(r))), basis="list price"
        )
    trusted = [r for r in priced if not is_outlier(r, model)] or priced
    established = load_providers().established
    hosts = [r for r in trusted if r.provider_id in established and r.role == "host"]
    if hosts and model.openness == "open weights":
        return Headline(route=min(hosts, key=_unit), basis="cheapest established host")
    return Headline(route=min(trusted, key=_unit), basis="cheapest route")


def _rank(order: list[str], provider_id: str) -> int:
    return order.index(provider_id) if provider_id in order else len(order)


def _unit(route: Route) -> tuple[Decimal, Decimal, str]:
    """Blended 3:1 input:output per 1M (for ranking only), then the provider name for a stable order."""
    p = route.price
    assert p is not None and p.input is not None and p.output is not None
    return (3 * p.input + p.output, p.output, route.provider_name)


def unit_prices(model: Model) -> tuple[Decimal | None, Decimal | None]:
    """The headline route's input and output price per 1M tokens (both from one route)."""
    h = headline(model)
    if h is None or h.route.price is None:
        return (None, None)
    return (h.route.price.input, h.route.price.output)


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
