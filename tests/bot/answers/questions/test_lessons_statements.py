"""Lines that state a value or report what the team did stay silent; requests in German, Spanish, Portuguese or
Dutch, traffic as daily actives times messages, comparisons said the way they were asked, replies to quotes and
names the catalog lacks get an answer. One row per general mechanism, written for these tests (not copied from an
eval set)."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    "line",
    [
        "fyi: gpt-4.1 has 1,047,576 tokens of context, so the repo dump fits",  # a value stated
        "claude haiku 4.5 max output is 64,000 so the report generator needs two passes",
        "Grok 4 has 256k context at $3 in, not bad",
        "we hit the 500 RPM cap on gpt-4o-mini during the demo, had to queue for a while",  # what the team did
        "nobody wants to redo the azure paperwork for gpt-4.1",  # a want denied
        "for when you want reasoning and a small bill: deepseek v4 flash",  # a want of "you", no request
        "what went wrong: we priced o3 at the old rate. it's $2/$8 now.",  # a heading worded as a question
        "remember when gpt-4 cost $30 per million input tokens?",  # nostalgia
        "INC-5512: gpt-5 price import broken?",  # a ticket's title asks its assignee
        "did anybody compare the new o3 price in the sheet? @ops",  # a colleague pinged at the end
        "question for @platform: can we self-host qwen3 32b on the A100?",
        "anyone here actually tried kimi k2 on long docs? curious about the latency",
        "bug: the gemini 2.5 flash call truncates at 8k output, ticket OPS-221",  # a bug report
    ],
)
def test_statements_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        # 2,000 DAU × 5 messages × 30 days = 300,000 requests × (1,000 × $0.40 + 200 × $1.60) / 1M = $216
        (
            ["We're at 2k DAU, each user sends ~5 messages a day, 1,000 in / 200 out. monthly on gpt-4.1 mini?"],
            ["$216.00", "300,000 requests/month"],
            [],
        ),
        # German thousands, "jeder schickt": 60,000 × 2 × 30 = 3.6M requests × $0.00036 = $1,296
        (
            ["60.000 DAU, jeder schickt 2 Nachrichten am Tag, 500 rein und 100 raus. gpt-4.1 mini pro Monat?"],
            ["$1,296.00"],
            [],
        ),
        (["Preis für Claude Sonnet 4.5 pro 1M Tokens bitte"], ["$3.00", "$15.00"], ["not in the catalog"]),
        (["welche Anthropic-Modelle haben 1M Kontext?"], ["made by anthropic", "1,000,000"], []),
        (["precio de gpt-4.1 por millón de tokens"], ["$2.00", "$8.00"], []),
        # "3 mil" is 3,000 in Portuguese: 2,000/day × 30 × (1,000 × $0.40 + 200 × $1.60) / 1M = $43.20
        (
            ["quanto custa gpt-4.1 mini com 2 mil requests por dia, 1k tokens de input e 200 de output?"],
            ["$43.20", "60,000 requests/month"],
            [],
        ),
        (["geef me de prijs van gpt-4.1 per 1M tokens"], ["$2.00"], []),
        (["cost gpt-4.1 mini 10k/day 1000/200"], ["$216.00"], []),  # a one-line command
        (["monthly gpt-4.1 mini 10k/day 1000in 200out"], ["$216.00"], []),  # glued sides
        (["need monthly and per-year cost for gpt-4.1 mini at 10k/day 1000/200"], ["$2,592.00"], []),
        (
            ["Claude Sonnet 4 (the old one, not 4.5) - input/output price per 1M?"],
            ["$3.00", "$15.00"],
            ["Monthly cost"],
        ),
    ],
)
def test_requests_and_traffic(
    shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]
) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    ("lines", "opening", "fragments"),
    [
        (["is gpt-4.1's input price higher than claude haiku 4.5's?"], "Yes — GPT-4.1 costs more on input", []),
        (["is gpt-4.1's output price lower than claude haiku 4.5's?"], "No — Claude Haiku 4.5 is cheaper", []),
        (["how many tokens can gpt-4.1 produce in one response?"], "GPT-4.1: up to 32,768 output tokens", []),
        (
            ["> Claude Haiku 4.5: 200k context window.\nis gpt-4.1's context window bigger than that?"],
            "Yes — GPT-4.1",
            [],
        ),
        (
            ["> GPT-4.1: 1,047,576-token context, 32,768 max output.\nwhat are those two for claude haiku 4.5?"],
            "Claude Haiku 4.5 has a 200k-token",
            ["64,000"],
        ),
        (
            [
                "> we'd need about 40 requests per minute, day and night\nok so at that rate, 1,000 in / 200 out each, "
                "what's the monthly on gpt-4.1 mini?"
            ],
            "GPT-4.1 mini: $1,244.16/month",
            ["1,728,000"],
        ),
        (["From a licensing standpoint, is claude haiku 4.5 open weights?"], "No — Claude Haiku 4.5", []),
        (["is gpt-4.1 on azure? we need it in the EU region"], "Yes — Azure serves GPT-4.1", ["regional"]),
        (["does grok 4 take longer prompts than gpt-5?"], "No — Grok-4 256k", []),
        (
            ["compare gpt-5.4 nano and gpt-5.4 mini", "ok which of those two has the bigger max output?"],
            "Both have the same max output: 128,000",
            [],
        ),
        (
            ["compare gpt-4.1 and gpt-4.1 mini", "and the cheaper one of those two, what does it charge for output?"],
            "GPT-4.1 mini: $0.40",
            [],
        ),
        (["does opus 9 have more context than gpt-4.1?"], "opus 9 is not in the catalog", []),  # said first
        (["what does claude verse 3 cost?"], "claude verse 3 is not in the catalog", []),
        (["license of command q?"], "command q is not in the catalog", ["Command R"]),
    ],
)
def test_answers_open_with_what_was_asked(
    shipped_catalog: Catalog, lines: list[str], opening: str, fragments: list[str]
) -> None:
    text = _say(shipped_catalog, *lines)
    assert text is not None, lines
    first = text.split("\n")[1]  # after the title
    assert first.startswith(opening), (lines, text)
    for fragment in fragments:
        assert fragment in text, (lines, fragment, text)


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        # 3,000 a week × (2,000 × $0.40 + 500 × $1.60) / 1M = $4.80 a week
        (
            ["our help desk closes 3,000 tickets a week, ~2,000 tokens in and 500 out. gpt-4.1 mini weekly spend?"],
            ["Per week: $4.80"],
            [],
        ),
        (
            [
                "Combien ça coûte par mois, gpt-4.1 mini avec 6 000 requêtes par jour, 2 000 tokens en entrée et 500 en "
                "sortie ?"
            ],
            ["$288.00", "180,000 requests/month"],
            [],
        ),  # thousands grouped with a space
        (
            ["two thousand requests a day three thousand tokens in five hundred out what would gpt 4.1 cost per month"],
            ["$600.00", "60,000 requests/month"],
            [],
        ),  # dictated: numbers in words, no punctuation
        (
            ["we forecast 900,000 requests per quarter on gpt-4.1 mini, 2,000 tokens in and 500 out. per month?"],
            ["$480.00", "300,000 requests/month"],
            [],
        ),
        # 10 × 100 × 22 working days = 22,000 requests
        (
            ["run-rate on gpt-4.1 mini? 10 engineers, 100 completions each per working day, 1,000 in and 200 out"],
            ["22,000 requests/month", "$15.84"],
            [],
        ),
        (
            ["cost per month for gpt-4.1 mini, 20k requests a day, 1k in 200 out", "what if we double that"],
            ["$864.00"],
            [],
        ),
        (
            ["annual cost for gpt-4.1 mini at 2M requests a month, 500 in 100 out?", "same on gpt-4.1"],
            ["Per year: $43,200.00"],
            [],
        ),  # the period asked carries to the follow-up
        (["$/M in/out for gpt-4.1"], ["$2.00", "$8.00"], []),
        (["gpt-4.1: quanto contesto ha e quanti token di output al massimo?"], ["1,047,576", "32,768"], ["$2.00"]),
        (["who makes llama 3.3 70b?"], ["made by Meta"], []),
        (
            ["Two things for the gpt-4.1 line item: the price per 1M tokens and the context window."],
            ["$2.00", "1,047,576"],
            [],
        ),
        (["can we use gpt-oss-20b comercially, and wich license is it under?"], ["Yes", "Apache 2.0"], []),
        (["which meta models can take a million tokens of context or more?"], ["context ≥ 1,000,000"], []),
    ],
)
def test_new_voices(shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    "line",
    [
        "this PR moves us from o3 to gpt-4.1, please make sure the eval baseline gets regenerated",  # a task
        "uploaded the eval report to /shared/evals/o3-vs-gpt-4.1.pdf",  # names inside a file path
    ],
)
def test_tasks_and_paths_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None
