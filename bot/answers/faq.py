"""FAQ answers to questions asked in chat: intent + models -> one short structured answer.

``answer`` returns None when the bot should stay silent (no model named, or not a question), and an
honest "I don't know that" when the question is about something the catalog does not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from bot.answers import narrative
from bot.answers.costs import TrafficProfile, estimate
from bot.answers.facts import caps_yes, commercial_label, license_label, openness_label, prices_checked, sources
from bot.answers.filters import ModelFilter, search
from bot.answers.format import join_and, tokens_short, usd, usd_per_m, usd_unit
from bot.answers.labs import lab_name
from bot.answers.lifecycle import deprecation_answer
from bot.answers.prices import disagreement, headline, unit_prices
from catalog.models import CAPABILITY_LABELS, Model
from catalog.service import Catalog

CAN_ANSWER = (
    "context window, max output, price per 1M tokens, cheapest route, monthly cost at your traffic, which is "
    "cheaper, where to run it, license, open weights, commercial use, deprecation, release date, knowledge cutoff, "
    "parameters, benchmarks, each capability (vision, tool use, structured outputs…), and filter questions "
    "such as “best open-weights model with ≥ 200k context and tool use under $1/1M output”"
)


class FaqAnswer(BaseModel):
    """One short answer; ``known`` is False for "I don't know that"."""

    model_config = ConfigDict(frozen=True)

    intent: str
    question: str
    title: str
    lines: list[str]
    model_ids: list[str]
    sources: list[str]
    known: bool = True
    prices_checked: str | None = None
    choices: list[tuple[str, str]] = []
    """(model id, name) to pick from when the question could mean several ("and opus?": which Opus?)."""


def decline(text: str, topic: str, models: list[Model], hint: str = "") -> FaqAnswer:
    what = f"the catalog has no {topic} data" if topic != "that" else "I could not tell which model you mean"
    return FaqAnswer(
        intent="unknown",
        question=text,
        title="I don't know that",
        lines=[f"I don't know that: {what}, and I won't guess.{hint}", f"I can answer: {CAN_ANSWER}."],
        model_ids=[m.id for m in models],
        sources=sources(models),
        known=False,
    )


def family_hint(families: tuple[str, ...]) -> str:
    return (
        f" You mentioned {join_and(list(families))}: name a specific model (e.g. with its version)." if families else ""
    )


Handler = Callable[[list[Model], TrafficProfile, str], tuple[str, list[str]]]


def _names(models: list[Model]) -> str:
    return join_and([m.name for m in models])


def _context(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    if len(models) > 1:  # the comparison page's sentence, then each exact size (chat wants the number to quote)
        exact = "; ".join(f"{m.name} {m.context_window:,}" for m in models if m.context_window)
        said = narrative.context_answer(models).split(" The gap matters")[0]
        return "Context window", [f"{said} Exact: {exact} tokens." if exact else said]
    m = models[0]
    if not m.context_window:
        return "Context window", [f"No context window is on record for {m.name}."]
    lines = [f"{m.name} has a {tokens_short(m.context_window)}-token context window ({m.context_window:,} tokens)."]
    smaller = sorted({r.provider_name for r in m.routes if r.context_window and r.context_window < m.context_window})
    if smaller:
        more = f" and {len(smaller) - 3} more" if len(smaller) > 3 else ""
        lines.append(f"Some routes cut it down ({', '.join(smaller[:3])}{more}): check the route you will call.")
    return "Context window", lines


def _max_output(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Max output", [
        f"{m.name}: up to {m.max_output:,} output tokens per request." if m.max_output else f"{m.name}: not on record."
        for m in models
    ]


def _open(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Open source?", [
        f"{m.name}: {openness_label(m)}; license {license_label(m)}; {commercial_label(m).lower()}." for m in models
    ] + ["Confirm the upstream license before self-hosting or redistributing weights."]


def _commercial(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Commercial use", [f"{m.name}: {commercial_label(m).lower()} (license {license_label(m)})." for m in models]


def _where(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Where to run it", [narrative.where_answer(models)]


def _price(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = []
    for m in models:
        top = headline(m)
        price = top.route.price if top is not None else None
        if top is None or price is None or price.input is None or price.output is None:
            lines.append(f"{m.name}: no complete token price in local provider data.")
            continue
        where = f"{top.basis}, {top.route.provider_name}"
        if top.route.deprecated:
            where += ", which lists it as deprecated: plan a move"
        lines.append(f"{m.name}: {usd_per_m(price.input)} input and {usd_per_m(price.output)} output ({where}).")
        lines += [f"  above {t.min_prompt_tokens:,} prompt tokens: {usd_per_m(t.input)} / {usd_per_m(t.output)}"
                  for t in price.tiers if t.input is not None and t.output is not None]  # fmt: skip
        if (note := disagreement(top.route)) is not None:
            lines.append(f"  sources disagree: {note}")
        alt = estimate(m, profile).alternative
        if alt is not None:
            monthly = usd(alt.per_month or Decimal(0))
            lines.append(f"  cheaper elsewhere: {alt.label} ({alt.role or 'host'}), {monthly}/month at your traffic")
    return "Price per 1M tokens", lines


def _monthly(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = []
    for m in models:
        e = estimate(m, profile)
        if e.headline is None or e.per_month is None:
            lines.append(f"{m.name}: unavailable — {e.unavailable_reason}.")
        else:
            fees = e.headline.fees_per_month
            split = f": {usd(e.per_month - fees)} tokens + {usd(fees)} request and search fees" if fees else ""
            lines.append(
                f"{m.name}: {usd(e.per_month)}/month via {e.headline.label} — {e.basis} "
                f"({usd(e.headline.per_day or Decimal(0))}/day){split}."
            )
    if intent == "cheaper" and len(models) >= 2:
        amounts = [estimate(m, profile).per_month for m in models]
        known = [(a, m.name) for a, m in zip(amounts, models, strict=True) if a is not None]
        if len(known) == len(models):
            (low, low_name), (high, _) = min(known), max(known)
            lines.insert(
                0, f"{low_name} is cheaper for you by {usd(high - low)} a month." if high > low else "Same cost."
            )
        else:
            lines.insert(0, "Can't say which is cheaper: not every model has a sourced input and output price.")
    lines.append(f"Traffic assumed: {profile.describe()}.")
    return ("Which is cheaper for us?" if intent == "cheaper" else "Monthly cost at your traffic"), lines


def _cheapest_route(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = []
    for m in models:
        e = estimate(m, profile)
        c = e.cheapest
        if c is None or c.per_month is None:
            lines.append(f"{m.name}: no metered route with a complete price ({e.unavailable_reason}).")
            continue
        route = next(
            r for r in m.routes if r.provider_id == c.provider_id and r.provider_model_id == c.provider_model_id
        )
        assert route.price is not None and route.price.input is not None and route.price.output is not None
        lines.append(
            f"{m.name}: {c.provider_name} (`{c.provider_model_id}`) at {usd_unit(route.price.input)} in / "
            f"{usd_unit(route.price.output)} out per 1M — {usd(c.per_month)}/month at your traffic."
        )
    return "Cheapest route", lines


def _simple(field: str, label: str) -> Handler:
    def handler(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
        return label, [f"{m.name}: {getattr(m, field) or 'not on record'}." for m in models]

    return handler


def _maker(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Who makes it", [
        f"{m.name} is made by {lab_name(m.vendor)}." if m.vendor else f"{m.name}: its maker is not on record."
        for m in models
    ]


def _parameters(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "Parameters", [
        f"{m.name}: {m.parameters_label or 'not on record'}" + (f" ({m.architecture})" if m.architecture else "") + "."
        for m in models
    ]


def _license(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    return "License", [narrative.license_answer(models)]


def _benchmarks(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = []
    for m in models:
        if not m.benchmarks:
            lines.append(f"{m.name}: no benchmark scores on record.")
            continue
        top = ", ".join(
            f"{b.name} {b.score * 100:.1f}%" if b.metric == "fraction (0-1)" else f"{b.name} {b.score:g}"
            for b in m.benchmarks[:5]
        )
        self_rep = " (mostly self-reported)" if any(b.self_reported for b in m.benchmarks) else ""
        lines.append(f"{m.name}: {top}{self_rep}.")
    return "Benchmarks", lines


def _capability(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    key = intent.removeprefix("cap_")
    label = CAPABILITY_LABELS[key]
    if len(models) > 1:
        return label, [narrative.capability_answer(models, key, label.lower())]
    m = models[0]
    value = getattr(m.capabilities, key)
    verdict = {"yes": "Yes", "no": "No", "unknown": "Unknown — no source says either way"}[value]
    return label, [f"{verdict}: {m.name} {'supports' if value == 'yes' else 'does not document'} {label.lower()}."]


def _compare(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = [narrative.context_answer(models).split(". The gap")[0] + "."]
    lines += _price(models, profile, intent)[1]
    lines.append(f"For the full report: /compare {' '.join(m.id for m in models[:4])}")
    return " vs ".join(m.name for m in models[:4]), lines


def _overview(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    lines = []
    for m in models:
        inp, out = unit_prices(m)
        price = f"{usd_per_m(inp)} in / {usd_per_m(out)} out" if inp is not None and out is not None else "no price"
        caps = join_and(caps_yes(m)) or "no capability on record"
        lines.append(
            f"{m.name}: {tokens_short(m.context_window)} context, {price}, {len(m.providers)} providers, "
            f"{openness_label(m).lower()}; capabilities: {caps}."
        )
    return "At a glance", lines


#: Filter results shown with their numbers, and named in all.
SHOWN, NAMED = 5, 30


def filter_answer(text: str, catalog: Catalog, filt: ModelFilter, profile: TrafficProfile) -> FaqAnswer:
    hits = search(list(catalog.models.values()), filt, profile)
    matched = "1 model matches" if len(hits) == 1 else f"{len(hits)} models match"
    lines = [f"Looking for: {filt.describe()}. {matched}."]
    for m, monthly in hits[:SHOWN]:
        inp, out = unit_prices(m)
        cost = f"{usd(monthly)}/month" if monthly is not None else "no monthly estimate"
        price = f"{usd_per_m(inp)} in / {usd_per_m(out)} out" if inp is not None else "no complete price"
        lines.append(f"• {m.name}: {tokens_short(m.context_window)} context, {price}, {cost}")
    if len(hits) > SHOWN:
        others = [m for m, _ in hits[SHOWN:]]
        if len(hits) > NAMED:  # too many to name: the most widely served, which a reader is likeliest to know
            others = sorted(others, key=lambda m: -len(m.providers))
        more = [m.name for m in others[: NAMED - SHOWN]]
        rest = f" and {len(hits) - NAMED} more" if len(hits) > NAMED else ""
        label = "Also, most widely served" if len(hits) > NAMED else "Also"
        lines.append(f"{label}: {', '.join(more)}{rest}.")
    if hits:
        order = "monthly cost at your traffic" if filt.by_cost else "how widely served (most providers first)"
        lines.append(f"Ranked by {order}, not by quality: the catalog cannot rank quality.")
    else:
        lines.append("Nothing in the catalog meets all of that; try loosening one constraint.")
    shown = [m for m, _ in hits[:5]]
    return FaqAnswer(
        intent="filter",
        question=text,
        title="Models that fit",
        lines=lines,
        model_ids=[m.id for m in shown],
        sources=sources(shown),
        prices_checked=prices_checked(shown),
    )


HANDLERS: dict[str, Handler] = {
    "context": _context,
    "max_output": _max_output,
    "open_source": _open,
    "license": _license,
    "commercial": _commercial,
    "where_run": _where,
    "price": _price,
    "monthly_cost": _monthly,
    "cheaper": _monthly,
    "cheapest_route": _cheapest_route,
    "release": _simple("release_date", "Release date"),
    "deprecated": deprecation_answer,
    "cutoff": _simple("knowledge_cutoff", "Knowledge cutoff"),
    "parameters": _parameters,
    "maker": _maker,
    "benchmarks": _benchmarks,
    "compare": _compare,
    "overview": _overview,
    **{key: _capability for key in CAPABILITY_LABELS},
}
