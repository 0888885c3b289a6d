"""Per-server bot state in SQLite (the bot's one place SQL runs): channel switches, traffic profiles,
shortlists and digest channels.

Kept apart from the catalog database so a catalog rebuild never touches a server's settings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from bot.answers.costs import TrafficProfile
from bot.answers.questions.memory import ChannelMemory
from catalog.store import sqlite


class StateStore:
    """Use ``await StateStore.connect(path)``; close with ``await store.close()``."""

    #: A shortlist is a decision aid, not a catalog: past this it stops fitting one table.
    MAX_SHORTLIST = 25

    def __init__(self, conn: aiosqlite.Connection):
        self._conn = conn
        self._passive_cache: dict[tuple[int, int], bool] = {}
        self._profiles: dict[int, TrafficProfile] = {}

    @classmethod
    async def connect(cls, path: Path) -> StateStore:
        conn = await sqlite.connect(path)
        await sqlite.migrate(conn, "bot.state.migrations")
        store = cls(conn)
        async with conn.execute("SELECT guild_id, profile FROM guild_traffic") as cur:
            for guild_id, profile in await cur.fetchall():
                store._profiles[int(guild_id)] = TrafficProfile.model_validate_json(profile)
        return store

    # -- traffic -------------------------------------------------------------------------------------------

    def profile(self, guild_id: int | None) -> TrafficProfile:
        """The server's traffic profile (kept in memory: every estimate reads it)."""
        return self._profiles.get(guild_id, TrafficProfile()) if guild_id is not None else TrafficProfile()

    def has_profile(self, guild_id: int) -> bool:
        return guild_id in self._profiles

    async def set_profile(self, guild_id: int, profile: TrafficProfile, user_id: int) -> None:
        await self._conn.execute(
            "INSERT INTO guild_traffic (guild_id, profile, changed_by, changed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET profile = excluded.profile, changed_by = excluded.changed_by,"
            " changed_at = excluded.changed_at",
            (guild_id, profile.model_dump_json(), user_id, _now()),
        )
        self._profiles[guild_id] = profile

    # -- shortlist -----------------------------------------------------------------------------------------

    async def shortlist(self, guild_id: int) -> list[str]:
        async with self._conn.execute(
            "SELECT model_id FROM shortlist WHERE guild_id = ? ORDER BY rowid", (guild_id,)
        ) as cur:
            return [row[0] for row in await cur.fetchall()]

    async def shortlist_add(self, guild_id: int, model_id: str, user_id: int) -> bool:
        """Add a model; False if it was already there. Raises ValueError when the shortlist is full."""
        current = await self.shortlist(guild_id)
        if model_id in current:
            return False
        if len(current) >= self.MAX_SHORTLIST:
            raise ValueError(f"the shortlist is full ({self.MAX_SHORTLIST} models); remove one first")
        await self._conn.execute(
            "INSERT INTO shortlist (guild_id, model_id, added_by, added_at) VALUES (?, ?, ?, ?)",
            (guild_id, model_id, user_id, _now()),
        )
        return True

    async def shortlist_remove(self, guild_id: int, model_id: str) -> bool:
        cur = await self._conn.execute(
            "DELETE FROM shortlist WHERE guild_id = ? AND model_id = ?", (guild_id, model_id)
        )
        return cur.rowcount > 0

    async def shortlist_clear(self, guild_id: int) -> int:
        cur = await self._conn.execute("DELETE FROM shortlist WHERE guild_id = ?", (guild_id,))
        return cur.rowcount

    async def shortlisting_guilds(self) -> dict[int, list[str]]:
        """Every server's shortlist (for the digest after a refresh)."""
        async with self._conn.execute("SELECT guild_id, model_id FROM shortlist ORDER BY guild_id") as cur:
            rows = await cur.fetchall()
        out: dict[int, list[str]] = {}
        for guild_id, model_id in rows:
            out.setdefault(int(guild_id), []).append(model_id)
        return out

    # -- digest channel ------------------------------------------------------------------------------------

    async def digest_channel(self, guild_id: int) -> int | None:
        async with self._conn.execute("SELECT channel_id FROM digest_channel WHERE guild_id = ?", (guild_id,)) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else None

    async def set_digest_channel(self, guild_id: int, channel_id: int | None, user_id: int) -> None:
        if channel_id is None:
            await self._conn.execute("DELETE FROM digest_channel WHERE guild_id = ?", (guild_id,))
            return
        await self._conn.execute(
            "INSERT INTO digest_channel (guild_id, channel_id, changed_by, changed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
            " changed_by = excluded.changed_by, changed_at = excluded.changed_at",
            (guild_id, channel_id, user_id, _now()),
        )

    async def close(self) -> None:
        await self._conn.close()

    # -- channel memory ------------------------------------------------------------------------------------

    async def memory(self, channel_id: int) -> ChannelMemory | None:
        """The channel's last question, if one is remembered (expiry is the caller's: ``ChannelMemory.fresh``)."""
        async with self._conn.execute("SELECT memory FROM channel_memory WHERE channel_id = ?", (channel_id,)) as cur:
            row = await cur.fetchone()
        return ChannelMemory.model_validate_json(row[0]) if row else None

    async def remember(self, channel_id: int, memory: ChannelMemory) -> None:
        await self._conn.execute(
            "INSERT INTO channel_memory (channel_id, memory, at) VALUES (?, ?, ?) ON CONFLICT (channel_id)"
            " DO UPDATE SET memory = excluded.memory, at = excluded.at",
            (channel_id, memory.model_dump_json(), memory.at),
        )

    async def passive_enabled(self, guild_id: int, channel_id: int) -> bool:
        """Whether the bot answers ordinary chat in this channel (default on); cached after the first read."""
        key = (guild_id, channel_id)
        if key not in self._passive_cache:
            async with self._conn.execute(
                "SELECT passive FROM channel_settings WHERE guild_id = ? AND channel_id = ?", key
            ) as cur:
                row = await cur.fetchone()
            self._passive_cache[key] = bool(row[0]) if row else True
        return self._passive_cache[key]

    async def set_passive(self, guild_id: int, channel_id: int, enabled: bool, user_id: int) -> None:
        await self._conn.execute(
            "INSERT INTO channel_settings (guild_id, channel_id, passive, changed_by, changed_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id) DO UPDATE SET"
            " passive = excluded.passive, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
            (guild_id, channel_id, int(enabled), user_id, _now()),
        )
        self._passive_cache[(guild_id, channel_id)] = enabled


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Cooldowns:
    """Per-user and per-channel cooldowns for passive answers (in memory; monotonic clock)."""

    user_seconds: float
    channel_seconds: float
    _users: dict[int, float] = field(default_factory=dict)
    _channels: dict[int, float] = field(default_factory=dict)

    def ready(self, user_id: int, channel_id: int, now: float | None = None) -> bool:
        """True (and the cooldowns start) when neither the user nor the channel is cooling down."""
        now = time.monotonic() if now is None else now
        if now < self._users.get(user_id, 0.0) or now < self._channels.get(channel_id, 0.0):
            return False
        self._users[user_id] = now + self.user_seconds
        self._channels[channel_id] = now + self.channel_seconds
        return True
