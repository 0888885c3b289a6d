"""Lessons of the seventh independent question set (final6), one row per general fix: a hurried team's
abbreviations ("ctx", "max out", "per mil", "y/n"), config pasted around the question, scaled traffic, pricier and
costs-more comparisons, and chat said to colleagues that stays silent."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    "line",
    [
        "yesterday: eval harness for gpt-5 vs sonnet 4.6. today: write it up. blockers: none",  # a standup
        "can you believe opus 4.1 cost $75 per mil output? glad those days are over",
        "@chen can you send me your spreadsheet with the per-1M prices for all the claude models?",
        "too pricey, let's try o4-mini or gpt-5 mini instead — @lucas can you set up the eval?",
        "self-hosting gpt-oss-120b would need 2 H100s per replica by my math",  # "would need" asks nothing
    ],
)
def test_said_to_colleagues_stays_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["hw much is gpt5 mini per mil"], ["$0.25"]),
        (["gpt5 ctx + max out + $/mil?"], ["128,000", "$1.25"]),
        (["opus 4.7 on bedrock y/n"], ["Yes"]),
        (["gpt 5 nano price per mil + monthly for 100k req/month, 800 in 200 out"], ["$0.05", "$12.00"]),
        (["need a number for the board deck: gpt-4.1, 900k req/month, 1.5k in 350 out"], ["900,000"]),
        (["env:\n  LLM_MAX_OUT=2048\n~90 req/hour, avg 3,000 in / 1,200 out. MiniMax-M2.5 per month?"], ["1,200 out"]),
        (["Which Meta models can take a million tokens of context or more?"], ["context ≥ 1,000,000"]),
        # config pasted around the question: its lines are labels, a newline ends each figure
        (
            ["```\nmodel: gpt-4.1-mini\nreq_per_day: 12000\nin: 700\nout: 180\n```\nmonthly cost for the above"],
            ["360,000"],
        ),
        (
            [
                "```yaml\n  avg_prompt_tokens: 900\n  avg_completion_tokens: 250\n```\n40 requests an hour. gemini 2.5 flash per month?"
            ],
            ["900 in / 250 out"],
        ),
        (["is deepseek v4 pro pricier than deepseek v4 flash on output?"], ["Yes"]),
        (["does claude opus 4.1 cost more per input token than opus 4.7?"], ["Yes"]),
        (["what would gpt-4.1 cost at 10k requests a day, 1k in 200 out?", "what if traffic triples?"], ["30,000"]),
        (
            [
                "what does Claude Sonnet 4.6 cost per million tokens?",
                "Thanks. Could you also give me the same for gpt-4.1?",
            ],
            ["$2.00"],
        ),
    ],
)
def test_final6_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("nova ultra monthly for 1k req/day, 1k in 300 out?", "not in the catalog"),  # the tiers end with the name
        ("o7-mini context window?", "not in the catalog"),  # a tier before an attribute word is still the name's
    ],
)
def test_unknown_names_beside_attributes(shipped_catalog: Catalog, line: str, fragment: str) -> None:
    _check(shipped_catalog, line, [fragment])


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        # key=value config, then one side of the tokens scaled
        (["```\nmodel=gpt-5-nano rps=0.5 in=600 out=120\n```\nmonthly on that?"], ["600 in / 120 out", "1,296,000"]),
        (
            ["```\nmodel=gpt-5-nano rps=0.5 in=600 out=120\n```\nmonthly on that?", "ok now double the output tokens"],
            ["600 in / 240 out"],
        ),
        (["what would gpt-4.1 cost at 10k requests a day, 1k in 200 out?", "halve the input"], ["500 in / 200 out"]),
        # but half the input cached is a cache share, not fewer tokens
        (
            ["what would gpt-4.1 cost at 10k requests a day, 1k in 200 out?", "what if half the input is cached?"],
            ["50% of input cached"],
        ),
    ],
)
def test_config_and_scaled_tokens(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)
