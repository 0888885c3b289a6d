"""A damaged state database stops start-up with one line and the way out; backups and restore bring the
team's settings back, keeping the damaged file."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.__main__ import startup_error
from bot.adapters.cli import main as cli
from bot.answers.costs import TrafficProfile
from bot.settings import Settings
from bot.state.backup import back_up, backups, problems, restore
from bot.state.store import StateStore
from catalog.store.health import DamagedDatabase


async def _state_with_a_profile(path: Path) -> None:
    store = await StateStore.connect(path)
    await store.set_profile(7, TrafficProfile(requests_per_month=1234), user_id=1)
    await store.close()


async def test_a_damaged_state_file_is_refused_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"\x13garbage" * 512)
    with pytest.raises(DamagedDatabase) as caught:
        await StateStore.connect(path)
    assert path.read_bytes() == b"\x13garbage" * 512  # untouched
    settings = Settings(_env_file=None, bot_state_db=path, llm_catalog_db=tmp_path / "c.sqlite3")
    line = startup_error(caught.value, settings)
    assert "\n" not in line and str(path) in line and "python -m bot state restore" in line


async def test_backup_check_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    await _state_with_a_profile(path)
    made = back_up(path, keep_days=7)
    assert backups(path) == [made] and problems(made) == []
    path.write_bytes(b"not a database any more" * 100)  # the disk hiccups
    assert problems(path)
    used, moved = restore(path)
    assert used == made and moved is not None and moved.exists()
    store = await StateStore.connect(path)
    assert store.profile(7).requests_per_month == 1234  # the team's setting is back
    await store.close()


def test_old_backups_are_pruned_but_the_newest_kept(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "state.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE channel_settings (x)")
    conn.close()
    now = datetime(2026, 12, 1, tzinfo=UTC)
    for days in (30, 10, 3, 0):
        back_up(path, keep_days=7, now=now - timedelta(days=days))
    names = [p.name for p in backups(path)]
    assert names == ["state-20261201T000000Z.sqlite3", "state-20261128T000000Z.sqlite3"]


def test_cli_state_check_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite3"
    out = io.StringIO()
    assert cli.main(["state", "restore", "--file", str(path)], stdout=out) == 2  # nothing to restore from
    import asyncio

    asyncio.run(_state_with_a_profile(path))
    back_up(path, keep_days=7)
    path.write_bytes(b"\x00" * 4096 + b"junk")
    out = io.StringIO()
    assert cli.main(["state", "check", "--file", str(path)], stdout=out) == 1
    assert "backups (1)" in out.getvalue()
    out = io.StringIO()
    assert cli.main(["state", "restore", "--file", str(path)], stdout=out) == 0
    assert "restored" in out.getvalue() and problems(path) == []


def test_postgres_down_at_start_is_one_line(tmp_path: Path) -> None:
    from bot.state.postgres import StateUnavailable

    settings = Settings(_env_file=None, llm_catalog_db=tmp_path / "c.sqlite3")
    line = startup_error(StateUnavailable("state database db:5432/bot unreachable after 6 attempts: refused"), settings)
    assert "\n" not in line and "db:5432/bot" in line and "STATE_DATABASE_URL" in line
