"""Comparison reports: the sections of the comparison pages, as structured data (no wording of Discord).

Two models get every section; three or four get the table sections plus per-model tradeoffs (pairwise
sections such as switch friction and the deep dive need a two-model compare).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

from pydantic import BaseModel, ConfigDict

from bot.answers import narrative
from bot.answers.costs import CostEstimate, TrafficProfile, estimate
from bot.answers.facts import (
    commercial_label,
    decision_fit,
    last_reviewed,
    license_label,
    openness_label,
    prices_checked,
    product_type,
    provider_count,
    sources,
)
from bot.answers.format import join_and, tokens_short, usd, usd_per_m
from bot.answers.prices import unit_prices
from catalog.models import CAPABILITY_LABELS, Model

#: A decision-fit match is looked for among the most widely served models only: those are the ones
#: worth suggesting next, and scanning the long tail would cost more than the whole report.
FIT_SCAN = 300
SECTIONS = (
    "scorecard",
    "tradeoffs",
    "cost",
    "switch",
    "specs",
    "pricing",
    "capabilities",
    "benchmarks",
    "deep_dive",
    "faq",
    "continue",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Row(_Frozen):
    label: str
    values: list[str]


class Bullets(_Frozen):
    title: str
    items: list[str]


class CostLine(_Frozen):
    model_id: str
    name: str
    amount: str | None
    """Monthly cost at the profile, formatted; None when unavailable."""
    detail: str
    estimate: CostEstimate


class FaqItem(_Frozen):
    question: str
    answer: str


class Comparison(_Frozen):
    """A full comparison report; every list is in the order of ``names``."""

    model_ids: list[str]
    names: list[str]
    title: str
    intro: str
    framing: str
    scorecard: list[Row]
    tradeoffs: list[Bullets]
    cost_intro: str
    profile: str
    costs: list[CostLine]
    cost_delta: str
    switch: list[Bullets]
    specs: list[Row]
    pricing: list[Row]
    providers: list[list[str]]
    pricing_note: str | None
    capabilities: list[Row]
    benchmarks: list[Row]
    benchmarks_note: str | None
    deep_dive: list[str]
    faq: list[FaqItem]
    continue_comparing: list[str]
    last_reviewed: str | None
    sources: list[str]
    derived_note: str | None
    prices_checked: str | None = None


def compare(models: list[Model], catalog: dict[str, Model], profile: TrafficProfile | None = None) -> Comparison:
    """Build the report for 2–4 distinct models."""
    if not 2 <= len(models) <= 4:
        raise ValueError(f"a comparison needs 2 to 4 models, got {len(models)}")
    if len({m.id for m in models}) != len(models):
        raise ValueError("compare needs different models; the same model was given twice")
    profile = profile or TrafficProfile()
    names = [m.name for m in models]
    estimates = [estimate(m, profile) for m in models]
    derived = [m.name for m in models if not m.product_type or not m.decision_fit]
    return Comparison(
        model_ids=[m.id for m in models],
        names=names,
        title=" vs ".join(names),
        intro=narrative.intro(models),
        framing=narrative.framing(models),
        scorecard=_scorecard(models),
        tradeoffs=[Bullets(title=f"Choose {m.name} when…", items=narrative.tradeoffs(m, models)) for m in models],
        cost_intro="Monthly token spend at your traffic, at the price each team would pay: the vendor's list price "
        "where the vendor sells it, else the cheapest established host.",
        profile=profile.describe(),
        costs=[_cost_line(e) for e in estimates],
        cost_delta=_cost_delta(estimates),
        switch=_switch(models),
        specs=_specs(models),
        pricing=_pricing(models),
        providers=[list(m.providers) for m in models],
        pricing_note=None if any(any(unit_prices(m)) for m in models) else narrative.no_pricing(models),
        capabilities=[
            Row(label=label, values=[_tri(getattr(m.capabilities, key)) for m in models])
            for key, label in CAPABILITY_LABELS.items()
        ],
        benchmarks=_benchmarks(models),
        benchmarks_note=None if _shared_benchmarks(models) else narrative.no_shared_benchmarks(models),
        deep_dive=narrative.deep_dive(models, estimates) if len(models) == 2 else [],
        faq=[FaqItem(question=q, answer=a) for q, a in narrative.faq(models)],
        continue_comparing=_related(models, catalog),
        last_reviewed=last_reviewed(models),
        sources=sources(models),
        prices_checked=prices_checked(models),
        derived_note=(
            f"Product type and decision fit for {join_and(derived)} are derived from catalog facts, not curated."
            if derived
            else None
        ),
    )


def _tri(value: str) -> str:
    return {"yes": "Yes", "no": "No"}.get(value, "Unknown")


def _scorecard(models: list[Model]) -> list[Row]:
    shared = len(_shared_benchmarks(models))
    rows = [
        Row(label="Product type", values=[product_type(m).value for m in models]),
        Row(label="Best for", values=[m.best_for or "-" for m in models]),
        Row(label="Decision fit", values=[join_and(decision_fit(m)[0]) or "-" for m in models]),
        Row(label="Context window", values=[tokens_short(m.context_window) for m in models]),
        Row(label="Cheapest output", values=[usd_per_m(unit_prices(m)[1]) for m in models]),
        Row(label="Provider routes", values=[f"{provider_count(m)} tracked" for m in models]),
        Row(label="Shared benchmarks", values=[f"{shared} shared" for _ in models]),
    ]
    return rows


def _cost_line(e: CostEstimate) -> CostLine:
    if e.headline is None or e.per_month is None:
        reason = e.unavailable_reason or "no complete token price in local provider data"
        return CostLine(model_id=e.model_id, name=e.model_name, amount=None, detail=reason, estimate=e)
    return CostLine(
        model_id=e.model_id,
        name=e.model_name,
        amount=usd(e.per_month),
        detail=f"{(e.basis or 'price').capitalize()}: {e.headline.label}",
        estimate=e,
    )


def _cost_delta(estimates: list[CostEstimate]) -> str:
    amounts = [e.per_month for e in estimates]
    if any(a is None for a in amounts):
        return "Cost delta unavailable until every model has a sourced input and output token price."
    known = [(a, e.model_name) for a, e in zip(amounts, estimates, strict=True) if a is not None]
    (low, low_name), (high, high_name) = min(known), max(known)
    if low == high:
        return f"Same monthly cost at this traffic: {usd(low)}."
    ratio = f" ({high / low:.1f}×)" if low > 0 else ""
    return f"{low_name} is cheaper by {usd(high - low)} a month than {high_name}{ratio}."


def _switch(models: list[Model]) -> list[Bullets]:
    if len(models) != 2:
        return []
    a, b = models
    return [Bullets(title=f"{x.name} → {y.name}", items=narrative.switch_friction(x, y)) for x, y in ((a, b), (b, a))]


def _specs(models: list[Model]) -> list[Row]:
    return [
        Row(label="Released", values=[m.release_date or "-" for m in models]),
        Row(label="Context window", values=[tokens_short(m.context_window) for m in models]),
        Row(label="Max output", values=[tokens_short(m.max_output) for m in models]),
        Row(label="Parameters", values=[m.parameters_label or "-" for m in models]),
        Row(label="Architecture", values=[m.architecture or "-" for m in models]),
        Row(label="License", values=[license_label(m) for m in models]),
        Row(label="Openness", values=[openness_label(m) for m in models]),
        Row(label="Commercial use", values=[commercial_label(m) for m in models]),
        Row(label="Knowledge cutoff", values=[m.knowledge_cutoff or "-" for m in models]),
    ]


def _pricing(models: list[Model]) -> list[Row]:
    prices = [unit_prices(m) for m in models]
    return [
        Row(label="Input price", values=[usd_per_m(i) for i, _ in prices]),
        Row(label="Output price", values=[usd_per_m(o) for _, o in prices]),
        Row(label="Providers", values=[join_and(list(m.providers)) or "-" for m in models]),
    ]


def _shared_benchmarks(models: list[Model]) -> list[str]:
    names = [{b.name for b in m.benchmarks} for m in models]
    shared = set.intersection(*names) if names else set()
    return sorted(shared)


def _benchmarks(models: list[Model]) -> list[Row]:
    rows = []
    for name in _shared_benchmarks(models):
        values = []
        for m in models:
            b = next(b for b in m.benchmarks if b.name == name)
            values.append(_score(b.score, b.metric) + (" (self-reported)" if b.self_reported else ""))
        rows.append(Row(label=name, values=values))
    return rows


def _score(score: float, metric: str | None) -> str:
    if metric == "fraction (0-1)":
        return f"{score * 100:.1f}%"
    return f"{score:g}" + (f" {metric}" if metric else "")


def _related(models: list[Model], catalog: dict[str, Model], limit: int = 6) -> list[str]:
    """Comparisons to run next: same family or creator first, else the same decision fit.

    ``catalog`` is in popularity order (``catalog.service.by_popularity``), so the first matches are the
    most widely served ones and the scan stops as soon as it has enough.
    """
    chosen = {m.id for m in models}
    per_model = max(1, limit // len(models))
    out: list[str] = []
    for m in models:
        peers = _first(catalog, chosen, per_model, partial(_same_line, m))
        if not peers:  # nothing from the same family or lab: models fit for the same work
            fits = partial(_fits, set(decision_fit(m)[0]))
            peers = _first(catalog, chosen, per_model, fits, scan=FIT_SCAN)
        for c in peers:
            line = f"{m.name} vs {c.name}"
            if line not in out:
                out.append(line)
    return out[:limit]


def _first(
    catalog: dict[str, Model], skip: set[str], n: int, keep: Callable[[Model], bool], scan: int | None = None
) -> list[Model]:
    """The first ``n`` models (in catalog order) that ``keep`` accepts, looking at no more than ``scan``."""
    out: list[Model] = []
    for c in itertools.islice(catalog.values(), scan):
        if c.id not in skip and keep(c):
            out.append(c)
            if len(out) == n:
                break
    return out


def _fits(tags: set[str], c: Model) -> bool:
    return bool(tags & set(decision_fit(c)[0]))


def _same_line(m: Model, c: Model) -> bool:
    return bool((m.family and c.family == m.family) or (m.creator and c.creator == m.creator))
