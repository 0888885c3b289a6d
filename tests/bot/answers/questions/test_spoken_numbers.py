"""Numbers said in words become digits only where a scale word makes them a count."""

from __future__ import annotations

import pytest

from bot.answers.questions.spoken import spoken_numbers


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("two thousand requests a day", "2k requests a day"),
        ("twelve hundred tokens in and four hundred out", "1200 tokens in and 400 out"),
        ("one hundred and twenty thousand calls", "120k calls"),
        ("forty-five thousand users", "45k users"),
        ("a million tokens of context", "1m tokens of context"),
        ("the second one", "the second one"),  # no scale word: left alone
        ("llama three point three seventy b", "llama three point three seventy b"),  # a size the matcher reads
        ("a few thousand users", "a few thousand users"),  # a scale alone says no number
        ("Two Thousand Requests", "2k Requests"),
    ],
)
def test_spoken_numbers(text: str, read: str) -> None:
    assert spoken_numbers(text) == read
