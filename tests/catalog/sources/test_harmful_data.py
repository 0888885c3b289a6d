"""Harmful data in a source file (issue 17): negative, NaN, Infinity and absurd prices, absurd sizes, deeply
nested JSON. Each is refused by every importer with one line naming the file, the record and the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from catalog.errors import ImportFormatError
from catalog.sources import parser_for
from catalog.sources.sanity import MAX_DEPTH
from tests.paths import FIXTURES, SAMPLES

MARK = "@@bad@@"
Place = Callable[[Any], None]

#: source -> (puts MARK where a price goes, text the record must contain, text the field must contain)
PRICE_AT: dict[str, tuple[Place, str, str]] = {
    "models-dev": (
        lambda d: d["providers"]["openrouter"]["models"]["inclusionai/ling-2.6-flash"]["cost"].update(output=MARK),
        "providers.openrouter.models.inclusionai/ling-2.6-flash",
        "cost.output",
    ),
    "openrouter": (
        lambda d: d["data"][2]["pricing"].update(prompt=MARK),
        "inclusionai/ling-2.6-flash",
        "pricing.prompt",
    ),
    "litellm": (
        lambda d: d["claude-sonnet-4-5"].update(output_cost_per_token=MARK),
        "claude-sonnet-4-5",
        "output_cost",
    ),
    "genai-prices": (lambda d: d[0]["models"][0]["prices"].update(input_mtok=MARK), "claude-2", "prices.input_mtok"),
    "overlay": (lambda d: d["models"][1]["routes"][0]["price"].update(input=MARK), "models", "routes.0.price.input"),
}
#: Harmful price literals as they appear in the file, and what the one line says.
PRICES = [
    ("-0.04", "-0.04 is not a price"),
    ("NaN", "NaN is not a number"),
    ("Infinity", "Infinity is not a number"),
    ("-Infinity", "-Infinity is not a number"),
    ("1e308", "is not a price"),
    ("1e400", "Infinity is not a number"),  # too large for a float: reads as Infinity
    ("1" + "0" * 5000, "too long"),  # an integer past Python's 4,300-digit guard
]


def sample(source: str) -> Any:
    return json.loads((FIXTURES / SAMPLES[source]).read_text())


def with_value(source: str, place: Place, literal: str) -> bytes:
    doc = sample(source)
    place(doc)
    return json.dumps(doc).replace(json.dumps(MARK), literal).encode()


def refused(source: str, data: bytes) -> ImportFormatError:
    with pytest.raises(ImportFormatError) as err:
        parser_for(source)(data, SAMPLES[source])
    line = str(err.value)
    assert "\n" not in line and line.startswith(SAMPLES[source]), line
    return err.value


@pytest.mark.parametrize(("literal", "says"), PRICES, ids=[p[0][:12] for p in PRICES])
@pytest.mark.parametrize("source", sorted(PRICE_AT))
def test_a_harmful_price_is_refused_naming_record_and_field(source: str, literal: str, says: str) -> None:
    place, record, field = PRICE_AT[source]
    err = refused(source, with_value(source, place, literal))
    assert says in str(err)
    if "too long" not in says:  # the JSON parser stops before it knows where it was
        where = f"{err.record}.{err.field}".replace("[", ".").replace("]", "")  # data[2] and data.2 alike
        assert record in where and field in where, str(err)


@pytest.mark.parametrize("literal", ['"-0.0001"', '"NaN"', '"Infinity"', '"sNaN"', '"1e308"', '"1e999999999"'])
def test_openrouter_price_strings_are_checked_as_numbers(literal: str) -> None:
    place, _, field = PRICE_AT["openrouter"]
    err = refused("openrouter", with_value("openrouter", place, literal))
    assert "is not a price (a price must be a finite number >= 0" in str(err)
    assert (err.record, err.field) == ("data[2] inclusionai/ling-2.6-flash", field)


def test_a_price_that_scales_past_the_cap_is_refused() -> None:
    """One dollar per token is $1,000,000 per 1M tokens: caught after LiteLLM's per-token prices are scaled."""
    place = PRICE_AT["litellm"][0]
    err = refused("litellm", with_value("litellm", place, "1.0"))
    assert (err.record, err.field) == ("claude-sonnet-4-5", "price.output") and "1000000 is not a price" in str(err)


def test_zero_is_an_explicitly_free_price() -> None:
    place = PRICE_AT["models-dev"][0]
    batch = parser_for("models-dev")(with_value("models-dev", place, "0"), "catalog.json")
    assert any(r.route.price and r.route.price.output == 0 for r in batch.routes)


#: source -> (puts MARK where a token count goes, record text, field text)
SIZE_AT: dict[str, tuple[Place, str, str]] = {
    "models-dev": (
        lambda d: d["providers"]["openrouter"]["models"]["inclusionai/ling-2.6-flash"]["limit"].update(context=MARK),
        "inclusionai/ling-2.6-flash",
        "limit.context",
    ),
    "openrouter": (lambda d: d["data"][2].update(context_length=MARK), "inclusionai/ling-2.6-flash", "context_length"),
    "litellm": (
        lambda d: d["claude-sonnet-4-5"].update(max_input_tokens=MARK),
        "claude-sonnet-4-5",
        "max_input_tokens",
    ),
    "genai-prices": (lambda d: d[0]["models"][0].update(context_window=MARK), "claude-2", "context_window"),
    "overlay": (lambda d: d["models"][1]["routes"][0].update(context_window=MARK), "models", "routes.0.context_window"),
    "llm-stats": (lambda d: d["models"]["qwen2-7b-instruct"].update(param_count=MARK), "qwen2-7b", "param_count"),
}


@pytest.mark.parametrize("literal", ["-5", str(10**9), "1e308"])
@pytest.mark.parametrize("source", sorted(SIZE_AT))
def test_an_absurd_size_is_refused(source: str, literal: str) -> None:
    place, record, field = SIZE_AT[source]
    if source == "llm-stats" and literal == str(10**9):
        literal = str(10**15)  # a billion parameters is a small model; a quadrillion is not
    err = refused(source, with_value(source, place, literal))
    where = f"{err.record}.{err.field}".replace("[", ".").replace("]", "")
    assert record in where and field in where, str(err)


@pytest.mark.parametrize("source", sorted(SAMPLES))
def test_json_nested_past_the_parser_is_one_line(source: str) -> None:
    err = refused(source, b"[" * 100_000 + b"]" * 100_000)
    assert f"nested more than {MAX_DEPTH} levels deep" in str(err)


def test_deep_nesting_inside_a_record_names_the_record() -> None:
    place = PRICE_AT["models-dev"][0]
    for depth in (MAX_DEPTH + 5, 5000):  # the first passes the JSON parser, the second does not
        err = refused("models-dev", with_value("models-dev", place, "[" * depth + "]" * depth))
        assert "nested more than" in str(err)
        assert err.record and err.record.startswith("providers"), str(err)
        assert err.field and "inclusionai/ling-2.6-flash.cost.output" in f"{err.record}.{err.field}"


def test_benchmark_nan_is_refused() -> None:
    doc = sample("llm-stats")
    doc["models"]["qwen2-7b-instruct"]["benchmarks"][0]["score"] = MARK
    err = refused("llm-stats", json.dumps(doc).replace(json.dumps(MARK), "NaN").encode())
    assert "qwen2-7b-instruct" in (err.record or "") and "score" in (err.field or "")
