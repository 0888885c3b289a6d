"""FAQ answers: question -> intent -> answer, table-driven (silence and "I don't know" included)."""

from __future__ import annotations

import pytest

from bot.answers.questions.conversation import answer
from catalog.service import Catalog

SEED = [  # (question, intent, fragments the answer must contain) on the seed-page catalog
    ("which has the bigger context window, gpt-5.3 codex spark or ling 2.6 flash?", "context",
     ["Ling-2.6-Flash supports 262k tokens, while GPT-5.3-Codex-Spark supports 131k"]),
    ("Which has a larger context window, GPT-5.3-Codex-Spark or Qwen2-7B-Instruct?", "context",
     ["GPT-5.3-Codex-Spark supports 131k tokens, while Qwen2-7B-Instruct supports 128k"]),
    ("is ling 2.6 flash open source?", "open_source", ["Open source", "Apache 2.0 (OSI-approved)"]),
    ("is gpt5.3 codex spark open source?", "open_source", ["Proprietary"]),
    ("Is GPT-5.3-Codex-Spark or Ling-2.6-Flash open source?", "open_source", ["Proprietary", "Apache 2.0"]),
    ("what license is qwen2 7b under?", "license", ["Qwen2-7B-Instruct is listed under Apache 2.0"]),
    ("where can I run ling 2.6 flash?", "where_run", ["Ling-2.6-Flash is available on Novita AI and OpenRouter"]),
    ("where can I run GPT-5.3-Codex-Spark and Ling-2.6-Flash?", "where_run", ["OpenAI API", "Novita AI and OpenRouter"]),
    ("where can I run qwen2 7b?", "where_run", ["NVIDIA NIM"]),
    ("what would ling 2.6 flash cost us a month?", "monthly_cost", ["$15.50/month via OpenRouter", "1,000,000 requests"]),
    ("what would gpt-5.3-codex-spark cost us a month?", "monthly_cost", ["unavailable", "no complete token price"]),
    ("which is cheaper for us, ling 2.6 flash or gpt5.3 codex spark?", "cheaper", ["Can't say which is cheaper"]),
    ("how much does ling 2.6 flash cost?", "price", ["$0.01/1M tokens input", "$0.03/1M tokens output"]),
    ("what's the price of qwen2 7b?", "price", ["no complete token price"]),
    ("cheapest route for ling 2.6 flash?", "cheapest_route", ["OpenRouter", "$0.01 in / $0.03 out", "$15.50/month"]),
    ("does ling 2.6 flash support function calling?", "cap_function_calling", ["Yes"]),
    ("does qwen2 7b support function calling?", "cap_function_calling", ["No: Qwen2-7B-Instruct does not document"]),
    ("Which is better for function calling, GPT-5.3-Codex-Spark or Ling-2.6-Flash?", "cap_function_calling",
     ["Both GPT-5.3-Codex-Spark and Ling-2.6-Flash expose function calling"]),
    ("Which is better for function calling, GPT-5.3-Codex-Spark or Qwen2-7B-Instruct?", "cap_function_calling",
     ["GPT-5.3-Codex-Spark has the clearer documented function calling signal"]),
    ("Which is better for tool use, GPT-5.3-Codex-Spark or Ling-2.6-Flash?", "cap_tool_use", ["Both"]),
    ("Which is better for tool use, GPT-5.3-Codex-Spark or Qwen2-7B-Instruct?", "cap_tool_use", ["clearer documented"]),
    ("Which is better for structured outputs, GPT-5.3-Codex-Spark or Ling-2.6-Flash?", "cap_structured_outputs", ["Both"]),
    ("can qwen2 7b return json?", "cap_structured_outputs", ["No"]),
    ("can gpt-5.3-codex-spark run code?", "cap_code_execution", ["Yes"]),
    ("does ling 2.6 flash have code execution?", "cap_code_execution", ["No"]),
    ("does gpt5.3 codex spark support vision?", "cap_vision", ["No"]),
    ("can ling 2.6 flash read images?", "cap_vision", ["No"]),
    ("is qwen2 7b multimodal?", "cap_multimodal", ["No"]),
    ("does ling 2.6 flash do reasoning?", "cap_reasoning", ["No"]),
    ("does codex spark have ide integration? gpt-5.3-codex-spark", "cap_ide_integration", ["No"]),
    ("can gpt-5.3-codex-spark do computer use?", "cap_computer_use", ["No"]),
    ("does ling 2.6 flash support parallel agents?", "cap_parallel_agents", ["No"]),
    ("when was ling 2.6 flash released?", "release", ["2026-04-21"]),
    ("when did qwen2 7b come out?", "release", ["2024-06-07"]),
    ("what's the knowledge cutoff of ling 2.6 flash?", "cutoff", ["not on record"]),
    ("how many parameters does ling 2.6 flash have?", "parameters", ["104B (7.4B activated)", "Mixture of Experts"]),
    ("how big is qwen2 7b?", "parameters", ["7B"]),
    ("can we use qwen2 7b commercially?", "commercial", ["commercial use: permitted"]),
    ("is gpt-5.3-codex-spark ok for commercial use?", "commercial", ["commercial use: conditional"]),
    ("what's the max output of ling 2.6 flash?", "max_output", ["not on record"]),
    ("any benchmarks for ling 2.6 flash?", "benchmarks", ["no benchmark scores on record"]),
    ("gpt-5.3-codex-spark vs ling 2.6 flash?", "compare", ["/compare gpt-5.3-codex-spark ling-2.6-flash"]),
    ("is ling 2.6 flash any good?", "overview", ["262k context", "2 providers"]),
    ("tell me about qwen2 7b", "overview", ["128k context", "no price"]),
]  # fmt: skip

SHIPPED = [
    ("what's the context window of gpt-4o?", "context", ["128k-token context window"]),
    ("how long a prompt can claude opus 4.6 take? context?", "context", ["1M-token"]),
    ("which is cheaper for us, gpt-4o or claude sonnet 4.5?", "cheaper", ["is cheaper for you by"]),
    ("is gpt-4o mini cheaper than gpt-4o?", "cheaper", ["GPT-4o mini is cheaper for you by"]),
    ("what would gpt-4o cost us per month?", "monthly_cost", ["/month via"]),
    ("monthly cost of kimi k2.6 at our traffic?", "monthly_cost", ["/month via"]),
    ("how much is claude haiku 4.5?", "price", ["per 1M" if False else "/1M tokens input"]),
    ("what's the pricing for deepseek v3.2?", "price", ["/1M tokens output"]),
    ("cheapest provider for gpt-oss-120b?", "cheapest_route", ["/month at your traffic"]),
    ("is gpt-oss-120b open weights?", "open_source", ["Open"]),
    ("is gpt-4o open source?", "open_source", ["Proprietary"]),
    ("can I self-host llama 3.3 70b?", "open_source", ["Open"]),
    ("does gpt-4o support vision?", "cap_vision", ["Yes: GPT-4o supports vision"]),
    ("does o3 do reasoning?", "cap_reasoning", ["Yes"]),
    ("can claude opus 4.6 use tools?", "cap_tool_use", ["Yes"]),
    ("does gemini 2.5 pro support structured outputs?", "cap_structured_outputs", ["Gemini 2.5 Pro"]),
    ("does gpt-4o mini support function calling?", "cap_function_calling", ["Yes"]),
    ("where can I run kimi k2.6?", "where_run", ["Kimi K2.6 is available on"]),
    ("which providers host glm 5.1?", "where_run", ["available on"]),
    ("when was claude opus 4.5 released?", "release", ["Claude Opus 4.5: 20"]),
    ("what's the knowledge cutoff of gpt-4o?", "cutoff", ["GPT-4o: 2023-09"]),
    ("how many params does qwen2.5 72b have?", "parameters", ["Qwen2.5"]),
    ("benchmarks for qwen2 7b?", "benchmarks", ["AlignBench", "self-reported"]),
    ("what's the max output of claude opus 4.6?", "max_output", ["128,000 output tokens"]),
    ("gpt-4o vs gpt-4o mini?", "compare", ["/compare gpt-4o gpt-4o-mini"]),
    ("compare kimi k2.6 and glm 5.1", "compare", ["/compare kimi-k2.6 glm-5.1"]),
    ("is deepseek r1 any good?", "overview", ["DeepSeek"]),
    ("what's the license of llama 3.3 70b?", "license", ["Llama-3.3-70B-Instruct"]),
    ("can we use gpt-oss-120b commercially?", "commercial", ["commercial use"]),
    ("@bot thoughts on gemini 2.5 flash?", "overview", ["Gemini 2.5 Flash"]),
]  # fmt: skip

DECLINE = [
    "how fast is gpt-4o?",
    "what's the latency of claude opus 4.6?",
    "what are the rate limits for gpt-4o mini?",
    "is claude sonnet 4.5 HIPAA compliant?",
    "does gpt-4o have an SLA?",
    "is kimi k2.6 GDPR compliant?",
    "which regions is gemini 2.5 pro in?",
    "can we fine-tune gpt-4o mini?",
    "does deepseek v3.2 hallucinate a lot?",
    "what's the uptime of glm 5.1?",
    "tokens per second for llama 3.3 70b?",
    "will openai train on our data with gpt-4o? privacy?",
]

SILENT = [
    "lunch?",
    "who broke the build?",
    "we use gpt-4o in prod",
    "moved the summariser to claude sonnet 4.5 last week",
    "is claude any good?",
    "the mistral wind is strong today",
    "flash the firmware before the demo?",
    "which model should we use?",
    "what would it cost us a month to run the crawler?",
    "where can I run the migrations?",
]

FILTERS = [
    ("what's the best open-weights model with ≥200k context and tool use under $1/1M output?",
     ["open weights", "context ≥ 200,000 tokens", "tool use", "output ≤ $1/1M tokens", "Ranked by monthly cost"]),
    ("which models with vision and at least 1m context?", ["vision", "context ≥ 1,000,000 tokens"]),
    ("recommend an open source model with function calling under $0.5", ["open weights", "function calling"]),
    ("any model with over 50m context and tool use?", ["Nothing in the catalog meets all of that"]),
]  # fmt: skip


def _check(catalog: Catalog, question: str, intent: str, fragments: list[str]) -> None:
    reply = answer(question, catalog)
    assert reply is not None, question
    assert reply.intent == intent, (question, reply.intent)
    text = " ".join(reply.lines)
    for fragment in fragments:
        assert fragment in text, (question, fragment, text)
    assert reply.known


@pytest.mark.parametrize(("question", "intent", "fragments"), SEED)
def test_seed_questions(seed_catalog: Catalog, question: str, intent: str, fragments: list[str]) -> None:
    _check(seed_catalog, question, intent, fragments)


@pytest.mark.parametrize(("question", "intent", "fragments"), SHIPPED)
def test_shipped_questions(shipped_catalog: Catalog, question: str, intent: str, fragments: list[str]) -> None:
    _check(shipped_catalog, question, intent, fragments)


@pytest.mark.parametrize("question", DECLINE)
def test_declines_honestly(shipped_catalog: Catalog, question: str) -> None:
    reply = answer(question, shipped_catalog)
    assert reply is not None and not reply.known and reply.intent == "unknown"
    assert reply.lines[0].startswith("I don't know that: the catalog has no")
    assert reply.lines[1].startswith("I can answer:")


@pytest.mark.parametrize("question", SILENT)
def test_stays_silent(shipped_catalog: Catalog, question: str) -> None:
    assert answer(question, shipped_catalog) is None


def test_addressed_without_a_model_explains(shipped_catalog: Catalog) -> None:
    reply = answer("is claude any good?", shipped_catalog, addressed=True)
    assert reply is not None and not reply.known and "claude" in reply.lines[0]


def test_addressed_statement_is_answered(shipped_catalog: Catalog) -> None:
    reply = answer("gpt-4o pricing", shipped_catalog, addressed=True)
    assert reply is not None and reply.intent == "price"


@pytest.mark.parametrize(("question", "fragments"), FILTERS)
def test_filter_questions(shipped_catalog: Catalog, question: str, fragments: list[str]) -> None:
    reply = answer(question, shipped_catalog)
    assert reply is not None and reply.intent == "filter"
    text = " ".join(reply.lines)
    for fragment in fragments:
        assert fragment in text, (fragment, text)


def test_filter_results_meet_every_constraint(shipped_catalog: Catalog) -> None:
    reply = answer("best open-weights model with ≥200k context and tool use under $1/1M output?", shipped_catalog)
    assert reply is not None and reply.model_ids
    for mid in reply.model_ids:
        m = shipped_catalog.models[mid]
        assert m.openness == "open weights" and (m.context_window or 0) >= 200_000
        assert m.capabilities.tool_use == "yes"


def test_table_size() -> None:
    rows = len(SEED) + len(SHIPPED) + len(DECLINE) + len(SILENT) + len(FILTERS)
    intents = {i for _, i, _ in SEED + SHIPPED}
    assert rows >= 100 and len(intents) >= 15
