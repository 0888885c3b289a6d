"""Whether a model is being retired: "is o4-mini deprecated?", "is claude 3 opus still supported?".

Providers mark routes deprecated; the lab's own listing decides the answer (a host dropping a model is not the
model's retirement), and where it is still served is said beside it, so a team knows how long it has.
"""

from __future__ import annotations

from bot.answers.costs import TrafficProfile
from bot.answers.format import join_and
from catalog.models import Model

#: Most providers named in one line; the rest are counted.
SHOWN = 5


def _named(names: list[str]) -> str:
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return join_and(names[:SHOWN]) + more


def retired_by_lab(model: Model) -> bool:
    """The lab's own listing marks the model deprecated (a dated id or its alias)."""
    return any(r.deprecated for r in model.routes if r.role == "first-party")


def deprecation_lines(models: list[Model]) -> list[str]:
    """One line per model: yes when its lab lists it as deprecated, partly when only some providers do."""
    lines = []
    for m in models:
        own = [r for r in m.routes if r.role == "first-party"]
        retiring = list(dict.fromkeys(r.provider_name for r in m.routes if r.deprecated))
        live = list(m.providers)
        still = f"; still served by {_named(live)}" if live else "; no provider serves it any more"
        if retired_by_lab(m):
            lines.append(f"Yes — {own[0].provider_name} lists {m.name} as deprecated{still}.")
        elif retiring:
            lines.append(f"Partly — {_named(retiring)} list {m.name} as deprecated{still}.")
        else:
            lines.append(f"No — no provider in the catalog lists {m.name} as deprecated.")
    return lines


def deprecation_answer(models: list[Model], profile: TrafficProfile, intent: str) -> tuple[str, list[str]]:
    """The handler shape ``bot.answers.faq`` uses."""
    return "Deprecated?", deprecation_lines(models)


__all__ = ["deprecation_answer", "deprecation_lines", "retired_by_lab"]
