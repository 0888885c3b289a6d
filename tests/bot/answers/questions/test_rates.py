"""Traffic stated as people times messages, as a token throughput, or in scientific notation: each read into the
same requests-and-tokens model, and echoed so a misreading shows."""

from __future__ import annotations

import pytest

from bot.answers.costs import TrafficProfile
from bot.answers.questions.rates import expand_scientific, fitted, people_rate, period_name
from bot.answers.questions.traffic import describe_stated, read_traffic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,000 daily active users x 12 messages each", (1_080_000, 36_000)),
        ("12k mau, each sending about 40 chats a month", (480_000, None)),
        ("800 seats, 30 requests per seat per day", (720_000, 24_000)),
        ("500 users a day and 5 requests per user", (75_000, 2_500)),
        ("2k dau × 8 prompts each", (480_000, 16_000)),
        ("500 users, 12 messages each", None),  # per day or per month is not said
        ("we have 40 users", None),  # people alone send nothing stated
    ],
)
def test_people_rate(text: str, expected: tuple[int, int | None] | None) -> None:
    found = people_rate(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5e6 requests a month", "1500000 requests a month"),
        ("2e5 calls", "200000 calls"),
        ("gemma3e4b is small", "gemma3e4b is small"),  # a model name, no number
    ],
)
def test_expand_scientific(text: str, expected: str) -> None:
    assert expand_scientific(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "40k input tokens per minute and 8k output tokens per minute",
            {"token_periods": 43_200.0, "input_per_period": 40_000, "output_per_period": 8_000},
        ),
        (
            "2M tokens/hour in and 300k tokens/hour out",
            {"token_periods": 720.0, "input_per_period": 2_000_000, "output_per_period": 300_000},
        ),
        ("we burn 5M tokens a day", {"token_periods": 30.0, "total_per_period": 5_000_000}),
        (
            "50k tokens per minute, 80% input",
            {"token_periods": 43_200.0, "total_per_period": 50_000, "input_share": 0.8},
        ),
        ("60k tpm", {"token_periods": 43_200.0, "total_per_period": 60_000}),
        ("500 tokens per request", {}),  # per request is the usual reading, not a throughput
        (
            "2k requests a day, 3k tokens in 500 out",
            {"requests_per_month": 60_000, "requests_per_day": 2_000, "input_tokens": 3_000, "output_tokens": 500},
        ),
    ],
)
def test_throughput(text: str, expected: dict[str, float]) -> None:
    assert read_traffic(text).model_dump(exclude_none=True) == expected


def test_throughput_bills_the_stated_tokens() -> None:
    stated = read_traffic("40k input tokens per minute and 8k output tokens per minute")
    profile = stated.applied(TrafficProfile())
    assert profile.requests_per_month * profile.input_tokens == 40_000 * 43_200
    assert profile.requests_per_month * profile.output_tokens == 8_000 * 43_200
    assert profile.input_tokens <= 10_000  # no carrying request reaches a long-context price tier
    echo = describe_stated(stated, profile)
    assert "40,000 in / 8,000 out tokens per minute × 43,200 minutes a month" in echo
    assert "1,728,000,000 in" in echo


def test_a_total_without_its_split_says_whose_split_it_used() -> None:
    stated = read_traffic("we burn 5M tokens a day")
    base = TrafficProfile(input_tokens=4_000, output_tokens=1_000)
    profile = stated.applied(base)
    assert profile.requests_per_month * profile.input_tokens == 4_000_000 * 30
    assert "split of the total as in your traffic profile" in describe_stated(stated, profile, base)


def test_requests_and_throughput_together_give_tokens_per_request() -> None:
    profile = read_traffic("300 rpm, 600k input tokens per minute, 60k output tokens per minute").applied(
        TrafficProfile()
    )
    assert (profile.requests_per_month, profile.input_tokens, profile.output_tokens) == (12_960_000, 2_000, 200)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("price gpt-4.1 mini 40k/day 900/150", (900, 150)),
        ("1200/300 tokens, 1k requests a day", (1_200, 300)),
        ("2k req/day, 80/20 split", (None, None)),  # a split, not two counts
        ("support runs 24/7", (None, None)),
    ],
)
def test_slash_pairs(text: str, tokens: tuple[int | None, int | None]) -> None:
    t = read_traffic(text)
    assert (t.input_tokens, t.output_tokens) == tokens


def test_fitted_and_period_names() -> None:
    assert fitted(5_000, 720.0) == (720, 1)
    assert fitted(2_000_000, 720.0) == (720 * 1_000, 1_000)
    assert [period_name(p) for p in (43_200.0, 720.0, 30.0, 1.0, 0.5)] == ["minute", "hour", "day", "month", "period"]


@pytest.mark.parametrize(
    ("text", "per_month", "volumes"),
    [
        ("Acme does 10k requests a day, Globex 25k a day and Initech 5k a day", 1_200_000, (300_000, 750_000, 150_000)),
        ("three customers: 120k, 300k and 80k requests per month", 500_000, (120_000, 300_000, 80_000)),
        ("2k requests a day (~60k requests a month)", 60_000, None),  # one volume, restated
        ("we went from 10k to 20k requests a day", 600_000, None),  # a change, not a list
    ],
)
def test_several_volumes_add_up(text: str, per_month: int, volumes: tuple[int, ...] | None) -> None:
    t = read_traffic(text)
    assert (t.requests_per_month, t.volumes) == (per_month, volumes)


def test_one_period_for_two_token_counts() -> None:
    t = read_traffic("at 1.2M input tokens and 300k output tokens per hour")
    assert (t.token_periods, t.input_per_period, t.output_per_period) == (720.0, 1_200_000, 300_000)
    # a period far after the token counts is the question's, not theirs
    t = read_traffic("300 requests/day with 5k tokens in and 1k out — what does a month cost?")
    assert (t.token_periods, t.requests_per_month, t.input_tokens, t.output_tokens) == (None, 9_000, 5_000, 1_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "our prod load is 4k tokens per second in, 1k per second out",  # the second count shares the clock
            {"token_periods": 2_592_000.0, "input_per_period": 4_000, "output_per_period": 1_000},
        ),
        (
            "~2 billion input tokens and 400 million output tokens per month",
            {"token_periods": 1.0, "input_per_period": 2_000_000_000, "output_per_period": 400_000_000},
        ),
    ],
)
def test_more_throughput_spellings(text: str, expected: dict[str, float]) -> None:
    assert read_traffic(text).model_dump(exclude_none=True) == expected
