"""Names written with every separator left out ("Qwen330BA3B"): pure tables, then the shipped catalog."""

from __future__ import annotations

import pytest

from catalog.matching.index import MatchIndex
from catalog.matching.squashed import glued_runs, squash, squashed_forms
from catalog.models import Model


@pytest.mark.parametrize(
    ("spelling", "squashed"),
    [
        ("Qwen3 30B A3B", "qwen330ba3b"),
        ("granite-4.1-8b", "granite4.18b"),  # a dot between digits stays
        ("Command A Vision", "commandavision"),
        ("meta.llama3-70b", "metallama370b"),  # a dot between letters is a separator
        ("Kimi K2 (0905)", "kimik20905"),
        ("Command A+", "commandaplus"),  # "+" is a word of the name
    ],
)
def test_squash(spelling: str, squashed: str) -> None:
    assert squash(spelling) == squashed


def _model(mid: str, name: str, *aliases: str) -> Model:
    return Model(id=mid, name=name, aliases=aliases)


def test_forms_need_three_words_and_one_owner() -> None:
    forms = squashed_forms(
        [
            _model("qwen3-30b-a3b", "Qwen3 30B A3B"),
            _model("gpt-4o", "GPT-4o"),  # two words: read word by word, never squashed
            _model("twin-a", "Nova Lite 2"),
            _model("twin-b", "Nova Lite 2 (preview)", "nova-lite-2"),  # its alias squashes like twin-a's name
        ]
    )
    assert forms["qwen330ba3b"] == "qwen3-30b-a3b"
    assert "gpt4o" not in forms
    assert "novalite2" not in forms  # two records spell it: the look-up never picks between twins


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("we use qwen330ba3b now", ["qwen330ba3b"]),
        ("gpt 4o is fine", []),  # spaced words are no glued run
        ("commandavision for charts", ["commandavision"]),  # one long word of letters
        ("it's ok", []),
    ],
)
def test_glued_runs(text: str, runs: list[str]) -> None:
    assert [m.group() for m in glued_runs(text)] == runs


def _found(index: MatchIndex, text: str) -> set[str]:
    return {m.model_id for m in index.mentions(text).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("moved the batch jobs to Qwen3Coder480BA35BInstruct yesterday", {"qwen3-coder-480b-a35b-instruct"}),
        ("Gemma327B beats our old baseline", {"gemma-3-27b"}),
        ("(llama3.18binstruct) is enough for tagging", {"llama-3.1-8b-instruct"}),
        ("CommandARReasoning? no, CommandAVision for the charts", {"command-a-vision"}),
        ("ubuntu2204 with python311 on an iphone15pro", set()),  # glued versions of things that are no model
        ("our build tag is release20250101final", set()),
        ("CommandA did fine, CommandAVision did better", {"command-a", "command-a-vision"}),  # two-word name too
    ],
)
def test_squashed_names_in_chat(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert _found(shipped_index, text) == expected


@pytest.mark.parametrize(
    ("query", "model_id"),
    [("Qwen330BA3B", "qwen3-30b-a3b"), ("Llama3.370BInstruct", "llama-3.3-70b-instruct")],
)
def test_resolve_squashed(shipped_index: MatchIndex, query: str, model_id: str) -> None:
    assert shipped_index.resolve(query).model_id == model_id
