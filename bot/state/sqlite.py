"""The default backend: one embedded SQLite file, zero set-up, one process.

Notices go nowhere: with SQLite the one process that owns the file also owns every cache. Several processes share
state through PostgreSQL instead.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.state.base import Listener, Resync, Row, Session, StateBusy
from catalog.store import sqlite

WRITE_WAIT_MS = 1500
"""How long a statement waits for another process's write lock before giving up with ``StateBusy``.

Discord wants an interaction answered within 3 s; a command that writes defers first, but its answer (or the busy
note) should still come quickly, and the connection's one worker thread serves every user's reads meanwhile. 1.5 s
rides out an ordinary write elsewhere (milliseconds) or a backup's snapshot, and leaves time to say "busy"."""
START_WAIT_MS = 5000
"""Migrations at start-up may wait longer: a second process starting at the same moment holds the lock briefly,
and nobody is waiting on an interaction yet."""
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_busy(exc: sqlite3.Error) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED (extended codes included): another connection holds the lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "database is locked" in str(exc) or "database table is locked" in str(exc)


@contextmanager
def _busy_is_state_busy() -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise StateBusy(str(exc)) from exc
        raise


class SqliteBackend:
    """Open with ``await SqliteBackend.open(path)`` (WAL, autocommit: the catalog's settings)."""

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    @classmethod
    async def open(cls, path: Path) -> SqliteBackend:
        conn = await sqlite.connect(path)
        try:
            await conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
        except BaseException:
            await conn.close()
            raise
        return cls(conn)

    async def execute(self, sql: str, *args: Any) -> int:
        """Run one statement (its own transaction); ``StateBusy`` when the lock stayed taken: nothing written."""
        with _busy_is_state_busy():
            async with self._conn.execute(sql, args) as cur:
                return max(cur.rowcount, 0)

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        with _busy_is_state_busy():
            async with self._conn.execute(sql, args) as cur:
                return [tuple(row) for row in await cur.fetchall()]

    @asynccontextmanager
    async def migrating(self) -> AsyncIterator[Session]:
        """``BEGIN IMMEDIATE`` takes the write lock up front, so a second process waits instead of racing."""
        await self._conn.execute(f"PRAGMA busy_timeout = {START_WAIT_MS}")
        try:
            with _busy_is_state_busy():
                await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                await self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # SQLite already rolled back on a full disk or I/O error
                    await self._conn.execute("ROLLBACK")
                raise
        finally:
            with contextlib.suppress(sqlite3.Error, ValueError):  # never mask why the migration failed
                await self._conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")

    async def publish(self, notice: str) -> None:
        """Nothing to tell: no other process reads this file's caches."""

    async def subscribe(self, listener: Listener, resync: Resync) -> None:
        """Nothing to hear, for the same reason."""

    async def close(self) -> None:
        await self._conn.close()
