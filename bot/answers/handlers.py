"""The handlers every adapter calls (slash commands, chat listener, console, CLI). Pure: no discord.

Each takes the loaded catalog and plain arguments and returns a structured answer, or raises a
``CatalogError`` (unknown or ambiguous model) that the adapter turns into a friendly reply.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.compare import Comparison, compare
from bot.answers.costs import CostEstimate, TrafficProfile, estimate
from bot.answers.faq import FaqAnswer
from bot.answers.questions.conversation import answer
from catalog.models import Model
from catalog.service import Catalog


def resolve_models(catalog: Catalog, names: Sequence[str]) -> list[Model]:
    """Resolve every name (raises ``AmbiguousModel`` / ``ModelNotFound`` for the first that fails)."""
    return [catalog.models[catalog.index.resolve(name).model_id] for name in names]


def compare_handler(catalog: Catalog, names: Sequence[str], profile: TrafficProfile | None = None) -> Comparison:
    """/compare: 2–4 model names -> the full report."""
    if not 2 <= len(names) <= 4:
        raise ValueError(f"compare takes 2 to 4 models, got {len(names)}")
    return compare(resolve_models(catalog, names), catalog.models, profile)


def cost_handler(catalog: Catalog, name: str, profile: TrafficProfile | None = None) -> CostEstimate:
    """/cost: one model at the team's traffic, every route."""
    (model,) = resolve_models(catalog, [name])
    return estimate(model, profile)


def ask_handler(
    catalog: Catalog, text: str, profile: TrafficProfile | None = None, addressed: bool = False
) -> FaqAnswer | None:
    """/ask and the chat listener: None means stay silent."""
    return answer(text, catalog, profile, addressed=addressed)
