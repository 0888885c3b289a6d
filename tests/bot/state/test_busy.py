"""A locked state database: a write gives up after ``WRITE_WAIT_MS`` with ``StateBusy`` and changes nothing, in
the store, the console and the CLI alike. The lock is held the way another process would: a second sqlite3
connection inside ``BEGIN IMMEDIATE``."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.cli.main import main as cli_main
from bot.adapters.console.dispatch import Console
from bot.answers.costs import TrafficProfile
from bot.state.base import BUSY, StateBusy
from bot.state.sqlite import START_WAIT_MS, WRITE_WAIT_MS, is_busy
from bot.state.store import StateStore
from catalog.service import Catalog

GUILD, USER = 42, 1
#: A write must give up well inside Discord's 3 s, whatever the machine.
DEADLINE = 2.9


@contextlib.contextmanager
def write_locked(path: Path) -> Iterator[None]:
    """Another process's write transaction on ``path`` for as long as the block runs."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_the_waits_fit_the_interaction_deadline() -> None:
    assert 1000 <= WRITE_WAIT_MS <= 2000 < 3000 <= START_WAIT_MS


def test_busy_is_told_from_other_errors() -> None:
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = sqlite3.SQLITE_BUSY
    assert is_busy(locked) and is_busy(sqlite3.OperationalError("database is locked"))
    assert not is_busy(sqlite3.OperationalError("database or disk is full"))


async def test_a_locked_write_gives_up_in_time_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    store = await StateStore.connect(path)
    try:
        await store.shortlist_add(GUILD, "gpt-4o", USER)
        with write_locked(path):
            assert await store.shortlist(GUILD) == ["gpt-4o"]  # reads go on (WAL)
            for write in (
                store.shortlist_add(GUILD, "ling-2.6-flash", USER),
                store.set_profile(GUILD, TrafficProfile(requests_per_month=1234), USER),
                store.set_passive(GUILD, 5, False, USER),
            ):
                started = time.monotonic()
                with pytest.raises(StateBusy) as caught:
                    await write
                assert time.monotonic() - started < DEADLINE
                assert str(caught.value) == BUSY and "locked" in caught.value.detail
        assert await store.shortlist(GUILD) == ["gpt-4o"]
        assert not store.has_profile(GUILD)  # the cache did not take a value the database refused
        assert await store.passive_enabled(GUILD, 5) is True
        await store.shortlist_add(GUILD, "ling-2.6-flash", USER)  # once the lock is gone, writes work again
        assert await store.shortlist(GUILD) == ["gpt-4o", "ling-2.6-flash"]
    finally:
        await store.close()


async def test_start_up_waits_only_when_it_has_migrations_to_run(tmp_path: Path) -> None:
    """A migrated database opens at once under another's write; migrations wait longer (another process starting
    at the same moment), then stop start-up with the busy error rather than hang."""
    path = tmp_path / "state.sqlite3"
    await (await StateStore.connect(path)).close()
    with write_locked(path):
        started = time.monotonic()
        await (await StateStore.connect(path)).close()
        assert time.monotonic() - started < 1
    fresh = tmp_path / "fresh.sqlite3"
    sqlite3.connect(fresh).execute("PRAGMA journal_mode=WAL").close()  # as a first start leaves it, before migrating
    with write_locked(fresh):
        started = time.monotonic()
        with pytest.raises(StateBusy):
            await StateStore.connect(fresh)
        assert START_WAIT_MS / 1000 - 0.5 <= time.monotonic() - started < START_WAIT_MS / 1000 + 3


def test_console_says_busy_in_one_line(shipped_catalog: Catalog, shipped_db: Path, tmp_path: Path) -> None:
    import asyncio

    path = tmp_path / "state.sqlite3"
    loop = asyncio.new_event_loop()
    state = loop.run_until_complete(StateStore.connect(path))
    try:
        console = Console(shipped_catalog, state=state, catalog_path=shipped_db, loop=loop)
        with write_locked(path):
            assert console.handle("/shortlist add gpt-4o") == BUSY
            assert console.handle("/traffic set --requests-per-day 5000") == BUSY
        assert loop.run_until_complete(state.shortlist(Console.GUILD)) == []
        assert not state.has_profile(Console.GUILD)
    finally:
        loop.run_until_complete(state.close())
        loop.close()


def test_cli_says_busy_in_one_line_and_fails(
    shipped_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the caller's folder
    path = tmp_path / "state.sqlite3"
    base = ["--db", str(shipped_db)]
    assert cli_main([*base, "shortlist", "show", "--state-db", str(path)], stdout=io.StringIO()) == 0
    with write_locked(path):
        code = cli_main([*base, "shortlist", "add", "gpt-4o", "--state-db", str(path)], stdout=io.StringIO())
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {BUSY}"]
    out = io.StringIO()
    assert cli_main([*base, "shortlist", "show", "--state-db", str(path)], stdout=out) == 0
    assert "Empty" in out.getvalue()
