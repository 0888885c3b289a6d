"""Identity merging, table-driven: which spellings are one model and which must never merge."""

from __future__ import annotations

import pytest

from catalog.identity.keys import identity_key, spelling
from catalog.identity.route_ids import parse_route_id

SAME = [
    ("Llama-3.3-70B-Instruct", "Llama 3.3 70B Instruct"),
    ("gpt-oss-120b", "GPT OSS 120B"),
    ("inclusionAI: Ling-2.6 Flash", "Ling-2.6-flash"),
    ("Ling 2.6 Flash", "inclusionai/ling-2.6-flash"),
    ("Ling 2.6 Flash Free", "Ling-2.6-flash"),
    ("Claude Opus 4.5 (EU)", "Claude Opus 4.5"),
    ("Claude 4.6 Opus", "Claude Opus 4.6"),
    ("anthropic--claude-4.5-opus", "Claude Opus 4.5"),
    ("Meta: Llama 3.3 70B Instruct", "Meta-Llama-3_3-70B-Instruct"),
    ("Llama 3.3 70B Instruct (free)", "Llama 3.3 70B Instruct"),
    ("GPT-5.3 Codex Spark", "GPT-5.3-Codex-Spark"),
    ("openai/gpt-5.3-codex-spark", "gpt-5.3-codex-spark"),
    ("OpenAI: GPT-4o-mini", "GPT-4o mini"),
    ("Azure gpt-4o-mini", "GPT-4o Mini"),
    ("Qwen/Qwen3-235B-A22B-Instruct-2507", "Qwen3 235B A22B Instruct 2507"),
    ("Qwen 3 235b A22B 2507 (TEE)", "Qwen3 235B A22B Instruct 2507"),
    ("Gemma 3 27B IT", "Google: Gemma 3 27B"),
    ("gemma3:27b", "Gemma-3-27B-IT"),
    ("Kimi K2.6", "Pro/moonshotai/Kimi-K2.6"),
    ("kimi-k2p6", "Kimi K2.6"),
    ("Z.ai: GLM 4.7", "glm-4.7"),
    ("GLM-5.2", "glm-5-2"),
    ("DeepSeek: R1", "DeepSeek R1"),
    ("DeepSeek V4 Flash (DeepSeek)", "DeepSeek V4 Flash"),
    ("x-AI/Grok-4.1-Fast", "Grok 4.1 Fast"),
    ("Moonshot Kimi K2.5", "Kimi-K2.5"),
    ("Doubao Seed 1.6", "ByteDance Seed: Seed 1.6"),
    ("Llama 3.1 8B Instruct AWQ", "Llama 3.1 8B Instruct"),
    ("Qwen2.5 72B Instruct", "qwen2-5-72b-instruct"),
]

DIFFERENT = [
    ("GPT-4o", "GPT-4o mini"),
    ("Qwen2-7B-Instruct", "Qwen2-72B-Instruct"),
    ("Qwen2 7B", "Qwen2.5 7B"),
    ("Ling-2.6-Flash", "Ling-2.6-1T"),
    ("Ling 2.6 Flash", "Ring 2.6 1T"),
    ("Claude Opus 4.5", "Claude Opus 4.1"),
    ("Claude Opus 4.5", "Claude Opus 4.5 Thinking"),
    ("claude-opus-4-6", "claude-opus-4-6-thinking"),
    ("Claude Opus 4.7", "Claude Opus 4.7 (Fast)"),
    ("GPT-5", "GPT-5 Mini"),
    ("GPT-5.1 Codex", "GPT-5.1 Codex Mini"),
    ("GPT-3.5 Turbo", "GPT-3.5 Turbo Instruct"),
    ("Gemini 2.5 Flash", "Gemini 2.5 Flash Lite"),
    ("Gemini 3 Pro", "Gemini 3 Pro Preview"),
    ("Claude Sonnet 3.5", "Claude Sonnet 3.5 v2"),
    ("DeepSeek R1", "DeepSeek R1 0528"),
    ("Qwen3-235B-A22B", "Qwen3 235B A22B Instruct 2507"),
    ("Grok 4.1 Fast Reasoning", "Grok 4.1 Fast Non-Reasoning"),
    ("GPT-4o", "GPT-4o (2024-05-13)"),
    ("o3", "o3-pro"),
    ("Llama 3.1 8B", "Llama 3.1 70B"),
    ("GLM-4.7", "GLM-4.7-Flash"),
    ("Qwen3 Coder 480B", "Qwen3 Coder 480B A35B"),  # merged by the active-params fold, not the key
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} = {b}" for a, b in SAME])
def test_same_model(a: str, b: str) -> None:
    assert identity_key(a) == identity_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} != {b}" for a, b in DIFFERENT])
def test_different_models(a: str, b: str) -> None:
    assert identity_key(a) != identity_key(b)


def test_at_least_forty_rows() -> None:
    assert len(SAME) + len(DIFFERENT) >= 40


@pytest.mark.parametrize(
    ("text", "free"),
    [("Ling 2.6 Flash Free", True), ("gpt-oss-120b (free)", True), ("Ling 2.6 Flash", False)],
)
def test_free_marker_is_a_route_flag(text: str, free: bool) -> None:
    assert spelling(text).free is free


#: A dated snapshot's key is the undated key plus one snapshot token; whether the undated id is that snapshot's
#: alias is decided in the merge (one snapshot, same price and release), not by the key.
DATED = [
    ("claude-opus-4-5-20251101", "claude-opus-4-5", "20251101"),
    ("anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5", "20250929"),
    ("claude-opus-4-20250514", "claude-opus-4-0", "20250514"),
    ("gemini-2.5-pro-preview-05-06", "gemini-2.5-pro-preview", "0506"),
    ("command-r-plus-08-2024", "command-r-plus", "202408"),
    ("mistral-large-2411", "mistral-large", "2411"),
    ("deepseek-v3.2-251201", "deepseek-v3.2", "251201"),
    ("gemini-2.0-flash-001", "gemini-2.0-flash", "001"),
]


@pytest.mark.parametrize(("dated", "undated", "snapshot"), DATED)
def test_a_snapshot_is_one_token(dated: str, undated: str, snapshot: str) -> None:
    rid = parse_route_id(dated)
    assert rid.snapshot == snapshot
    assert rid.undated == parse_route_id(undated).key


def test_snapshot_order_matters() -> None:
    """05-06 and 06-05 are two Gemini 2.5 Pro previews, not one sorted set of numbers."""
    assert parse_route_id("gemini-2.5-pro-preview-05-06").key != parse_route_id("gemini-2.5-pro-preview-06-05").key


@pytest.mark.parametrize(
    ("route_id", "key", "quantization", "region"),
    [
        ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", ("20250929", "4.5", "claude", "sonnet"), None, "us"),
        ("global.anthropic.claude-opus-4-7", ("4.7", "claude", "opus"), None, "global"),
        ("accounts/fireworks/models/llama-v3p3-70b-instruct", ("3.3", "70b", "llama"), None, None),
        ("@cf/meta/llama-3.1-8b-instruct-fp8", ("3.1", "8b", "llama"), "fp8", None),
        ("Qwen/Qwen3.6-35B-A3B-FP8", ("3.6", "35b", "3b", "a", "qwen"), "fp8", None),
        ("moonshotai/kimi-k2-thinking-maas", ("k2", "kimi", "thinking"), None, None),
        ("meta-llama/llama-3.3-70b-instruct:free", ("3.3", "70b", "llama"), None, None),
        ("mlx-community/Qwen3-4bit", ("3", "qwen"), "4bit", None),
        (
            "Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-ar",
            ("3", "35b", "480b", "a", "coder", "qwen"),
            "int4",
            None,
        ),
        ("mistral-large-3:675b", ("3", "675b", "large", "mistral"), None, None),
        ("deepseek.v3.2", ("3.2", "deepseek"), None, None),
        ("command-r-plus-08-2024", ("202408", "command", "plus", "r"), None, None),
        ("cohere/command-r-08-2024", ("202408", "command", "r"), None, None),
        ("mistral-large-latest", ("large", "latest", "mistral"), None, None),
        ("c4ai-aya-expanse-32b", ("32b", "aya", "expanse"), None, None),
    ],
)
def test_route_ids_lose_decorations_and_keep_products(
    route_id: str, key: tuple[str, ...], quantization: str | None, region: str | None
) -> None:
    rid = parse_route_id(route_id)
    assert (rid.key, rid.quantization, rid.region) == (key, quantization, region)
