"""In-memory cooldowns for the chat listener: ordinary chat, and @mentions/DMs (slash commands use discord.py's).

Every map is bounded: entries that have expired are dropped as new ones come in, and past ``max_entries`` the
least recently started one goes too, so a server with many thousands of talkers cannot grow the process.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable


class CooldownMap:
    """Key -> the monotonic time its cooldown ends; least recently started first."""

    def __init__(self, max_entries: int = 10_000):
        if max_entries < 1:
            raise ValueError("a cooldown map needs room for at least one entry")
        self.max_entries = max_entries
        self._until: OrderedDict[Hashable, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._until)

    def wait(self, key: Hashable, now: float) -> float:
        """Seconds until ``key`` is free again (0 when it is)."""
        return max(0.0, self._until.get(key, 0.0) - now)

    def start(self, key: Hashable, until: float, now: float) -> None:
        """Cool ``key`` down until ``until``; expired entries are dropped, then the oldest past the size cap."""
        self._until[key] = until
        self._until.move_to_end(key)
        self._evict(now)

    def _evict(self, now: float) -> None:
        # A map's entries share one duration, so the least recently started end first: popping expired ones from
        # the front is amortised O(1) per message; the size cap bounds the map whatever the durations.
        while self._until and next(iter(self._until.values())) <= now:
            self._until.popitem(last=False)
        while len(self._until) > self.max_entries:
            self._until.popitem(last=False)


class Cooldowns:
    """Passive answers (per user, per channel) and addressed ones (per user+channel, per channel).

    An @mention or a DM asked for an answer, so its cooldown is shorter than ordinary chat's; it exists so that a
    burst of mentions (issue 17: 37 replies in 5 s) cannot make the bot flood a channel.
    """

    def __init__(
        self,
        user_seconds: float,
        channel_seconds: float,
        mention_seconds: float = 0.0,
        mention_channel_seconds: float = 0.0,
        max_entries: int = 10_000,
    ):
        self.user_seconds, self.channel_seconds = user_seconds, channel_seconds
        self.mention_seconds, self.mention_channel_seconds = mention_seconds, mention_channel_seconds
        self._users, self._channels = CooldownMap(max_entries), CooldownMap(max_entries)
        self._mentions, self._mention_channels = CooldownMap(max_entries), CooldownMap(max_entries)
        self._noticed = CooldownMap(max_entries)

    def maps(self) -> tuple[CooldownMap, ...]:
        """Every map (for tests and metrics: each stays within ``max_entries``)."""
        return self._users, self._channels, self._mentions, self._mention_channels, self._noticed

    def ready(self, user_id: int, channel_id: int, now: float | None = None) -> bool:
        """Ordinary chat: True (and both cooldowns start) when neither the user nor the channel is cooling down."""
        now = time.monotonic() if now is None else now
        if self._users.wait(user_id, now) or self._channels.wait(channel_id, now):
            return False
        self._users.start(user_id, now + self.user_seconds, now)
        self._channels.start(channel_id, now + self.channel_seconds, now)
        return True

    def addressed(self, user_id: int, channel_id: int, now: float | None = None) -> float:
        """An @mention or DM: 0 (and its cooldowns start) when it may be answered, else seconds to wait."""
        now = time.monotonic() if now is None else now
        wait = max(self._mentions.wait((user_id, channel_id), now), self._mention_channels.wait(channel_id, now))
        if wait:
            return wait
        self._mentions.start((user_id, channel_id), now + self.mention_seconds, now)
        self._mention_channels.start(channel_id, now + self.mention_channel_seconds, now)
        return 0.0

    def first_notice(self, user_id: int, channel_id: int, wait: float, now: float | None = None) -> bool:
        """True once per cooldown window: the user hears when to retry, but not once per extra message."""
        now = time.monotonic() if now is None else now
        if self._noticed.wait((user_id, channel_id), now):
            return False
        self._noticed.start((user_id, channel_id), now + wait, now)
        return True
