"""Japanese and Polish asks, workloads priced one by one, and the smaller lessons of the same round (a poll or a
joke stays silent, a follow-up drops the cache, "24/7" is no token count). Rows written for these tests."""

from __future__ import annotations

import pytest

from bot.answers.questions.japanese import from_japanese
from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("gpt-4.1 mini の料金は？", "gpt-4.1 mini price ?"),
        ("deepseek r1 は Groq で使えますか？", "is deepseek r1 available on Groq?"),
        (
            "gpt-4.1 は claude haiku 4.5 より最大出力が大きいですか？",
            "is gpt-4.1 max output bigger than claude haiku 4.5?",
        ),
        ("100万トークンあたり", "per 1m tokens"),
        ("gpt-4.1 pricing please", "gpt-4.1 pricing please"),  # no Japanese: unchanged
    ],
)
def test_from_japanese(text: str, english: str) -> None:
    assert from_japanese(text) == english


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["gpt-4.1 mini の料金（1M トークンあたり、入力と出力）は？"], ["$0.40", "$1.60"]),
        # 2,000 a day × 30 × (1,000 × $2 + 200 × $8) / 1M = $216
        (["gpt-4.1 で 1日 2,000 リクエスト、入力 1,000 / 出力 200 トークンだと月額はいくら？"], ["$216.00"]),
        (["deepseek r1 は Groq で使えますか？"], ["No — DeepSeek-R1 is not on Groq"]),
        (["gpt-4.1 は claude haiku 4.5 より最大出力が大きいですか？"], ["No — GPT-4.1 32,768"]),
        (["ile kosztuje gpt-4.1 mini za 1M tokenów?"], ["$0.40"]),
        (["czy gpt-4.1 ma otwarte wagi?"], ["No — GPT-4.1"]),
        (["Mistral Large 3 na Bedrocku jest dostępny?"], ["Yes — Amazon Bedrock serves Mistral Large 3"]),
    ],
)
def test_japanese_and_polish(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        # a pasted CSV: 10,000/day × 30 × (1,000 × $0.40 + 200 × $1.60) / 1M = $216; 5,000/day … = $240
        (
            "feature,req_per_day,tokens_in,tokens_out\nsearch,10000,1000,200\nchat,5000,2000,500\n"
            "^ monthly total on gpt-4.1 mini please?",
            ["total $456.00/month", "search", "$216.00", "$240.00"],
        ),
        (
            "Total monthly on gpt-4.1 mini for this?\n| feature | req/day | in | out |\n|---|---|---|---|\n"
            "| search | 10,000 | 1,000 | 200 |\n| chat | 5,000 | 2,000 | 500 |",
            ["total $456.00/month"],
        ),
        # prose, one shape per customer
        (
            "Acme 10,000 req/day (1,000 in / 200 out), Globex 5,000 req/day (2,000 in / 500 out). what would each pay "
            "per month on gpt-4.1 mini?",
            ["Acme", "$216.00", "Globex", "$240.00"],
        ),
        # one model per workload, then the total
        (
            "10k req/day on gpt-4.1 mini (1,000 in / 200 out) plus 1k req/day on gpt-4.1 (2k in / 500 out). monthly "
            "per model and total?",
            ["GPT-4.1 mini at 300,000 requests", "GPT-4.1 at 30,000 requests", "$456.00"],
        ),
    ],
)
def test_workloads_priced_one_by_one(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, [line], fragments, ["Assumed"])


@pytest.mark.parametrize(
    ("lines", "fragments", "absent"),
    [
        (["Mistral Everest — context window?"], ["Mistral Everest is not in the catalog"], []),
        (
            [
                "gpt-4.1 mini monthly, 20k req/day, 3k tokens in (50% cache hits), 500 out?",
                "drop the cache — what is it without caching?",
            ],
            ["$1,200.00"],
            ["cached"],
        ),
        (
            ["which is cheaper per output token, claude haiku 4.5 or gpt-5 mini?", "and per input token?"],
            ["cheaper on input"],
            [],
        ),
        (
            ["the bot holds ~10 rps 24/7, 500 in / 100 out. monthly on gpt-4.1 mini?"],
            ["25,920,000 requests/month", "500 in / 100 out"],
            [],
        ),
        (["gpt-oss-20b licence + commercial use ok?"], ["Yes — GPT OSS 20B"], []),
        (["context windows for gpt-4.1 and claude haiku 4.5 side by side"], ["1,047,576", "200,000"], []),
    ],
)
def test_round_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str], absent: list[str]) -> None:
    _check(shipped_catalog, lines, fragments, absent)


@pytest.mark.parametrize(
    "line",
    [
        "poll: default for the copilot? 1️⃣ gpt-4.1 2️⃣ claude haiku 4.5",  # asked of the team
        "when the gpt-4.1 bill is lower than the pizza budget",  # a joke's set-up
    ],
)
def test_polls_and_jokes_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None
