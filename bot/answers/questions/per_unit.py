"""Cost per unit of the team's own business: per 1,000 conversations of so many turns, per user at the stated
traffic. Unit economics slides are built from these, and a monthly bill alone does not answer them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.answers.costs import MAX_REQUESTS_PER_MONTH, TrafficProfile, estimate
from bot.answers.format import usd
from bot.answers.questions.stated import StatedTraffic
from catalog.models import Model

#: "cost per 1,000 conversations", "per support conversation", "what does that come to per user".
_PER = re.compile(
    r"\b(?:cost|costs|price|spend|come to|comes to|bill|pay|economics)\b[^.?!\n]{0,25}?"  # not "20 messages per user"
    r"\bper (?:(\d{1,3}(?:,\d{3}){0,2}|\d{1,7}k?|a|one|each)\s)?(?:support |customer |chat |paying |active )?"
    r"(conversation|session|chat|ticket|user|customer|seat|document|report|member|subscriber)s?\b"
)
#: "a conversation is 6 turns", "4 turns of 5k in", "averages 8 messages", "5 turns each".
_TURNS = re.compile(r"(?<![\d.,])(\d{1,3}) (?:turns|messages|requests|calls|exchanges|prompts|round[- ]?trips)\b")
#: "25,000 paying users", "our 12,000 users".
_PEOPLE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{1,9}(?:\.\d)?k?) (?:paying |active |monthly |daily )?"
    r"(?:users|customers|seats|members|subscribers)\b"
)
_PEOPLE_UNITS = frozenset({"user", "customer", "seat", "member", "subscriber"})


def _count(text: str) -> int:
    text = text.replace(",", "")
    return int(Decimal(text[:-1]) * 1000) if text.endswith("k") else int(Decimal(text))


def per_unit_asked(lower: str) -> re.Match[str] | None:
    """The per-unit cost a message asks for, if any (the thing counted must follow "per")."""
    return _PER.search(lower)


def per_unit_lines(models: list[Model], lower: str, traffic: StatedTraffic, profile: TrafficProfile) -> list[str]:
    """Each model's cost per N conversations (turns × the stated tokens) or per person (the month's bill over the
    people stated); none when the message gives too little to say."""
    asked = _PER.search(lower)
    if asked is None:
        return []
    unit = asked.group(2)
    lines: list[str] = []
    if unit in _PEOPLE_UNITS:
        people = _PEOPLE.search(lower)
        if people is None or traffic.requests_per_month is None:
            return []
        count = _count(people.group(1))
        for m in models:
            if count and (cost := estimate(m, profile).per_month) is not None:
                lines.append(f"{m.name}: {usd(cost / count)} per {unit} a month ({usd(cost)} over {count:,} {unit}s).")
        return lines
    turns = _TURNS.search(lower)
    if turns is None or traffic.input_tokens is None or traffic.output_tokens is None:
        return []
    n = 1 if asked.group(1) in (None, "a", "one", "each") else _count(asked.group(1))
    per = int(turns.group(1))
    if not 0 < n * per <= MAX_REQUESTS_PER_MONTH:
        return []  # more requests than any month holds: nothing to price
    shape = TrafficProfile(requests_per_month=n * per, input_tokens=traffic.input_tokens,
                           output_tokens=traffic.output_tokens)  # fmt: skip
    for m in models:
        if (cost := estimate(m, shape).per_month) is not None:
            lines.append(
                f"{m.name}: {usd(cost)} per {n:,} {unit}{'s' if n != 1 else ''} ({per} requests each of "
                f"{traffic.input_tokens:,} in / {traffic.output_tokens:,} out tokens, list price)."
            )
    return lines
