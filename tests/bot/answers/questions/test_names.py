"""Names the catalog lacks are said to be missing, never answered as a model the matcher read part of."""

from __future__ import annotations

import pytest

from bot.answers.questions.names import checked_mentions, unknown_names
from catalog.service import Catalog


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("how much is gpt-7 per 1m tokens?", "gpt-7"),
        ("what's the context window of claude opus 7?", "claude opus 7"),
        ("kimi k5 price per 1m?", "kimi k5"),
        ("o7-mini price per 1m input/output?", "o7-mini"),
        ("deepseek r3 - open weights?", "deepseek r3"),
        ("is gemini 5 pro available on vertex yet?", "gemini 5 pro"),
    ],
)
def test_model_like_names_the_catalog_lacks(shipped_catalog: Catalog, text: str, name: str) -> None:
    found = [n for _, n, _ in unknown_names(text, shipped_catalog)]
    assert found == [name]


@pytest.mark.parametrize(
    "text",
    [
        "we use python 3.11 and node 20",  # a family the index does not know
        "deepseek for 3 weeks now",  # an English word between family and number
        "is r3 in the parts list?",  # a one-letter series needs a tier ("o7-mini") to look like a name
    ],
)
def test_other_numbers_are_no_names(shipped_catalog: Catalog, text: str) -> None:
    assert unknown_names(text, shipped_catalog) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("is mistral large 5 open weights?", "mistral large 5"),  # a version the matched record lacks
        ("pixtral 3 large price and context?", "pixtral 3 large"),  # a family word before the matched name
    ],
)
def test_a_partly_read_name_becomes_unknown(shipped_catalog: Catalog, text: str, name: str) -> None:
    """Whether the matcher read part of it (then ``checked_mentions`` widens it) or nothing (a name followed by a
    version its model lacks: then ``unknown_names`` reads it), the name is the catalog's unknown."""
    kept, unknown = checked_mentions(text, shipped_catalog.index.mentions(text).mentions, shipped_catalog)
    if not unknown and not kept:
        unknown = unknown_names(text, shipped_catalog)
    assert kept == [] and [n for _, n, _ in unknown] == [name]


@pytest.mark.parametrize(
    ("text", "model_id"),
    [
        ("is claude opus 4.1 open weights?", "claude-opus-4.1"),
        ("gpt-4o 2k requests a day", "gpt-4o"),  # a count after a name is no version
        ("is deepseek r1 cheaper than o3?", "deepseek-r1"),  # "cheaper" asks; it is no listing's name here
    ],
)
def test_whole_names_stay(shipped_catalog: Catalog, text: str, model_id: str) -> None:
    kept, unknown = checked_mentions(text, shipped_catalog.index.mentions(text).mentions, shipped_catalog)
    assert unknown == [] and kept[0].model_id == model_id
