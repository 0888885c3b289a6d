"""Cost estimates: the conventions, table-driven, on hand-made routes (no catalog needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from bot.answers.costs import TrafficProfile, estimate, estimate_route
from catalog.models import Model, Price, PriceTier, Provenance, Route

PROV = Provenance(source="test", record="r", source_date="2026-06-01")


def route(pid: str, price: Price | None, **kw: object) -> Route:
    return Route(provider_id=pid, provider_name=pid.title(), provider_model_id="m", spelling="M", price=price,
                 provenance=PROV, **kw)  # fmt: skip


def model(*routes: Route) -> Model:
    return Model(id="m", name="M", routes=routes)


P = Price(input=Decimal("0.01"), output=Decimal("0.03"))


@pytest.mark.parametrize(
    ("price", "profile", "monthly"),
    [
        (P, TrafficProfile(), Decimal("15.50")),  # the seed's default traffic
        (P, TrafficProfile(requests_per_month=0), Decimal("0")),
        (Price(input=Decimal(3), output=Decimal(15)), TrafficProfile(), Decimal("6750")),
        (Price(input=Decimal(1), output=Decimal(2)), TrafficProfile(input_tokens=1000, output_tokens=0), Decimal(1000)),
        # 40 % of input from cache at a tenth of the price: 600 + 400*0.1 = 640 input-token-equivalents
        (Price(input=Decimal(1), output=Decimal(0), cache_read=Decimal("0.1")),
         TrafficProfile(input_tokens=1000, output_tokens=0, cache_hit=0.4), Decimal(640)),
        # no cache-read price: cached tokens billed as input (and a note says so)
        (Price(input=Decimal(1), output=Decimal(0)), TrafficProfile(input_tokens=1000, output_tokens=0, cache_hit=0.4),
         Decimal(1000)),
        # tier is a cliff for the share of requests above it: 90 % at base, 10 % at double
        (Price(input=Decimal(1), output=Decimal(1), tiers=(PriceTier(min_prompt_tokens=200_000, input=Decimal(2),
                                                                      output=Decimal(2)),)),
         TrafficProfile(input_tokens=500, output_tokens=500, long_context_share=0.1), Decimal(1100)),
        # a request whose prompt is over the threshold pays the tier on every token ...
        (Price(input=Decimal(1), output=Decimal(1), tiers=(PriceTier(min_prompt_tokens=1000, input=Decimal(2),
                                                                      output=Decimal(2)),)),
         TrafficProfile(input_tokens=1001, output_tokens=0), Decimal(2002)),
        # ... and one of exactly the threshold does not (tiers apply above it: Gemini's "> 200k")
        (Price(input=Decimal(1), output=Decimal(1), tiers=(PriceTier(min_prompt_tokens=1000, input=Decimal(2),
                                                                      output=Decimal(2)),)),
         TrafficProfile(input_tokens=1000, output_tokens=0), Decimal(1000)),
        # cache writes at their own price: 500 uncached + 300 read at 0.1 + 200 written at 1.25 = 780
        (Price(input=Decimal(1), output=Decimal(0), cache_read=Decimal("0.1"), cache_write=Decimal("1.25")),
         TrafficProfile(input_tokens=1000, output_tokens=0, cache_hit=0.3, cache_write=0.2), Decimal(780)),
        # the 1-hour cache at its own price (Anthropic: 2x input): 800 + 200 x 2 = 1,200
        (Price(input=Decimal(1), output=Decimal(0), cache_write=Decimal("1.25"), cache_write_1h=Decimal(2)),
         TrafficProfile(input_tokens=1000, output_tokens=0, cache_write_1h=0.2), Decimal(1200)),
        # no cache-write price: writes billed as input (and a note says so)
        (Price(input=Decimal(1), output=Decimal(0)), TrafficProfile(input_tokens=1000, output_tokens=0, cache_write=0.5),
         Decimal(1000)),
        # batch price only where the route has one: half the requests at half price
        (Price(input=Decimal(2), output=Decimal(2), batch_input=Decimal(1), batch_output=Decimal(1)),
         TrafficProfile(input_tokens=500, output_tokens=500, batch_share=0.5), Decimal(1500)),
        (Price(input=Decimal(2), output=Decimal(2)), TrafficProfile(input_tokens=500, output_tokens=500, batch_share=0.5),
         Decimal(2000)),
    ],
)  # fmt: skip
def test_monthly_cost(price: Price, profile: TrafficProfile, monthly: Decimal) -> None:
    cost = estimate_route(route("p", price), profile)
    assert cost.per_month == monthly
    assert isinstance(cost.per_month, Decimal)
    assert cost.per_day == monthly / profile.days_per_month


def test_missing_price_is_unavailable_with_reason() -> None:
    cost = estimate_route(route("p", Price(input=Decimal(1))), TrafficProfile())
    assert cost.status == "unavailable" and cost.per_month is None
    assert cost.reason == "no complete token price in local provider data"


def test_free_and_deprecated_routes_are_never_cheapest() -> None:
    m = model(
        route("free", Price(input=Decimal(0), output=Decimal(0))),
        route("old", Price(input=Decimal("0.001"), output=Decimal("0.001")), status="deprecated"),
        route("paid", P),
    )
    est = estimate(m)
    assert est.cheapest is not None and est.cheapest.provider_id == "paid"
    assert {r.provider_id: r.status for r in est.routes} == {"free": "free", "old": "deprecated", "paid": "metered"}


@pytest.mark.parametrize(
    ("routes", "reason"),
    [
        ((), "no provider route is tracked for this model"),
        ((route("p", None),), "no complete token price in local provider data"),
        ((route("f", Price(input=Decimal(0), output=Decimal(0))),), "only free-tier or deprecated routes"),
    ],
)
def test_no_estimate_says_why(routes: tuple[Route, ...], reason: str) -> None:
    est = estimate(model(*routes))
    assert est.cheapest is None and est.per_month is None
    assert est.unavailable_reason is not None and est.unavailable_reason.startswith(reason)


def test_never_borrows_a_price_from_another_route() -> None:
    m = model(route("a", Price(input=Decimal(1))), route("b", Price(output=Decimal(1))))
    assert estimate(m).cheapest is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"requests_per_month": -1},
        {"input_tokens": -5},
        {"output_tokens": 10**9},
        {"cache_hit": 1.5},
        {"batch_share": -0.1},
        {"days_per_month": 45},
        {"input_tokens": 0, "output_tokens": 0},
    ],
)
def test_bad_traffic_is_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        TrafficProfile(**kwargs)


def test_per_day_profile_and_description() -> None:
    p = TrafficProfile.per_day(1000, input_tokens=500)
    assert p.requests_per_month == 30_000
    assert "30,000 requests/month (1,000/day over 30 days)" in p.describe()
    with pytest.raises(ValueError):
        TrafficProfile.per_day(-1)


def test_cache_shares_cannot_exceed_the_input() -> None:
    with pytest.raises(ValueError, match="shares sum above 1"):
        TrafficProfile(cache_hit=0.7, cache_write=0.5)


def test_a_route_without_a_write_price_says_so() -> None:
    cost = estimate_route(route("p", Price(input=Decimal(1), output=Decimal(1))), TrafficProfile(cache_write=0.5))
    assert any("no cache-write price" in n for n in cost.notes)
