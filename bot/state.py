"""Per-server bot state in SQLite (the bot's one place SQL runs): channel switches for now.

Kept apart from the catalog database so a catalog rebuild never touches a server's settings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from catalog import sqlite


class StateStore:
    """Use ``await StateStore.connect(path)``; close with ``await store.close()``."""

    def __init__(self, conn: aiosqlite.Connection):
        self._conn = conn
        self._passive_cache: dict[tuple[int, int], bool] = {}

    @classmethod
    async def connect(cls, path: Path) -> StateStore:
        conn = await sqlite.connect(path)
        await sqlite.migrate(conn, "bot.migrations")
        return cls(conn)

    async def close(self) -> None:
        await self._conn.close()

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
            (guild_id, channel_id, int(enabled), user_id, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        self._passive_cache[(guild_id, channel_id)] = enabled


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
