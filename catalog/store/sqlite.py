"""Opening SQLite databases the same way everywhere: WAL, foreign keys, numbered migrations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import aiosqlite


async def connect(path: Path) -> aiosqlite.Connection:
    """Open (creating parent folders) in autocommit mode; callers open transactions explicitly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA busy_timeout=5000")
    except BaseException:
        await conn.close()  # aiosqlite's thread would otherwise keep a failed start alive for ever
        raise
    return conn


def migrations(package: str) -> list[tuple[int, str]]:
    """(version, sql) for every ``NNNN_name.sql`` in ``package``, in order."""
    files = sorted(
        (f for f in resources.files(package).iterdir() if f.name.endswith(".sql")),
        key=lambda f: f.name,
    )
    return [(int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8")) for f in files]


async def user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def migrate(conn: aiosqlite.Connection, package: str) -> None:
    """Apply every migration newer than ``PRAGMA user_version``, each in its own transaction."""
    current = await user_version(conn)
    for version, sql in migrations(package):
        if version <= current:
            continue
        await conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(sql):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {int(version)}")
            await conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back on a full disk or I/O error
                await conn.execute("ROLLBACK")
            raise


def statements(sql: str) -> list[str]:
    """Split a migration file into statements (our migrations hold no semicolons inside strings)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
