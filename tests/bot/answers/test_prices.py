"""The price a team would pay, on the shipped catalog: vendors' list prices headline, resellers are alternatives,
one route per figure, fees and units said, tiers strictly above their threshold."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.answers.costs import TrafficProfile, estimate, estimate_route
from bot.answers.prices import disagreement, headline, is_outlier, serves, unit_prices
from catalog.models import Model, Observation, Price, Provenance, Route
from catalog.service import Catalog

D = Decimal


def model(catalog: Catalog, name: str) -> Model:
    return catalog.models[catalog.index.resolve(name).model_id]


@pytest.mark.parametrize(
    ("name", "provider", "prices", "tier"),
    [
        ("claude sonnet 4.5", "anthropic", (D(3), D(15)), None),
        ("gpt-4o", "openai", (D("2.5"), D(10)), None),
        ("gemini 2.5 pro", "google", (D("1.25"), D(10)), (200_000, D("2.5"), D(15))),
        ("gpt-4o mini", "openai", (D("0.15"), D("0.6")), None),
        ("deepseek v3.2", "deepseek", None, None),
    ],
)
def test_vendors_list_prices_headline(
    shipped_catalog: Catalog,
    name: str,
    provider: str,
    prices: tuple[Decimal, Decimal] | None,
    tier: tuple[int, Decimal, Decimal] | None,
) -> None:
    m = model(shipped_catalog, name)
    top = headline(m)
    assert top is not None and top.basis == "list price" and top.route.provider_id == provider
    assert top.route.role == "first-party"
    price = top.route.price
    assert price is not None
    if prices is not None:
        assert (price.input, price.output) == prices
    if tier is not None:
        assert [(t.min_prompt_tokens, t.input, t.output) for t in price.tiers][:1] == [tier]


def test_resellers_are_alternatives_not_the_headline(shipped_catalog: Catalog) -> None:
    est = estimate(model(shipped_catalog, "claude sonnet 4.5"))
    assert est.headline is not None and est.headline.provider_id == "anthropic"
    assert est.per_month == D(6750)  # 1M requests x (500 x $3 + 350 x $15) / 1M
    assert est.cheapest is not None and est.cheapest.per_month is not None and est.cheapest.per_month < D(6750)
    assert est.cheapest.provider_id != "anthropic"


def test_input_and_output_come_from_one_route(shipped_catalog: Catalog) -> None:
    for m in list(shipped_catalog.models.values())[:400]:
        top = headline(m)
        if top is None:
            assert unit_prices(m) == (None, None)
            continue
        assert top.route.price is not None
        assert unit_prices(m) == (top.route.price.input, top.route.price.output)


def test_a_prompt_of_exactly_the_threshold_pays_the_base_price(shipped_catalog: Catalog) -> None:
    """Gemini 2.5 Pro: 200,000 input + 1,000 output tokens is $0.26, not the >200k tier's $0.515."""
    m = model(shipped_catalog, "gemini 2.5 pro")
    at = estimate(m, TrafficProfile(requests_per_month=1, input_tokens=200_000, output_tokens=1000))
    above = estimate(m, TrafficProfile(requests_per_month=1, input_tokens=200_001, output_tokens=1000))
    assert at.headline is not None and at.headline.per_request == D("0.26")
    assert above.headline is not None and above.headline.per_request == D("0.5150025")


def test_image_output_is_not_billed_as_text(shipped_catalog: Catalog) -> None:
    """Nano Banana at Google: $0.30 in / $2.50 text out is $1,025 a month; its $30 image-token price is said apart."""
    google = next(r for r in model(shipped_catalog, "nano banana").routes if r.provider_id == "google")
    cost = estimate_route(google, TrafficProfile())
    assert cost.per_month == D(1025)
    assert any("image output is billed apart ($30 per 1M image tokens)" in n for n in cost.notes)


def test_request_and_search_fees_are_included_and_said(shipped_catalog: Catalog) -> None:
    est = estimate(model(shipped_catalog, "sonar pro"))
    h = est.headline
    assert h is not None and h.provider_id == "perplexity"
    tokens_only = D(6750)  # $3 / $15 per 1M at the default traffic
    assert h.per_month is not None and h.per_month > tokens_only
    assert any("request fee" in n or "web search" in n for n in h.notes), h.notes


def test_search_fees_are_not_charged_to_models_that_do_not_search(shipped_catalog: Catalog) -> None:
    est = estimate(model(shipped_catalog, "gpt-4o mini"))
    assert est.per_month == D(285)


def test_one_provider_s_routes_are_told_apart(shipped_catalog: Catalog) -> None:
    for name in ("gpt-4o", "claude sonnet 4.5", "llama 3.3 70b"):
        labels = [r.label for r in estimate(model(shipped_catalog, name)).routes]
        assert len(labels) == len(set(labels)), name


def _route(provider: str, price: Price | None, **kw: object) -> Route:
    return Route(
        provider_id=provider,
        provider_name=provider.title(),
        provider_model_id="m",
        spelling="M",
        price=price,
        provenance=Provenance(source="test", record=provider),
        **kw,
    )


def test_deprecated_and_placeholder_routes_never_count_as_serving() -> None:
    zero = Price(input=D(0), output=D(0))
    assert not serves(_route("a", zero))  # $0 without a free marker: a placeholder
    assert serves(_route("a", zero, free_tier=True))
    assert not serves(_route("a", Price(input=D(1), output=D(2)), status="deprecated"))
    m = Model(id="m", name="M", routes=(_route("a", zero), _route("b", Price(input=D(1), output=D(2)))))
    assert m.providers == ("B",)


def test_a_low_outlier_is_flagged_and_never_headlines() -> None:
    priced = [_route(p, Price(input=D(1), output=D(o))) for p, o in (("a", 10), ("b", 11), ("c", 12), ("d", 2))]
    m = Model(id="m", name="M", routes=tuple(priced))
    assert is_outlier(priced[3], m) and not is_outlier(priced[0], m)
    top = headline(m)
    assert top is not None and top.route.provider_id == "a" and top.basis == "cheapest route"


def test_sources_that_disagree_are_shown_side_by_side() -> None:
    obs = (
        Observation(source="models-dev", source_date="2026-06-30", price=Price(input=D(3), output=D(15)), record="x"),
        Observation(source="litellm", version="1.110.2", price=Price(input=D("2.5"), output=D(15)), record="y"),
    )
    route = _route("a", Price(input=D("2.5"), output=D(15)), observations=obs)
    assert disagreement(route) == "models.dev $3/$15 (2026-06-30) · LiteLLM $2.5/$15 (1.110.2)"
    same = _route(
        "a", Price(input=D(3), output=D(15)), observations=(obs[0], obs[0].model_copy(update={"source": "litellm"}))
    )
    assert disagreement(same) is None


def test_an_alternative_is_named_only_when_it_saves_something(shipped_catalog: Catalog) -> None:
    """GPT-4o at a reseller 0.04 % below OpenAI's list price is no alternative; Sonnet 4.5 at Poe 13 % below is."""
    assert estimate(model(shipped_catalog, "gpt-4o")).alternative is None
    alt = estimate(model(shipped_catalog, "claude sonnet 4.5")).alternative
    assert alt is not None and alt.provider_id != "anthropic"
