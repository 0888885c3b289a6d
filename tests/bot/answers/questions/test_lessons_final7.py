"""Lessons of the eighth independent question set (final7), one row per general fix, each in a wording of its
own: other languages' procurement words, symbols and snake_case labels, "=>" as an arrow, forwarded asks, what a
request is for, bare context figures in filters, equal windows said to be equal, a capitalised product name the
catalog lacks, and statements that describe a model staying silent."""

from __future__ import annotations

import pytest

from catalog.service import Catalog
from tests.bot.answers.questions.test_conversation import _check, _say


@pytest.mark.parametrize(
    ("lines", "fragments"),
    [
        (["gpt-4.1 mini: 20k req/day, 800 in, 100 out => monthly?"], ["800 in / 100 out"]),  # "=>" is an arrow
        (
            ["Schnelle Frage: wie viel kostet GPT-4.1 pro Monat bei 1000 Anfragen pro Tag, 500 rein, 100 raus?"],
            ["500 in / 100 out", "30,000"],
        ),
        (["¿Cuánto cuesta Claude Haiku 4.5 por millón de tokens?"], ["$1.00"]),
        (["Quel est le prix de Mistral Medium 3.1 par million de jetons ?"], ["$0.40"]),
        (["-- gpt-4.1: ctx, max_output?"], ["1,047,576", "32,768"]),  # snake_case labels and "ctx"
        (["Lena asks for the GPT-4.1 mini context window"], ["1,047,576"]),  # a forwarded ask
        (["Claude Haiku 4.5 list price per million tokens for our budget sheet"], ["$1.00"]),
        (["Kai asks: what's GPT-4.1's context window?", "Kai also wants GPT-4.1 mini"], ["1,047,576"]),
        (["which anthropic models have context >= 500000?"], ["context ≥ 500,000"]),  # a bare figure
        (["gpt-4.1 ctx > gpt-4.1 mini ctx?"], ["No — the same size: both"]),  # equal windows said to be equal
        (["Hat Claude Opus 4.1 ein größeres Kontextfenster als Claude Sonnet 4?"], ["No — the same size: both"]),
        (["A prospect asked about Gemini Titan 3 — price per 1M tokens?"], ["not in the catalog"]),
    ],
)
def test_final7_lessons(shipped_catalog: Catalog, lines: list[str], fragments: list[str]) -> None:
    _check(shipped_catalog, lines, fragments)


@pytest.mark.parametrize(
    "line",
    [
        "read the claude opus 4.1 changelog, the tool use and json mode updates look solid",  # describes, asks nothing
        "- bug: gemini 2.5 flash drops the schema when tools are enabled",
        "```\nError: context_length_exceeded (maximum context length is 200000 tokens)\n```",  # a pasted error
    ],
)
def test_statements_about_a_model_stay_silent(shipped_catalog: Catalog, line: str) -> None:
    assert _say(shipped_catalog, line) is None
