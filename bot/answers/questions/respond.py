"""Answers for a parsed query: every ask answered in one reply, a yes/no first, equal values called equal,
assumptions echoed, and the parts only a yes/no question needs ("is X on Azure?", "bigger context than Y?").
"""

from __future__ import annotations

import re

from bot.answers import narrative
from bot.answers.costs import TrafficProfile
from bot.answers.facts import license_label, openness_label
from bot.answers.format import join_and, tokens_short, usd_per_m
from bot.answers.questions.query import Query
from catalog.models import Model

_BIGGER_CONTEXT = re.compile(r"\b(?:bigger|larger|longer|more|greater|smaller|shorter|less)\b[^?.!]{0,30}\bcontext")
_COMMERCIAL_YES = {"allowed", "yes", "permitted", "permissive"}


def provider_lines(models: list[Model], query: Query, provider_names: dict[str, str]) -> list[str]:
    """ "Is X on Y?": yes with the route and its price, or no with where it is served."""
    lines = []
    for m in models:
        for pid in query.providers:
            routes = [r for r in m.routes if r.provider_id == pid]
            pname = provider_names.get(pid, pid)
            if routes:
                r = routes[0]
                price = (
                    f" at {usd_per_m(r.price.input)} in / {usd_per_m(r.price.output)} out"
                    if r.price is not None and r.price.input is not None and r.price.output is not None
                    else " (no complete price on record there)"
                )
                lines.append(f"Yes — {pname} serves {m.name} (`{r.provider_model_id}`){price}.")
            else:
                elsewhere = join_and(list(m.providers[:6])) or "no provider on record"
                more = f" and {len(m.providers) - 6} more" if len(m.providers) > 6 else ""
                lines.append(f"No — {m.name} is not on {pname} in the catalog; it is on {elsewhere}{more}.")
    return lines


def context_lines(models: list[Model], query: Query) -> list[str] | None:
    """A context comparison asked as a yes/no ("does A have a bigger context than B?"), or None."""
    if len(models) != 2 or not query.yes_no or not _BIGGER_CONTEXT.search(query.text.lower()):
        return None
    a, b = models
    if not a.context_window or not b.context_window:
        missing = join_and([m.name for m in models if not m.context_window])
        return [f"Can't say: no context window is on record for {missing}."]
    sizes = f"{a.name} {tokens_short(a.context_window)}, {b.name} {tokens_short(b.context_window)}"
    if a.context_window == b.context_window:
        return [f"No — both have a {tokens_short(a.context_window)}-token context window ({a.context_window:,})."]
    smaller = re.search(r"\b(?:smaller|shorter|less)\b", query.text.lower()) is not None
    yes = (a.context_window < b.context_window) if smaller else (a.context_window > b.context_window)
    return [f"{'Yes' if yes else 'No'} — {sizes} tokens."]


def open_lines(models: list[Model], query: Query) -> list[str]:
    """Open source / open weights, with the verdict first."""
    out = []
    for m in models:
        label = openness_label(m)
        verdict = {"Open source": "Yes", "Open weights": "Yes, open weights", "Proprietary": "No"}.get(label, "Unknown")
        out.append(f"{verdict} — {m.name}: {label}, license {license_label(m)}.")
    return out


def commercial_lines(models: list[Model]) -> list[str]:
    out = []
    for m in models:
        use = m.commercial_use
        verdict = "Yes" if use in _COMMERCIAL_YES else ("No" if use in ("no", "not allowed", "prohibited") else None)
        detail = f"commercial use: {use} (license {license_label(m)})"
        out.append(f"{verdict} — {m.name}: {detail}." if verdict else f"{m.name}: {detail}.")
    return out


def license_lines(models: list[Model]) -> list[str]:
    """The license sentence of the comparison page, without the advice every answer used to repeat."""
    return [narrative.license_answer([m]).split(" The license decides")[0] for m in models]


def unknown_lines(query: Query, data_date: str | None) -> list[str]:
    """Names the catalog lacks: said plainly, with the nearest names it has."""
    when = f" (data as of {data_date})" if data_date else ""
    out = []
    for name, near in query.unknown:
        if near[:1] == ("?",):
            out.append(f"{name} could mean several models: {join_and(list(near[1:]))}. Which one?")
            continue
        closest = f" Closest it has: {join_and(list(near))}." if near else ""
        out.append(f"{name} is not in the catalog{when}.{closest}")
    return out


def traffic_line(query: Query, profile: TrafficProfile, saved: bool) -> str:
    from bot.answers.questions.traffic import describe_stated

    if not query.traffic.empty:
        return f"Assumed: {describe_stated(query.traffic, profile)}."
    where = "your server's saved traffic profile" if saved else "the default traffic (set yours with /traffic)"
    return f"Assumed {where}: {profile.describe()}."
