"""The LiteLLM importer on the full 1.110.2 cost map: version, routes, prices read off the raw file, route ids that
match models.dev's, regions, deprecation, and bad input that names the record."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import pytest

from catalog.errors import ImportFormatError
from catalog.models import Price, Route
from catalog.sources import litellm
from catalog.sources.providers import load_providers
from catalog.sources.records import SourceBatch
from tests.paths import FIXTURES, ROOT

DATA = ROOT.parent / "shared" / "data"
FULL = DATA / "full-sources" / "litellm-1.110.2-model_prices_and_context_window.json"
OLDER = DATA / "full-sources" / "litellm-model_prices_and_context_window.json"
MODELS_DEV = DATA / "models-dev-catalog.json"
SAMPLE = FIXTURES / "litellm-model_prices_and_context_window.sample.json"

needs_full = pytest.mark.skipif(not FULL.exists(), reason=f"full LiteLLM 1.110.2 cost map not present at {FULL}")
D = Decimal


@cache
def _full() -> SourceBatch:
    return litellm.parse(FULL.read_bytes(), FULL.name)


@cache
def _by_record() -> dict[str, Route]:
    return {r.route.provenance.record: r.route for r in _full().routes}


def _route(record: str) -> Route:
    route = _by_record().get(record)
    assert route is not None, f"{record} is not a route"
    return route


def _price(record: str) -> Price:
    price = _route(record).price
    assert price is not None, f"{record} has no price"
    return price


def _parse(models: dict[str, Any], name: str = "litellm.json") -> SourceBatch:
    return litellm.parse(json.dumps(models).encode(), name)


def _entry(**extra: Any) -> dict[str, Any]:
    return {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, **extra}


# --- the full 1.110.2 file ---------------------------------------------------------------------------------------


@needs_full
def test_version_and_route_count() -> None:
    batch = _full()
    assert batch.version == "1.110.2" and batch.source == "litellm" and batch.source_date is None
    assert len(batch.routes) == 3034
    keys = [(r.route.provider_id, r.route.provider_model_id) for r in batch.routes]
    assert len(set(keys)) == len(keys), "two LiteLLM keys became the same route"


@needs_full
def test_older_release_without_version_in_name() -> None:
    if not OLDER.exists():
        pytest.skip(f"LiteLLM 1.109.1 cost map not present at {OLDER}")
    batch = litellm.parse(OLDER.read_bytes(), OLDER.name)
    assert batch.version is None and len(batch.routes) == 2937


# (record, price field, expected): every value read off the raw 1.110.2 file, USD per token x 1M unless per unit.
PRICES: list[tuple[str, str, Decimal | None]] = [
    # OpenAI gpt-4o: $2.50 / $10 with cached input $1.25; priority ($4.25) is another service tier, not mixed in
    ("gpt-4o", "input", D("2.5")),
    ("gpt-4o", "output", D(10)),
    ("gpt-4o", "cache_read", D("1.25")),
    ("gpt-4o", "batch_input", D("1.25")),
    ("gpt-4o", "batch_output", D(5)),
    # Anthropic Claude Sonnet 4.5: 5-minute and 1-hour cache writes, $10 per 1k web searches
    ("claude-sonnet-4-5", "input", D(3)),
    ("claude-sonnet-4-5", "output", D(15)),
    ("claude-sonnet-4-5", "cache_read", D("0.3")),
    ("claude-sonnet-4-5", "cache_write", D("3.75")),
    ("claude-sonnet-4-5", "cache_write_1h", D(6)),
    ("claude-sonnet-4-5", "batch_output", D("7.5")),
    ("claude-sonnet-4-5", "per_1k_searches", D(10)),
    # the same model on Vertex: cache writes plus its >200k tier (below)
    ("vertex_ai/claude-sonnet-4-5", "cache_write", D("3.75")),
    ("vertex_ai/claude-sonnet-4-5", "cache_write_1h", D(6)),
    # Gemini 2.5 Pro on the Gemini API
    ("gemini/gemini-2.5-pro", "input", D("1.25")),
    ("gemini/gemini-2.5-pro", "output", D(10)),
    ("gemini/gemini-2.5-pro", "cache_read", D("0.125")),
    ("gemini/gemini-2.5-pro", "per_1k_searches", D(35)),
    # Bedrock in eu-west-2 costs more than the region-less entry ($2.65 / $3.50)
    ("bedrock/eu-west-2/meta.llama3-70b-instruct-v1:0", "input", D("3.45")),
    ("bedrock/eu-west-2/meta.llama3-70b-instruct-v1:0", "output", D("4.55")),
    ("meta.llama3-70b-instruct-v1:0", "input", D("2.65")),
    ("meta.llama3-70b-instruct-v1:0", "output", D("3.5")),
    # Azure's EU data zone, 10% over azure/gpt-4o
    ("azure/eu/gpt-4o", "input", D("2.75")),
    ("azure/gpt-4o", "input", D("2.5")),
    # Perplexity: search sizes differ ($5/$8/$12 per 1k), request fee, citation tokens, reasoning tokens
    ("perplexity/sonar", "per_1k_searches", D(8)),
    ("perplexity/pplx-70b-online", "per_request", D("0.005")),
    ("perplexity/pplx-70b-online", "input", D(0)),
    ("perplexity/sonar-deep-research", "reasoning", D(3)),
    ("perplexity/sonar-deep-research", "per_1k_searches", D(5)),
    # image models: image output tokens and per-image prices
    ("gpt-image-1", "image_output", D(40)),
    ("gpt-image-1", "output", None),
    ("gemini/gemini-2.5-flash-image", "image_output", D(30)),
    ("gemini/gemini-2.5-flash-image", "per_image", D("0.039")),
    # realtime audio tokens
    ("gpt-realtime", "audio_input", D(32)),
    ("gpt-realtime", "audio_output", D(64)),
    # DeepSeek's cache-hit price; Qwen's tiered_pricing base band
    ("deepseek-chat", "cache_read", D("0.028")),
    ("dashscope/qwen3-coder-flash", "input", D("0.3")),
    ("dashscope/qwen3-coder-flash", "output", D("1.5")),
]


@needs_full
@pytest.mark.parametrize(("record", "field", "expected"), PRICES)
def test_known_prices(record: str, field: str, expected: Decimal | None) -> None:
    assert getattr(_price(record), field) == expected


# (record, [(min_prompt_tokens, input, output, cache_read, cache_write)]): prices above N prompt tokens, sorted
TIERS: list[tuple[str, list[tuple[int, Decimal | None, Decimal | None, Decimal | None, Decimal | None]]]] = [
    ("vertex_ai/claude-sonnet-4-5", [(200_000, D(6), D("22.5"), D("0.6"), D("7.5"))]),
    ("gemini/gemini-2.5-pro", [(200_000, D("2.5"), D(15), D("0.25"), None)]),
    ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", [(200_000, D("6.6"), D("24.75"), D("0.66"), D("8.25"))]),
    (
        "dashscope/qwen3-coder-flash",
        [
            (32_000, D("0.5"), D("2.5"), D("0.12"), None),
            (128_000, D("0.8"), D(4), D("0.2"), None),
            (256_000, D("1.6"), D("9.6"), D("0.4"), None),
        ],
    ),
    ("gpt-4o", []),
]


@needs_full
@pytest.mark.parametrize(("record", "expected"), TIERS)
def test_tiers(record: str, expected: list[tuple[int, Any, Any, Any, Any]]) -> None:
    tiers = [(t.min_prompt_tokens, t.input, t.output, t.cache_read, t.cache_write) for t in _price(record).tiers]
    assert tiers == expected


# (record, words the fee sentence must contain); None: no fee sentence at all
FEES: list[tuple[str, list[str] | None]] = [
    ("perplexity/sonar", ["web search", "low $5", "medium $8", "high $12", "medium)"]),
    ("perplexity/sonar-deep-research", ["citation tokens billed at $2 per 1M"]),
    ("gemini/gemini-2.5-pro", ["google maps grounding $0.025 per query"]),
    ("gpt-4o", None),  # FedRAMP uplifts are US-government clouds only: not said
    ("vertex_ai/claude-sonnet-4-5", ["regional endpoint uplift x1.1"]),
    ("xai/grok-imagine-image-2.0", ["per image by size: 1K $0.04, 2K $0.06", "input $0.06 per image"]),
    ("bedrock/us-west-2/1-month-commitment/anthropic.claude-instant-v1", ["$0.011 per second"]),
    ("claude-sonnet-4-5", None),  # web search sizes all $0.01: per_1k_searches says it all
]


@needs_full
@pytest.mark.parametrize(("record", "words"), FEES)
def test_fees_are_said_not_dropped(record: str, words: list[str] | None) -> None:
    said = _price(record).fees_unknown
    if words is None:
        assert said is None
    else:
        assert said is not None and all(w in said for w in words), said


@needs_full
def test_every_non_token_charge_is_surfaced() -> None:
    raw = json.loads(FULL.read_bytes())
    for route in _by_record().values():
        entry = raw[route.provenance.record]
        fees = [k for k, v in entry.items() if k.endswith(("_per_query", "_per_second", "_per_session")) and v]
        fees = [k for k in fees if k != "search_context_cost_per_query"]
        if fees or entry.get("citation_cost_per_token"):
            assert route.price is not None and route.price.fees_unknown, route.provenance.record


# (LiteLLM key, provider id, route id, region)
ROUTE_IDS: list[tuple[str, str, str, str | None]] = [
    ("gpt-4o", "openai", "gpt-4o", None),
    ("gemini/gemini-2.5-pro", "google", "gemini-2.5-pro", None),
    ("vertex_ai/claude-sonnet-4-5", "google-vertex-anthropic", "claude-sonnet-4-5", None),
    ("vertex_ai/xai/grok-4.3", "google-vertex", "xai/grok-4.3", None),
    ("perplexity/perplexity/sonar", "perplexity", "perplexity/sonar", None),  # the Agent API's own namespace
    ("fireworks_ai/accounts/fireworks/models/glm-5p1", "fireworks-ai", "accounts/fireworks/models/glm-5p1", None),
    ("together_ai/Qwen/Qwen3.5-397B-A17B", "togetherai", "Qwen/Qwen3.5-397B-A17B", None),
    ("groq/openai/gpt-oss-120b", "groq", "openai/gpt-oss-120b", None),
    ("deepinfra/deepseek-ai/DeepSeek-V3.2", "deepinfra", "deepseek-ai/DeepSeek-V3.2", None),
    ("mistral/codestral-latest", "mistral", "codestral-latest", None),
    ("xai/grok-4.3", "xai", "grok-4.3", None),
    ("perplexity/sonar", "perplexity", "sonar", None),
    ("cloudflare/@cf/meta/llama-3.2-3b-instruct", "cloudflare-workers-ai", "@cf/meta/llama-3.2-3b-instruct", None),
    (
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "amazon-bedrock",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "us",
    ),
    (
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "amazon-bedrock",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "global",
    ),
    (
        "bedrock/eu-west-2/meta.llama3-70b-instruct-v1:0",
        "amazon-bedrock",
        "eu-west-2/meta.llama3-70b-instruct-v1:0",
        "eu-west-2",
    ),
    (
        "bedrock/us-gov-east-1/amazon.nova-pro-v1:0",
        "amazon-bedrock",
        "us-gov-east-1/amazon.nova-pro-v1:0",
        "us-gov-east-1",
    ),
    ("bedrock/moonshotai.kimi-k2-thinking", "amazon-bedrock", "moonshotai.kimi-k2-thinking", None),
    ("azure/eu/gpt-4o", "azure", "eu/gpt-4o", "eu"),
    ("azure_ai/claude-sonnet-4-5", "azure-cognitive-services", "claude-sonnet-4-5", None),
]


@needs_full
@pytest.mark.parametrize(("record", "provider", "route_id", "region"), ROUTE_IDS)
def test_route_ids_lose_litellm_prefixes(record: str, provider: str, route_id: str, region: str | None) -> None:
    route = _route(record)
    assert (route.provider_id, route.provider_model_id, route.region) == (provider, route_id, region)
    assert route.spelling == route_id.rsplit("/", 1)[-1]


@needs_full
def test_no_route_keeps_its_litellm_prefix() -> None:
    raw = json.loads(FULL.read_bytes())
    for route in _by_record().values():
        provider = raw[route.provenance.record]["litellm_provider"]
        head, _, rest = route.provenance.record.partition("/")
        if rest and (head == provider or provider.startswith((f"{head}_", f"{head}-"))):
            assert route.provider_model_id.endswith(rest.removeprefix("invoke/")), route.provenance.record
            assert not route.provider_model_id.startswith(f"{head}/") or rest.startswith(f"{head}/")


@needs_full
@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        ("bedrock/invoke/anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
        ("fireworks_ai/glm-5p1", "fireworks_ai/accounts/fireworks/models/glm-5p1"),
        ("fireworks_ai/glm-5p1-fast", "fireworks_ai/accounts/fireworks/routers/glm-5p1-fast"),
        ("deepseek/deepseek-chat", "deepseek-chat"),
    ],
)
def test_two_spellings_of_one_route_become_one(dropped: str, kept: str) -> None:
    assert dropped not in _by_record() and kept in _by_record()


@needs_full
@pytest.mark.parametrize(
    "record",
    [
        "text-embedding-3-small",  # embedding
        "together-ai-up-to-4b",  # a size-bucket price template, not a model
        "claude-opus-latest",  # alias_of
        "openai/container",  # code interpreter session charge
        "fallback_generalizations",
        "empiriolabs/aplomb-1",  # a provider we do not map
        "perplexity/preset/pro-search",  # neither a price nor a context window
    ],
)
def test_not_routes(record: str) -> None:
    assert record in json.loads(FULL.read_bytes()) and record not in _by_record()


@needs_full
def test_skipped_providers_are_counted() -> None:
    skipped = litellm.skipped_providers(FULL.read_bytes(), FULL.name)
    assert sum(skipped.values()) == 977
    assert skipped["empiriolabs"] == 92 and skipped["bedrock_mantle"] == 61 and skipped["chatgpt"] == 22
    assert not set(skipped) & set(load_providers().litellm)


@needs_full
def test_matches_models_dev_route_ids() -> None:
    """Measured 2026-11-29: 181 of 3,034 routes (6.0%) match by raw key, 709 (23.4%) after prefix stripping; most
    of the rest are routes models.dev does not list (older or newer models, regional and fine-tune entries)."""
    if not MODELS_DEV.exists():
        pytest.skip(f"models.dev snapshot not present at {MODELS_DEV}")
    known = {(p, m) for p, prov in json.loads(MODELS_DEV.read_bytes())["providers"].items() for m in prov["models"]}
    routes = _full().routes
    before = sum((r.route.provider_id, r.route.provenance.record) in known for r in routes) / len(routes)
    after = sum((r.route.provider_id, r.route.provider_model_id) in known for r in routes) / len(routes)
    assert before < 0.07 and after >= 0.23


@needs_full
def test_deprecation_and_limits() -> None:
    assert _route("codestral/codestral-2405").status == "deprecated"  # 2025-06-16
    assert _route("perplexity/sonar").status is None  # no deprecation date
    gpt = _route("gpt-4o")
    assert (gpt.context_window, gpt.max_output) == (128_000, 16_384)
    for route in _by_record().values():
        assert not (route.context_window and route.max_output and route.max_output > route.context_window)


@needs_full
def test_capabilities() -> None:
    facts = {r.route.provenance.record: r.facts for r in _full().routes}
    assert facts["gpt-4o"]["capabilities"] == {
        "function_calling": "yes",
        "tool_use": "yes",
        "vision": "yes",
        "structured_outputs": "yes",
    }
    assert facts["perplexity/sonar-deep-research"]["capabilities"] == {"reasoning": "yes"}


# --- shapes, dates and bad input (small made-up maps) -------------------------------------------------------------


def test_wrapped_file_gives_version_and_date() -> None:
    models = {"old": _entry(deprecation_date="2026-06-30"), "due": _entry(deprecation_date="2026-07-01")}
    batch = _parse({"source": {"version": "1.110.2", "date": "2026-06-30"}, "models": models})
    assert (batch.version, batch.source_date) == ("1.110.2", "2026-06-30")
    status = {r.route.provider_model_id: r.route.status for r in batch.routes}
    assert status == {"old": "deprecated", "due": None}  # on or before the batch date
    assert batch.routes[0].route.provenance.source_date == "2026-06-30"


def test_version_in_file_name_wins() -> None:
    wrapped = {"source": {"version": "1.0.0"}, "models": {"m": _entry()}}
    assert _parse(wrapped, "litellm-1.110.2-model_prices_and_context_window.json").version == "1.110.2"
    assert _parse({"m": _entry()}, "model_prices_and_context_window.json").version is None


def test_sample_fixture() -> None:
    batch = litellm.parse(SAMPLE.read_bytes(), SAMPLE.name)
    routes = {r.route.provider_model_id: r.route for r in batch.routes}
    assert set(routes) == {
        "accounts/fireworks/models/qwen2-7b-instruct",
        "gpt-5.3-codex",
        "claude-sonnet-4-5",
        "anthropic.claude-sonnet-4-20250514-v1:0",
    }
    codex = routes["gpt-5.3-codex"].price
    assert codex is not None and codex.input == D("1.75")  # not the priority price
    assert litellm.skipped_providers(SAMPLE.read_bytes()) == {"chatgpt": 1}


def _truncated() -> bytes:
    return SAMPLE.read_bytes()[:500]


BROKEN: list[tuple[str, Callable[[], bytes], str | None, str | None]] = [
    ("truncated JSON", _truncated, None, None),
    ("top level not an object", lambda: b"[1, 2]", None, None),
    ("entry not an object", lambda: json.dumps({"gpt-x": [1, 2]}).encode(), "gpt-x", None),
    (
        "cost of letters",
        lambda: json.dumps({"gpt-x": _entry(input_cost_per_token="cheap")}).encode(),
        "gpt-x",
        "input_cost_per_token",
    ),
    (
        "tier cost of letters",
        lambda: json.dumps({"gpt-x": _entry(input_cost_per_token_above_200k_tokens="lots")}).encode(),
        "gpt-x",
        "input_cost_per_token_above_200k_tokens",
    ),
    (
        "unused cost of letters",
        lambda: json.dumps({"gpt-x": _entry(input_cost_per_token_priority="n/a")}).encode(),
        "gpt-x",
        "input_cost_per_token_priority",
    ),
    (
        "limit of letters",
        lambda: json.dumps({"gpt-x": _entry(max_input_tokens="big")}).encode(),
        "gpt-x",
        "max_input_tokens",
    ),
]


@pytest.mark.parametrize(("what", "data", "record", "field"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_input_names_the_record(
    what: str, data: Callable[[], bytes], record: str | None, field: str | None
) -> None:
    with pytest.raises(ImportFormatError) as err:
        litellm.parse(data(), "litellm.json")
    assert (err.value.file, err.value.record, err.value.field) == ("litellm.json", record, field)
    assert "\n" not in str(err.value) and (record is None or record in str(err.value))


def test_unit_conversions() -> None:
    batch = _parse(
        {
            "img": {
                "litellm_provider": "openai",
                "mode": "image_generation",
                "output_cost_per_image": 0.04,
                "output_cost_per_image_token": 4e-05,
            },
            "emb": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 1e-08},
            "tts": {"litellm_provider": "openai", "mode": "audio_speech", "input_cost_per_character": 1.5e-05},
            "web": _entry(search_context_cost_per_query=0.01),
        }
    )
    prices = {r.route.provider_model_id: r.route.price for r in batch.routes}
    assert set(prices) == {"img", "web"}  # embeddings and per-character speech are not imported
    img, web = prices["img"], prices["web"]
    assert img is not None and (img.per_image, img.image_output) == (D("0.04"), D(40))
    assert web is not None and web.per_1k_searches == D(10)
