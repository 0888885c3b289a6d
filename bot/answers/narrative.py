"""The sentences of a comparison: tradeoffs, switch friction, deep dive and FAQ, from facts only.

Every sentence states a fact from the catalog or says that the fact is missing; nothing is invented.
"""

from __future__ import annotations

import re

from bot.answers.costs import CostEstimate
from bot.answers.facts import caps_yes, decision_fit, only_in, product_type, provider_count
from bot.answers.format import join_and, join_or, tokens_short, usd_unit, year
from bot.answers.prices import unit_prices
from catalog.models import Model

_FAQ_CAPS = (
    ("function_calling", "function calling"),
    ("tool_use", "tool use"),
    ("structured_outputs", "structured outputs"),
)


def _article(phrase: str) -> str:
    """ "a standalone API model": lower-case only the first letter, so acronyms survive."""
    phrase = phrase[:1].lower() + phrase[1:]
    return ("an " if phrase[:1] in "aeiou" else "a ") + phrase


def intro(models: list[Model]) -> str:
    parts = [f"{m.name} ({year(m.release_date)})" for m in models]
    kinds = [_article(product_type(m).value) for m in models]
    ctx = [f"{m.name} has {_ctx_phrase(m)}" for m in models]
    return (
        f"{join_and(parts)} compare {join_and(kinds)}. {'; '.join(ctx)}. "
        "Read the result as workflow and deployment fit, not a universal winner."
    )


def _ctx_phrase(m: Model) -> str:
    if m.context_window is None:
        return "no context window on record"
    return f"a {tokens_short(m.context_window)}-token context window"


def framing(models: list[Model]) -> str:
    kinds = {product_type(m).value for m in models}
    if len(kinds) == 1:
        (kind,) = kinds
        plural = kind[:1].lower() + kind[1:] + "s"
        return f"All of them are {plural}: decide on context, capabilities, price and provider coverage."
    each = "; ".join(f"{m.name} is {_article(product_type(m).value)}" for m in models)
    return f"This is a product-type comparison: {each}. Settle workflow fit before treating any price row as decisive."


def tradeoffs(model: Model, models: list[Model]) -> list[str]:
    """Reasons to choose ``model`` over every other model in the comparison."""
    others = [m for m in models if m.id != model.id]
    items: list[str] = []
    if model.context_window and all((o.context_window or 0) < model.context_window for o in others):
        vs = " vs ".join(tokens_short(o.context_window) for o in others)
        items.append(
            f"Larger context window ({tokens_short(model.context_window)} vs {vs}) for long prompts, "
            "retrieval packs or transcript analysis."
        )
    mine = provider_count(model)
    if all(provider_count(o) < mine for o in others):
        vs = " vs ".join(str(provider_count(o)) for o in others)
        items.append(f"Broader tracked provider coverage ({mine} vs {vs}) for fallback and procurement flexibility.")
    unique = [c for c in caps_yes(model) if all(c not in caps_yes(o) for o in others)]
    if unique:
        items.append(f"Uniquely exposes {join_and(unique)} in local model data.")
    tags, derived = decision_fit(model)
    if tags:
        items.append(
            f"Catalog facts suggest it for {join_and(list(tags))} (derived, not curated)."
            if derived
            else f"Local decision data tags it for {join_and(list(tags))}."
        )
    return items or ["No tracked advantage; decide on your own evals and provider fit."]


def switch_friction(src: Model, dst: Model) -> list[str]:
    items = []
    shared = sorted(set(src.providers) & set(dst.providers))
    if shared:
        verb = "serves" if len(shared) == 1 else "serve"
        items.append(f"{join_and(shared)} {verb} both: the switch can stay on one provider and billing account.")
    else:
        items.append(
            f"No tracked provider serves both {src.name} and {dst.name}: plan for SDK, billing or endpoint changes."
        )
    lost = only_in(src, dst)
    if lost:
        items.append(f"Check replacement coverage for {join_and(lost)} before moving production traffic.")
    gained = only_in(dst, src)
    if gained:
        items.append(f"{dst.name} adds {join_and(gained)} in local capability data.")
    if src.context_window and dst.context_window and dst.context_window < src.context_window:
        items.append(
            f"Context window shrinks from {tokens_short(src.context_window)} to "
            f"{tokens_short(dst.context_window)}: re-test your longest prompts."
        )
    return items


def no_pricing(models: list[Model]) -> str:
    return "Pricing not yet sourced for " + ("either model." if len(models) == 2 else "any of these models.")


def no_shared_benchmarks(models: list[Model]) -> str:
    pair = "pair" if len(models) == 2 else "set of models"
    return f"No shared benchmark scores are available for this {pair}; only scores on the same benchmark are compared."


def deep_dive(models: list[Model], estimates: list[CostEstimate]) -> list[str]:
    a, b = models
    diffs = [f"{c.lower()}: {a.name}" for c in only_in(a, b)] + [f"{c.lower()}: {b.name}" for c in only_in(b, a)]
    shared = [c.lower() for c in caps_yes(a) if c in caps_yes(b)]
    first = (
        f"The capability footprints differ most on {join_and(diffs)}. "
        if diffs
        else "Both expose the same capabilities in local data. "
    )
    first += (
        f"Both share {join_and(shared)}, so feature count alone does not decide it."
        if shared
        else "Both share the core language-model surface, so feature count alone does not decide it."
    )
    second = (
        f"Pricing coverage: {_price_phrase(a)} and {_price_phrase(b)}. Provider availability is "
        f"{provider_count(a)} tracked routes versus {provider_count(b)}. Treat an unknown price as an "
        "integration gap and verify the route you will call before estimating spend."
    )
    third = (
        f"Choose {a.name} when what matters most is {join_and(_strengths(a, b)) or 'provider fit'}; choose "
        f"{b.name} when it is {join_and(_strengths(b, a)) or 'provider fit'}. Before production, rerun your own "
        "prompts on the exact provider, region and tool stack you will ship: provider packaging moves cost "
        "and latency as much as the model does."
    )
    return [first, second, third]


def _price_phrase(m: Model) -> str:
    inp, _ = unit_prices(m)
    return (
        f"{m.name} has no token price sourced yet" if inp is None else f"{m.name} has {usd_unit(inp)}/1M input tokens"
    )


def _strengths(m: Model, other: Model) -> list[str]:
    tags, _ = decision_fit(m)
    out = []
    if "Coding" in tags:
        out.append("coding workflow support")
    larger = bool(m.context_window and (other.context_window or 0) < m.context_window)
    if "Long context" in tags and larger:
        out.append("long-context analysis")
    if larger:
        out.append("larger context windows")
    if provider_count(m) > provider_count(other):
        out.append("broader provider choice")
    return out


def faq(models: list[Model]) -> list[tuple[str, str]]:
    names = [m.name for m in models]
    return [
        (f"Which has a larger context window, {join_or(names)}?", context_answer(models)),
        (f"Is {join_or(names)} open source?", license_answer(models)),
        *(
            (f"Which is better for {label}, {join_or(names)}?", capability_answer(models, key, label))
            for key, label in _FAQ_CAPS
        ),
        (f"Where can I run {join_and(names)}?", where_answer(models)),
    ]


def context_answer(models: list[Model]) -> str:
    known = sorted((m for m in models if m.context_window), key=lambda m: -(m.context_window or 0))
    missing = [m.name for m in models if not m.context_window]
    if not known:
        return f"No context window is on record for {join_and(missing)}."
    parts = [f"{m.name} supports {tokens_short(m.context_window)} tokens" for m in known]
    text = f"{parts[0]}, while {join_and(parts[1:])}." if len(parts) > 1 else f"{parts[0]}."
    if missing:
        text += f" No context window is on record for {join_and(missing)}."
    return (
        text + " The gap matters for long documents, large codebases, retrieval-heavy agents and long "
        "conversations; confirm the provider-specific limit before committing."
    )


#: License names that already say what they are: an identifier ("Apache 2.0", "MIT", "CC BY-NC") or a kind.
_SELF_NAMED = re.compile(
    r"^(?:apache|mit|cc|gpl|lgpl|agpl|bsd|mpl|mnpl|proprietary)\b|licen[cs]e|terms|agreement", re.I
)


def license_label(name: str) -> str:
    """A license as a reader says it: a bare family name is that family's license ("Gemma" -> "the Gemma
    license", "deepseek" -> "the deepseek license"), so the sentence does not read as if a model were the license."""
    name = name.strip()
    return name if _SELF_NAMED.search(name) else f"the {name} license"


def license_answer(models: list[Model]) -> str:
    parts = []
    for m in models:
        if m.license is None:
            parts.append(f"{m.name} has no license on record (openness: {m.openness}).")
        else:
            osi = " (OSI-approved)" if m.license.osi_approved else ""
            parts.append(f"{m.name} is listed under {license_label(m.license.name)}{osi}.")
    return (
        " ".join(parts) + " The license decides whether you can self-host, redistribute weights or only use "
        "hosted APIs, so confirm the upstream license before deployment."
    )


def capability_answer(models: list[Model], key: str, label: str) -> str:
    has = [m.name for m in models if getattr(m.capabilities, key) == "yes"]
    unknown = [m.name for m in models if getattr(m.capabilities, key) == "unknown"]
    if len(has) == len(models):
        return (
            f"Both {join_and(has)} expose {label}. " if len(has) == 2 else f"All of {join_and(has)} expose {label}. "
        ) + (
            "Choose on benchmark fit, context budget, price and whether your provider route exposes the same "
            "capability surface."
        )
    if has:
        return (
            f"{join_and(has)} {'has' if len(has) == 1 else 'have'} the clearer documented {label} signal here. "
            f"If {label} is mission-critical, validate it against the provider endpoint: model-level support "
            "and API-level exposure can differ."
        )
    tail = f" ({join_and(unknown)}: not documented either way)" if unknown else ""
    return f"None of these models documents {label} in local data{tail}."


def where_answer(models: list[Model]) -> str:
    parts = [
        f"{m.name} is available on {join_and(list(m.providers))}."
        if m.providers
        else f"{m.name} has no tracked provider route."
        for m in models
    ]
    return (
        " ".join(parts) + " Provider coverage affects latency, regions, compliance posture and fallback "
        "options; confirm the provider-specific limits before production."
    )
