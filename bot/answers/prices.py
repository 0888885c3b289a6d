"""The price a team would pay: the headline route of a model, and what the sources say about it.

A model's headline is its vendor's list price (the first-party route). An open-weights model without a vendor
API headlines its cheapest established host (flagged when it is far below the others); anything else its cheapest
metered route that is not an outlier. Input and output come from one route, never the cheapest of each from two.
Deprecated routes and $0 routes that are not marked free (placeholders) never headline and are never "served
by". A route priced below 35 % of the model's median (of three or more) is flagged.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import median
from typing import Literal

from pydantic import BaseModel, ConfigDict

from catalog.identity.observations import disagreement
from catalog.models import Model, Route
from catalog.sources.providers import load_providers

Basis = Literal["list price", "cheapest established host", "cheapest route"]
#: A route priced below this share of the model's median price is an outlier, never the headline.
OUTLIER_SHARE = Decimal("0.35")
MIN_ROUTES_FOR_MEDIAN = 3


class Headline(BaseModel):
    """The route whose price a model is quoted at, and why that one."""

    model_config = ConfigDict(frozen=True)

    route: Route
    basis: Basis


def serves(route: Route) -> bool:
    """Whether a route counts as "served by": not deprecated, and not a $0 placeholder (a free tier says so)."""
    return route.serving


def metered(route: Route) -> bool:
    price = route.price
    return serves(route) and price is not None and price.complete and not price.is_zero and not route.free_tier


def _median_output(routes: list[Route]) -> Decimal | None:
    outs = [r.price.output for r in routes if r.price is not None and r.price.output]
    return Decimal(median(outs)) if outs else None


def outlier_floor(model: Model) -> Decimal | None:
    """35 % of the model's median output price, below which a route is an outlier (None with fewer than three
    priced routes: a median of two means nothing). Computed once per model, not once per route."""
    priced = [r for r in model.routes if metered(r)]
    mid = _median_output(priced) if len(priced) >= MIN_ROUTES_FOR_MEDIAN else None
    return OUTLIER_SHARE * mid if mid else None


def is_outlier(route: Route, model: Model, floor: Decimal | None = None) -> bool:
    """Priced below 35 % of the model's median output price: a promotion, an error or a different product.
    Pass ``floor`` (``outlier_floor(model)``) when checking many routes of one model."""
    floor = outlier_floor(model) if floor is None else floor
    out = route.price.output if route.price is not None else None
    return bool(floor is not None and out is not None and out < floor)


def _clean(route: Route) -> tuple[int, int]:
    """Prefer the plain deployment: no region surcharge, no quantised build."""
    return (int(route.region is not None), int(route.quantization is not None))


#: Headlines already worked out, by model object (a model is frozen: its headline never changes). Holding the
#: model in the value keeps its id from being reused while cached; cleared when full (a reload makes new models).
_HEADLINES: dict[int, tuple[Model, Headline | None]] = {}
MAX_HEADLINES = 20_000


def headline(model: Model) -> Headline | None:
    """The route a model's price is quoted at (None when no metered route has a complete price). Remembered
    per model: filters rank every model by it, and working it out costs ~45 µs."""
    hit = _HEADLINES.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1]
    if len(_HEADLINES) >= MAX_HEADLINES:
        _HEADLINES.clear()
    found = _headline(model)
    _HEADLINES[id(model)] = (model, found)
    return found


def _headline(model: Model) -> Headline | None:
    priced = [r for r in model.routes if metered(r)]
    if not priced:
        return None
    own = [r for r in priced if r.role == "first-party"] or _retired_list_prices(model)
    if own:
        order = list(load_providers().quote_order.get(model.vendor or "", ()))
        return Headline(
            route=min(own, key=lambda r: (_clean(r), _rank(order, r.provider_id), _unit(r))), basis="list price"
        )
    established = load_providers().established
    hosts = [r for r in priced if r.provider_id in established and r.role == "host"]
    if hosts and model.openness == "open weights":  # an established host's price stands (flagged if it is low)
        return Headline(route=min(hosts, key=_unit), basis="cheapest established host")
    floor = outlier_floor(model)
    trusted = [r for r in priced if not is_outlier(r, model, floor)] or priced
    return Headline(route=min(trusted, key=_unit), basis="cheapest route")


def _retired_list_prices(model: Model) -> list[Route]:
    """The lab's own routes when the lab lists the model as deprecated: still the price the lab charges until it
    switches the model off, and what resellers price against, so it beats a reseller's discount as the quote."""
    return [
        r for r in model.routes
        if r.role == "first-party" and r.deprecated and r.price is not None and r.price.complete
        and not r.price.is_zero and not r.free_tier
    ]  # fmt: skip


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


__all__ = ["Headline", "disagreement", "headline", "is_outlier", "metered", "outlier_floor", "serves", "unit_prices"]
