"""Cost periods asked beside the month ("and per year?", "what's the weekly spend?", "quarterly figure"): each
is the month's cost scaled (a 30-day month: a week is 7/30 of it, a quarter 3 months, a year 12), shown after
the monthly figure. A period written after a count ("4,200 tickets a week") is a traffic rate, not an ask.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.answers.costs import TrafficProfile, estimate
from bot.answers.format import usd
from catalog.models import Model

#: Each period's pattern and how many months it is.
_ASKED: dict[str, tuple[re.Pattern[str], Decimal]] = {
    "year": (
        re.compile(
            r"\b(?:yearly|annual|annually|annuali[sz]ed|per annum|(?:12|twelve)[- ]months?|(?:per|a|/|each|every"
            r"|for a|for the|over a)[- ]?year)\b"
        ),
        Decimal(12),
    ),
    "quarter": (re.compile(r"\b(?:quarterly|(?:per|a|/|each|every|for a|for the|over a)[- ]?quarter)\b"), Decimal(3)),
    "week": (re.compile(r"\b(?:weekly|(?:per|a|/|each|every|for a|for the|over a)[- ]?week)\b"), Decimal(7) / 30),
}
#: A count just before the period word: the period belongs to a rate ("12M requests a year", "tickets a week").
_COUNTED = re.compile(
    r"(?:\d|\b(?:requests?|req|reqs|calls|queries|tokens|messages|users|tickets|documents|docs|conversations|chats"
    r"|completions|sessions|jobs|emails|runs))\W*$"
)
_NAMES = {"year": "Per year", "quarter": "Per quarter", "week": "Per week"}
_SPANS = {"year": "12 months", "quarter": "3 months", "week": "7 days of a 30-day month"}


def cost_periods(prose: str) -> tuple[str, ...]:
    """The periods besides the month whose cost ``prose`` asks for, longest first."""
    return tuple(
        name
        for name, (pattern, _) in _ASKED.items()
        if any(_COUNTED.search(prose[max(0, m.start() - 20) : m.start()]) is None for m in pattern.finditer(prose))
    )


def period_lines(models: list[Model], profile: TrafficProfile, periods: tuple[str, ...]) -> list[str]:
    """Each asked period's cost for every model with a complete price, at the same traffic."""
    costs = [(m.name, e.per_month) for m in models if (e := estimate(m, profile)).per_month is not None]
    lines = []
    for period in periods:
        months = _ASKED[period][1]
        if len(costs) == 1:
            name, cost = costs[0]
            lines.append(f"{_NAMES[period]}: {usd(cost * months)} for {name} ({_SPANS[period]} at this traffic).")
        elif costs:
            each = "; ".join(f"{name} {usd(c * months)}" for name, c in costs)
            lines.append(f"{_NAMES[period]} ({_SPANS[period]} at this traffic): {each}.")
    return lines


def period_title(title: str, periods: tuple[str, ...]) -> str:
    """ "Monthly cost" named with the periods asked beside it ("Monthly and yearly cost")."""
    if not periods:
        return title
    words = {"year": "yearly", "quarter": "quarterly", "week": "weekly"}
    return title.replace("Monthly cost", f"Monthly and {' and '.join(words[p] for p in periods)} cost")
