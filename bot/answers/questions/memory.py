"""Channel memory: the last models, traffic and asks of a channel, so "and opus?" and "same traffic on X" resolve.

It expires after a few minutes (a follow-up is asked right after its question) and is plain data, so any state
backend can keep it as JSON.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.answers.questions.traffic import StatedTraffic

#: How long a channel's last question stays the context of a follow-up.
MEMORY_SECONDS = 600.0


class ChannelMemory(BaseModel):
    """What the last answered question in a channel was about."""

    model_config = ConfigDict(frozen=True)

    model_ids: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    traffic: StatedTraffic = StatedTraffic()
    at: float = 0.0

    def fresh(self, now: float) -> bool:
        return 0 <= now - self.at <= MEMORY_SECONDS
