"""Traffic read from chat: each number takes the unit words nearest to it."""

from __future__ import annotations

import time

import pytest

from bot.answers.costs import TrafficProfile
from bot.answers.questions.traffic import StatedTraffic, describe_stated, read_traffic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we do 2k requests a day, 3k tokens in 500 out. what would gpt-4o cost us per month?",
            {"requests_per_month": 60_000, "requests_per_day": 2_000, "input_tokens": 3_000, "output_tokens": 500},
        ),
        (
            "50k calls/mo, avg prompt 1.2k tokens, responses ~400 tokens",
            {"requests_per_month": 50_000, "input_tokens": 1_200, "output_tokens": 400},
        ),
        ("1M requests per month with 60 % of the input cached", {"requests_per_month": 1_000_000, "cache_hit": 0.6}),
        (
            "2000 req/day, input 3000, output 500",
            {"requests_per_month": 60_000, "requests_per_day": 2_000, "input_tokens": 3_000, "output_tokens": 500},
        ),
        (
            "we send 10k requests/day, half of the prompt is cached",
            {"requests_per_month": 300_000, "requests_per_day": 10_000, "cache_hit": 0.5},
        ),
        (
            "3k-token prompts and 500-token answers, 100k requests a month",
            {"requests_per_month": 100_000, "input_tokens": 3_000, "output_tokens": 500},
        ),
        ("1,500 requests a week", {"requests_per_month": 6_429}),
        ("gpt-4o has a 128k context", {}),  # a context window is no traffic
        ("we use python 3.11 and node 20", {}),
        ("open-weights models under $1 per 1M output", {}),  # a price's unit, not traffic
    ],
)
def test_read_traffic(text: str, expected: dict[str, float]) -> None:
    assert read_traffic(text).model_dump(exclude_none=True) == expected


def test_echo_names_what_was_read() -> None:
    stated = read_traffic("2k requests a day, 3k in, 500 out")
    profile = stated.applied(TrafficProfile())
    assert describe_stated(stated, profile) == (
        "2,000 req/day × 30 days, 3,000 in / 500 out tokens per request = 60,000 requests/month"
    )


def test_a_follow_up_changes_only_what_it_states() -> None:
    first = read_traffic("2k requests a day, 3k in 500 out")
    later = first.merged(StatedTraffic(output_tokens=800))
    assert (later.requests_per_month, later.input_tokens, later.output_tokens) == (60_000, 3_000, 800)


@pytest.mark.parametrize("unit", ["1", " ", "k ", "requests a day ", "tokens in "])
def test_reading_is_linear_on_long_runs(unit: str) -> None:
    """Hostile input (issue 17): a long run of one token class costs about as much per character as a short one."""

    def cost(n: int) -> float:
        text = unit * n
        start = time.perf_counter()
        read_traffic(text)
        return time.perf_counter() - start

    small, large = cost(200), cost(2000)
    assert large < max(small, 1e-4) * 40  # ten times the text (clipped at 2,000 chars), far from quadratic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5k req/day, 1500 in / 400 out", (150_000, 1_500, 400)),  # "/" between in and out is a list
        ("12k a day, 1.8k in, 350 out", (360_000, 1_800, 350)),  # a bare count per period is requests
        ("2k searches a day, 1k in 600 out", (60_000, 1_000, 600)),
        ("we pay $2/1M input", (None, None, None)),  # a price's unit, not traffic
    ],
)
def test_rates_and_lists(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    t = read_traffic(text)
    assert (t.requests_per_month, t.input_tokens, t.output_tokens) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 million requests, 500 tokens each way", (1_000_000, 500, 500)),
        ("20k docs a week, ~4k tokens each in and 500 out", (85_714, 4_000, 500)),
        ("2 requests per second with 1k in 200 out", (5_184_000, 1_000, 200)),
        ("3m requests/mo at 600 input/200 output tokens", (3_000_000, 600, 200)),
    ],
)
def test_more_ways_to_say_it(text: str, expected: tuple[int, int, int]) -> None:
    t = read_traffic(text)
    assert (t.requests_per_month, t.input_tokens, t.output_tokens) == expected


@pytest.mark.parametrize(
    ("text", "scale"),
    [("double the traffic", 2.0), ("10x the requests", 10.0), ("3 times the volume", 3.0), ("500 requests", None)],
)
def test_multiples_of_the_traffic_before(text: str, scale: float | None) -> None:
    assert read_traffic(text).scale == scale


def test_a_multiple_applies_to_what_was_stated() -> None:
    before = StatedTraffic(requests_per_month=300_000, requests_per_day=10_000)
    merged = before.merged(read_traffic("and if we double the traffic?"))
    assert (merged.requests_per_month, merged.requests_per_day, merged.scale) == (600_000, 20_000, None)
    assert read_traffic("double the traffic").applied(TrafficProfile()).requests_per_month == 2_000_000
