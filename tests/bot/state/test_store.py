"""The state store keeps every per-server value, on SQLite and on PostgreSQL alike (``state_target``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.costs import TrafficProfile
from bot.answers.questions.memory import ChannelMemory
from bot.state.schema import migrations
from bot.state.store import StateStore
from catalog.store import sqlite

#: Discord ids are 64-bit snowflakes: a PostgreSQL INTEGER column would overflow.
GUILD, CHANNEL, USER = 1_234_567_890_123_456_789, 987_654_321_098_765_432, 7
LATEST = [m.version for m in migrations()]


async def test_every_value_round_trips(state_target: Path | str) -> None:
    store = await StateStore.connect(state_target)
    try:
        assert store.migrated == LATEST and not store.has_profile(GUILD)
        await store.set_profile(GUILD, TrafficProfile(requests_per_month=5000, input_tokens=900), USER)
        for model in ("zeta", "alpha", "mid"):
            assert await store.shortlist_add(GUILD, model, USER)
        assert not await store.shortlist_add(GUILD, "alpha", USER)
        await store.shortlist_add(GUILD + 1, "other", USER)
        assert await store.shortlist_remove(GUILD, "alpha") and not await store.shortlist_remove(GUILD, "alpha")
        await store.set_digest_channel(GUILD, CHANNEL, USER)
        await store.set_digest_channel(GUILD, CHANNEL + 1, USER)
        await store.remember(CHANNEL, ChannelMemory(model_ids=("gpt-4o",), at=1_767_225_600.125))
        assert await store.passive_enabled(GUILD, CHANNEL)  # on by default
        await store.set_passive(GUILD, CHANNEL, False, USER)
    finally:
        await store.close()
    store = await StateStore.connect(state_target)
    try:
        assert store.migrated == []
        assert store.profile(GUILD) == TrafficProfile(requests_per_month=5000, input_tokens=900)
        assert await store.shortlist(GUILD) == ["zeta", "mid"]  # the order added, not alphabetical
        assert await store.shortlisting_guilds() == {GUILD: ["zeta", "mid"], GUILD + 1: ["other"]}
        assert await store.digest_channel(GUILD) == CHANNEL + 1
        await store.set_digest_channel(GUILD, None, USER)
        assert await store.digest_channel(GUILD) is None
        memory = await store.memory(CHANNEL)
        assert memory is not None and memory.model_ids == ("gpt-4o",) and memory.at == 1_767_225_600.125
        assert await store.memory(CHANNEL + 1) is None
        assert not await store.passive_enabled(GUILD, CHANNEL) and await store.passive_enabled(GUILD, CHANNEL + 1)
        assert await store.shortlist_clear(GUILD) == 2 and await store.shortlist(GUILD) == []
    finally:
        await store.close()


async def test_shortlist_cap(state_target: Path | str) -> None:
    store = await StateStore.connect(state_target)
    try:
        for n in range(StateStore.MAX_SHORTLIST):
            await store.shortlist_add(GUILD, f"m{n:02}", USER)
        with pytest.raises(ValueError, match="full"):
            await store.shortlist_add(GUILD, "one-more", USER)
        assert (await store.shortlist(GUILD))[-1] == f"m{StateStore.MAX_SHORTLIST - 1:02}"
    finally:
        await store.close()


async def test_sqlite_from_before_the_migrations_table_is_adopted(tmp_path: Path) -> None:
    """A database the older build made (versions in PRAGMA user_version, order in rowid) keeps its data and order."""
    path = tmp_path / "old.sqlite3"
    conn = await sqlite.connect(path)
    for m in migrations()[:3]:
        for statement in sqlite.statements(m.sql):
            await conn.execute(statement)
    await conn.execute("PRAGMA user_version = 3")
    rows = [("b-model", "2026-01-01T10:00:00+00:00"), ("a-model", "2026-01-01T10:00:07+00:00")]
    for model, at in rows:
        await conn.execute("INSERT INTO shortlist VALUES (?, ?, ?, ?)", (GUILD, model, USER, at))
    await conn.close()
    store = await StateStore.connect(path)
    try:
        assert store.migrated == LATEST[3:]
        assert await store.shortlist(GUILD) == ["b-model", "a-model"]
        await store.shortlist_add(GUILD, "0-model", USER)
        assert await store.shortlist(GUILD) == ["b-model", "a-model", "0-model"]
    finally:
        await store.close()
    assert await _applied(path) == [(v, "adopted" if v <= 3 else "new") for v in LATEST]


async def _applied(path: Path) -> list[tuple[int, str]]:
    conn = await sqlite.connect(path)
    try:
        async with conn.execute("SELECT version, applied_at FROM state_migrations ORDER BY version") as cur:
            return [(int(v), "adopted" if at == "adopted" else "new") for v, at in await cur.fetchall()]
    finally:
        await conn.close()


async def test_view_state_is_kept_then_pruned(state_target: Path | str) -> None:
    """A message's controls find their state across a reconnect; rows past the keep window go on the next save."""
    store = await StateStore.connect(state_target)
    week = 7 * 86400
    try:
        await store.keep_view_state("old", '{"kind": "compare"}', now=1_000_000_000.0)
        await store.keep_view_state("kept", '{"kind": "pick"}', now=1_000_000_000.0 + week)
        await store.keep_view_state("kept", '{"kind": "pick", "again": true}', now=1_000_000_000.0 + 2 * week)
    finally:
        await store.close()
    store = await StateStore.connect(state_target)
    try:
        assert await store.view_state("old") == '{"kind": "compare"}'
        assert await store.view_state("kept") == '{"kind": "pick", "again": true}'
        later = 1_000_000_000.0 + StateStore.VIEW_STATE_DAYS * 86400 + week
        await store.keep_view_state("new", "{}", now=later)
        assert await store.view_state("old") is None  # older than the window
        assert await store.view_state("kept") is not None and await store.view_state("missing") is None
    finally:
        await store.close()
