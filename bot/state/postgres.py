"""PostgreSQL through asyncpg, for several bot processes (shards) sharing one state.

Statements arrive in the store's SQLite spelling and are translated once each: ``?`` becomes ``$1, $2, ...`` and
SQLite's 64-bit ``INTEGER`` / 8-byte ``REAL`` become ``BIGINT`` / ``DOUBLE PRECISION`` (Discord ids overflow a
PostgreSQL ``INTEGER``). Notices travel on the ``bot_state`` channel with LISTEN/NOTIFY over a connection of their
own; when that connection drops or stops answering, it is reopened and the store told to re-read (``resync``),
since notices sent in between are lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import asyncpg
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from bot.state.base import Listener, Resync, Row, Session
from bot.state.base import StateUnavailable as StateUnavailable  # where callers have long found it

log = logging.getLogger(__name__)

CHANNEL = "bot_state"
#: pg_advisory_xact_lock key of the migration run: any constant all bot processes agree on ("bot_stat" in ASCII).
MIGRATION_LOCK = 0x626F745F73746174
_TYPES = {"INTEGER": "BIGINT", "REAL": "DOUBLE PRECISION"}
_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


@lru_cache(maxsize=256)
def translate(sql: str) -> str:
    """The PostgreSQL spelling of a statement written for SQLite (no ``?`` or type names inside its strings)."""
    numbers = iter(range(1, sql.count("?") + 1))
    sql = re.sub(r"\?", lambda _: f"${next(numbers)}", sql)
    return re.sub(r"\b(INTEGER|REAL)\b", lambda m: _TYPES[m.group(1)], sql)


def rowcount(status: str) -> int:
    """Rows changed, from a command tag such as ``DELETE 3`` or ``INSERT 0 1``."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class _Connection:
    """One pooled connection inside a transaction (the migration run)."""

    def __init__(self, conn: asyncpg.pool.PoolConnectionProxy[Any]) -> None:
        self._conn = conn

    async def execute(self, sql: str, *args: Any) -> int:
        return rowcount(await self._conn.execute(translate(sql), *args))

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        return [tuple(r) for r in await self._conn.fetch(translate(sql), *args)]


#: Connection failures worth waiting out at start-up, and the ones that mean "lost" later.
UNREACHABLE = (OSError, asyncpg.CannotConnectNowError, asyncpg.ConnectionDoesNotExistError, asyncpg.InterfaceError)
CONNECT_ATTEMPTS = 6


def where(url: str) -> str:
    """The host and database of ``url``, without user or password (safe for a log line)."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 5432}{parts.path}"


class PostgresBackend:
    """Open with ``await PostgresBackend.open(url)``; a small pool for statements plus one listening connection."""

    dialect = "postgres"
    #: How often the listening connection is asked whether it is still there.
    heartbeat_seconds = 30.0

    def __init__(self, url: str, pool: asyncpg.Pool[asyncpg.Record]) -> None:
        self._url = url
        self._pool = pool
        self._listen: asyncpg.Connection[asyncpg.Record] | None = None
        self._listener: Listener | None = None
        self._resync: Resync | None = None
        self._lost = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None
        self._closing = False

    @classmethod
    async def open(cls, url: str, attempts: int = CONNECT_ATTEMPTS) -> PostgresBackend:
        """Connect, retrying an unreachable server with jittered backoff (a container's database may start after
        the bot); ``StateUnavailable`` names the host, never the password, when it stays down."""
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(attempts),
                wait=wait_exponential_jitter(multiplier=1.0, max=8.0),
                retry=retry_if_exception_type(UNREACHABLE),
                before_sleep=lambda state: log.warning(
                    "state database %s unreachable (%s); retrying",
                    where(url),
                    state.outcome.exception() if state.outcome else "?",
                ),
                reraise=True,
            ):
                with attempt:
                    pool = await asyncpg.create_pool(url, min_size=1, max_size=4)
        except UNREACHABLE as exc:
            raise StateUnavailable(
                f"state database {where(url)} unreachable after {attempts} attempts: {exc}"
            ) from None
        return cls(url, pool)

    async def execute(self, sql: str, *args: Any) -> int:
        return rowcount(await self._pool.execute(translate(sql), *args))

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        return [tuple(r) for r in await self._pool.fetch(translate(sql), *args)]

    @asynccontextmanager
    async def migrating(self) -> AsyncIterator[Session]:
        """One transaction holding an advisory lock: a second process waits, then finds the work done."""
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            yield _Connection(conn)

    async def publish(self, notice: str) -> None:
        await self._pool.execute("SELECT pg_notify($1, $2)", CHANNEL, notice)

    async def subscribe(self, listener: Listener, resync: Resync) -> None:
        """Listen now (failing loudly if the server refuses), then keep listening in the background."""
        self._listener, self._resync = listener, resync
        await self._open_listener()
        self._watcher = asyncio.get_running_loop().create_task(self._watch(), name="bot-state-listener")

    async def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        await self._close_listener()
        await self._pool.close()

    # -- the listening connection --------------------------------------------------------------------------

    async def _open_listener(self) -> None:
        conn: asyncpg.Connection[asyncpg.Record] = await asyncpg.connect(
            self._url, server_settings={"application_name": "bot_state_listener"}
        )
        await conn.add_listener(CHANNEL, self._on_notice)
        conn.add_termination_listener(self._on_terminated)
        self._listen = conn
        self._lost.clear()

    async def _close_listener(self) -> None:
        conn, self._listen = self._listen, None
        if conn is not None and not conn.is_closed():
            conn.remove_termination_listener(self._on_terminated)
            with contextlib.suppress(*_ERRORS):
                await conn.close(timeout=2)

    def _on_notice(self, conn: object, pid: int, channel: str, payload: object) -> None:
        if self._listener is not None:
            self._listener(str(payload))

    def _on_terminated(self, conn: object) -> None:
        self._lost.set()

    async def _watch(self) -> None:
        """Reopen the listening connection whenever it is lost or silent, then have the caches re-read."""
        while not self._closing:
            try:
                await asyncio.wait_for(self._lost.wait(), self.heartbeat_seconds)
            except TimeoutError:
                if await self._alive():
                    continue
            await self._reopen()

    async def _alive(self) -> bool:
        conn = self._listen
        if conn is None or conn.is_closed():
            return False
        try:
            await conn.fetchval("SELECT 1", timeout=10)
        except _ERRORS:
            return False
        return True

    async def _reopen(self) -> None:
        await self._close_listener()
        delay = 0.2
        while not self._closing:
            try:
                await self._open_listener()
            except _ERRORS as exc:
                log.warning("state: cannot listen for changes (%s); retrying in %.1fs", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
                continue
            log.info("state: listening for changes again; re-reading cached state")
            if self._resync is not None:
                self._resync()
            return
