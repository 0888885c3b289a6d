"""The default backend: one embedded SQLite file, zero set-up, one process.

Notices go nowhere: with SQLite the one process that owns the file also owns every cache. Several processes share
state through PostgreSQL instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.state.base import Listener, Resync, Row, Session
from catalog.store import sqlite


class SqliteBackend:
    """Open with ``await SqliteBackend.open(path)`` (WAL, autocommit: the catalog's settings)."""

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    @classmethod
    async def open(cls, path: Path) -> SqliteBackend:
        return cls(await sqlite.connect(path))

    async def execute(self, sql: str, *args: Any) -> int:
        async with self._conn.execute(sql, args) as cur:
            return max(cur.rowcount, 0)

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        async with self._conn.execute(sql, args) as cur:
            return [tuple(row) for row in await cur.fetchall()]

    @asynccontextmanager
    async def migrating(self) -> AsyncIterator[Session]:
        """``BEGIN IMMEDIATE`` takes the write lock up front, so a second process waits instead of racing."""
        await self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            await self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # SQLite already rolled back on a full disk or I/O error
                await self._conn.execute("ROLLBACK")
            raise

    async def publish(self, notice: str) -> None:
        """Nothing to tell: no other process reads this file's caches."""

    async def subscribe(self, listener: Listener, resync: Resync) -> None:
        """Nothing to hear, for the same reason."""

    async def close(self) -> None:
        await self._conn.close()
