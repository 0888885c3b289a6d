"""Lessons of the sixth independent question set (final5), one row per general fix: chat that asks nothing
stays silent (a colleague's handle, rhetorical asides, a cost already worked out, a plan, a lab just mentioned),
and what the same words look like when they do ask."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    "line",
    [
        "@lena is the 1M context on opus 4.7 actually usable or does it fall apart past 300k?",  # to a colleague
        "@kai you said codestral was fine for autocomplete, did you compare with grok code fast?",
        "Is it me or is gemini 3.5 flash way pricier than 2.5 flash? anyway, not our problem this quarter",
        "switched the summariser to gpt-5 mini yesterday, bill dropped from $410 to about $90 for the week",
        "I did the maths: 60k requests a day on gpt-4o mini is about $400 a month, fine by me",
        "I'm going to benchmark o3 vs opus 4.7 on the math set tonight, results tomorrow",  # a plan
        "deepseek r1 thinking for 4 minutes to tell me 2+2 is 4",  # "to tell me" is no request
        "haha 'as an AI language model' still showing up in 2026",  # "ai" names no lab
        "just saw the news about the new qwen model, looks interesting",  # a lab mentioned, nothing asked
    ],
)
def test_chat_that_asks_nothing_stays_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("@here what's the price of gpt-4o mini per 1M tokens?", ["$0.15"]),  # a ping of everyone asks the bot too
        ("@bot gpt-5 mini price per million?", ["$0.25"]),
        ("what does cohere charge for command a per 1M input and output tokens?", ["$2.50"]),  # the lab says which
        ("anthropic models with 64k+ max output", ["Models that fit"]),  # a lab and something asked of its models
    ],
)
def test_the_same_words_when_they_ask(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, line, fragments)


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        # an acknowledgement or a bullet before the follow-up
        (["what does Claude Sonnet 4.6 cost per million tokens in and out?", "+1, also gpt-4.1 please"], ["$2.00"]),
        (["what does Claude Sonnet 4.6 cost per million tokens in and out?", "Thank you — and gpt-4.1?"], ["$2.00"]),
        # polite requests without "?"
        (["Kindly share the context window of Nova Micro."], ["128k"]),
        # labelled traffic lines, list numbering, "tokens of context" and "tokens back"
        (["- Nova Pro\n- 15,000/day\n- in: 7,000 tokens\n- out: 400 tokens\n→ monthly $?"], ["7,000 in / 400 out"]),
        (["gpt-4o mini at 80,000 messages a day, 1,400 tokens of context and 220 tokens back, per month?"], ["$820"]),
        (["for gpt-4.1: (1) context window, (3) input and output list price per million tokens"], ["$2.00", "$8.00"]),
        # max output asked in other words; the context's size is no parameter count
        (["gpt-4.1: how long can answers be?"], ["32,768"]),
        (["gpt-4.1: the maximum number of output tokens"], ["32,768"]),
        # filters: the side of a price named before it, a dollar in words, a ceiling on the context
        (["openai models with at least 400k context and input under $1 per million"], ["input ≤ $1"]),
        (["xai models under a dollar per million output"], ["output ≤ $1"]),
        (["which claude models are still on a 200k context window (less than 1M)?"], ["context ≤ 999,999"]),
        (["Which Moonshot (Kimi) models have a 256k context window?"], ["Models that fit"]),
        # yes/no on its own line after a bullet; equal limits said to be the same; a family's license as a license
        (["- Grok Code Fast 1 vs gpt-5 mini\n- is grok cheaper on output?"], ["Yes"]),
        (["can DeepSeek V4 Pro write longer outputs than DeepSeek V4 Flash?"], ["No — the same limit"]),
        (["what's the license on Gemma 3 27B"], ["the Gemma license"]),
        (["glm-9 max output tokens"], ["not in the catalog"]),
    ],
)
def test_final5_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


def test_a_yes_no_about_commercial_use_opens_with_it(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "Does the license of Qwen3 32B permit commercial use?")
    assert text is not None and text.splitlines()[1].startswith("Yes"), text


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("minimax m2.7 vs m2.5 - is m2.5 cheaper?", ["No — they cost the same"]),  # a yes/no after " - "
        ("opus 4.7 context and max out tokens? and price per m", ["128,000"]),
        ("claude opus 4.5 available on azure or not", ["Azure"]),  # "… or not" asks
    ],
)
def test_final4_leftovers(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, line, fragments)


def test_a_request_only_a_colleague_can_do_is_not_for_the_bot(shipped_catalog: Catalog) -> None:
    line = "Please review my doc about migration from GPT-4o to GPT-5 mini, I have send link in email"
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        (["context window of gemini 2.5 flash?", "what about flash lite"], "Gemini 2.5 Flash-Lite"),  # both tiers
        (["gpt-5.4 mini price", "nano?"], "GPT-5.4 nano"),  # tier words alone follow up
    ],
)
def test_tier_follow_ups(shipped_catalog: Catalog, lines: list[str], fragment: str) -> None:
    text = _say(shipped_catalog, *lines)
    assert text is not None and fragment in text, text


def test_a_filter_with_too_many_matches_names_the_widely_served_ones(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "open weights models under $1 per 1M output tokens")
    assert text is not None and "Also, most widely served:" in text and "GPT OSS 120B" in text, text
