"""What the Discord adapters share: the loaded catalog, the state store, settings and cooldowns."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.adapters.health.metrics import Metrics
from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.service import Catalog


@dataclass(slots=True)
class BotContext:
    catalog: Catalog
    state: StateStore
    settings: Settings
    cooldowns: CooldownPolicy
    """The one cooldown policy: the chat listener and every heavy slash command ask it before answering."""
    metrics: Metrics = field(default_factory=Metrics)

    @property
    def fresh(self) -> Freshness:
        """Today's staleness rule (the date moves, so this is computed on each use)."""
        return Freshness(self.settings.stale_after_days)

    def profile_for(self, guild_id: int | None) -> TrafficProfile:
        """The traffic profile estimates use in this server (the default until a server sets its own)."""
        return self.state.profile(guild_id)
