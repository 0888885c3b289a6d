"""Filtering the catalog: "open weights, ≥ 200k context, tool use, under $1/1M output", ranked by cost.

Used by filter questions in chat and by the /models command. Quality cannot be ranked from the catalog, so
results are ranked by monthly cost at the team's traffic (then output price), and the answer says so.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from bot.answers.costs import TrafficProfile, estimate
from bot.answers.prices import unit_prices
from catalog.models import CAPABILITY_LABELS, Model


class ModelFilter(BaseModel):
    """Constraints a shortlist must meet; None means "any"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    open_weights: bool | None = None
    min_context: int | None = Field(default=None, ge=0)
    capabilities: tuple[str, ...] = ()
    """Capability keys (``tool_use``, ``vision`` ...) that must be "yes"."""
    max_output_price: Decimal | None = Field(default=None, ge=0)
    """USD per 1M output tokens, on the cheapest metered route."""
    provider: str | None = None
    """Provider id or name (case-insensitive) that must serve the model."""

    def describe(self) -> str:
        parts = []
        if self.open_weights:
            parts.append("open weights")
        if self.min_context:
            parts.append(f"context ≥ {self.min_context:,} tokens")
        parts += [CAPABILITY_LABELS[c].lower() for c in self.capabilities]
        if self.max_output_price is not None:
            parts.append(f"output ≤ ${self.max_output_price}/1M tokens")
        if self.provider:
            parts.append(f"served by {self.provider}")
        return ", ".join(parts) or "no constraints"

    @property
    def empty(self) -> bool:
        return self == ModelFilter()


_CAP_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(p))
    for key, p in (
        ("tool_use", r"\btool[- ]?(?:use|calling)\b|\btools\b"),
        ("function_calling", r"\bfunction[- ]?calling\b"),
        ("structured_outputs", r"\bstructured outputs?\b|\bjson\b"),
        ("vision", r"\bvision\b|\bimages?\b"),
        ("reasoning", r"\breasoning\b|\bthinking\b"),
        ("code_execution", r"\bcode execution\b"),
    )
)
_CONTEXT = re.compile(
    r"(?:≥|>=|>|at least|over|above|more than|min(?:imum)?)?\s*(\d+(?:\.\d+)?)\s*([km])\b[^.?!,]{0,20}?\bcontext"
    r"|context[^.?!,]{0,20}?(?:≥|>=|>|at least|over|above|of)\s*(\d+(?:\.\d+)?)\s*([km])\b"
)
_PRICE = re.compile(r"(?:under|below|less than|<|≤|<=|max(?:imum)?|at most)\s*\$\s*(\d+(?:\.\d+)?)")
_OPEN = re.compile(r"\bopen[- ]?(?:weights?|source)\b|\bself[- ]?host")
_FILTER_ASK = re.compile(r"\b(?:best|which|recommend|cheapest|any|find|list|show)\b[^?]*\bmodels?\b|\bmodels? with\b")


def parse_filter(text: str) -> ModelFilter | None:
    """The constraints in a filter question, or None when the text is not one."""
    lower = text.lower()
    if not _FILTER_ASK.search(lower):
        return None
    min_context = None
    if m := _CONTEXT.search(lower):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        min_context = int(Decimal(number) * (1000 if unit == "k" else 1_000_000))
    price = _PRICE.search(lower)
    found = ModelFilter(
        open_weights=True if _OPEN.search(lower) else None,
        min_context=min_context,
        capabilities=tuple(key for key, p in _CAP_WORDS if p.search(lower)),
        max_output_price=Decimal(price.group(1)) if price else None,
    )
    return None if found.empty else found


def matches(model: Model, f: ModelFilter) -> bool:
    if f.open_weights and model.openness != "open weights":
        return False
    if f.min_context and (model.context_window or 0) < f.min_context:
        return False
    if any(getattr(model.capabilities, c) != "yes" for c in f.capabilities):
        return False
    if f.provider:
        wanted = f.provider.lower()
        if not any(wanted in (r.provider_id.lower(), r.provider_name.lower()) for r in model.routes):
            return False
    if f.max_output_price is not None:
        _, out = unit_prices(model)
        if out is None or out > f.max_output_price:
            return False
    return True


def search(
    models: list[Model], f: ModelFilter, profile: TrafficProfile | None = None
) -> list[tuple[Model, Decimal | None]]:
    """Models meeting ``f``, cheapest monthly cost at ``profile`` first (unpriced last)."""
    profile = profile or TrafficProfile()
    hits = [(m, estimate(m, profile).per_month) for m in models if matches(m, f)]
    return sorted(hits, key=lambda mc: (mc[1] is None, mc[1] or Decimal(0), mc[0].name))
