"""Identity on the shipped data: probe tables written from the raw sources by category, the curated entries, and
the wrong merges and duplicates the identity issue named. Probes name routes, so they hold whatever records are
called. The dev table is the one rules were tuned on; the held-out table was written independently and is only
scored as a whole."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from catalog.identity.curated import load_curated, own_ids_win, ref
from catalog.identity.doubts import doubts
from catalog.matching.index import MatchIndex
from catalog.models import Model
from tools.evaluate_identity import SETS, check, evaluate, load_rows

DEV = load_rows(SETS / "dev.jsonl")

#: Dev probes the rules do not get right, each with why; strict, so a fix shows up as an unexpected pass.
KNOWN_MISSES = {
    "d077": "the probe lists Vercel's and OpenAI's gpt-5.2 as different models; both are GPT-5.2",
    "d147": "Mistral Large 2411 also sold as 'Large 2.1': a version no id states",
    "d152": "'Mistral Small 4 119B' vs 2603: a size on one side and a snapshot on the other",
    "d157": "undated devstral-small labelled 'Devstral Small 1.1': the label gives a version, not a snapshot",
    "d249": "undated Qwen3 Thinking labelled 2507: price differs from the 2507 snapshot's median by more than 2x",
    "d295": "a fine-tune published under the base model's name (OpenPipe/Qwen3-14B-Instruct)",
    "d315": "Vercel leaves 'vision' out of Llama 3.2 11B Vision's id",
    "d464": "undated doubao-seed-1.8: two dated snapshots (251215, 251228) exist",
    "d476": "the data gives Step 3.5 Flash and its 2603 snapshot one release date and one price",
    "d479": "same as d476, through resolve",
}


@pytest.fixture(scope="module")
def owner(shipped_models: list[Model]) -> dict[tuple[str, str], str]:
    return {(r.provider_id, r.provider_model_id): m.id for m in shipped_models for r in m.routes}


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, marks=pytest.mark.xfail(reason=KNOWN_MISSES[r["id"]], strict=True))
        if r["id"] in KNOWN_MISSES
        else r
        for r in DEV
    ],
    ids=[r["id"] for r in DEV],
)
def test_dev_probe(row: dict[str, object], owner: dict[tuple[str, str], str], shipped_index: MatchIndex) -> None:
    assert check(row, owner, shipped_index) is None


def test_the_dev_table_is_broad() -> None:
    by_category = Counter(r["category"] for r in DEV)
    assert len(DEV) >= 300 and min(by_category.values()) >= 25, by_category
    assert {r["kind"] for r in DEV} == {"same", "different", "resolve"}


def test_held_out_probes(shipped_models: list[Model]) -> None:
    """Scored as a whole (measured 0.955 when committed; the dev table scored 0.955)."""
    report = evaluate(shipped_models, load_rows(SETS / "heldout.jsonl"))
    assert sum(report.total.values()) >= 400
    assert report.score >= 0.95, f"{report.score:.3f}: {len(report.errors)} probes fail"


def test_every_curated_entry_matches_the_data(owner: dict[tuple[str, str], str]) -> None:
    """An entry that no longer names a shipped route is dead weight; same/alias entries must hold."""
    curated = load_curated()
    assert curated.entries
    for entry in curated.entries:
        routes = [ref(t) for t in (*entry.routes, *([entry.target] if entry.target else []))]
        assert all(r in owner for r in routes), entry.id
        if entry.kind == "unlink":
            assert all(r in curated.links for r in routes), f"{entry.id}: nothing to unlink"
        if entry.kind in ("same", "alias"):
            assert len({owner[r] for r in routes}) == 1, entry.id
    assert len({e.id for e in curated.entries}) == len(curated.entries)


def test_every_model_id_and_alias_resolves_to_exactly_that_model(
    shipped_models: list[Model], shipped_index: MatchIndex
) -> None:
    wrong = {}
    for m in shipped_models:
        for name in (m.id, *m.aliases):
            got = shipped_index.resolve(name).model_id  # raises AmbiguousModel / ModelNotFound on failure
            if got != m.id:
                wrong[name] = (got, m.id)
    assert wrong == {}


#: The wrong merges the identity issue found, as pairs of routes that must sit in different models.
APART = [
    ("cohere/command-r-08-2024", "cohere/command-r-plus-08-2024"),
    ("302ai/gemini-2.5-flash-preview-09-2025", "cohere/command-a-03-2025"),
    ("openai/gpt-5.2", "openai/gpt-5.2-pro"),
    ("openrouter/qwen/qwen3-235b-a22b", "openrouter/qwen/qwen3-235b-a22b-2507"),
    ("zenmux/x-ai/grok-code-fast-1", "zenmux/x-ai/grok-4.1-fast"),
    ("neon/claude-sonnet-4", "anthropic/claude-sonnet-4-5-20250929"),
    ("openai/gpt-4", "openai/gpt-4-32k"),  # a size is never read as a dotless point release
    # three weights versions (v0.1-v0.3): which one a bare id serves is not said
    ("togetherai/mistralai/Mistral-7B-Instruct-v0.3", "openrouter/mistralai/mistral-7b-instruct"),
    ("mistral/mistral-large-2411", "mistral/mistral-large-2512"),
    ("nano-gpt/gemini-2.5-pro-preview-05-06", "nano-gpt/gemini-2.5-pro-preview-06-05"),
    ("openrouter/deepseek/deepseek-v3.2", "openrouter/deepseek/deepseek-v3.2-exp"),
    ("openrouter/moonshotai/kimi-k2-0905", "openrouter/moonshotai/kimi-k2"),
    ("openrouter/mistralai/ministral-3b-2512", "mistral/ministral-3b-latest"),
    ("openrouter/deepseek/deepseek-r1", "openrouter/deepseek/deepseek-r1-0528"),
]

#: Duplicates the issue found, each as routes that must sit in one model.
TOGETHER = [
    (
        "openrouter/meta-llama/llama-4-maverick",
        "amazon-bedrock/meta.llama4-maverick-17b-instruct-v1:0",
        "azure/llama-4-maverick-17b-128e-instruct-fp8",
        "llama/groq-llama-4-maverick-17b-128e-instruct",
    ),
    ("openrouter/meta-llama/llama-4-scout", "groq/meta-llama/llama-4-scout-17b-16e-instruct"),
    (
        "openrouter/moonshotai/kimi-k2-0905",
        "huggingface/moonshotai/Kimi-K2-Instruct-0905",
        "moonshotai/kimi-k2-0905-preview",
    ),
    (
        "mistral/mistral-large-2512",
        "vercel/mistral/mistral-large-3",
        "amazon-bedrock/mistral.mistral-large-3-675b-instruct",
    ),
    ("mistral/devstral-2512", "vercel/mistral/devstral-2", "ollama-cloud/devstral-2:123b"),
    ("amazon-bedrock/amazon.nova-pro-v1:0", "openrouter/amazon/nova-pro-v1"),
    ("amazon-bedrock/amazon.nova-lite-v1:0", "openrouter/amazon/nova-lite-v1"),
    ("amazon-bedrock/amazon.nova-micro-v1:0", "openrouter/amazon/nova-micro-v1"),
    ("amazon-bedrock/us.anthropic.claude-opus-4-6-v1", "anthropic/claude-opus-4-6"),
    ("aihubmix/deep-deepseek-v4-pro", "aihubmix/alicloud-deepseek-v4-pro", "deepseek/deepseek-v4-pro"),
    # a point release without its dot (the "dotless" rule), and Poe's month-named Claude 3.5 Sonnet (curated)
    ("azure/gpt-35-turbo", "openai/gpt-3.5-turbo"),
    ("lambda/qwen25-coder-32b-instruct", "hyperbolic/Qwen/Qwen2.5-Coder-32B-Instruct"),
    ("databricks/databricks-qwen35-122b-a10b", "alibaba/qwen3.5-122b-a10b"),
    ("poe/anthropic/claude-sonnet-3.5-june", "anthropic/claude-3-5-sonnet-20240620"),
    # an undated id priced like the same provider's only snapshot (OCI: $1.56 both; Cohere's own $10 aside)
    ("oci/cohere.command-a-reasoning", "cohere/command-a-reasoning-08-2025"),
    ("oci/cohere.command-a-vision", "cohere/command-a-vision-07-2025"),
    # the one weights version there is ("only-version")
    ("togetherai/mistralai/Mixtral-8x22B-Instruct-v0.1", "mistral/open-mixtral-8x22b"),
    ("lambda/hermes3-70b", "openrouter/nousresearch/hermes-3-llama-3.1-70b"),  # curated
    ("llmgateway/minimax-text-01", "minimax/minimax-01"),  # curated
]


def _owners(owner: dict[tuple[str, str], str], routes: tuple[str, ...]) -> list[str]:
    return [owner[ref(r)] for r in routes]


@pytest.mark.parametrize(("a", "b"), APART)
def test_wrong_merges_are_gone(owner: dict[tuple[str, str], str], a: str, b: str) -> None:
    first, second = _owners(owner, (a, b))
    assert first != second


@pytest.mark.parametrize("routes", TOGETHER, ids=[r[0] for r in TOGETHER])
def test_duplicates_are_one_model(owner: dict[tuple[str, str], str], routes: tuple[str, ...]) -> None:
    assert len(set(_owners(owner, routes))) == 1


def test_duplicate_records_at_most_one_percent(shipped_models: list[Model]) -> None:
    """Records of one generation whose names reduce to one key (what ``python -m catalog doubts`` calls a split)."""
    extra = sum(len(d.models) - 1 for d in doubts(shipped_models) if d.kind == "split")
    assert extra <= 0.01 * len(shipped_models), extra


def test_placeholder_dates_are_never_shown(shipped_models: list[Model]) -> None:
    assert [m.id for m in shipped_models if m.release_date and m.release_date.endswith("-01-01")] == []


def test_routes_keep_quantisation_and_region_as_attributes(shipped_models: list[Model]) -> None:
    routes = [r for m in shipped_models for r in m.routes]
    assert Counter(r.quantization for r in routes if r.quantization)["fp8"] >= 20
    assert {"us", "eu", "global"} <= {r.region for r in routes if r.region}
    assert all(r.placed_by for r in routes)


def test_moving_aliases_are_marked(shipped_models: list[Model]) -> None:
    moving = {m.id: m for m in shipped_models if m.moving_alias}
    assert moving and all("latest" in m.name.lower() for m in moving.values())
    assert all(all("latest" in r.provider_model_id.lower() for r in m.routes) for m in moving.values())


def test_identity_records_are_json_with_placements(shipped_models: list[Model]) -> None:
    from catalog.reports import identity_records

    records = json.loads(json.dumps(identity_records(shipped_models)))
    assert len(records) == len(shipped_models)
    route = records[0]["routes"][0]
    assert set(route) == {"provider", "route_id", "source", "quantization", "region", "placed_by"}


def test_a_route_spelling_another_lab_models_id_follows_its_own_id() -> None:
    """One odd link among consistent ones: the lab's own "-highspeed" route goes to the "-highspeed" lab model."""
    links = {
        ("moonshotai", "kimi-k2.7-code"): "moonshotai/kimi-k2.7-code",
        ("moonshotai", "kimi-k2.7-code-highspeed"): "moonshotai/kimi-k2.7-code",  # the odd one
        ("gmicloud", "moonshotai/kimi-k2.7-code-highspeed"): "moonshotai/kimi-k2.7-code-highspeed",
        ("host", "fast-kimi"): "moonshotai/kimi-k2.7-code",  # spells no lab model: its link stands
        ("other", "kimi-k2.7-code-highspeed"): "otherlab/kimi-x",  # another lab's base: never moved across labs
    }
    out = own_ids_win(links)
    assert out[("moonshotai", "kimi-k2.7-code-highspeed")] == "moonshotai/kimi-k2.7-code-highspeed"
    assert out[("host", "fast-kimi")] == "moonshotai/kimi-k2.7-code"
    assert out[("other", "kimi-k2.7-code-highspeed")] == "otherlab/kimi-x"
