"""Prices in the unit a team asks for (cached input, batch, per thousand tokens, per request, blended at a ratio),
and rankings over three or more models: each restates the list price, so each row checks a number."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("cached input price for gpt-4.1?", ["cached input $0.50"], []),
        ("batch price for claude sonnet 4.5?", ["no batch price on record"], []),
        ("how much is gpt-4.1 nano per thousand tokens?", ["$0.0001 in / $0.0004 out per 1,000 tokens"], []),
        ("price per 1k requests for claude haiku 4.5 at 500 in 200 out?", ["$1.50 per 1,000 requests"], []),
        # (3 × $2.50 + 1 × $10.00) / 4; the ratio's numbers are no token counts
        ("blended price per 1M tokens for gpt-4o at a 3:1 input:output ratio?", ["$4.375"], ["Monthly cost"]),
        ("what does 1M output tokens cost on gemini 2.5 pro?", ["$10.00"], ["Monthly cost"]),  # a unit
        (
            "claude haiku 4.5 vs gpt-4.1 mini vs gemini 2.5 flash: cheapest for input?",
            ["Gemini 2.5 Flash is cheapest on input"],
            ["Cheapest route"],
        ),
        ("which of gpt-4.1, o3 and o4-mini has the largest max output?", ["o3 and o4-mini have the largest"], []),
    ],
)
def test_unit_lessons(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, [line], fragments, absent)


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        # 10M × $3 + 2M × $15 per 1M: more tokens than a request holds are a total, priced once
        ("what's the cost for 10M input tokens and 2M output tokens on claude sonnet 4.5?", ["$60.00", "in total"]),
        ("how much is processing 50M input tokens on gemini 2.5 flash?", ["$15.00", "0 out"]),
        # $2,000 / (1,000 × $2 + 300 × $8) per 1M = 454,545 requests
        (
            "our budget is $2k/month — how many requests a day can we afford on gpt-4.1 at 1k in 300 out?",
            ["454,545 requests a month", "15,151 a day"],
        ),
    ],
)
def test_totals_and_budgets(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, [line], fragments)
