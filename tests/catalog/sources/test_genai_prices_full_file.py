"""genai-prices importer on the full upstream file in ../shared: counts, known prices, tiers, clauses, and agreement
with the reference implementation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from catalog.errors import ImportFormatError
from catalog.models import PriceTier
from catalog.sources import genai_prices
from catalog.sources.providers import load_providers
from catalog.sources.records import RouteRecord
from tests.catalog.sources.genai_support import (
    FULL,
    needs_full,
    parse_raw,
    routes_of,
    wrapped,
)


@pytest.fixture(scope="module")
def full() -> dict[str, RouteRecord]:
    if not FULL.exists():
        pytest.skip(f"full genai-prices data not present at {FULL}")
    return routes_of(parse_raw(wrapped(json.loads(FULL.read_bytes()))))


# --- the full upstream file -----------------------------------------------------------------------------------


@needs_full
def test_full_counts_and_providers(full: dict[str, RouteRecord]) -> None:
    assert len(full) >= 1000
    assert {r.route.provider_id for r in full.values()} == set(load_providers().genai_prices.values())
    assert all(r.route.provenance.source_date == "2026-08-21" for r in full.values())


@needs_full
@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ("anthropic.claude-sonnet-4-5", "input", Decimal(3)),
        ("anthropic.claude-sonnet-4-5", "output", Decimal(15)),
        ("anthropic.claude-sonnet-4-5", "cache_read", Decimal("0.3")),
        ("anthropic.claude-sonnet-4-5", "cache_write", Decimal("3.75")),
        ("anthropic.claude-sonnet-4-5", "cache_write_1h", Decimal(6)),
        ("anthropic.claude-sonnet-4-5", "per_1k_searches", Decimal(10)),
        ("openai.gpt-4o", "input", Decimal("2.5")),
        ("openai.gpt-4o", "output", Decimal(10)),
        ("openai.gpt-4o", "cache_read", Decimal("1.25")),
        ("openai.gpt-4o-mini", "input", Decimal("0.15")),
        ("openai.gpt-4o-mini", "output", Decimal("0.6")),
        ("openai.o3", "input", Decimal(2)),  # dated 2025-06-10 cut from $10
        ("openai.o3", "output", Decimal(8)),
        ("openai.gpt-5.6-luna", "output", Decimal("1.2")),  # the 2026-07-30 entry
        ("anthropic.claude-sonnet-5", "input", Decimal(2)),  # introductory until 2026-09-01
        ("anthropic.claude-sonnet-5", "fees_unknown", "from 2026-09-01: input $3, output $15 per 1M tokens"),
        ("google.gemini-3.6-flash", "output", Decimal("3.75")),
        ("google.gemini-3.6-flash", "fees_unknown", "from 2027-01-01: input $1.5, output $7.5 per 1M tokens"),
        ("google.gemini-2.5-flash-image", "image_output", Decimal(30)),
        ("openai.gpt-image-1.5", "fees_unknown", "input image $8 per 1M tokens; cache image read $2 per 1M tokens"),
        ("perplexity.sonar", "per_request", Decimal("0.012")),
        ("perplexity.sonar-pro", "per_request", Decimal("0.014")),
        ("perplexity.sonar-deep-research", "reasoning", Decimal(3)),
        ("perplexity.sonar-deep-research", "per_1k_searches", Decimal(5)),
        ("perplexity.sonar-deep-research", "fees_unknown", "output citation $2 per 1M tokens"),
        ("deepseek.deepseek-chat", "input", Decimal("0.27")),
        (
            "deepseek.deepseek-chat",
            "fees_unknown",
            "these prices apply 00:30-16:30 UTC; other hours input $0.135, output $0.55 per 1M tokens",
        ),
    ],
)
def test_full_known_prices(full: dict[str, RouteRecord], record: str, field: str, expected: object) -> None:
    price = full[record].route.price
    assert price is not None and getattr(price, field) == expected


@needs_full
def test_full_tiers(full: dict[str, RouteRecord]) -> None:
    sonnet = full["anthropic.claude-sonnet-4-5"].route
    assert sonnet.context_window == 1_000_000 and sonnet.price is not None
    assert sonnet.price.tiers == (
        PriceTier(
            min_prompt_tokens=200_000,
            input=Decimal(6),
            output=Decimal("22.5"),
            cache_read=Decimal("0.6"),
            cache_write=Decimal("7.5"),
        ),
    )
    luna = full["openai.gpt-5.6-luna"].route.price
    assert luna is not None and [(t.min_prompt_tokens, t.input, t.output) for t in luna.tiers] == [
        (272_000, Decimal("0.4"), Decimal("1.8"))
    ]
    assert full["openai.gpt-4o"].route.price is not None and full["openai.gpt-4o"].route.price.tiers == ()


@needs_full
@pytest.mark.parametrize(
    ("record", "accepts", "rejects"),
    [
        (
            "openai.gpt-4o",
            ["gpt-4o", "gpt-4o-2024-08-06", "GPT-4o-2024-11-20"],
            ["gpt-4o-mini", "gpt-4o-2024-07-18", "gpt-4"],
        ),
        ("openai.gpt-4o-mini", ["gpt-4o-mini", "gpt-4o-mini-2024-07-18"], ["gpt-4o", "gpt-4o-mini-tts"]),
        (
            "openai.gpt-5.6-luna",
            ["gpt-5.6-luna", "gpt-5-6-luna", "gpt-5.6-luna-2026-07-30", "gpt-5.6-luna-20260730"],
            ["gpt-5.6-luna-mini", "gpt-5.6-terra"],
        ),
        (
            "anthropic.claude-sonnet-4-5",
            ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-sonnet-4.5"],
            ["claude-sonnet-4", "claude-sonnet-4-6"],
        ),
        (
            "fireworks.deepseek-r1-0528",
            ["accounts/fireworks/models/deepseek-r1-0528"],
            ["deepseek-r1-0528", "accounts/fireworks/models/deepseek-r1"],
        ),
    ],
)
def test_full_match_clauses(full: dict[str, RouteRecord], record: str, accepts: list[str], rejects: list[str]) -> None:
    matches = full[record].matches
    assert matches is not None
    assert [ref for ref in accepts if not matches(ref)] == []
    assert [ref for ref in rejects if matches(ref)] == []


@needs_full
def test_full_each_route_id_has_one_owner(full: dict[str, RouteRecord]) -> None:
    openai = [r for r in full.values() if r.route.provider_id == "openai"]
    for ref in ("gpt-4o", "gpt-4o-mini", "o3-2025-04-16", "gpt-5.6-luna-2026-07-30"):
        assert len([r for r in openai if r.matches is not None and r.matches(ref)]) == 1, ref


@needs_full
def test_full_raw_list_is_dated_by_past_changes_only() -> None:
    raw = FULL.read_bytes()
    batch = genai_prices.parse(raw, FULL.name, today=dt.date(2026, 8, 21))
    assert (batch.source_date, batch.version) == ("2026-07-30", None)  # not the announced 2026-09-01 / 2027-01-01
    later = routes_of(genai_prices.parse(raw, FULL.name, today=dt.date(2026, 11, 29)))
    assert later["anthropic.claude-sonnet-5"].route.provenance.source_date == "2026-09-01"
    price = later["anthropic.claude-sonnet-5"].route.price
    assert price is not None and (price.input, price.output) == (Decimal(3), Decimal(15))


@needs_full
def test_full_broken_inputs_name_the_record() -> None:
    raw = FULL.read_bytes()
    with pytest.raises(ImportFormatError) as err:
        genai_prices.parse(raw[: len(raw) // 3], FULL.name)
    assert FULL.name in str(err.value) and "truncated" in str(err.value)
    data = json.loads(raw)
    openai = next(p for p in data if p["id"] == "openai")
    gpt4o = next(m for m in openai["models"] if m["id"] == "gpt-4o")
    gpt4o["prices"]["output_mtok"] = "ten"
    with pytest.raises(ImportFormatError) as err:
        genai_prices.parse(json.dumps(data).encode(), FULL.name)
    assert (err.value.record, err.value.field) == ("openai.gpt-4o", "prices.output_mtok")
    del openai["models"]
    with pytest.raises(ImportFormatError) as err:
        genai_prices.parse(json.dumps(data).encode(), FULL.name)
    assert (err.value.record, err.value.field) == ("openai", "models")


@needs_full
def test_full_agrees_with_reference_implementation(full: dict[str, RouteRecord]) -> None:
    """Which model prices a route id, and the prices in force, as the genai-prices package computes them."""
    types = pytest.importorskip("genai_prices.types")
    load = getattr(types, "_providers_from_raw", None)
    if load is None:
        pytest.skip("this genai-prices version has no _providers_from_raw")
    raw = json.loads(FULL.read_bytes())
    when = dt.datetime(2026, 8, 21, 12, tzinfo=dt.UTC)
    table = load_providers().genai_prices
    for provider in load(raw):
        if provider.id not in table:
            continue
        ours = [r for r in full.values() if r.route.provenance.record.split(".", 1)[0] == provider.id]
        refs = {m.id for m in provider.models} | {
            m.id + suffix for m in provider.models for suffix in ("-mini", "-20251211")
        }
        for ref in refs:
            found = provider.find_model(ref)
            assert [r.route.provider_model_id for r in ours if r.matches and r.matches(ref)] == (
                [found.id] if found else []
            ), ref
        for model, rec in zip(provider.models, ours, strict=True):
            expected = model.get_prices(when)
            price = rec.route.price
            for key, field in (("input_mtok", "input"), ("output_mtok", "output"), ("cache_read_mtok", "cache_read")):
                value = getattr(expected, key, None)
                value = getattr(value, "base", value)
                assert (getattr(price, field) if price else None) == value, (rec.route.provenance.record, key)
