"""Phrasings a platform team, a PM and a reviewer use, one row per general mechanism: yearly figures beside the
monthly one, token throughput, people times messages, shorthand numbers, follow-ups by position ("the second
one") or by a measure ("the pricier of the two"), and a reply to a quoted line."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        # twelve months at the stated traffic, beside the month: 5,000/day × 30 × (1k × $2.50 + 200 × $10) / 1M
        (["what would gpt-4o cost us per year at 5k requests a day, 1k in 200 out?"], ["$675.00", "$8,100.00"], []),
        (["gpt-4o at 12M requests a year, 1k in 200 out: monthly?"], ["$4,500.00"], ["Per year"]),  # a rate
        (["25k tok/min prompt and 5k tok/min completion on gpt-4.1, monthly + annualised?"], ["$46,656.00"], []),
        (["1.2M TPM input, 200k TPM output on claude haiku 4.5 — monthly, and a 12-month contract?"], ["Per year"], []),
        (
            ["at 2M tokens/hour in and 300k tokens/hour out, what would claude sonnet 4.5 cost per month?"],
            ["$7,560.00", "tokens per hour"],
            [],
        ),
        (["3,000 daily active users x 12 messages each, 1k in 300 out. gpt-4.1 mini monthly?"], ["36,000 req/day"], []),
        (["1.5e6 requests a month at 800 in / 200 out, gpt-4.1 monthly cost?"], ["1,500,000 requests/month"], []),
        (["we see 5M tokens a day on gpt-4o, how much per month?"], ["$"], ["vision"]),
        (
            ["compare gpt-4o and claude haiku 4.5 on price", "the first one's max output?", "is the second one open?"],
            ["Claude Haiku 4.5"],
            ["GPT-4o"],
        ),
        (["price of gpt-4o vs claude sonnet 4.5", "what about the pricier of the two at 10k a day?"], ["Sonnet"], []),
        (["> GPT-4.1: $2.00/1M input, $8.00/1M output\nand what about o4-mini?"], ["o4-mini", "$1.10"], ["GPT-4.1"]),
    ],
)
def test_throughput_lessons(
    shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]
) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        (["gpt-oss-120b open weights yes/no"], ["Yes"], []),
        (["GPT-5 pricing per 1M tokens pls"], ["$"], []),  # a model name, not a ticket key
        (["is gpt-4o open source, right?"], ["No"], []),  # a tag question that asks an attribute
        (["remind me how big gemini 2.5 pro's context is"], ["1,048,576"], ["Parameters"]),
        (["ok last thing, release date of gpt-4.1"], ["2025-04-14"], []),
        (["is deepseek v3.2 cheaper than kimi k2 at our traffic"], ["cheaper for you"], ["via DeepSeek"]),  # once
        (["what is gpt-4o DROP score"], ["DROP"], []),  # capitals: the benchmark
        (["drop score for claude opus 4.1"], ["DROP"], []),  # beside "score": the benchmark
        (["does gpt-4o include vision?"], ["vision"], ["INCLUDE", "Benchmarks"]),  # an everyday word
    ],
)
def test_asked_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    "line",
    [
        "JIRA-2231: Migrate summarizer from gpt-4o to gpt-4.1-mini (est. savings 70%?)",  # a hedge in brackets
        "Retro: what went well? switching to gemini 2.5 flash cut latency. what didn't? the quota on vertex.",
        "did anyone try qwen3 coder on the monorepo? curious how it handles 200k context",
        "can someone double-check the llama 3.3 70b license before legal review tomorrow?",
        "PROJ-118 Evaluate claude haiku 4.5 vs gpt-4.1-mini for ticket triage",  # a ticket title
        "weekly digest: gpt-5 mini traffic 1.2M req, cost $640, p95 2.1s",  # a report with its figures
        "so do we go with qwen3 max or deepseek v3.2? thoughts, team?",  # asked of the channel
        "we spent $3,204 on gpt-4.1 last month — up 20% from october?!",  # surprise, not a question
        "hmm, 2k requests/day on gpt-4o mini… that's nothing, right?",  # a tag seeking agreement
        "cost report (Nov): gpt-4.1 $1,920 (1.2M req), haiku 4.5 $640, total $2,560 — under budget",  # a report
        "bug report: gemini 2.5 flash returns empty JSON when tools are enabled — anyone else?",  # to colleagues
        "Why did the bill jump to $4.2k? Did someone route everything to opus 4.1??",  # to colleagues
    ],
)
def test_team_chat_stays_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("how much does o5 cost per 1M tokens?", ["not in the catalog", "o3"]),  # a letter series, asked about
        ("what about nova ultra?", ["not in the catalog"]),  # the family is read from its own word
        ('any info on "Orion-2" pricing?', ["Orion-2 is not in the catalog"]),
        ("is o5-mini cheaper than o4-mini?", ["Which is cheaper", "o5-mini is not in the catalog"]),
        ("is Orion-2 open source?", ["Orion-2 is not in the catalog"]),
    ],
)
def test_unknown_lessons(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, [line], fragments)


@pytest.mark.parametrize("line", ["how much does the r3 cost? ours broke", "we named the service `atlas-2` lol"])
def test_no_unknown_model_read_into_other_things(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        (
            "Acme does 10k requests a day, Globex 25k a day and Initech 5k a day, all ~1k in / 200 out. Combined "
            "monthly cost on gpt-4.1 mini?",
            ["$864.00", "by volume", "$216.00", "$540.00", "$108.00"],
        ),
        ("est claude sonnet 4.5 100k req/mo 1500 in 300 out", ["$900.00"]),  # a one-line command
        ("gpt-4.1-mini 40k/day 900/150 monthly+yearly", ["$720.00", "$8,640.00"]),
    ],
)
def test_volume_lessons(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, [line], fragments)


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("is o4-mini deprecated?", ["Yes — OpenAI lists o4-mini as deprecated", "still served by"], []),
        ("is gpt-4o being deprecated? should we migrate?", ["No — no provider"], []),
        ("is claude 3 opus still supported or retired?", ["Yes — Anthropic"], []),
        ("is gemini 2.0 flash deprecated on vertex?", ["Yes, but deprecated — Vertex"], ["Google lists"]),  # once
        ("wat kost claude haiku 4.5 per miljoen tokens?", ["$1.00", "$5.00"], []),
        ("is gpt-4.1 goedkoper dan claude sonnet 4.5?", ["Yes — GPT-4.1 is cheaper"], []),
        ("mag je llama 3.3 70b commercieel gebruiken?", ["Yes, with conditions"], []),
    ],
)
def test_lifecycle_and_dutch(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, [line], fragments, absent)


def test_news_shared_with_the_team_stays_silent(shipped_catalog: Catalog) -> None:
    assert _say(shipped_catalog, "did anyone else get the email about claude opus 4.1 being retired?") is None


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        (  # models asked one by one, then "which of them": both, the first asked first
            [
                "how much is deepseek v3.2 per 1m tokens?",
                "and how about for kimi k2 thinking",
                "which of them has the bigger context?",
                "the former on groq?",
            ],
            ["DeepSeek V3.2 is not on Groq"],
            ["Kimi", "context window"],
        ),
        (  # traffic in a follow-up after a question that was not about money asks the bill
            ["compare gpt-4.1 mini and claude haiku 4.5 on price", "license?", "what about both at 5k requests a day?"],
            ["$114.00", "$337.50"],
            [],
        ),
        (
            [
                "price of claude sonnet 4.5 vs gpt-4.1",
                "ok so for the cheaper one, what's the max output",
                "and for the other?",
            ],
            ["Claude Sonnet 4.5: up to 64,000"],
            ["GPT-4.1"],
        ),
    ],
)
def test_follow_up_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, lines, fragments, absent)


def test_a_filter_for_what_a_lab_retires(shipped_catalog: Catalog) -> None:
    _check(shipped_catalog, ["which anthropic models are being retired?"], ["Claude 3 Opus"], ["Claude Sonnet 4.5"])


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("Is DeepSeek-R1 released under a permissive license (MIT/Apache) or a custom one?", ["MIT"], ["2025-01"]),
        ("what are the licensing terms of gpt-oss-20b?", ["Apache 2.0"], []),
        ("any restrictions on using qwen3 coder 480b in a paid SaaS?", ["commercial use"], []),
    ],
)
def test_license_wording(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, [line], fragments, absent)


def test_an_unknown_model_in_a_comparison_is_said_first(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "is o5-mini cheaper than o4-mini?")
    assert text is not None and text.split("\n")[1].startswith("o5-mini is not in the catalog")


@pytest.mark.parametrize(
    ("line", "fragments", "absent"),
    [
        ("mistral medium 3.1 price + context + does it do function calling", ["$0.40", "131,072", "function"], []),
        ("deepseek v3.2: who hosts it cheapest?", ["CrofAI"], ["is available on"]),  # the one host, not the list
        ("where can I run gpt-4.1 mini", ["is available on"], ["Provider coverage affects"]),  # no boilerplate
    ],
)
def test_lists_and_hosts(shipped_catalog: Catalog, line: str, fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, [line], fragments, absent)


def test_positions_over_a_shortlist(shipped_catalog: Catalog) -> None:
    """A filter answer's models, in the order shown, are what "the first one" and "the second" point at."""
    listed = _say(shipped_catalog, "which anthropic models have 1m context?")
    assert listed is not None
    first = listed.split("\n")[2].removeprefix("• ").split(":")[0]  # the first model the list shows
    _check(shipped_catalog, ["which anthropic models have 1m context?", "whats the price of the first one?"], [first])
