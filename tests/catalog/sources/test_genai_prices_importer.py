"""genai-prices importer: the sample fixture, the full upstream file, synthetic edge cases and broken input."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from catalog.errors import ImportFormatError
from catalog.models import PriceTier
from catalog.sources.providers import load_providers
from catalog.sources.records import RouteRecord
from tests.catalog.sources.genai_support import (
    COMMIT,
    SAMPLE,
    one_provider,
    parse_raw,
    raw_model,
    routes_of,
    wrapped,
)


@pytest.fixture(scope="module")
def sample() -> dict[str, RouteRecord]:
    return routes_of(parse_raw(SAMPLE.read_bytes()))


# --- the sample fixture ---------------------------------------------------------------------------------------


def test_sample_batch_androutes_of(sample: dict[str, RouteRecord]) -> None:
    batch = parse_raw(SAMPLE.read_bytes())
    assert (batch.source, batch.source_date, batch.version) == ("genai-prices", "2026-03-13", None)
    assert len(batch.routes) == 6
    sonnet = sample["anthropic.claude-sonnet-4-5"].route
    assert (sonnet.provider_id, sonnet.provider_name, sonnet.provider_model_id) == (
        "anthropic",
        "Anthropic",
        "claude-sonnet-4-5",
    )
    assert (sonnet.spelling, sonnet.context_window, sonnet.status) == ("Claude Sonnet 4.5", 1_000_000, None)
    assert sonnet.provenance.source == "genai-prices" and sonnet.provenance.source_date == "2026-03-13"
    ling = sample["openrouter.inclusionai/ling-2.6-flash"].route
    assert (ling.provider_id, ling.provider_name, ling.context_window) == ("openrouter", "OpenRouter", None)


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ("anthropic.claude-2", "input", Decimal(8)),
        ("anthropic.claude-2", "output", Decimal(24)),
        ("anthropic.claude-2", "cache_read", None),
        ("anthropic.claude-sonnet-4-5", "input", Decimal(3)),
        ("anthropic.claude-sonnet-4-5", "output", Decimal(15)),
        ("anthropic.claude-sonnet-4-5", "cache_read", Decimal("0.3")),
        ("anthropic.claude-sonnet-4-5", "cache_write", Decimal("3.75")),
        ("anthropic.claude-sonnet-4-5", "cache_write_1h", Decimal(6)),
        ("anthropic.claude-sonnet-4-5", "per_1k_searches", Decimal(10)),
        ("anthropic.claude-opus-4-6", "input", Decimal(5)),  # the 2026-03-13 entry: flat, no tiers
        ("anthropic.claude-opus-4-6", "output", Decimal(25)),
        ("anthropic.claude-opus-4-6", "tiers", ()),
        ("openrouter.inclusionai/ling-2.6-1t", "input", Decimal("0.075")),
        ("openrouter.inclusionai/ling-2.6-1t", "output", Decimal("0.625")),
        ("openrouter.inclusionai/ling-2.6-flash", "cache_read", Decimal("0.002")),
        ("openrouter.openai/gpt-5.3-codex", "output", Decimal(14)),
        ("openrouter.openai/gpt-5.3-codex", "fees_unknown", None),
    ],
)
def test_sample_prices(sample: dict[str, RouteRecord], record: str, field: str, expected: object) -> None:
    price = sample[record].route.price
    assert price is not None and getattr(price, field) == expected


def test_sample_tiers_grouped_by_threshold(sample: dict[str, RouteRecord]) -> None:
    price = sample["anthropic.claude-sonnet-4-5"].route.price
    assert price is not None
    assert price.tiers == (
        PriceTier(
            min_prompt_tokens=200_000,
            input=Decimal(6),
            output=Decimal("22.5"),
            cache_read=Decimal("0.6"),
            cache_write=Decimal("7.5"),
        ),
    )
    # PriceTier has no 1-hour cache write: that tier is said, not dropped.
    assert price.fees_unknown == "cache write 1h $12 per 1M tokens above 200,000 prompt tokens"


def test_wrapper_dates_the_batch_and_picks_the_entry_in_force() -> None:
    batch = parse_raw(wrapped(json.loads(SAMPLE.read_bytes()), date="2026-03-12"))
    assert (batch.source_date, batch.version) == ("2026-03-12", "47df840")
    opus = routes_of(batch)["anthropic.claude-opus-4-6"].route
    assert opus.provenance.source_date == "2026-03-12"
    assert opus.price is not None and opus.price.input == Decimal(5)
    assert [(t.min_prompt_tokens, t.input, t.output) for t in opus.price.tiers] == [
        (200_000, Decimal(10), Decimal("37.5"))
    ]
    assert opus.price.fees_unknown is not None
    assert opus.price.fees_unknown.startswith("from 2026-03-13: input $5, output $25 per 1M tokens")


@pytest.mark.parametrize(
    ("record", "ref", "expected"),
    [
        ("anthropic.claude-2", "claude-2", True),
        ("anthropic.claude-2", "claude-2.1", True),
        ("anthropic.claude-2", "anthropic.claude-v2:1", True),  # contains
        ("anthropic.claude-2", "claude-3-haiku", False),
        ("anthropic.claude-sonnet-4-5", "claude-sonnet-4-5-20250929", True),
        ("anthropic.claude-sonnet-4-5", "Claude-Sonnet-4.5", True),  # case-insensitive
        ("anthropic.claude-sonnet-4-5", "claude-sonnet-4", False),
        ("anthropic.claude-sonnet-4-5", "claude-opus-4-5", False),
        ("anthropic.claude-opus-4-6", "claude-4.6-opus", True),
        ("anthropic.claude-opus-4-6", "claude-opus-4-5", False),
        ("openrouter.inclusionai/ling-2.6-flash", "inclusionai/ling-2.6-flash", True),
        ("openrouter.inclusionai/ling-2.6-flash", "inclusionai/ling-2.6-flash:free", False),  # equals
        ("openrouter.inclusionai/ling-2.6-1t", "INCLUSIONAI/LING-2.6-1T", True),
        ("openrouter.inclusionai/ling-2.6-1t", "inclusionai/ling-2.6-flash", False),
    ],
)
def test_sample_match_clauses(sample: dict[str, RouteRecord], record: str, ref: str, expected: bool) -> None:
    matches = sample[record].matches
    assert matches is not None and matches(ref) is expected


# --- synthetic edge cases ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prices", "field", "expected"),
    [
        ({"requests_kcount": 12}, "per_request", Decimal("0.012")),  # USD per 1,000 requests -> per request
        ({"web_searches_kcount": 10}, "per_1k_searches", Decimal(10)),
        ({"output_image_mtok": 30}, "image_output", Decimal(30)),
        ({"input_audio_mtok": 40}, "audio_input", Decimal(40)),
        ({"output_audio_mtok": 80}, "audio_output", Decimal(80)),
        ({"output_reasoning_mtok": 3}, "reasoning", Decimal(3)),
        ({"cache_write_1h_mtok": 6}, "cache_write_1h", Decimal(6)),
        ({"input_image_mtok": 1.25}, "fees_unknown", "input image $1.25 per 1M tokens"),
        ({"cache_audio_read_mtok": 0.1}, "fees_unknown", "cache audio read $0.1 per 1M tokens"),
        ({"rerank_searches_kcount": 2}, "fees_unknown", "rerank searches $2 per 1,000"),
        ({"input_gpixels": 3}, "fees_unknown", "input_gpixels $3"),  # a unit we do not know: key and number
        (
            {"input_image_mtok": {"base": 1, "tiers": [{"start": 128_000, "price": 2}]}},
            "fees_unknown",
            "input image $1 per 1M tokens; input image $2 per 1M tokens above 128,000 prompt tokens",
        ),
    ],
)
def test_price_keys(prices: dict[str, Any], field: str, expected: object) -> None:
    price = routes_of(parse_raw(one_provider([raw_model("m", {"input_mtok": 1, **prices})])))["openai.m"].route.price
    assert price is not None and price.input == Decimal(1) and getattr(price, field) == expected


def test_tiers_with_some_components_and_several_thresholds() -> None:
    prices = {
        "input_mtok": {"base": 1, "tiers": [{"start": 512_000, "price": 3}, {"start": 128_000, "price": 2}]},
        "output_mtok": {"base": 4, "tiers": [{"start": 128_000, "price": 8}]},
        "cache_read_mtok": 0.1,
    }
    price = routes_of(parse_raw(one_provider([raw_model("m", prices)])))["openai.m"].route.price
    assert price is not None and (price.input, price.output, price.cache_read) == (
        Decimal(1),
        Decimal(4),
        Decimal("0.1"),
    )
    assert price.tiers == (
        PriceTier(min_prompt_tokens=128_000, input=Decimal(2), output=Decimal(8)),
        PriceTier(min_prompt_tokens=512_000, input=Decimal(3)),
    )


def test_route_fields_from_model_flags() -> None:
    models = [
        raw_model("free", {}),
        raw_model("old", {"input_mtok": 1, "output_mtok": 2}, deprecated=True, context_window=0, name="Old One"),
        raw_model("zero", {"input_mtok": 0, "output_mtok": 0}, context_window=8192),
    ]
    routes = {k: r.route for k, r in routes_of(parse_raw(one_provider(models))).items()}
    assert routes["openai.free"].price is None  # no price at all
    old = routes["openai.old"]
    assert (old.status, old.context_window, old.spelling, old.free_tier) == ("deprecated", None, "Old One", False)
    zero = routes["openai.zero"]
    assert (zero.spelling, zero.context_window, zero.free_tier, zero.status) == ("zero", 8192, True, None)


def test_unmapped_providers_are_skipped() -> None:
    data = one_provider([raw_model("m", {"input_mtok": 1})], provider="voyageai") + one_provider(
        [raw_model("m", {"input_mtok": 1})]
    )
    assert "voyageai" not in load_providers().genai_prices
    assert list(routes_of(parse_raw(data))) == ["openai.m"]


@pytest.mark.parametrize(
    ("match", "ref", "expected"),
    [
        ({"ends_with": "-Turbo"}, "gpt-x-turbo", True),
        ({"ends_with": "-turbo"}, "gpt-x-turbo-2", False),
        ({"contains": "X-T"}, "gpt-x-turbo", True),
        ({"regex": r"^gpt-\d+$"}, "GPT-5", True),  # the reference lower-cases the id before the regex
        ({"regex": r"^GPT-\d+$"}, "GPT-5", False),  # ... and the regex itself is case-sensitive
        ({"regex": r"\d{4}-\d{2}-\d{2}$"}, "gpt-x-2025-01-01", True),
        ({"and": [{"starts_with": "gpt-"}, {"ends_with": "-mini"}]}, "gpt-4o-mini", True),
        ({"and": [{"starts_with": "gpt-"}, {"ends_with": "-mini"}]}, "gpt-4o", False),
        ({"or": [{"equals": "a"}, {"and": [{"contains": "b"}, {"contains": "c"}]}]}, "xcxb", True),
        ({"or": [{"equals": "a"}, {"and": [{"contains": "b"}, {"contains": "c"}]}]}, "xb", False),
        ({"or": []}, "a", False),
        ({"equals": "gpt-5.2-2025-12-11"}, "gpt-5.2-20251211", True),  # compact date retried dashed
        ({"equals": "gpt-5.2-2025-02-31"}, "gpt-5.2-20250231", False),  # not a real date: not rewritten
    ],
)
def test_clause_semantics(match: dict[str, Any], ref: str, expected: bool) -> None:
    matches = routes_of(parse_raw(one_provider([raw_model("m", {"input_mtok": 1}, match)])))["openai.m"].matches
    assert matches is not None and matches(ref) is expected


def test_first_model_whose_clause_matches_prices_the_route() -> None:
    models = [raw_model("gpt-4o", {"input_mtok": 2.5}, {"starts_with": "gpt-4o"}), raw_model("gpt-4o-mini", {})]
    routes = routes_of(parse_raw(one_provider(models)))
    wide, mini = routes["openai.gpt-4o"].matches, routes["openai.gpt-4o-mini"].matches
    assert wide is not None and mini is not None
    assert wide("gpt-4o-mini") and not mini("gpt-4o-mini")  # the reference returns the first match in order


def test_time_of_day_window_and_announced_change() -> None:
    models = [
        raw_model(
            "chat",
            [
                {"prices": {"input_mtok": 0.135, "output_mtok": 0.55}},
                {"constraint": {"start_time": "00:30:00Z", "end_time": "16:30:00Z"}, "prices": {"input_mtok": 0.27}},
                {"constraint": {"start_date": "2027-01-01"}, "prices": {"input_mtok": 0.5, "output_mtok": 2}},
            ],
        )
    ]
    price = routes_of(parse_raw(wrapped(one_provider(models, provider="deepseek"))))["deepseek.chat"].route.price
    assert price is not None and (price.input, price.output) == (Decimal("0.27"), None)
    assert price.fees_unknown == (
        "these prices apply 00:30-16:30 UTC; other hours input $0.135, output $0.55 per 1M tokens; "
        "from 2027-01-01: input $0.5, output $2 per 1M tokens"
    )


def test_raw_list_dates_by_newest_change_not_after_today() -> None:
    prices = [
        {"prices": {"input_mtok": 10}},
        {"constraint": {"start_date": "2025-06-10"}, "prices": {"input_mtok": 2}},
        {"constraint": {"start_date": "2027-01-01"}, "prices": {"input_mtok": 1}},
    ]
    data = one_provider([raw_model("o3", prices)])
    early = parse_raw(data, today=dt.date(2025, 1, 1))
    assert early.source_date is None and early.routes[0].route.price is not None
    assert early.routes[0].route.price.input == Decimal(10)
    now = parse_raw(data, today=dt.date(2026, 8, 21))
    assert now.source_date == "2025-06-10" and now.routes[0].route.price is not None
    assert now.routes[0].route.price.input == Decimal(2)
    later = parse_raw(data, today=dt.date(2027, 2, 1))
    assert later.source_date == "2027-01-01" and later.routes[0].route.price is not None
    assert later.routes[0].route.price.input == Decimal(1)


# --- broken input ---------------------------------------------------------------------------------------------


def _break(edit: Any) -> ImportFormatError:
    data = json.loads(SAMPLE.read_bytes())
    edit(data)
    with pytest.raises(ImportFormatError) as err:
        parse_raw(data)
    assert "genai.json" in str(err.value) and "\n" not in str(err.value)
    return err.value


@pytest.mark.parametrize(
    ("edit", "record", "field"),
    [
        (lambda d: d[0].pop("models"), "anthropic", "models"),
        (
            lambda d: d[1]["models"][0]["prices"].update(input_mtok="cheap"),
            "openrouter.inclusionai/ling-2.6-1t",
            "prices.input_mtok",
        ),
        (
            lambda d: d[0]["models"][2]["prices"]["output_mtok"].update(base="abc"),
            "anthropic.claude-sonnet-4-5",
            "prices.output_mtok.base",
        ),
        (
            lambda d: d[0]["models"][1]["prices"][1]["prices"].update(output_mtok="lots"),
            "anthropic.claude-opus-4-6",
            "prices.1.prices.output_mtok",
        ),
        (
            lambda d: d[0]["models"][1]["prices"][1]["constraint"].update(start_date="soon"),
            "anthropic.claude-opus-4-6",
            "prices.1.constraint.start_date",
        ),
        (lambda d: d[0]["models"][0].update(prices="free"), "anthropic.claude-2", "prices"),
        (lambda d: d[0]["models"][0].update(match={"like": "claude"}), "anthropic.claude-2", "match"),
        (lambda d: d[0]["models"][0].update(match={"or": [{"equals": 3}]}), "anthropic.claude-2", "match.or.0"),
        (lambda d: d[0]["models"][0].update(match={"or": [{"regex": "("}]}), "anthropic.claude-2", "match.or.0.regex"),
        (lambda d: d[0]["models"][0].pop("id"), "anthropic.0", "id"),
    ],
)
def test_bad_field_names_record_and_field(edit: Any, record: str, field: str) -> None:
    err = _break(edit)
    assert (err.record, err.field) == (record, field)


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.read_bytes()[: len(SAMPLE.read_bytes()) // 2],
        b"\xff\xfe",
        b'"providers"',
        json.dumps({"providers": []}).encode(),
        json.dumps({"source": {"commit": COMMIT, "date": "yesterday"}, "providers": []}).encode(),
    ],
)
def test_wrong_shape_is_rejected(data: bytes) -> None:
    with pytest.raises(ImportFormatError) as err:
        parse_raw(data)
    assert "genai.json" in str(err.value)


def test_a_batch_listing_is_the_batch_price_of_its_base_route() -> None:
    """OpenRouter's "x:batch" is not a model: its price becomes the base route's batch price; a batch listing
    with no base listing stays (nothing to fold it into)."""
    models = [
        raw_model("anthropic/claude-haiku-4.5", {"input_mtok": 1, "output_mtok": 5}),
        raw_model("anthropic/claude-haiku-4.5:batch", {"input_mtok": 0.5, "output_mtok": 2.5}),
        raw_model("openai/gpt-x:batch", {"input_mtok": 1, "output_mtok": 2}),
    ]
    batch = parse_raw(wrapped(one_provider(models, "openrouter")))
    ids = sorted(r.route.provider_model_id for r in batch.routes)
    assert ids == ["anthropic/claude-haiku-4.5", "openai/gpt-x:batch"]
    base = next(r.route for r in batch.routes if r.route.provider_model_id == "anthropic/claude-haiku-4.5")
    assert base.price is not None
    assert (base.price.input, base.price.batch_input, base.price.batch_output) == (
        Decimal(1), Decimal("0.5"), Decimal("2.5"),
    )  # fmt: skip
