"""What the Discord adapters share: the loaded catalog, the state store, settings and cooldowns."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.costs import TrafficProfile
from bot.settings import Settings
from bot.state import Cooldowns, StateStore
from catalog.service import Catalog


@dataclass(slots=True)
class BotContext:
    catalog: Catalog
    state: StateStore
    settings: Settings
    cooldowns: Cooldowns

    def profile_for(self, guild_id: int | None) -> TrafficProfile:
        """The traffic profile estimates use in this server (the default until a server sets its own)."""
        return TrafficProfile()
