"""The glossary pass: symbols, snake_case labels and other languages' procurement words read as the English the
question parser knows, and nothing else changed."""

from __future__ import annotations

import pytest

from bot.answers.questions.gloss import GLOSSARY, TYPOS, gloss
from catalog.matching.index import MatchIndex


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("gpt-5 ctx > o3 ctx?", "gpt-5 context more than o3 context?"),
        ("models with context_window >= 200000", "models with context window at least 200000"),
        ("price_in, price_out", "price in, price out"),
        ("contexto de Kimi K2.6 por favor", "context of Kimi K2.6 please"),
        ("Wie viele output tokens und welcher Preis?", "how many output tokens and which price?"),
        ("¿Command A tiene más contexto que Command R+?", "¿Command A has more context than Command R+?"),
        ("quel est le prix par mois?", "which est le price per month?"),
        ("> quoted line stays", "> quoted line stays"),  # a Discord quote, not a comparison
        ("`price_in` in code stays", "`price_in` in code stays"),
        ("meta-llama_Llama-3.2-1B stays an id", "meta-llama_Llama-3.2-1B stays an id"),
        ("the kimi-und-x path", "the kimi-und-x path"),  # a phrase word inside a hyphenated token
        ("it costs $3 per month", "it costs $3 per month"),  # English unchanged
    ],
)
def test_gloss(text: str, english: str) -> None:
    assert gloss(text) == english


def test_no_glossary_entry_changes_a_model_name(shipped_index: MatchIndex) -> None:
    """A glossed word never changes a model's name ("kontext" is FLUX.1 Kontext's, so it stays out)."""
    words = shipped_index.vocab | shipped_index.lexicon.vocab | set(shipped_index.lexicon.vendor_words)
    assert not {w for w in GLOSSARY if " " not in w and w in words}
    assert not {w for w in TYPOS if w in words}  # nor does a slip of an ask word
    names = [e.name.lower() for e in shipped_index.entries.values()]
    assert not [p for p in GLOSSARY if " " in p and any(p in n for n in names)]
