"""What the matcher returns: mentions in chat, a resolved command argument, and the per-model index entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index keeps per model: enough to answer without touching the database."""

    id: str
    name: str
    routes: int
    brand: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """One model named in a message, with its span in the original text."""

    start: int
    end: int
    text: str
    model_id: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Mentions:
    """Every model a message names, plus family names mentioned without a specific model."""

    mentions: tuple[Mention, ...] = ()
    families: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """A query resolved to one model, and how."""

    model_id: str
    name: str
    how: str
    """exact | alias | normalised | fuzzy"""
    score: float = 100.0


def unique_mentions(found: list[Mention]) -> list[Mention]:
    """One mention per model, in text order."""
    seen: set[str] = set()
    out = []
    for m in sorted(found, key=lambda m: m.start):
        if m.model_id not in seen:
            seen.add(m.model_id)
            out.append(m)
    return out
