"""Per-server bot state: channel switches, traffic profiles, shortlists, digest channels, channel memory, and what
message controls (pager, picker) need to rebuild their message.

One store, one set of SQL (``?`` placeholders, SQL both SQLite and PostgreSQL accept), on either backend: an
embedded SQLite file by default, or PostgreSQL when several processes share the state. Kept apart from the catalog
database so a catalog rebuild never touches a server's settings.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.answers.costs import TrafficProfile
from bot.answers.questions.memory import ChannelMemory
from bot.state import schema
from bot.state.backup import problems
from bot.state.base import Backend
from bot.state.sqlite import SqliteBackend
from catalog.store.health import DamagedDatabase

log = logging.getLogger(__name__)
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StateStore:
    """Use ``await StateStore.connect(path_or_url)``; close with ``await store.close()``.

    Profiles and channel switches are read on every message, so they are cached; every change is published to the
    other processes sharing the database, which update their caches from the notice.
    """

    #: A shortlist is a decision aid, not a catalog: past this it stops fitting one table.
    MAX_SHORTLIST = 25
    #: How long a message's controls keep working after their state was last saved (then pruned).
    VIEW_STATE_DAYS = 90

    def __init__(self, db: Backend):
        self._db = db
        self._passive_cache: dict[tuple[int, int], bool] = {}
        self._profiles: dict[int, TrafficProfile] = {}
        self._noticed: set[int] | None = None  # guilds changed by a notice while a reload was reading
        self._reloads: set[asyncio.Task[None]] = set()
        #: The migrations this store applied on connect (none when another process or an earlier start had).
        self.migrated: list[int] = []

    @classmethod
    async def connect(cls, target: Path | str) -> StateStore:
        """A SQLite file path, or a ``postgresql://`` URL; migrated to the latest schema and listening for changes."""
        if isinstance(target, Path) and target.exists():
            # the team's settings are never replaced silently: a damaged file stops start-up, named, with the way out
            found = await asyncio.to_thread(problems, target)
            if found:
                raise DamagedDatabase(target, "; ".join(found))
        db = await _open(target)
        try:
            migrated = await schema.migrate(db)
            store = cls(db)
            store.migrated = migrated
            await db.subscribe(store._on_notice, store._resync)
            await store.reload()
        except BaseException:
            await db.close()
            raise
        return store

    async def reload(self) -> None:
        """Re-read every cached value from the database (after notices may have been missed)."""
        self._noticed = set()
        try:
            rows = await self._db.fetch("SELECT guild_id, profile FROM guild_traffic")
            noticed = self._noticed
        finally:
            self._noticed = None
        for guild_id, profile in rows:
            if int(guild_id) not in noticed:  # a notice that came while reading is newer than the row read
                self._profiles[int(guild_id)] = TrafficProfile.model_validate_json(profile)
        self._passive_cache.clear()

    # -- traffic -------------------------------------------------------------------------------------------

    def profile(self, guild_id: int | None) -> TrafficProfile:
        """The server's traffic profile (kept in memory: every estimate reads it)."""
        return self._profiles.get(guild_id, TrafficProfile()) if guild_id is not None else TrafficProfile()

    def has_profile(self, guild_id: int) -> bool:
        return guild_id in self._profiles

    async def set_profile(self, guild_id: int, profile: TrafficProfile, user_id: int) -> None:
        data = profile.model_dump_json()
        await self._db.execute(
            "INSERT INTO guild_traffic (guild_id, profile, changed_by, changed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET profile = excluded.profile, changed_by = excluded.changed_by,"
            " changed_at = excluded.changed_at",
            guild_id,
            data,
            user_id,
            _now(),
        )
        self._profiles[guild_id] = profile
        await self._db.publish(f"traffic {guild_id} {data}")

    # -- shortlist -----------------------------------------------------------------------------------------

    async def shortlist(self, guild_id: int) -> list[str]:
        rows = await self._db.fetch(
            "SELECT model_id FROM shortlist WHERE guild_id = ? ORDER BY seq, model_id", guild_id
        )
        return [row[0] for row in rows]

    async def shortlist_add(self, guild_id: int, model_id: str, user_id: int) -> bool:
        """Add a model; False if it was already there. Raises ValueError when the shortlist is full."""
        current = await self.shortlist(guild_id)
        if model_id in current:
            return False
        if len(current) >= self.MAX_SHORTLIST:
            raise ValueError(f"the shortlist is full ({self.MAX_SHORTLIST} models); remove one first")
        added = await self._db.execute(
            "INSERT INTO shortlist (guild_id, model_id, added_by, added_at, seq) VALUES (?, ?, ?, ?,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM shortlist WHERE guild_id = ?))"
            " ON CONFLICT (guild_id, model_id) DO NOTHING",  # another process added it meanwhile
            guild_id,
            model_id,
            user_id,
            _now(),
            guild_id,
        )
        return added > 0

    async def shortlist_remove(self, guild_id: int, model_id: str) -> bool:
        return (
            await self._db.execute("DELETE FROM shortlist WHERE guild_id = ? AND model_id = ?", guild_id, model_id) > 0
        )

    async def shortlist_clear(self, guild_id: int) -> int:
        return await self._db.execute("DELETE FROM shortlist WHERE guild_id = ?", guild_id)

    async def shortlisting_guilds(self) -> dict[int, list[str]]:
        """Every server's shortlist (for the digest after a refresh)."""
        rows = await self._db.fetch("SELECT guild_id, model_id FROM shortlist ORDER BY guild_id, seq, model_id")
        out: dict[int, list[str]] = {}
        for guild_id, model_id in rows:
            out.setdefault(int(guild_id), []).append(model_id)
        return out

    # -- digest channel ------------------------------------------------------------------------------------

    async def digest_channel(self, guild_id: int) -> int | None:
        rows = await self._db.fetch("SELECT channel_id FROM digest_channel WHERE guild_id = ?", guild_id)
        return int(rows[0][0]) if rows else None

    async def set_digest_channel(self, guild_id: int, channel_id: int | None, user_id: int) -> None:
        if channel_id is None:
            await self._db.execute("DELETE FROM digest_channel WHERE guild_id = ?", guild_id)
            return
        await self._db.execute(
            "INSERT INTO digest_channel (guild_id, channel_id, changed_by, changed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
            " changed_by = excluded.changed_by, changed_at = excluded.changed_at",
            guild_id,
            channel_id,
            user_id,
            _now(),
        )

    async def ping(self) -> None:
        """One round trip to the database (readiness: a lost PostgreSQL connection or a locked file shows)."""
        await self._db.fetch("SELECT 1")

    async def close(self) -> None:
        for task in self._reloads:
            task.cancel()
        await self._db.close()

    # -- channel memory ------------------------------------------------------------------------------------

    async def memory(self, channel_id: int) -> ChannelMemory | None:
        """The channel's last question, if one is remembered (expiry is the caller's: ``ChannelMemory.fresh``)."""
        rows = await self._db.fetch("SELECT memory FROM channel_memory WHERE channel_id = ?", channel_id)
        return ChannelMemory.model_validate_json(rows[0][0]) if rows else None

    async def remember(self, channel_id: int, memory: ChannelMemory) -> None:
        await self._db.execute(
            "INSERT INTO channel_memory (channel_id, memory, at) VALUES (?, ?, ?) ON CONFLICT (channel_id)"
            " DO UPDATE SET memory = excluded.memory, at = excluded.at",
            channel_id,
            memory.model_dump_json(),
            float(memory.at),
        )

    # -- message controls ----------------------------------------------------------------------------------

    async def view_state(self, key: str) -> str | None:
        """The state saved under ``key`` for a message's controls (None once pruned or never saved)."""
        rows = await self._db.fetch("SELECT state FROM view_state WHERE view_key = ?", key)
        return str(rows[0][0]) if rows else None

    async def keep_view_state(self, key: str, state: str, now: float | None = None) -> None:
        """Save (or re-date) a control's state and prune what is past the keep window, so the table stays bounded."""
        now = time.time() if now is None else now  # wall time: rows outlive the process
        await self._db.execute(
            "INSERT INTO view_state (view_key, state, at) VALUES (?, ?, ?)"
            " ON CONFLICT (view_key) DO UPDATE SET state = excluded.state, at = excluded.at",
            key,
            state,
            float(now),
        )
        await self._db.execute("DELETE FROM view_state WHERE at < ?", float(now - self.VIEW_STATE_DAYS * 86400))

    async def passive_enabled(self, guild_id: int, channel_id: int) -> bool:
        """Whether the bot answers ordinary chat in this channel (default on); cached after the first read."""
        key = (guild_id, channel_id)
        if key not in self._passive_cache:
            rows = await self._db.fetch(
                "SELECT passive FROM channel_settings WHERE guild_id = ? AND channel_id = ?", guild_id, channel_id
            )
            self._passive_cache[key] = bool(rows[0][0]) if rows else True
        return self._passive_cache[key]

    async def set_passive(self, guild_id: int, channel_id: int, enabled: bool, user_id: int) -> None:
        await self._db.execute(
            "INSERT INTO channel_settings (guild_id, channel_id, passive, changed_by, changed_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id) DO UPDATE SET"
            " passive = excluded.passive, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
            guild_id,
            channel_id,
            int(enabled),
            user_id,
            _now(),
        )
        self._passive_cache[(guild_id, channel_id)] = enabled
        await self._db.publish(f"passive {guild_id} {channel_id} {int(enabled)}")

    # -- notices from other processes ----------------------------------------------------------------------

    def _on_notice(self, notice: str) -> None:
        """Apply another process's change (or this one's echo): ``traffic G JSON`` or ``passive G C 0|1``."""
        kind, _, rest = notice.partition(" ")
        try:
            if kind == "traffic":
                guild, _, data = rest.partition(" ")
                self._profiles[int(guild)] = TrafficProfile.model_validate_json(data)
                if self._noticed is not None:
                    self._noticed.add(int(guild))
            elif kind == "passive":
                guild, channel, enabled = rest.split(" ")
                self._passive_cache[(int(guild), int(channel))] = enabled == "1"
        except ValueError:
            log.warning("state: ignoring a malformed notice %r", notice[:200])

    def _resync(self) -> None:
        task = asyncio.get_running_loop().create_task(self.reload(), name="bot-state-reload")
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)


async def _open(target: Path | str) -> Backend:
    if isinstance(target, str) and target.startswith(POSTGRES_SCHEMES):
        from bot.state.postgres import PostgresBackend  # asyncpg only loads when PostgreSQL is asked for

        return await PostgresBackend.open(target)
    return await SqliteBackend.open(Path(target))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
