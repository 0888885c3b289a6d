"""Lessons of the ninth independent question set (final8), one row per general fix, each in a wording of its
own: several model calls per thing counted, the side of the tokens and "tell me" in other languages, "likewise"
follow-ups, "yes or no", "charges more", a count with thousands separators after a name, a capitalised name with
a size the catalog lacks, and a test report that stays silent."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        # the fan-out: 2,000 sessions a day × 3 calls each
        (
            ["2,000 sessions a day, each session makes 3 model calls, 1k in 200 out. gpt-4.1 mini monthly?"],
            ["6,000 req/day", "180,000"],
        ),
        (["gpt-4.1 per month with 500 users a day and 5 requests per user, 700 in 100 out?"], ["2,500 req/day"]),
        (
            ["Quanto costa al mese GPT-4.1 con 1.000 richieste al giorno, 900 token in input e 150 in output?"],
            ["900 in / 150 out"],
        ),
        (["dime el precio de Claude Haiku 4.5 por millón de tokens"], ["$1.00"]),
        (["what does gpt-4.1 cost per 1M tokens?", "Thanks! Could you likewise check it for o4-mini?"], ["o4-mini"]),
        (["claude haiku 4.5 on bedrock yes or no"], ["Yes"]),
        (["Does GPT-4.1 charge more for input tokens than o3?"], ["No"]),
        (["if we send GPT-4.1 mini 2,000 requests a day, 1k in 200 out, what's the monthly bill?"], ["GPT-4.1 mini"]),
        (["is Condor 300B open source?"], ["not in the catalog"]),
    ],
)
def test_final8_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    "line",
    [
        "I compared gpt-4.1 vs claude haiku 4.5 on 300 emails, notes go out Friday",  # a report, not a question
        "we raised at a $500B valuation, anyway gpt-4.1 is our default now",  # money, not a model size
    ],
)
def test_reports_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None
