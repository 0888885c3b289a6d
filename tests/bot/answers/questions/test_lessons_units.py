"""Plain-words asks, thresholds over the models named, cost per unit, benchmark yes/no, Hinglish and Indonesian,
and "^" follow-ups. Rows written for these tests, one per mechanism."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        (["how much text can gpt-4.1 read at once?"], ["1,047,576"], ["$"]),
        (["how long can claude haiku 4.5's answers get?"], ["64,000"], []),
        (["can we use gpt-oss-20b for free in our paid app?"], ["Yes — GPT OSS 20B"], []),
        # a threshold over the models named: the ones that pass, the others counted, not named
        (
            ["Of gpt-4.1, claude haiku 4.5 and gpt-4o mini, which ones have at least 200k context?"],
            ["GPT-4.1 (1,047,576)", "Claude Haiku 4.5 (200,000)", "1 of the 3 named falls short"],
            ["GPT-4o mini"],
        ),
        # 1,000 conversations × 4 turns × (1,000 × $0.40 + 200 × $1.60) / 1M = $2.88
        (
            ["cost per 1,000 conversations on gpt-4.1 mini, 4 turns each, 1k in / 200 out"],
            ["$2.88 per 1,000 conversations"],
            ["Assumed"],
        ),
        (
            [
                "we'll have 10,000 users, each making 100 requests a month (1k in, 200 out) on gpt-4.1 mini. monthly bill, "
                "and what does that come to per user?"
            ],
            ["$720.00/month", "$0.07 per user"],
            [],
        ),
        (
            ["does claude opus 4.1 score higher on GPQA than claude opus 4?"],
            ["Yes — Claude Opus 4.1 scores higher on GPQA"],
            [],
        ),
        (["gpt-4.1 mini pe 1 lakh requests daily, 1k in 200 out, kitna cost hoga per month?"], ["$2,160.00"], []),
        (
            [
                "berapa biaya per bulan gpt-4.1 mini untuk 30 ribu request per hari, input 1.000 token dan output 200 "
                "token?"
            ],
            ["$648.00"],
            [],
        ),
        (["gpt-4.1 ka context window gpt-4o se bada hai kya?"], ["Yes — GPT-4.1"], []),
        (["Which Anthropic models can write answers of 128k tokens or more?"], ["max output ≥ 128,000"], []),
        (["what's gpt-4.1's context window?", "^ same q but for gpt-4o mini"], ["128,000"], ["1,047,576"]),
        # a budget carried to a follow-up: $5,000 / (2,000 × $1 + 500 × $5) per 1M = 1,111,111 requests
        (
            [
                "we have $5k a month — how many 2k in / 500 out requests does that buy on gpt-5 mini?",
                "and on Claude Haiku 4.5?",
            ],
            ["Claude Haiku 4.5: $5,000.00/month buys about 1,111,111 requests"],
            [],
        ),
        (
            ["$2,500/month budget — how many 1k-in / 1k-out requests does that get us on gpt-4.1 mini?"],
            ["1,000 in / 1,000 out tokens each"],
            [],
        ),
        # the two questions asked last, for another model
        (
            ["what's the max output of o3?", "and the context window?", "same two for o4-mini"],
            ["100,000", "200,000"],
            [],
        ),
    ],
)
def test_unit_and_plain_lessons(
    shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]
) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    "line",
    [
        "POV: you asked o3 a yes/no question and got a novel",
        "📅 Invite: model review Thu 14:00 — agenda: gpt-4.1 vs claude haiku 4.5",
    ],
)
def test_invites_and_jokes_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    "line",
    [
        "one " + "hundred " * 300 + "requests a day on gpt-4.1 mini, monthly?",  # no count anyone means
        "feature,req_per_day,in,out\na," + "9" * 60 + ",100,10\nb,1000,100,10\n^ monthly total on gpt-4.1 mini?",
        "cost per " + "9" * 40 + " conversations on gpt-4.1 mini, 4 turns each, 1k in / 200 out",
    ],
)
def test_hostile_numbers_never_crash(shipped_catalog: Catalog, line: str) -> None:
    """Absurd counts give an answer or silence, never an exception (a crash here was a too-long int() before)."""
    _say(shipped_catalog, line)
