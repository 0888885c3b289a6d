"""Questions as a team asks them, on the shipped catalog: stated traffic, several parts, follow-ups, unknown
names, yes/no questions, and statements that must stay silent."""

from __future__ import annotations

import pytest

from bot.answers.costs import TrafficProfile
from bot.answers.questions.conversation import converse
from bot.answers.questions.memory import MEMORY_SECONDS, ChannelMemory
from catalog.service import Catalog


def _say(catalog: Catalog, *lines: str, now: float = 100.0) -> str | None:
    """The reply text to the last line, after the earlier ones in the same channel."""
    memory: ChannelMemory | None = None
    text: str | None = None
    for line in lines:
        ans, memory = converse(line, catalog, TrafficProfile(), memory=memory, now=now)
        text = None if ans is None else "\n".join([ans.title, *ans.lines])
    return text


def _check(catalog: Catalog, lines: list[str] | str, fragments: list[str], absent: list[str] | None = None) -> None:
    """The reply to the last line holds every fragment and none of ``absent``."""
    said = [lines] if isinstance(lines, str) else lines
    text = _say(catalog, *said)
    assert text is not None, said
    for fragment in fragments:
        assert fragment in text, (said, fragment, text)
    for word in absent or []:
        assert word not in text, (said, word, text)


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (
            ["we do 2k requests a day, 3k tokens in 500 out. what would gpt-4o cost us per month?"],
            ["$750.00/month", "= 60,000 requests/month"],
        ),
        (["gpt-5: context window, max output and price?"], ["400k-token context", "128,000 output tokens", "$1.25"]),
        (["deepseek v3.2 context window pls"], ["context window"]),  # a request without "?"
        (["does gpt4o mini have a bigger context than llama3.3 70b?"], ["No — the same size: both have a 128k"]),
        (["is llama 3.3 70b on groq? how much there"], ["Yes — Groq serves", "$0.59"]),
        (["can we get gemini 2.5 pro through azure?"], ["No — Gemini 2.5 Pro is not on Azure"]),
        (["how much is gpt-6 per 1m tokens?"], ["could mean several models", "Which one?"]),
        (["what's the price of llama 9 70b?"], ["llama 9 70b is not in the catalog"]),
        (
            ["2k requests a day, 3k in 500 out: cost of gpt-4o?", "same traffic on gpt-4o mini?"],
            ["GPT-4o mini: $45.00/month", "60,000 requests/month"],
        ),
        (
            ["what's claude opus 4.5 per million tokens", "and what about sonnet 4.5?"],
            ["Claude Sonnet 4.5: $3.00/1M tokens input"],
        ),
        (["how much is claude haiku 4.5?", "what about its context window?"], ["Claude Haiku 4.5 has a 200k"]),
        (["how much is claude sonnet 4.5 per 1m tokens?", "and what about opus?"], ["Claude Opus 4.5: $5.00"]),
        (["context window of gemini 2.5 pro?", "and flash?"], ["Gemini 2.5 Flash has a"]),
        (["gpt-4o vs claude sonnet 4.5?", "what's the context window of the cheaper one?"], ["GPT-4o has a 128k"]),
        (["gpqa for gpt-4o?"], ["GPT-4o: GPQA 53.6%", "self-reported"]),  # a named benchmark: its score
        (["aider polyglot of gpt-4o"], ["Aider Polyglot 23.1%", "30.7%"]),  # two spellings, one line
        (["which anthropic models have 1m context?"], ["made by anthropic", "Claude"]),
    ],
)
def test_answers(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


def test_the_yes_or_no_comes_first(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "is llama 3.3 70b on groq? how much there")
    assert text is not None
    assert text.splitlines()[1].startswith("Yes")


def test_no_boilerplate_repeated(shipped_catalog: Catalog) -> None:
    for line in ("what license is qwen2 7b under?", "context window of gpt-4o vs claude sonnet 4.5?"):
        text = _say(shipped_catalog, line)
        assert text is not None
        assert "The gap matters" not in text and "confirm the upstream license" not in text


@pytest.mark.parametrize(
    "line",
    [
        "gpt-4o's context window was plenty for us",
        "we moved the summarizer to gpt-4o last week",
        "pricing for claude went up again, ugh",
        "we use python 3.11 and node 20",
        "did the deploy finish?",
        "and what about lunch?",
        "The new Nova Micro pipeline is processing about 3 million requests a month now",
        "Kai, did you benchmark codestral against the old autocomplete model?",
        "Our procurement only allows OpenRouter at the moment",
        "anyone tried deepseek v3.2 with the new tool calling thing?",
        "gpt-4.1 vs 4o debate is settled, we're going with 4.1 for the agent",
        '```json\\n{"model": "gemini-2.5-flash", "temperature": 0.2}\\n```',
    ],
)
def test_statements_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None


def test_memory_expires(shipped_catalog: Catalog) -> None:
    ans, memory = converse("how much is claude haiku 4.5?", shipped_catalog, TrafficProfile(), now=0.0)
    assert ans is not None and memory is not None
    later, _ = converse(
        "what about its context window?", shipped_catalog, TrafficProfile(), memory=memory, now=MEMORY_SECONDS + 1
    )
    assert later is None


def test_a_coding_filter_lists_no_embedding_or_reranker(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "best cheap model for coding with 128k context")
    assert text is not None and "chat/coding models" in text
    listed = [line for line in text.splitlines() if line.startswith("•")]
    assert listed and not any(w in line.lower() for line in listed for w in ("embed", "rerank", "bge", "bert"))


@pytest.mark.parametrize(
    ("line", "silent"),
    [
        ("open-weights models under $1 per 1M output with tool use", False),  # a request without "?"
        ("we evaluated models with 128k context last quarter", True),  # what the team did
        ("we hit 70 on gpqa with gpt-4o lol", True),
    ],
)
def test_requests_and_statements(shipped_catalog: Catalog, line: str, silent: bool) -> None:
    assert (_say(shipped_catalog, line) is None) is silent


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        # the channel named Opus 4.1 before the question: "and opus?" means that one, not Sonnet's tier swapped
        (
            [
                "we're comparing sonnet 4.5 and opus 4.1 for the reviewer bot",
                "what would sonnet 4.5 cost at 1,000 requests a day, 5k in, 1k out?",
                "and opus?",
            ],
            ["Claude Opus 4.1: $4,500.00/month", "30,000 requests/month"],
        ),
        (["what does gpt-5 cost per million tokens?", "and the nano version?"], ["GPT-5 Nano: $0.05"]),
        (["deepseek r1 price per million?", "is it on bedrock?"], ["Yes — Amazon Bedrock serves DeepSeek-R1"]),
        (["gpqa score for gpt-5?", "and o3?"], ["o3: GPQA"]),  # the benchmark asked is remembered
        (["how much is gpt-4o per 1M tokens?", "ok thanks", "what about o1?"], ["o1: $15.00/1M tokens input"]),
        (["estimate o3 at 500 requests a day, 6k prompt and 2k completion tokens", "and o4-mini?"], ["$231.00"]),
    ],
)
def test_follow_ups(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    ("line", "opening"),
    [
        ("is deepseek r1 cheaper than o3?", "Yes — DeepSeek-R1 is cheaper for you by"),
        ("is sonnet 4.5 more expensive than sonnet 4.5?", None),  # one model: nothing to compare
        ("is claude haiku 4.5 cheaper than gpt-5-mini?", "No — GPT-5 Mini is cheaper for you by"),
        ("claude opus 4.1 vs o3 - which has the larger context window?", "Same — both have a 200k-token"),
        ("is qwen3 max's context bigger than mistral large 3's?", "No — the same size: both have a 262k-token"),
        ("is gpt-oss-20b apache licensed?", "Yes — GPT OSS 20B is listed under Apache 2.0"),
        ("is gpt-4o apache licensed?", "No — GPT-4o is listed under"),
        ("is grok 3 available through azure?", "Yes, but deprecated — Azure Cognitive Services still lists Grok-3"),
    ],
)
def test_verdict_first(shipped_catalog: Catalog, line: str, opening: str | None) -> None:
    text = _say(shipped_catalog, line)
    if opening is None:
        assert text is None or "cheaper for you" not in text
        return
    assert text is not None and text.splitlines()[1].startswith(opening), text


def test_each_model_priced_when_comparing(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "which is cheaper, qwen3-max or gemini 2.5 pro?")
    assert text is not None
    assert "Qwen3 Max: " in text and "$1.20/1M tokens in / $6.00/1M tokens out (list price, Alibaba)" in text
    assert "$1.25/1M tokens in / $10.00/1M tokens out (list price, Google)" in text


@pytest.mark.parametrize(
    ("line", "fragments", "not_listed"),
    [
        ("which embedding models does openai have?", ["embedding models, made by openai", "text-embedding-3"], []),
        ("what's the cheapest anthropic model right now?", ["made by anthropic", "Claude"], ["(batch)"]),
        ("qwen models with 1M context under $0.10 per 1M input?", ["input ≤ $0.10", "Qwen Flash"], []),
        ("which deepseek models are open weights?", ["DeepSeek-R1", "DeepSeek-V3", "most providers first"], []),
        ("which openai models cost under $0.10 per 1M input tokens?", ["GPT-5 Nano"], ["Whisper", "embedding"]),
    ],
)
def test_filters(shipped_catalog: Catalog, line: str, fragments: list[str], not_listed: list[str]) -> None:
    _check(shipped_catalog, line, fragments, not_listed)


def test_a_statement_with_need_stays_silent(shipped_catalog: Catalog) -> None:
    assert _say(shipped_catalog, "mixtral 8x7b is still running the legacy chatbot, need to migrate") is None


def test_sonar_bill_splits_tokens_from_fees(shipped_catalog: Catalog) -> None:
    text = _say(shipped_catalog, "sonar pro at 2k searches a day, 1k in 600 out, monthly?")
    assert text is not None and "$720.00 tokens + $840.00 request and search fees" in text


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("can i use llama 3.3 70b commercially", ["Yes, with conditions", "700 million monthly active users"]),
        ("can we use gpt-4o commercially?", ["Yes, through the API"]),
        ("whats the context + max output for claude sonnet 4.5, and is it on vertex", ["Yes — Vertex", "200k"]),
        ("claude sonnet 4.5 swe-bench verified score?", ["SWE-bench Verified (Agentic Coding) 77.2%"]),
        ("gemini 7 ultra context window?", ["not in the catalog", "Closest it has: Gemini"]),
        ("llama 3.3 70b groq price?", ["Yes — Groq serves"]),  # a host needs no "on"
        ("kimi k2?", ["Kimi K2"]),  # the name alone asks for its card
    ],
)
def test_more_answers(shipped_catalog: Catalog, line: str, fragments: list[str]) -> None:
    _check(shipped_catalog, line, fragments)


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        ("anyone tried kimi k2?", None),  # a question to teammates: silent
        ("is gpt-4o cheaper than anthropic's sonnet 4.5?", "Where to run it"),  # a lab's name is no provider
        ("glm-4.6 - open weights? what license?", "Weights & Biases"),  # nor is an ordinary word
    ],
)
def test_not_read_as_asks(shipped_catalog: Catalog, line: str, absent: str | None) -> None:
    text = _say(shipped_catalog, line)
    if absent is None:
        assert text is None, text
    else:
        assert text is not None and absent not in text, text


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["what's the price of claude opus 4.1?", "what about at 500 requests a day, 3k in 800 out?"], ["$1,575.00"]),
        (["claude haiku 4.5 monthly at 10k req/day 1k in 300 out", "same but 20k a day"], ["$1,500.00/month"]),
        (["how much is deepseek v3.2?", "is that cheaper than gpt-5 mini?"], ["Yes — DeepSeek V3.2 is cheaper"]),
        (["context window on gpt-4.1 mini and nano?"], ["GPT-4.1 mini", "GPT-4.1 nano"]),
    ],
)
def test_traffic_pronoun_and_elided_follow_ups(
    shipped_catalog: Catalog, lines: list[str], fragments: list[str]
) -> None:
    _check(shipped_catalog, lines, fragments)
