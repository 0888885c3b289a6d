"""The lines of one answer, ask by ask: yes/no answers first (where it runs, which is cheaper, a threshold over the
models named), then each ask's handler, then the extra lines a priced question earns (units, volumes, workloads,
periods). ``conversation`` decides what is asked of which models; this module says it."""

from __future__ import annotations

import re

from bot.answers.costs import TrafficProfile
from bot.answers.faq import HANDLERS
from bot.answers.format import join_and
from bot.answers.lifecycle import deprecation_lines
from bot.answers.questions.per_unit import per_unit_asked, per_unit_lines
from bot.answers.questions.periods import period_lines, period_title
from bot.answers.questions.query import Query
from bot.answers.questions.respond import (
    cheaper_lines,
    commercial_lines,
    context_lines,
    license_lines,
    license_named,
    open_lines,
    output_lines,
    provider_lines,
    ranked_limit,
    volume_lines,
    where_lines,
)
from bot.answers.questions.scores import benchmark_lines, benchmark_verdict
from bot.answers.questions.thresholds import threshold_lines
from bot.answers.questions.units import budget_lines, unit_lines
from bot.answers.questions.workloads import workload_lines
from catalog.models import Model

PRICED = frozenset({"monthly_cost", "cheaper", "cheapest_route"})
#: A unit of so many turns ("a conversation is 6 turns"): its traffic is per unit, not a month's.
TURNED = re.compile(r"\b\d{1,3} (?:turns|messages|exchanges|round[- ]?trips)\b")
PER_TOKEN = re.compile(r"\bper[- ](?:1m|million|mtok|token|1k|mil)\b|/ ?(?:1m|mtok|mil)\b|\bunit price")


def priced(q: Query) -> bool:
    """Whether the message asks what something costs at its traffic."""
    return any(a in PRICED for a in q.asks)


def answer_parts(
    q: Query, models: list[Model], profile: TrafficProfile, provider_names: dict[str, str]
) -> tuple[list[str], str, list[Model]]:
    """Every ask's lines, yes/no answers first; the title names what was asked; the models the reply is about
    (those over a threshold asked of them, else all)."""
    asks = list(q.asks)
    if "license" in asks and q.yes_no and license_named(q):
        asks.insert(0, asks.pop(asks.index("license")))  # "is it under Apache 2.0?" is the question to answer first
    elif q.yes_no and (said := [a for a in asks if a in ("commercial", "open_source")]):
        # "does its license permit commercial use?", "licensing-wise, is it open weights?": the yes/no first
        asks = [*said, *(a for a in asks if a not in said)]
        if "license" in asks:
            asks.remove("license")  # the open-weights or commercial-use line names the license already
    if "cheapest_route" in asks and "where_run" in asks:
        asks.remove("where_run")  # "who hosts it cheapest?" asks for the one host
    if "cheapest_route" in asks and len(models) > 1:  # "A vs B vs C: cheapest for input?" asks which model
        asks = list(dict.fromkeys("cheaper" if a == "cheapest_route" else a for a in asks))
    if "cheaper" in asks and "monthly_cost" in asks and len(models) > 1:
        asks.remove("monthly_cost")  # "is X cheaper than Y at our traffic": the verdict shows each month's cost
    if "compare" in asks or (len(models) > 1 and not asks):
        asks = [a for a in asks if a != "compare"] or ["compare"]
    first: list[str] = []
    rest: list[str] = []
    passing: list[Model] | None = None
    titles: list[str] = []
    if q.providers:  # "is it on vertex?" is answered yes/no first, beside whatever else the message asks
        first += provider_lines(models, q, provider_names)
        titles.append("Where to run it")
        # the route's price answers "how much there"; "and moonshot's own price per 1M?" asks the list price too
        only_where = set(asks) <= {"where_run", "price", "cheapest_route"} and not PER_TOKEN.search(q.text.lower())
        asks = [a for a in asks if a not in ("where_run", "deprecated") and not (only_where and a == "price")]
    unit_cost = per_unit_lines(models, q.text.lower(), q.traffic, profile) if per_unit_asked(q.text.lower()) else []
    if unit_cost and (not q.traffic.requests_per_month or TURNED.search(q.text.lower())):
        # "cost per 1,000 conversations of 6 turns": the unit's cost is the answer, not a month of 6 requests
        first += unit_cost
        titles.append("Cost per unit")
        asks = [a for a in asks if a not in ("monthly_cost", "price")]
        unit_cost = []
    if q.workloads and set(asks) & {"monthly_cost", "price", "cheaper"}:
        # a table per feature, a quote per customer: each workload priced on its own, then the total
        rest += workload_lines(models, q.workloads)
        titles.append("Monthly cost by workload")
        asks = [a for a in asks if a not in ("monthly_cost", "price", "cheaper")]
    for ask in asks or ([] if first or rest else ["overview"]):
        if ask in ("context", "max_output") and (over := threshold_lines(models, q)) is not None:
            said, passing = over  # "Of A, B, C and D, which ones have ≥ 200k context?": the reply is about those
            first += said
            titles.append(_LIMITS[ask][1].capitalize())
            continue
        if ask in ("context", "max_output") and (top := ranked_limit(models, q, *_LIMITS[ask])) is not None:
            first += top  # "which of A, B and C has the largest max output?"
            titles.append(_LIMITS[ask][1].capitalize())
            continue
        if ask == "context" and (yes_no := context_lines(models, q)) is not None:
            first += yes_no
            titles.append("Context window")
            continue
        if ask == "max_output" and (yes_no := output_lines(models, q)) is not None:
            first += yes_no
            titles.append("Max output")
            continue
        if ask == "cheaper" and (verdict := cheaper_lines(models, q, profile)) is not None:
            first += verdict
            titles.append("Which is cheaper?")
            continue
        if ask == "benchmarks" and q.benchmarks:
            called = benchmark_verdict(models, q.benchmarks[0], q.text.lower()) if q.yes_no else None
            first += [called] if called else []  # "does A score higher on GPQA than B?": yes or no first
            rest += benchmark_lines(models, q.benchmarks)
            titles.append("Benchmarks")
            continue
        special = {
            "open_source": lambda: open_lines(models, q),
            "commercial": lambda: commercial_lines(models),
            "license": lambda: license_lines(models, q),
            "deprecated": lambda: deprecation_lines(models),
            "where_run": lambda: where_lines(models),
        }.get(ask)
        if special is not None:
            (first if q.yes_no else rest).extend(special())
            titles.append(_TITLES.get(ask, ask))
            continue
        handler = HANDLERS[ask.removeprefix("cap_") if ask.startswith("cap_") else ask]
        title, lines = handler(models, profile, ask)
        titles.append(title)
        rest += [ln for ln in lines if not ln.startswith("Traffic assumed:")]
    if priced(q) or "price" in q.asks:
        stated = q.traffic.input_tokens is not None or q.traffic.output_tokens is not None
        rest += unit_lines(models, q.text, profile, stated)  # cached, batch, per 1k tokens, per request, blended
        first[:0] = budget_lines(models, q.budget or q.text, profile)  # "how many requests can $2k/month buy?" first
    rest += unit_cost  # "… and what does that come to per user?": beside the month's bill
    if priced(q) and not q.workloads:
        rest += volume_lines(models, q, profile)
    if q.periods and priced(q):
        rest += period_lines(models, profile, q.periods)
        titles = [period_title(t, q.periods) for t in titles]
    names = join_and([m.name for m in models])
    title = titles[0] if len(titles) == 1 else f"{names}: {', '.join(dict.fromkeys(t.lower() for t in titles))}"
    return first + rest, title, passing if passing is not None else models


_LIMITS = {"context": ("context_window", "context window"), "max_output": ("max_output", "max output")}
_TITLES = {
    "deprecated": "Deprecated?",
    "open_source": "Open source?",
    "commercial": "Commercial use",
    "license": "License",
}
