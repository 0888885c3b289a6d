"""Prices in the unit a team asks for: the cached-input and batch prices, per thousand tokens, per request (and per
1,000 requests) at the stated token counts, and a blended price at an input:output ratio ("3:1").

The headline answer is always per 1M tokens at the lab's list price; these lines restate that same price, so
nothing here is a second source of truth.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.answers.costs import TrafficProfile
from bot.answers.format import usd_per_m
from bot.answers.prices import headline
from bot.answers.questions.traffic import NO_CACHE
from catalog.models import Model, Price

#: "cached input price", "cache read", "prompt caching": the cache prices asked.
_CACHE = re.compile(r"\bcach(?:e|ed|ing)\b")
_BATCH = re.compile(r"\bbatch(?:ed|es)?\b")
_PER_THOUSAND = re.compile(r"\bper (?:1k|1,000|thousand|1 000) tokens?\b|/ ?1k tokens?\b")
_PER_REQUEST = re.compile(
    r"\bper (?:1k|1,000|thousand) (?:requests|calls|queries)\b"
    r"|\b(?:cost|costs|price|pay|much)\b[^.?!\n]{0,25}\bper (?:request|call|query)\b"
)  # "what does one request cost", not "500 tokens per request" (the traffic's own unit)
_RATIO = re.compile(r"\b(\d{1,2}) ?: ?(\d{1,2})\b(?=[^.?!\n]{0,30}\b(?:ratio|input|in|split|mix)\b)")
_BLENDED = re.compile(r"\bblended\b")
#: "our budget is $2k/month — how many requests a day can we afford": the volume a budget buys.
_BUDGET = re.compile(r"\$ ?(\d{1,3}(?:,\d{3})+|\d{1,9}(?:\.\d{1,2})?) ?(k|m)?\b ?(?:/|a|per|each) ?(?:month|mo)\b")
_AFFORD = re.compile(
    r"\bhow many\b[^?.!\n]{0,40}?\b(?:requests|calls|queries|messages|conversations|tickets)\b|\bafford\b"
    r"|\b(?:does|would|will) (?:that|it|this) (?:buy|get)\b"
)


def _complete_list_price(model: Model) -> Price | None:
    """The list price when it has both sides; these lines restate it, so a partial one gives none."""
    top = headline(model)
    price = top.route.price if top is not None else None
    return price if price is not None and price.input is not None and price.output is not None else None


def _money(value: Decimal) -> str:
    """Small amounts keep their digits: "$0.0015", "$1.50"."""
    return f"${value:,.2f}" if value >= 1 else f"${value.normalize():f}"


def unit_lines(models: list[Model], text: str, profile: TrafficProfile, stated_tokens: bool) -> list[str]:
    """The extra unit lines ``text`` asks for, per model with a list price; none when it asks none."""
    lower = text.lower()
    lines: list[str] = []
    for m in models:
        if (price := _complete_list_price(m)) is None:
            continue
        lines += _for(m.name, price, lower, profile, stated_tokens)
    return lines


def _for(name: str, price: Price, lower: str, profile: TrafficProfile, stated_tokens: bool) -> list[str]:
    assert price.input is not None and price.output is not None
    out = []
    if _CACHE.search(lower) and not NO_CACHE.search(lower):  # "what is it without caching?" asks no cache price
        if price.cache_read is not None:
            write = f", cache writes {usd_per_m(price.cache_write)}" if price.cache_write is not None else ""
            out.append(f"{name}: cached input {usd_per_m(price.cache_read)}{write}.")
        else:
            out.append(f"{name}: no cached-input price on record.")
    if _BATCH.search(lower):
        if price.batch_input is not None and price.batch_output is not None:
            out.append(f"{name}: batch {usd_per_m(price.batch_input)} in / {usd_per_m(price.batch_output)} out.")
        else:
            out.append(f"{name}: no batch price on record.")
    if _PER_THOUSAND.search(lower):
        k = Decimal(1000)
        out.append(f"{name}: {_money(price.input / k)} in / {_money(price.output / k)} out per 1,000 tokens.")
    if _PER_REQUEST.search(lower) and stated_tokens:
        each = (price.input * profile.input_tokens + price.output * profile.output_tokens) / Decimal(1_000_000)
        out.append(
            f"{name}: {_money(each)} per request, {_money(each * 1000)} per 1,000 requests "
            f"({profile.input_tokens:,} in / {profile.output_tokens:,} out tokens each)."
        )
    if (ratio := _RATIO.search(lower)) is not None and (_BLENDED.search(lower) or "ratio" in lower):
        a, b = int(ratio.group(1)), int(ratio.group(2))
        if a + b:
            blended = (price.input * a + price.output * b) / (a + b)
            out.append(f"{name}: blended {usd_per_m(blended)} at {a}:{b} input:output.")
    return out


def budget_lines(models: list[Model], text: str, profile: TrafficProfile) -> list[str]:
    """ "Our budget is $2k/month — how many requests can we afford?": the volume each model's list price buys."""
    lower = text.lower()
    budget = _BUDGET.search(lower) if _AFFORD.search(lower) else None
    if budget is None:
        return []
    dollars = Decimal(budget.group(1).replace(",", "")) * {"k": 1000, "m": 1_000_000}.get(budget.group(2) or "", 1)
    lines = []
    for m in models:
        if (price := _complete_list_price(m)) is None:
            continue
        assert price.input is not None and price.output is not None  # what "complete" means
        each = (price.input * profile.input_tokens + price.output * profile.output_tokens) / Decimal(1_000_000)
        if each > 0:
            fits = int(dollars / each)
            lines.append(
                f"{m.name}: {_money(dollars)}/month buys about {fits:,} requests a month ({fits // 30:,} a day) at "
                f"{profile.input_tokens:,} in / {profile.output_tokens:,} out tokens each."
            )
    return lines


def budget_said(text: str) -> str:
    """The budget a message asks to spend ("$5k a month … how many requests"), as a phrase a follow-up can carry
    ("and on Claude Haiku 4.5?"); empty when it asks none."""
    lower = text.lower()
    budget = _BUDGET.search(lower) if _AFFORD.search(lower) else None
    return f"{budget.group()} — how many requests" if budget is not None else ""


def ratio_span(text: str) -> tuple[int, int] | None:
    """Where an input:output ratio stands ("3:1"), so the traffic reader does not take its numbers as counts."""
    m = _RATIO.search(text.lower())
    return m.span() if m is not None else None


__all__ = ["budget_lines", "ratio_span", "unit_lines"]
