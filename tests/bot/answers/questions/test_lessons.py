"""Lessons of the fourth and fifth independent question sets (final3, final4), one row per general fix: rates per
second, labels ended by a colon, tiers a model lacks, dated releases, family filters, follow-ups, deprecated
listings, one side of two prices, terse comparisons, colleagues addressed by name."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("mistral nemo: is it apache licensed and what's the price per 1M?", ["Yes — Mistral Nemo"], []),
        ("three things about gpt-4.1: context window, max output, and price per million tokens", ["$2.00"], []),
        ("does claude haiku 4.5 have the same context window as sonnet 4.5?", ["Yes — both"], []),
        ("which has the bigger context, gemini 2.5 pro or claude opus 4.1?", ["1,048,576 vs 200,000"], []),
        ("is gemini 2.0 flash the same price as gemini 2.5 flash-lite?", ["Yes — the same price"], []),
        ("which can output more tokens, gpt-5 or claude opus 4.1?", ["128,000"], []),
        ("what license is gemma 3 27b under? can we use it in a product?", ["Yes, with conditions"], ["Yes — Gemma"]),
        ("gpt-4o gpqa diamond score", ["recorded as GPQA, not GPQA Diamond"], []),
        ("which models have 2m context?", ["2M context"], ["Router"]),
    ],
)
def test_fresh_phrasings(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, line, fragments, absent)


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        (["what's gemini 2.5 flash's context?", "the lite one?"], "Gemini 2.5 Flash-Lite"),
        (
            ["monthly bill for gemini 2.5 flash at 1M requests per month, 500 in 200 out?", "same for flash-lite"],
            "$130",
        ),
    ],
)
def test_compound_tiers(shipped_catalog: Catalog, lines: list[str], fragment: str) -> None:
    text = _say(shipped_catalog, *lines)
    assert text is not None and fragment in text, text


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["deepseek r1 price per million?", "and v3?"], ["DeepSeek-V3: $0.27"]),  # the family of the model before
        (
            [
                "what would claude sonnet 4.5 cost at 10k requests a day, 3k in, 500 out?",
                "and if we double the traffic?",
            ],
            ["$9,900.00/month", "20,000 req/day"],
        ),
        (
            [
                "what would claude sonnet 4.5 cost at 10k requests a day, 3k in, 500 out?",
                "what if half the input is cached?",
            ],
            ["50% of input cached"],
        ),
        (["cohere command z - price per 1M tokens?"], ["command z is not in the catalog"]),
        (["what's sonar ultra max per million tokens?"], ["sonar ultra max is not in the catalog"]),
        (["ministral 8b instruct license?"], ["Ministral 8B Instruct is listed under"]),  # the resolver's exact name
        (["jamba 1.5 large - open model? license?"], ["Yes, open weights"]),
        (["gemini 1.0 pro gpqa - is that number self-reported by google?"], ["not self-reported"]),
        (["which claude models can output 128k tokens?"], ["max output ≥ 128,000 tokens", "$11,250.00/month"]),
        (["which claude models are priced at $3 in / $15 out per million?"], ["priced at $3 in / $15 out"]),
        (["deepseek reasoner w/ 2k calls per day, 1500 input and 4000 output tokens. monthly?"], ["60,000"]),
    ],
)
def test_held_out_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        (
            "finance is asking. gpt-5 at 1 mil requests a month, 800 input + 300 output tokens. monthly bill?",
            ["1,000,000"],
        ),
        ("gpt-5 mini: 3k req per diem, ~4k toks in, 600 out. whats the monthly damage", ["90,000 requests/month"]),
        ("grok code fast 1 for the pr-review bot: ~1500 PRs a day, 8k tokens in, 1k out. monthly?", ["45,000"]),
        ("command r — $/1M in and out?", ["$0.15"]),  # a price's unit, not a million tokens each way
        ("curious whether deepseek r1 is open weights", ["Yes — DeepSeek-R1: Open source — open weights"]),
        ("nova pro vs nova lite — same context?", ["Yes — both"]),
        ("does gpt-5 have more max output than sonnet 4.5?", ["Yes — GPT-5 128,000"]),
        ("do gpt-4.1 nano and gemini 2.0 flash cost the same?", ["Yes — the same price"]),
        (
            "is nova lite on bedrock only? and what does it cost per 1M",
            ["No — Amazon Bedrock serves Nova Lite, and so"],
        ),
        ("codestral: context size and how much per 1M tokens?", ["Codestral has a 256k"]),  # a family word alone
    ],
)
def test_final_set_lessons(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, line, fragments)


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["is gpt-oss-120b on groq?", "what about Grok 4?"], ["Grok-4 is not on Groq"]),  # the provider asked before
        (["gpt oss 120b license?", "and the 20b one?"], ["GPT OSS 20B"]),  # the other size of the same family
        (
            [
                "what would claude haiku 4.5 cost at 2k requests a day, 1k in 200 out?",
                "what if we doubled the traffic?",
            ],
            ["120,000 requests/month"],
        ),
        (["Legal want to know before we self-host anything: is Gemma 3 27B under Apache 2.0?"], ["No — Gemma 3 27B"]),
        (["I'd like the per-million price for Mistral Large 3"], ["Mistral Large 3: $0.50"]),
    ],
)
def test_final2_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("flash-lite 2.5 at 40 req/s, 400 in / 100 out — monthly bill?", ["103,680,000 requests/month"], []),
        ("command a: 90k requests per month, 10k in 1k out. monthly cost", ["90,000 requests/month"], []),
        ("is nova 3 pro cheaper than nova pro?", ["nova 3 pro is not in the catalog"], ["Deepgram"]),
        ("deepseek models released after jan 1 2026?", ["released after 2026-01-01"], ["DeepSeek-R1:"]),
        ("gpt-5 family models under $0.50 per 1M input?", ["GPT-5 Nano", "GPT-5 Mini"], ["GPT-5: $1.25"]),
        ("which qwen coder models have a 1M token context?", ["Qwen3 Coder Plus", "named qwen coder"], []),
        ("perplexity sonar models with 200k context?", ["Sonar Pro:"], ["Sonar has a"]),
        ("mistral nemo license — apache?", ["Yes — Mistral Nemo"], []),
        ("is haiku 4.5 fast enough? what's its price", ["Claude Haiku 4.5"], ["not in the catalog"]),
    ],
)
def test_final3_lessons(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, line, fragments, absent)


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["how much is gpt-5 per 1M?", "and claude sonnet 4.5?", "which is cheaper?"], ["GPT-5 is cheaper"]),
        (["gemini 2.5 flash price?", "whats the lite one cost"], ["Gemini 2.5 Flash-Lite: $0.10"]),
        (["context window of gpt-4.1?", "and opus 4.1? is that bigger or smaller?"], ["Smaller — Claude Opus 4.1"]),
    ],
)
def test_final3_follow_ups(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("Can we run DeepSeek R1 through Together AI?", ["Yes, but deprecated — Together AI"]),
        ("gemini 2.5 flash bigger context than gpt-4.1?", ["Yes — Gemini 2.5 Flash"]),
        ("kimi k2.5 cheaper than glm 4.6 per input token?", ["No — the same input price"]),
        ("haiku 4.5 cheaper than gpt-5 nano on output?", ["No — GPT-5 Nano is cheaper on output"]),
        ("We plan 90.000 requests per day on Nova Pro, 1500 in and 500 out. Cost per month?", ["2,700,000"]),
        ("claude models released in 2026", ["released after 2025, made by anthropic"]),
        ("nova models under 10 cents per million input tokens", ["input ≤ $0.1/1M"]),
        ("anthropic models with at least 1 million tokens of context?", ["context ≥ 1,000,000"]),
    ],
)
def test_final4_lessons(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, line, fragments)


def test_a_colleague_asked_by_name_is_not_the_bot(shipped_catalog: Catalog) -> None:
    assert _say(shipped_catalog, "Ravi what's your take on command r+ for the RAG pipeline?") is None
    assert _say(shipped_catalog, "What's the price of command r+?") is not None
