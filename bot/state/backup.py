"""Backups of the SQLite state database, a health check of it, and restoring from a backup.

The state holds what a team configured (traffic profiles, shortlists, channel switches): unlike the catalog it
cannot be rebuilt, so a damaged file is never replaced silently. The bot copies it online every day with SQLite's
``VACUUM INTO`` (a consistent snapshot while the bot keeps writing) into ``<state file>.backups/``, keeping
``STATE_BACKUP_DAYS`` days; ``python -m bot state check`` and ``python -m bot state restore`` use them.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from catalog.store.health import move_aside, plain

#: A table only the state database has (migration 0001).
OWN_TABLE = "channel_settings"
_STAMP = "%Y%m%dT%H%M%SZ"


def backup_dir(state: Path) -> Path:
    return state.with_name(state.name + ".backups")


def backups(state: Path) -> list[Path]:
    """The backups of ``state``, newest first."""
    folder = backup_dir(state)
    return sorted(folder.glob("state-*.sqlite3"), reverse=True) if folder.is_dir() else []


def back_up(state: Path, keep_days: int, now: datetime | None = None) -> Path:
    """Snapshot ``state`` now and prune backups older than ``keep_days`` (the newest is always kept). Blocking:
    call from a worker thread."""
    if not state.exists():
        raise FileNotFoundError(f"{state} does not exist yet: nothing to back up")
    now = now or datetime.now(UTC)
    folder = backup_dir(state)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"state-{now.strftime(_STAMP)}.sqlite3"
    conn = sqlite3.connect(state)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    cutoff = now - timedelta(days=keep_days)
    for old in backups(state)[1:]:
        taken = datetime.strptime(old.stem.removeprefix("state-"), _STAMP).replace(tzinfo=UTC)
        if taken < cutoff:
            old.unlink()
    return target


def problems(path: Path) -> list[str]:
    """What is wrong with the state file at ``path`` (empty: it is sound). Blocking."""
    if not path.exists():
        return [f"{path} does not exist (the bot creates it empty on start)"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [plain(exc)]
    out = [] if rows == ["ok"] else [f"damaged: {'; '.join(rows[:3])}"]
    if tables and OWN_TABLE not in tables:
        out.append(f"not this bot's state database (tables: {', '.join(sorted(tables)[:4])})")
    return out


def restore(state: Path, source: Path | None = None) -> tuple[Path, Path | None]:
    """Put ``source`` (default: the newest sound backup) in place of ``state``; the file it replaces is kept,
    renamed ``….damaged-<time>``. Returns (the backup used, where the old file went). Blocking."""
    candidates = [source] if source is not None else backups(state)
    chosen = next((c for c in candidates if not problems(c)), None)
    if chosen is None:
        where = source or backup_dir(state)
        raise FileNotFoundError(f"no sound backup to restore from in {where}")
    moved = move_aside(state) if state.exists() else None
    shutil.copyfile(chosen, state)
    return chosen, moved


__all__ = ["OWN_TABLE", "back_up", "backup_dir", "backups", "problems", "restore"]
