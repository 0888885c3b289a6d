"""Numbered migrations, the same files on every backend, each applied once and recorded in ``state_migrations``.

The whole run is one transaction the backend makes exclusive (SQLite's write lock, PostgreSQL's advisory lock), so
processes starting together never apply a migration twice. SQLite databases from before the table existed counted
their migrations in ``PRAGMA user_version``; those are adopted as applied.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

from bot.state.base import Backend, Migration, Session
from catalog.store.sqlite import statements

PACKAGE = "bot.state.migrations"


def migrations(package: str = PACKAGE) -> list[Migration]:
    """Every ``NNNN_name.sql`` in ``package``, in order."""
    files = sorted((f for f in resources.files(package).iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    out: list[Migration] = []
    for f in files:
        number, _, rest = f.name.removesuffix(".sql").partition("_")
        out.append(Migration(int(number), rest, f.read_text(encoding="utf-8")))
    return out


async def migrate(backend: Backend, package: str = PACKAGE) -> list[int]:
    """Apply what is pending; the versions this call applied (empty when another process got there first)."""
    if await _all_applied(backend, package):
        return []  # the usual start: no lock taken, so a start (or a CLI command) never waits on another's write
    async with backend.migrating() as session:
        await session.execute(
            "CREATE TABLE IF NOT EXISTS state_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        applied = {int(row[0]) for row in await session.fetch("SELECT version FROM state_migrations")}
        pending = [m for m in migrations(package) if m.version not in applied]
        if not applied and backend.dialect == "sqlite":
            legacy = await _user_version(session)
            for m in [m for m in pending if m.version <= legacy]:
                await _record(session, m, "adopted")
            pending = [m for m in pending if m.version > legacy]
        for m in pending:
            for statement in statements(m.sql):
                await session.execute(statement)
            await _record(session, m, datetime.now(UTC).isoformat(timespec="seconds"))
        if pending and backend.dialect == "sqlite":  # older builds of the bot still read the version from here
            await session.execute(f"PRAGMA user_version = {int(pending[-1].version)}")
    return [m.version for m in pending]


async def _all_applied(backend: Backend, package: str) -> bool:
    """Whether every migration is recorded, read without the lock (migrations only ever add rows)."""
    try:
        rows = await backend.fetch("SELECT version FROM state_migrations")
    except Exception:  # no table yet (SQLite or PostgreSQL's own error type): the locked path creates it
        return False
    applied = {int(row[0]) for row in rows}
    return all(m.version in applied for m in migrations(package))


async def _record(session: Session, m: Migration, applied_at: str) -> None:
    await session.execute(
        "INSERT INTO state_migrations (version, name, applied_at) VALUES (?, ?, ?)", m.version, m.name, applied_at
    )


async def _user_version(session: Session) -> int:
    rows = await session.fetch("PRAGMA user_version")
    return int(rows[0][0]) if rows else 0
