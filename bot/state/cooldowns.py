"""One cooldown policy for every way the bot is asked: overheard chat, @mentions and DMs, heavy slash commands.

Issue 17: @mentions had no cooldown (37 replies in 5 s in one channel, then Discord's rate limit lost 28 of them),
and slash commands had a separate one. Each way of asking has a rule, per user and per channel, of so many uses
per window; ``CooldownPolicy.ask`` is the one question every adapter asks before answering. Refusals of an
addressed request say when to retry (once per window for chat, so a burst does not become a burst of notes);
overheard chat is skipped silently.

Every map is bounded: windows that ended are dropped as new ones start, and past ``max_entries`` the least
recently started one goes too, so a server with many thousands of talkers cannot grow the process. The clock is
injected, so tests step time instead of sleeping.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings


class Asked(StrEnum):
    """How the bot was asked."""

    PASSIVE = "passive"
    """Ordinary chat the bot overheard: nobody asked it, so a refusal is silent."""
    ADDRESSED = "addressed"
    """An @mention or a DM: the user asked, so a refusal says when to retry (once per window)."""
    COMMAND = "command"
    """A heavy slash command (reports, charts): the interaction must be answered, so every refusal says when."""


@dataclass(frozen=True, slots=True)
class Limit:
    """``uses`` answers per ``seconds``-long window; 0 seconds is no limit."""

    uses: int = 1
    seconds: float = 0.0

    @property
    def off(self) -> bool:
        return self.seconds <= 0 or self.uses < 1


NO_LIMIT = Limit()


@dataclass(frozen=True, slots=True)
class Rule:
    """The limits one way of asking has: per user (everywhere; per command for slash commands) and per channel."""

    user: Limit = NO_LIMIT
    channel: Limit = NO_LIMIT


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to "may I answer?": ``retry_after`` seconds to wait (0: go ahead), and whether to say so now."""

    retry_after: float = 0.0
    tell: bool = False
    limit: Limit = NO_LIMIT
    """The limit that refused (for the "try again" note's wording and discord.py's cooldown error)."""

    @property
    def allowed(self) -> bool:
        return self.retry_after <= 0


class WindowMap:
    """Key -> its current window (when it ends, uses so far), least recently started first."""

    def __init__(self, limit: Limit, max_entries: int = 10_000):
        if max_entries < 1:
            raise ValueError("a cooldown map needs room for at least one entry")
        self.limit, self.max_entries = limit, max_entries
        self._windows: OrderedDict[Hashable, tuple[float, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._windows)

    def wait(self, key: Hashable, now: float) -> float:
        """Seconds until ``key`` may be used again (0 when it may now)."""
        ends, used = self._windows.get(key, (0.0, 0))
        return 0.0 if self.limit.off or ends <= now or used < self.limit.uses else ends - now

    def use(self, key: Hashable, now: float, seconds: float | None = None) -> None:
        """Count one use of ``key``: a new window (``seconds`` long, else the limit's) starts when the last one
        ended; then the map is trimmed."""
        if self.limit.off:
            return
        ends, used = self._windows.get(key, (0.0, 0))
        if ends <= now:
            self._windows[key] = (now + (self.limit.seconds if seconds is None else seconds), 1)
            self._windows.move_to_end(key)
        else:
            self._windows[key] = (ends, used + 1)
        self._evict(now)

    def _evict(self, now: float) -> None:
        # Windows move to the end when they start and (but for notices) share one length, so the front ends first:
        # popping ended windows from the front is amortised O(1) per use; the cap bounds the map whatever the clock.
        while self._windows and next(iter(self._windows.values()))[0] <= now:
            self._windows.popitem(last=False)
        while len(self._windows) > self.max_entries:
            self._windows.popitem(last=False)


class CooldownPolicy:
    """Every way of asking, its rule, and the maps that remember who asked; ``ask`` is the whole interface."""

    def __init__(
        self,
        rules: Mapping[Asked, Rule],
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.rules = {kind: rules.get(kind, Rule()) for kind in Asked}
        self.clock = clock
        self._users = {kind: WindowMap(rule.user, max_entries) for kind, rule in self.rules.items()}
        self._channels = {kind: WindowMap(rule.channel, max_entries) for kind, rule in self.rules.items()}
        self._noticed = WindowMap(Limit(1, 1.0), max_entries)  # each notice's window is the wait it announced

    @classmethod
    def from_settings(cls, settings: Settings, clock: Callable[[], float] = time.monotonic) -> CooldownPolicy:
        """The rules as configured (USER_/CHANNEL_/MENTION_/COMMAND_ COOLDOWN settings)."""
        s = settings
        window = s.command_cooldown_seconds
        return cls(
            {
                Asked.PASSIVE: Rule(Limit(1, s.user_cooldown_seconds), Limit(1, s.channel_cooldown_seconds)),
                Asked.ADDRESSED: Rule(
                    Limit(1, s.mention_cooldown_seconds), Limit(1, s.mention_channel_cooldown_seconds)
                ),
                Asked.COMMAND: Rule(
                    Limit(s.command_cooldown_uses, window), Limit(s.command_channel_cooldown_uses, window)
                ),
            },
            s.cooldown_max_entries,
            clock,
        )

    @classmethod
    def off(cls) -> CooldownPolicy:
        """No limits at all (tests that are about something else)."""
        return cls({})

    def maps(self) -> list[WindowMap]:
        """Every map (for tests and metrics: each stays within ``max_entries``)."""
        return [*self._users.values(), *self._channels.values(), self._noticed]

    def ask(self, kind: Asked, user_id: int, channel_id: int, scope: str = "", now: float | None = None) -> Verdict:
        """May the bot answer ``user_id`` in ``channel_id`` now? Allowed answers count as a use (so ask only when
        there is an answer to give); ``scope`` separates the user's uses of different commands."""
        now = self.clock() if now is None else now
        users, channels = self._users[kind], self._channels[kind]
        user_key, channel_key = (user_id, scope), channel_id
        user_wait, channel_wait = users.wait(user_key, now), channels.wait(channel_key, now)
        if not user_wait and not channel_wait:
            users.use(user_key, now)
            channels.use(channel_key, now)
            return Verdict()
        wait, limit = (user_wait, users.limit) if user_wait >= channel_wait else (channel_wait, channels.limit)
        if kind is Asked.PASSIVE:
            tell = False
        elif kind is Asked.ADDRESSED:
            tell = self._first_notice((user_id, channel_id), wait, now)
        else:
            tell = True
        return Verdict(wait, tell, limit)

    def _first_notice(self, key: Hashable, wait: float, now: float) -> bool:
        """True once per refusal window: the user hears when to retry, but not once per extra message."""
        if self._noticed.wait(key, now):
            return False
        self._noticed.use(key, now, seconds=wait)
        return True
