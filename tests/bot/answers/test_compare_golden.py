"""Golden tests: the comparison engine on the seed fixture reproduces every fact of both seed pages."""

from __future__ import annotations

import pytest

from bot.answers.compare import Comparison, compare
from catalog.models import Model

SPARK, LING, QWEN = "gpt-5.3-codex-spark", "ling-2.6-flash", "qwen2-7b-instruct"


@pytest.fixture(scope="module")
def page1(seed_models: dict[str, Model]) -> Comparison:
    return compare([seed_models[SPARK], seed_models[LING]], seed_models)


@pytest.fixture(scope="module")
def page2(seed_models: dict[str, Model]) -> Comparison:
    return compare([seed_models[SPARK], seed_models[QWEN]], seed_models)


def rows(report_rows) -> dict[str, list[str]]:
    return {r.label: r.values for r in report_rows}


def test_page1_scorecard(page1: Comparison) -> None:
    assert rows(page1.scorecard) == {
        "Product type": ["Coding-specialized model", "Standalone API model"],
        "Best for": [
            "custom coding agents, code generation, and tool loops",
            "tool-calling agents and provider-routed production",
        ],
        "Decision fit": ["Coding, RAG, and Agents", "RAG, Agents, and Long context"],
        "Context window": ["131k", "262k"],
        "Cheapest output": ["-", "$0.03/1M tokens"],
        "Provider routes": ["1 tracked", "2 tracked"],
        "Shared benchmarks": ["0 shared", "0 shared"],
    }


def test_page1_tradeoffs(page1: Comparison) -> None:
    spark, ling = (" ".join(b.items) for b in page1.tradeoffs)
    assert "Uniquely exposes Code execution" in spark and "Coding, RAG, and Agents" in spark
    assert "Larger context window (262k vs 131k)" in ling
    assert "Broader tracked provider coverage (2 vs 1)" in ling
    assert "RAG, Agents, and Long context" in ling


def test_page1_monthly_cost(page1: Comparison) -> None:
    spark, ling = page1.costs
    assert spark.amount is None and spark.detail == "no complete token price in local provider data"
    assert ling.amount == "$15.50" and "OpenRouter" in ling.detail
    assert page1.cost_delta.startswith("Cost delta unavailable")
    assert "1,000,000 requests/month" in page1.profile and "500 input + 350 output" in page1.profile


def test_page1_switch_friction(page1: Comparison) -> None:
    to_ling, to_spark = page1.switch
    assert to_ling.items[0].startswith("No tracked provider serves both")
    assert "Check replacement coverage for Code execution" in to_ling.items[1]
    assert to_spark.items[0].startswith("No tracked provider serves both")
    assert "GPT-5.3-Codex-Spark adds Code execution" in to_spark.items[1]


def test_page1_specs_and_pricing(page1: Comparison) -> None:
    specs = rows(page1.specs)
    assert specs["Released"] == ["2026-02-12", "2026-04-21"]
    assert specs["Context window"] == ["131k", "262k"]
    assert specs["Parameters"] == ["-", "104B (7.4B activated)"]
    assert specs["Architecture"] == ["Decoder Only", "Mixture of Experts"]
    assert specs["License"] == ["Proprietary", "Apache 2.0 (OSI-approved)"]
    assert specs["Openness"] == ["Proprietary", "Open source"]
    assert specs["Commercial use"] == ["Commercial use: conditional", "Commercial use: permitted"]
    assert specs["Knowledge cutoff"] == ["-", "-"]
    pricing = rows(page1.pricing)
    assert pricing["Input price"] == ["-", "$0.01/1M tokens"]
    assert pricing["Output price"] == ["-", "$0.03/1M tokens"]
    assert page1.providers == [["OpenAI API"], ["Novita AI", "OpenRouter"]]
    assert page1.pricing_note is None


CAPS_PAGE1 = {
    "Vision": ["No", "No"],
    "Multimodal": ["No", "No"],
    "Reasoning": ["No", "No"],
    "Function calling": ["Yes", "Yes"],
    "Tool use": ["Yes", "Yes"],
    "Structured outputs": ["Yes", "Yes"],
    "Code execution": ["Yes", "No"],
    "IDE integration": ["No", "No"],
    "Computer use": ["No", "No"],
    "Parallel agents": ["No", "No"],
}


def test_page1_capabilities_and_benchmarks(page1: Comparison) -> None:
    assert rows(page1.capabilities) == CAPS_PAGE1
    assert page1.benchmarks == [] and page1.benchmarks_note is not None
    assert "No shared benchmark scores" in page1.benchmarks_note


def test_page1_deep_dive(page1: Comparison) -> None:
    text = " ".join(page1.deep_dive)
    assert "differ most on code execution: GPT-5.3-Codex-Spark" in text
    assert "Both share function calling, tool use, and structured outputs" in text
    assert "GPT-5.3-Codex-Spark has no token price sourced yet" in text
    assert "Ling-2.6-Flash has $0.01/1M input tokens" in text
    assert "1 tracked routes versus 2" in text
    assert "Choose GPT-5.3-Codex-Spark when what matters most is coding workflow support;" in text
    assert "long-context analysis, larger context windows, and broader provider choice" in text


def test_page1_faq(page1: Comparison) -> None:
    faq = {f.question: f.answer for f in page1.faq}
    assert len(faq) == 6
    q = "Which has a larger context window, GPT-5.3-Codex-Spark or Ling-2.6-Flash?"
    assert faq[q].startswith("Ling-2.6-Flash supports 262k tokens, while GPT-5.3-Codex-Spark supports 131k tokens.")
    lic = faq["Is GPT-5.3-Codex-Spark or Ling-2.6-Flash open source?"]
    assert (
        "GPT-5.3-Codex-Spark is listed under Proprietary" in lic and "Ling-2.6-Flash is listed under Apache 2.0" in lic
    )
    for cap in ("function calling", "tool use", "structured outputs"):
        answer = faq[f"Which is better for {cap}, GPT-5.3-Codex-Spark or Ling-2.6-Flash?"]
        assert answer.startswith(f"Both GPT-5.3-Codex-Spark and Ling-2.6-Flash expose {cap}.")
    where = faq["Where can I run GPT-5.3-Codex-Spark and Ling-2.6-Flash?"]
    assert "GPT-5.3-Codex-Spark is available on OpenAI API." in where
    assert "Ling-2.6-Flash is available on Novita AI and OpenRouter." in where


def test_page1_meta(page1: Comparison) -> None:
    assert page1.last_reviewed == "2026-06-15"
    assert page1.sources and page1.derived_note is None
    assert "GPT-5.3-Codex-Spark (2026) and Ling-2.6-Flash (2026)" in page1.intro
    assert "131k-token" in page1.intro and "262k-token" in page1.intro
    assert page1.continue_comparing  # related models are offered next


def test_page2_scorecard_and_tradeoffs(page2: Comparison) -> None:
    card = rows(page2.scorecard)
    assert card["Best for"][1] == "general production evaluation"
    assert card["Decision fit"] == ["Coding, RAG, and Agents", "Long context"]
    assert card["Context window"] == ["131k", "128k"]
    assert card["Cheapest output"] == ["-", "-"]
    assert card["Provider routes"] == ["1 tracked", "1 tracked"]
    spark, qwen = (" ".join(b.items) for b in page2.tradeoffs)
    assert "Larger context window (131k vs 128k)" in spark
    assert "Uniquely exposes Function calling, Tool use, Structured outputs" in spark
    assert "Local decision data tags it for Long context." in qwen


def test_page2_costs_specs_pricing(page2: Comparison) -> None:
    assert [c.amount for c in page2.costs] == [None, None]
    assert page2.cost_delta.startswith("Cost delta unavailable")
    specs = rows(page2.specs)
    assert specs["Released"] == ["2026-02-12", "2024-06-07"]
    assert specs["Parameters"] == ["-", "7B"]
    assert specs["Architecture"] == ["Decoder Only", "Decoder Only"]
    assert specs["License"] == ["Proprietary", "Apache 2.0 (OSI-approved)"]
    assert specs["Openness"] == ["Proprietary", "Open source"]
    assert rows(page2.pricing)["Input price"] == ["-", "-"]
    assert page2.pricing_note == "Pricing not yet sourced for either model."
    assert page2.providers == [["OpenAI API"], ["NVIDIA NIM"]]


def test_page2_switch_capabilities_deep_dive_faq(page2: Comparison) -> None:
    to_qwen, to_spark = page2.switch
    assert "Check replacement coverage for Function calling, Tool use, Structured outputs" in to_qwen.items[1]
    assert "GPT-5.3-Codex-Spark adds Function calling, Tool use, Structured outputs" in to_spark.items[1]
    caps = rows(page2.capabilities)
    assert {k: v for k, v in caps.items() if v[0] == "Yes"}.keys() == {
        "Function calling", "Tool use", "Structured outputs", "Code execution"
    }  # fmt: skip
    assert all(v[1] == "No" for v in caps.values())
    text = " ".join(page2.deep_dive)
    assert "function calling: GPT-5.3-Codex-Spark, tool use: GPT-5.3-Codex-Spark" in text
    assert "code execution: GPT-5.3-Codex-Spark" in text
    assert "core language-model surface" in text
    assert "Qwen2-7B-Instruct has no token price sourced yet" in text
    assert "1 tracked routes versus 1" in text
    assert "coding workflow support and larger context windows" in text
    assert "choose Qwen2-7B-Instruct when it is provider fit" in text
    faq = {f.question: f.answer for f in page2.faq}
    ctx = faq["Which has a larger context window, GPT-5.3-Codex-Spark or Qwen2-7B-Instruct?"]
    assert ctx.startswith("GPT-5.3-Codex-Spark supports 131k tokens, while Qwen2-7B-Instruct supports 128k tokens.")
    fc = faq["Which is better for function calling, GPT-5.3-Codex-Spark or Qwen2-7B-Instruct?"]
    assert fc.startswith("GPT-5.3-Codex-Spark has the clearer documented function calling signal")
    where = faq["Where can I run GPT-5.3-Codex-Spark and Qwen2-7B-Instruct?"]
    assert "Qwen2-7B-Instruct is available on NVIDIA NIM." in where
    assert page2.last_reviewed == "2026-06-04"


def test_three_and_four_models(seed_models: dict[str, Model]) -> None:
    report = compare([seed_models[SPARK], seed_models[LING], seed_models[QWEN]], seed_models)
    assert len(report.names) == 3 and all(len(r.values) == 3 for r in report.scorecard)
    assert report.switch == [] and report.deep_dive == []
    assert "Largest" not in " ".join(report.tradeoffs[0].items)
    assert "Larger context window (262k vs 131k vs 128k)" in " ".join(report.tradeoffs[1].items)


@pytest.mark.parametrize("ids", [[SPARK], [SPARK, SPARK], [SPARK, LING, QWEN, SPARK, LING]])
def test_bad_model_counts(seed_models: dict[str, Model], ids: list[str]) -> None:
    with pytest.raises(ValueError):
        compare([seed_models[i] for i in ids], seed_models)
