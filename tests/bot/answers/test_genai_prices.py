"""Cross-check with a peer: pydantic's genai-prices (dev dependency only).

For every model + provider both know: where the unit prices agree, our totals for the same usage (with
cache reads and long-context tiers) must agree within 0.5 %; where they differ, the pair is listed in a
data-freshness report (our prices are a snapshot; theirs may be newer), which is not a failure.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

genai_prices = pytest.importorskip("genai_prices")
from genai_prices import Usage, calc_price  # noqa: E402
from genai_prices.types import TieredPrices  # noqa: E402

from bot.answers.costs import TrafficProfile, estimate_route  # noqa: E402
from catalog.models import Model, Route  # noqa: E402
from tests.paths import ROOT  # noqa: E402

#: Our provider ids -> genai-prices provider ids where they differ.
PROVIDER_MAP = {
    "amazon-bedrock": "aws",
    "fireworks-ai": "fireworks",
    "togetherai": "together",
    "xai": "x-ai",
    "novita-ai": "novita",
    "cloudflare-workers-ai": "cloudflare",
}
TOLERANCE = Decimal("0.005")
REPORT = ROOT / "build" / "genai-prices-freshness.txt"


def _base(value: object) -> Decimal | None:
    if value is None:
        return None
    return value.base if isinstance(value, TieredPrices) else Decimal(str(value))


def _their_price(route: Route):
    pid = PROVIDER_MAP.get(route.provider_id, route.provider_id)
    try:
        return calc_price(Usage(input_tokens=1_000_000), model_ref=route.provider_model_id, provider_id=pid).model_price
    except (LookupError, ValueError):
        return None


def _usages(route: Route, theirs) -> list[tuple[str, TrafficProfile, Usage]]:
    out = [("plain", TrafficProfile(input_tokens=500, output_tokens=350), Usage(input_tokens=500, output_tokens=350))]
    assert route.price is not None
    if route.price.cache_read is not None and _base(theirs.cache_read_mtok) == route.price.cache_read:
        out.append(
            (
                "cache",
                TrafficProfile(input_tokens=1000, output_tokens=200, cache_hit=0.4),
                Usage(input_tokens=1000, cache_read_tokens=400, output_tokens=200),
            )
        )
    their_tiers = theirs.input_mtok.tiers if isinstance(theirs.input_mtok, TieredPrices) else []
    if route.price.tiers and their_tiers:
        ours, first = route.price.tiers[0], their_tiers[0]
        if ours.min_prompt_tokens == first.start and ours.input == first.price:
            n = ours.min_prompt_tokens + 50_000
            out.append(
                ("tier", TrafficProfile(input_tokens=n, output_tokens=1000), Usage(input_tokens=n, output_tokens=1000))
            )
    return out


def test_totals_agree_where_unit_prices_agree(shipped_models: list[Model]) -> None:
    compared, differing, fees, checked_kinds = 0, [], [], set()
    for model in shipped_models:
        for route in model.routes:
            if route.price is None or not route.price.complete or route.price.is_zero:
                continue
            theirs = _their_price(route)
            if theirs is None:
                continue
            their_in, their_out = _base(theirs.input_mtok), _base(theirs.output_mtok)
            if (their_in, their_out) != (route.price.input, route.price.output):
                differing.append(
                    f"{route.provider_id}/{route.provider_model_id}: ours {route.price.input}/{route.price.output}"
                    f" ({route.provenance.source_date}), genai-prices {their_in}/{their_out}"
                )
                continue
            pid = PROVIDER_MAP.get(route.provider_id, route.provider_id)
            if getattr(theirs, "requests_kcount", None):
                fees.append(f"{pid}/{route.provider_model_id}: ${theirs.requests_kcount} per 1k requests")
            for kind, profile, usage in _usages(route, theirs):
                ours = estimate_route(route, profile).per_request
                calc = calc_price(usage, model_ref=route.provider_model_id, provider_id=pid)
                total = calc.input_price + calc.output_price  # token charges; request fees are listed apart
                assert ours is not None
                assert abs(ours - total) <= TOLERANCE * total, (kind, route.provider_id, route.provider_model_id)
                checked_kinds.add(kind)
            compared += 1
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(
        "\n".join(
            [
                "# unit prices that differ (data freshness)",
                *differing,
                "# per-request fees genai-prices knows and our sources do not carry",
                *fees,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\ngenai-prices: {compared} routes agree and were totalled; {len(differing)} differ -> {REPORT}")
    assert compared >= 50, "too few routes known to both: the cross-check would prove nothing"
    assert {"plain", "cache"} <= checked_kinds
