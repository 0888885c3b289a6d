"""A threshold asked over the models a message names ("Of A, B, C and D — which ones have ≥ 200k context?"): the
ones that pass, each with its value, and how many of those named fall short, without naming them (a list of the
others reads like a recommendation of them)."""

from __future__ import annotations

import re

from bot.answers.filters import parse_filter
from bot.answers.format import join_and
from bot.answers.intents import blank_spans
from bot.answers.questions.query import Query
from catalog.models import Model

#: Asking which of the named ones pass ("which ones", "which of these", "among A, B …, which").
_WHICH_ONES = re.compile(r"\bwhich\b|\bamong\b|\bof (?:these|those|them)\b")
#: The threshold's own words ("at least 200k", "≥ 200k", "200k or more"): a "$/1M" beside "context" is none.
_AT_LEAST = re.compile(r"\bat least\b|\bor more\b|\bor above\b|\bover\b|\bmore than\b|\babove\b|\bminimum\b|\d ?[km]\+")


def threshold_lines(models: list[Model], query: Query) -> tuple[list[str], list[Model]] | None:
    """The named models over a context or max-output threshold, and which pass; None when no threshold is asked
    over them."""
    lower = blank_spans(query.text.lower(), list(query.spans))
    if len(models) < 2 or not _WHICH_ONES.search(lower) or not _AT_LEAST.search(lower):
        return None
    asked = parse_filter(f"models {lower}")
    if asked is None or not (asked.min_context or asked.min_output):
        return None
    attr, label, least = (
        ("context_window", "a context window of", asked.min_context)
        if asked.min_context
        else ("max_output", "a max output of", asked.min_output)
    )
    assert least is not None
    known = [m for m in models if getattr(m, attr)]
    passing = [m for m in known if getattr(m, attr) >= least]
    short = len(known) - len(passing)
    unknown = [m.name for m in models if not getattr(m, attr)]
    tail = f" {short} of the {len(models)} named fall{'s' if short == 1 else ''} short." if short else ""
    tail += f" Not on record for {join_and(unknown)}." if unknown else ""
    if not passing:
        return [f"None of the {len(models)} named has {label} at least {least:,} tokens.{tail}"], []
    each = join_and([f"{m.name} ({getattr(m, attr):,})" for m in passing])
    verb = "has" if len(passing) == 1 else "have"
    return [f"{each} {verb} {label} at least {least:,} tokens.{tail}"], passing
