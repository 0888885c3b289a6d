"""What the Discord adapters share: the loaded catalog, the state store, settings and cooldowns."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from bot.adapters.health.metrics import Metrics
from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.service import Catalog


def settle_heap() -> None:
    """Move everything alive now (the catalog above all) out of the cyclic garbage collector's reach.

    The catalog is a quarter of a million objects that live as long as it is loaded; a full collection walks them
    all and takes ~175 ms of CPU on the event loop, at a moment no one chooses (issue 17's fuzz caught two in 700
    messages). Frozen, they are still freed by reference counting when a reload drops them; the unfreeze and
    collection first let the last catalog's cycles, if any, go rather than stay frozen for ever.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@dataclass(slots=True)
class BotContext:
    catalog: Catalog
    """Replaced by a refresh or a reload; the running bot then settles the heap again (``freeze_catalog``)."""
    state: StateStore
    settings: Settings
    cooldowns: CooldownPolicy
    """The one cooldown policy: the chat listener and every heavy slash command ask it before answering."""
    metrics: Metrics = field(default_factory=Metrics)
    freeze_catalog: bool = False
    """Settle the heap whenever a catalog is loaded (the running bot; tests, which build many, leave it off)."""

    def __post_init__(self) -> None:
        if self.freeze_catalog:
            settle_heap()

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name == "catalog" and getattr(self, "freeze_catalog", False):  # unset while __init__ runs
            settle_heap()

    @property
    def fresh(self) -> Freshness:
        """Today's staleness rule (the date moves, so this is computed on each use)."""
        return Freshness(self.settings.stale_after_days)

    def profile_for(self, guild_id: int | None) -> TrafficProfile:
        """The traffic profile estimates use in this server (the default until a server sets its own)."""
        return self.state.profile(guild_id)
