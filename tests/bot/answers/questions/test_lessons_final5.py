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
