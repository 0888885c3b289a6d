"""Per-model facts the answers share: capability lists, product type, decision fit, sources.

Curated values (the overlay) are used as they are; where a model has none, a value derived from catalog
facts is used and marked ``derived`` so answers can say so instead of passing it off as curated.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.models import CAPABILITY_LABELS, Model

SOURCE_NAMES = {
    "models-dev": "models.dev",
    "llm-stats": "LLM-Stats (llm-stats.com, CC-BY-4.0)",
    "openrouter": "OpenRouter models API",
    "litellm": "LiteLLM cost map",
    "genai-prices": "genai-prices",
    "overlay": "curated overlay",
}
_CODING_WORDS = ("codex", "coder", "code", "devstral", "codestral")


@dataclass(frozen=True, slots=True)
class Curated:
    """A value and whether it was curated (overlay) or derived from catalog facts."""

    value: str
    derived: bool = False


def caps_yes(model: Model) -> list[str]:
    """Capability labels the model exposes, in display order."""
    caps = model.capabilities.model_dump()
    return [label for key, label in CAPABILITY_LABELS.items() if caps[key] == "yes"]


def only_in(a: Model, b: Model) -> list[str]:
    """Capabilities ``a`` exposes and ``b`` does not (unknown counts as not exposed)."""
    theirs = set(caps_yes(b))
    return [c for c in caps_yes(a) if c not in theirs]


def product_type(model: Model) -> Curated:
    if model.product_type:
        return Curated(model.product_type)
    name = model.name.lower()
    if any(w in name for w in _CODING_WORDS):
        return Curated("Coding-specialized model", derived=True)
    return Curated("Standalone API model", derived=True)


def best_for(model: Model) -> Curated | None:
    return Curated(model.best_for) if model.best_for else None


def decision_fit(model: Model) -> tuple[tuple[str, ...], bool]:
    """Decision-fit tags and whether they were derived (no curated tags for this model)."""
    if model.decision_fit:
        return model.decision_fit, False
    tags: list[str] = []
    caps = model.capabilities
    if product_type(model).value.startswith("Coding"):
        tags.append("Coding")
    if model.context_window and model.context_window >= 128_000 and caps.tool_use == "yes":
        tags.append("RAG")
    if caps.tool_use == "yes" or caps.function_calling == "yes":
        tags.append("Agents")
    if model.context_window and model.context_window >= 200_000:
        tags.append("Long context")
    if caps.vision == "yes":
        tags.append("Vision")
    return tuple(tags), True


def provider_count(model: Model) -> int:
    return len(model.providers)


def openness_label(model: Model) -> str:
    if model.openness == "open weights":
        osi = model.license is not None and model.license.osi_approved
        return "Open source" if osi else "Open weights"
    return {"proprietary": "Proprietary", "unknown": "Unknown"}[model.openness]


def license_label(model: Model) -> str:
    if model.license is None:
        return "Unknown"
    return model.license.name + (" (OSI-approved)" if model.license.osi_approved else "")


def commercial_label(model: Model) -> str:
    return f"Commercial use: {model.commercial_use}"


def sources(models: list[Model]) -> list[str]:
    """Every source behind these models' facts and shown prices, newest date (and version) per source."""
    newest: dict[str, str] = {}
    versions: dict[str, str] = {}
    for m in models:
        provs = [*m.facts.values(), *(r.provenance for r in m.routes), *(b.provenance for b in m.benchmarks)]
        for p in provs:
            date = p.source_date or ""
            if date >= newest.get(p.source, ""):
                newest[p.source] = date
        versions.update({o.source: o.version for r in m.routes for o in r.observations if o.version})
    order = list(SOURCE_NAMES)
    return [
        SOURCE_NAMES.get(s, s) + (f" {versions[s]}" if s in versions else "") + (f" (data as of {d})" if d else "")
        for s, d in sorted(newest.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    ]


def last_reviewed(models: list[Model]) -> str | None:
    """A comparison is only as fresh as its least recently reviewed model."""
    dates = [m.last_reviewed for m in models if m.last_reviewed]
    return min(dates) if len(dates) == len(models) and dates else (min(dates) if dates else None)


def prices_checked(models: list[Model]) -> str | None:
    """The newest date any of these models' route prices were checked at their source."""
    dates = [
        r.provenance.source_date for m in models for r in m.routes if r.price is not None and r.provenance.source_date
    ]
    return max(dates) if dates else None
