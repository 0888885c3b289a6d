"""Every importer on its sample file, and bad input naming file, record and field."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from catalog.errors import ImportFormatError, UnknownSource
from catalog.identity.merge import merge
from catalog.sources import IMPORTERS, parser_for
from tests.paths import FIXTURES, SAMPLES


def _parse(source: str, data: bytes | None = None):
    name = SAMPLES[source]
    return parser_for(source)(data if data is not None else (FIXTURES / name).read_bytes(), name)


def test_every_source_has_a_sample() -> None:
    assert set(SAMPLES) == set(IMPORTERS)


def test_models_dev_sample() -> None:
    batch = _parse("models-dev")
    assert len(batch.routes) == 13 and len(batch.models) == 2
    route = next(
        r.route
        for r in batch.routes
        if r.route.provider_id == "openrouter" and r.route.provider_model_id == "inclusionai/ling-2.6-flash"
    )
    assert route.price is not None and (route.price.input, route.price.output) == (
        Decimal("0.01"),
        Decimal("0.03"),
    )
    assert route.price.cache_read == Decimal("0.002")
    opus = next(r.route for r in batch.routes if r.route.provider_model_id == "claude-opus-4-5")
    assert opus.price is not None and opus.price.cache_write == Decimal("6.25")


def test_models_dev_merges_spellings() -> None:
    models = {m.id: m for m in merge([_parse("models-dev")])}
    assert len(models["ling-2.6-flash"].routes) == 3
    assert "ling-2.6-1t" in models and "gpt-4o-mini" in models and "gpt-4o" in models
    opus = [m for m in models.values() if m.name.lower().startswith("claude opus 4.5")]
    assert len(opus) == 1 and len(opus[0].routes) == 3


def test_llm_stats_sample() -> None:
    batch = _parse("llm-stats")
    qwen = next(m for m in batch.models if m.spellings[1] == "qwen2-7b-instruct")
    assert qwen.facts["params_total_b"] == 7.62
    assert qwen.facts["license_name"] == "Apache 2.0" and qwen.facts["license_osi"] is True
    assert qwen.facts["commercial_use"] == "permitted"
    assert qwen.facts["benchmarks"][0].self_reported is True


def test_openrouter_sample() -> None:
    batch = _parse("openrouter")
    routes = {r.route.provider_model_id: r for r in batch.routes}
    ling = routes["inclusionai/ling-2.6-flash"].route
    assert ling.price is not None and ling.price.output == Decimal("0.03")
    auto = routes["openrouter/auto"].route
    assert auto.price is not None and auto.price.input is None  # "-1" = variable, unknown
    assert routes["inclusionai/ring-2.6-1t:free"].route.free_tier
    assert batch.source_date == "2026-05-12"


def test_litellm_sample() -> None:
    batch = _parse("litellm")
    routes = {r.route.provider_model_id: r.route for r in batch.routes}
    assert "text-embedding-3-small" not in routes  # not a text-generation mode
    sonnet = routes["claude-sonnet-4-5"]
    assert sonnet.price is not None and sonnet.price.input == Decimal(3) and sonnet.price.batch_output == Decimal("7.5")
    bedrock = routes["anthropic.claude-sonnet-4-20250514-v1:0"]
    assert bedrock.price is not None and bedrock.price.tiers[0].min_prompt_tokens == 200_000


def test_overlay_sample_creates_models() -> None:
    models = {m.id: m for m in merge([_parse("overlay")])}
    assert set(models) == {"gpt-5.3-codex-spark", "ling-2.6-flash", "qwen2-7b-instruct"}


@pytest.mark.parametrize("source", sorted(SAMPLES))
def test_truncated_file_is_a_one_line_error(source: str) -> None:
    data = (FIXTURES / SAMPLES[source]).read_bytes()
    with pytest.raises(ImportFormatError) as err:
        _parse(source, data[: len(data) // 2])
    assert SAMPLES[source] in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("source", ["models-dev", "llm-stats", "openrouter", "overlay"])
def test_wrong_format_is_rejected(source: str) -> None:
    with pytest.raises(ImportFormatError):
        _parse(source, json.dumps([1, 2, 3]).encode())


def test_bad_field_names_record_and_field() -> None:
    data = json.loads((FIXTURES / SAMPLES["models-dev"]).read_text())
    data["providers"]["openrouter"]["models"]["inclusionai/ling-2.6-flash"]["limit"]["context"] = "lots"
    with pytest.raises(ImportFormatError) as err:
        _parse("models-dev", json.dumps(data).encode())
    assert err.value.record == "providers.openrouter.models.inclusionai/ling-2.6-flash"
    assert err.value.field == "limit.context"


def test_openrouter_bad_price_names_field() -> None:
    data = json.loads((FIXTURES / SAMPLES["openrouter"]).read_text())
    data["data"][2]["pricing"]["prompt"] = "cheap"
    with pytest.raises(ImportFormatError) as err:
        _parse("openrouter", json.dumps(data).encode())
    assert err.value.field == "pricing.prompt" and "inclusionai/ling-2.6-flash" in (err.value.record or "")


def test_overlay_is_strict() -> None:
    data = json.loads((FIXTURES / SAMPLES["overlay"]).read_text())
    data["models"][0]["colour"] = "blue"
    with pytest.raises(ImportFormatError) as err:
        _parse("overlay", json.dumps(data).encode())
    assert err.value.field == "models.0.colour"


def test_unknown_source() -> None:
    with pytest.raises(UnknownSource) as err:
        parser_for("huggingface")
    assert "models-dev" in str(err.value)
