"""What a source file may hold, checked as data before anything is merged or written.

Why: sources are other people's files. A negative price would make /cost show "$-0.04/month" and pick a wrong
cheapest route; NaN, Infinity or 1e308 break the arithmetic; a document nested 100,000 levels deep exhausts the
stack; a size of a billion tokens is a typo. Each is refused with one ``ImportFormatError`` naming the file, the
record and the field, so the owner can tell upstream what is wrong, and the catalog stays as it was.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator

from catalog.errors import ImportFormatError
from catalog.models import Price, PriceTier
from catalog.sources.records import SourceBatch

#: The largest file an import reads or a refresh downloads (bytes); a larger one is refused before it is read.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The dearest price accepted, in USD per 1M tokens (or per image, request, 1,000 searches). The dearest real
#: price in the shipped data is $600 (o1-pro output); anything near this cap is an error upstream.
MAX_PRICE = Decimal(100_000)
#: The largest context window, output limit or prompt-size tier accepted, in tokens.
MAX_TOKENS = 100_000_000
#: The largest parameter count accepted (100 trillion).
MAX_PARAMS = 100 * 10**12
#: How deeply a source file may nest (the real sources nest 8 levels at most).
MAX_DEPTH = 64

N = TypeVar("N", float, Decimal)

PRICE_RULE = f"a price must be a finite number >= 0, at most {MAX_PRICE:,} USD per 1M tokens or per unit"
TOKENS_RULE = f"a token count must be a whole number from 0 (unknown) to {MAX_TOKENS:,}"
PARAMS_RULE = f"a parameter count must be a whole number from 0 (unknown) to {MAX_PARAMS:,}"


def price_problem(value: float | Decimal, cap: Decimal = MAX_PRICE) -> str | None:
    """Why ``value`` is not a price, or None. ``cap`` is lower for prices still to be scaled up."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite() or number < 0 or number > cap:
        return f"{_show(value)} is not a price ({PRICE_RULE})"
    return None


def _price(value: N) -> N:
    if problem := price_problem(value):
        raise ValueError(problem)
    return value


def _tokens(value: int) -> int:
    if not 0 <= value <= MAX_TOKENS:
        raise ValueError(f"{value:,} is not a token count ({TOKENS_RULE})")
    return value


def _params(value: int) -> int:
    if not 0 <= value <= MAX_PARAMS:
        raise ValueError(f"{value:,} is not a parameter count ({PARAMS_RULE})")
    return value


#: Field types for source records: the pydantic error names the record and field (``_common.validate``).
PriceNumber = Annotated[float, AfterValidator(_price)]
PriceDecimal = Annotated[Decimal, AfterValidator(_price)]
TokenCount = Annotated[int, AfterValidator(_tokens)]
ParamCount = Annotated[int, AfterValidator(_params)]


def _show(value: object) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return str(value)


# -- the whole document --------------------------------------------------------------------------------------


def check_document(doc: Any, file_name: str) -> None:
    """Every number finite and nesting at most ``MAX_DEPTH`` deep. One pass without paths (about 50 ms for the
    largest shipped file, in the build's worker thread); the path is worked out only for a refusal."""
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        kind = type(value)
        if kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                raise _at(doc, file_name, _deep)
            stack.extend((v, depth + 1) for v in (value.values() if kind is dict else value))
        elif kind is float and not math.isfinite(value):
            raise _at(doc, file_name, _non_finite)


def _deep(value: Any, depth: int) -> str | None:
    too_deep = depth >= MAX_DEPTH and isinstance(value, dict | list)
    return f"nested more than {MAX_DEPTH} levels deep" if too_deep else None


def _non_finite(value: Any, depth: int) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"{_show(value)} is not a number (JSON has no NaN or Infinity; too large a number reads as Infinity)"
    return None


def _at(doc: Any, file_name: str, problem: Any) -> ImportFormatError:
    """The error for the first value ``problem`` names, with its record and field worked out from its path."""
    stack: list[tuple[Any, tuple[str | int, ...], tuple[Any, ...]]] = [(doc, (), ())]
    while stack:
        value, path, parents = stack.pop()
        if (message := problem(value, len(path))) is not None:
            record, field = _split(path, (*parents, value))
            return ImportFormatError(file_name, message, record=record, field=field)
        up = (*parents, value)
        if isinstance(value, dict):
            stack.extend((v, (*path, k), up) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, (*path, i), up) for i, v in reversed(list(enumerate(value))))
    return ImportFormatError(file_name, "a value that cannot be imported")  # pragma: no cover - found above


def _split(path: tuple[str | int, ...], chain: tuple[Any, ...]) -> tuple[str | None, str | None]:
    """A JSON path as (record, field): the record is the deepest object on the path that has an ``id`` or a
    ``name`` (a route, a model), else the first key (with its index, for a list); the field is the rest.
    ``chain[i]`` is the value at ``path[:i]``."""
    if not path:
        return None, None
    first = 2 if len(path) > 2 and isinstance(path[1], int) else 1
    cut = next((i for i in range(len(path), 0, -1) if _named(chain[i])), first)
    record = _join(path[:cut])
    named = chain[cut]
    if isinstance(path[cut - 1], int) and isinstance(named, dict) and _named(named):
        record += f" {named.get('id') or named.get('name')}"
    rest = path[cut:]
    field = _join(rest[:6]) + ("…" if len(rest) > 6 else "") if rest else None
    return record, field


def _named(value: Any) -> bool:
    return isinstance(value, dict) and any(isinstance(value.get(k), str) for k in ("id", "name"))


def _join(parts: tuple[str | int, ...]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


_TOKEN = re.compile(rb'"(?:[^"\\]++|\\.)*+"\s*+:?|[\[\]{},]')  # possessive: linear on any input


def nesting_error(data: bytes, file_name: str) -> ImportFormatError:
    """For a document too deep for the JSON parser itself: the path to where it passes ``MAX_DEPTH``, found by a
    scan that skips strings (run only after the parser gave up)."""
    stack: list[list[Any]] = []  # [key or index, is_list]
    for m in _TOKEN.finditer(data):
        tok = m.group()
        if tok in (b"[", b"{"):
            if len(stack) >= MAX_DEPTH:
                path = tuple(frame[0] for frame in stack if frame[0] is not None)
                line = data.count(b"\n", 0, m.start()) + 1
                record, field = _split(path, (None,) * (len(path) + 1))
                where = f"nested more than {MAX_DEPTH} levels deep (line {line})"
                return ImportFormatError(file_name, where, record=record, field=field)
            if stack and stack[-1][1] and stack[-1][0] is None:
                stack[-1][0] = 0
            stack.append([None, tok == b"["])
        elif tok in (b"]", b"}"):
            if stack:
                stack.pop()
        elif tok == b",":
            if stack and stack[-1][1]:
                stack[-1][0] = (stack[-1][0] or 0) + 1
        elif tok.endswith(b":") and stack:
            stack[-1][0] = tok[1 : tok.rindex(b'"')].decode("utf-8", "replace")
    return ImportFormatError(file_name, f"nested too deeply to read (the limit is {MAX_DEPTH} levels)")


# -- what an importer produced ---------------------------------------------------------------------------------

_PRICE_FIELDS = tuple(name for name in Price.model_fields if name not in ("fees_unknown", "tiers"))
_TIER_FIELDS = tuple(name for name in PriceTier.model_fields if name != "min_prompt_tokens")


def check_batch(batch: SourceBatch) -> None:
    """Every price and size an importer produced is sane (after unit scaling, which source-level checks cannot
    see: a per-token price of 1 is $1,000,000 per 1M tokens)."""
    for rec in batch.routes:
        route, record = rec.route, rec.route.provenance.record
        for field, value in _amounts(route.price):
            if problem := price_problem(value):
                raise ImportFormatError(batch.file_name, problem, record=record, field=field)
        sizes = {"context_window": route.context_window, "max_output": route.max_output, **_facts(rec.facts)}
        for i, tier in enumerate(route.price.tiers if route.price else ()):
            sizes[f"price.tiers[{i}].min_prompt_tokens"] = tier.min_prompt_tokens
        _sizes(batch.file_name, record, sizes)
    for model in batch.models:
        _sizes(batch.file_name, model.provenance.record, _facts(model.facts))


def _amounts(price: Price | None) -> list[tuple[str, Decimal]]:
    if price is None:
        return []
    out = [(f"price.{f}", v) for f in _PRICE_FIELDS if (v := getattr(price, f)) is not None]
    for i, tier in enumerate(price.tiers):
        out += [(f"price.tiers[{i}].{f}", v) for f in _TIER_FIELDS if (v := getattr(tier, f)) is not None]
    return out


def _facts(facts: dict[str, Any]) -> dict[str, Any]:
    return {k: facts.get(k) for k in ("context_window", "max_output")}


def _sizes(file_name: str, record: str, sizes: dict[str, Any]) -> None:
    for field, value in sizes.items():
        if value is not None and not (isinstance(value, int) and 0 <= value <= MAX_TOKENS):
            raise ImportFormatError(file_name, f"{_show(value)} is not a token count ({TOKENS_RULE})", record, field)
