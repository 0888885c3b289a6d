"""Checking a database file before trusting it: damaged, foreign or newer-schema files are told apart from a
good one, and a damaged derived file (the catalog) is moved aside, never deleted.

Disks fill, copies get interrupted, volumes get mounted wrong. SQLite reports all of that as ``DatabaseError``
("file is not a database", "database disk image is malformed") at whatever statement touches the bad page; here it
is found once, at open, with ``PRAGMA quick_check`` (start-up only: it reads the whole file).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from catalog.errors import CatalogError


class DamagedDatabase(CatalogError):
    """The file at ``path`` cannot be used as this database; ``reason`` says why in plain words."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnusableLocation(CatalogError):
    """The database cannot be opened or written where it is configured (read-only, full disk, a folder ...)."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


async def check(conn: aiosqlite.Connection, path: Path, newest: int, own_table: str) -> None:
    """Raise ``DamagedDatabase`` unless the open file is this program's database at a schema it knows (or empty).

    ``newest``: the newest migration this build has; ``own_table``: a table only this database has."""
    try:
        async with conn.execute("PRAGMA quick_check") as cur:
            rows = [r[0] for r in await cur.fetchall()]
        async with conn.execute("PRAGMA user_version") as cur:
            version = int((await cur.fetchone() or (0,))[0])
        async with conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cur:
            tables = {r[0] for r in await cur.fetchall()}
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, plain(exc)) from None
    if rows != ["ok"]:
        raise DamagedDatabase(path, f"damaged ({'; '.join(rows[:2])})")
    if version > newest:
        raise DamagedDatabase(path, f"written by a newer version of this program (schema {version}, this one {newest})")
    if tables and own_table not in tables and version == 0:
        raise DamagedDatabase(path, f"another program's database (tables: {', '.join(sorted(tables)[:4])})")


def plain(exc: BaseException) -> str:
    """SQLite's reason in words an operator acts on."""
    text = str(exc)
    if "not a database" in text:
        return "not a database file (garbage, truncated or encrypted)"
    if "malformed" in text:
        return "damaged (database disk image is malformed)"
    if "disk is full" in text or "disk I/O" in text:
        return "the disk is full or failing"
    if "readonly" in text or "read-only" in text:
        return "read-only (the folder or file cannot be written)"
    if "unable to open" in text:
        return "cannot be opened there (a folder, a missing drive, or no permission)"
    return text


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` (and its -wal / -shm files) to ``<name>.damaged-<UTC time>``; returns the new path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


__all__ = ["DamagedDatabase", "UnusableLocation", "check", "move_aside", "plain"]
