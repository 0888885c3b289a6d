"""Cross-check with a peer: pydantic's genai-prices package (dev dependency only), on its own bundled data.

For every route whose provider and model id genai-prices knows, our monthly token cost (fees apart) must agree
with its ``calc_price`` within 0.5 % on at least 97 % of the pairs priced in the same units; the rest are written
to a report with the cause (a newer price in our sources, a region, a unit we bill apart). The package's data is
newer than the genai-prices snapshot we ship, so this measures our sources and arithmetic, not an echo.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

genai_prices = pytest.importorskip("genai_prices")
from genai_prices import Usage, calc_price  # noqa: E402

from bot.answers.costs import TrafficProfile, estimate_route  # noqa: E402
from catalog.models import Model, Route  # noqa: E402
from catalog.sources.providers import load_providers  # noqa: E402
from tests.paths import ROOT  # noqa: E402

TOLERANCE = Decimal("0.005")
REPORT = ROOT / "build" / "genai-prices-agreement.txt"
PROFILES = [
    ("plain", TrafficProfile(input_tokens=500, output_tokens=350), Usage(input_tokens=500, output_tokens=350)),
    (
        "cache",
        TrafficProfile(input_tokens=1000, output_tokens=200, cache_hit=0.4),
        Usage(input_tokens=1000, cache_read_tokens=400, output_tokens=200),
    ),
    (
        "long",
        TrafficProfile(input_tokens=250_000, output_tokens=1000),
        Usage(input_tokens=250_000, output_tokens=1000),
    ),
]


def _theirs_by_ours() -> dict[str, str]:
    return {ours: theirs for theirs, ours in load_providers().genai_prices.items()}


def _token_only(route: Route) -> Route:
    assert route.price is not None
    return route.model_copy(
        update={"price": route.price.model_copy(update={"per_request": None, "per_1k_searches": None})}
    )


def _cause(route: Route, kind: str) -> str:
    sources = {o.source for o in route.observations} or {route.provenance.source}
    if route.region:
        return "regional price"
    if "genai-prices" not in sources:
        return "genai-prices has no price of its own here and falls back to another provider's (e.g. Azure -> OpenAI)"
    if kind == "long":
        return "the sources disagree on the long-context tier"
    if route.provider_id == "deepseek":
        return "DeepSeek's time-of-day prices: genai-prices prices the hour of the request"
    return "the sources disagree on the price (python -m catalog disagreements)"


def test_monthly_costs_agree_with_genai_prices(shipped_models: list[Model]) -> None:
    provider_map = _theirs_by_ours()
    agree, differ, lines = 0, 0, []
    for model in shipped_models:
        for route in model.routes:
            price = route.price
            pid = provider_map.get(route.provider_id)
            if pid is None or price is None or not price.complete or price.is_zero or route.free_tier:
                continue
            if price.image_output or price.per_image or price.audio_output:
                continue  # different units: image or audio output is billed apart, not as text tokens
            try:
                calc_price(Usage(input_tokens=1), model_ref=route.provider_model_id, provider_id=pid)
            except (LookupError, ValueError):
                continue
            ok = True
            for kind, profile, usage in PROFILES:
                ours = estimate_route(_token_only(route), profile).per_request
                theirs = calc_price(usage, model_ref=route.provider_model_id, provider_id=pid)
                total = theirs.input_price + theirs.output_price
                if ours is None or abs(ours - total) > TOLERANCE * max(total, Decimal("1e-12")):
                    ok = False
                    lines.append(f"{route.provider_id}/{route.provider_model_id} [{kind}]: ours {ours}, theirs {total}"
                                 f" — {_cause(route, kind)}")  # fmt: skip
                    break
            agree, differ = agree + ok, differ + (not ok)
    REPORT.parent.mkdir(exist_ok=True)
    share = agree / max(1, agree + differ)
    REPORT.write_text(f"# {agree} of {agree + differ} routes agree ({share:.1%})\n" + "\n".join(lines) + "\n")
    print(f"\ngenai-prices: {agree} of {agree + differ} routes agree within 0.5% ({share:.1%}) -> {REPORT}")
    assert agree + differ >= 500, "too few routes known to both: the cross-check would prove nothing"
    assert share >= 0.97, f"{share:.1%}; see {REPORT}"
