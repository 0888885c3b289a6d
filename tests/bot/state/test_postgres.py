"""Several processes on one PostgreSQL: each sees the others' changes, and migrations run exactly once.

Each ``StateStore`` here stands for one bot process: its own pool, its own listening connection, its own caches.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.answers.costs import TrafficProfile
from bot.state.postgres import rowcount, translate
from bot.state.schema import migrations
from bot.state.store import StateStore
from tests.postgres import eventually, fresh_database

GUILD, CHANNEL, USER = 1_234_567_890_123_456_789, 55, 7


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with fresh_database() as url:
        yield url


def test_sqlite_spelling_is_translated() -> None:
    assert translate("SELECT a FROM t WHERE b = ? AND c IN (?, ?)") == "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
    assert translate("CREATE TABLE t (id INTEGER PRIMARY KEY, at REAL)") == (
        "CREATE TABLE t (id BIGINT PRIMARY KEY, at DOUBLE PRECISION)"
    )
    assert (rowcount("DELETE 3"), rowcount("INSERT 0 1"), rowcount("CREATE TABLE")) == (3, 1, 0)


async def test_a_change_through_one_process_reaches_the_other(url: str) -> None:
    a, b = await StateStore.connect(url), await StateStore.connect(url)
    try:
        assert await b.passive_enabled(GUILD, CHANNEL) and not b.has_profile(GUILD)  # both now cached in b
        profile = TrafficProfile(requests_per_month=40_000, output_tokens=1200)
        await a.set_profile(GUILD, profile, USER)
        await a.set_passive(GUILD, CHANNEL, False, USER)
        await eventually(lambda: b.profile(GUILD) == profile)
        assert not await b.passive_enabled(GUILD, CHANNEL)
        await b.set_profile(GUILD, TrafficProfile(), USER)  # and back the other way
        await eventually(lambda: a.profile(GUILD) == TrafficProfile())
        await a.shortlist_add(GUILD, "gpt-4o", USER)  # uncached values are simply read where they live
        assert await b.shortlist(GUILD) == ["gpt-4o"]
    finally:
        await a.close()
        await b.close()


async def test_migrations_run_once_when_processes_start_together(url: str) -> None:
    stores = await asyncio.gather(*(StateStore.connect(url) for _ in range(4)))
    try:
        assert sorted(s.migrated for s in stores) == [[], [], [], [m.version for m in migrations()]]
        conn = await asyncpg.connect(url)
        try:
            rows = await conn.fetch("SELECT version FROM state_migrations ORDER BY version")
            types = await conn.fetch(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'guild_traffic'"
                " AND column_name = 'guild_id'"
            )
        finally:
            await conn.close()
        assert [r["version"] for r in rows] == [m.version for m in migrations()]
        assert [r["data_type"] for r in types] == ["bigint"]  # Discord ids fit
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_a_lost_listener_reconnects_and_re_reads(url: str) -> None:
    """Notices sent while the listening connection is down are lost: the store re-reads once it is back."""
    store = await StateStore.connect(url)
    conn = await asyncpg.connect(url)
    try:
        profile = TrafficProfile(requests_per_month=777)
        await conn.execute(  # written behind the store's back: no notice at all
            "INSERT INTO guild_traffic VALUES ($1, $2, 0, 'now')", GUILD, profile.model_dump_json()
        )
        killed = await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = 'bot_state_listener' AND datname = current_database()"
        )
        assert killed == 1
        await eventually(lambda: store.profile(GUILD) == profile)
        other = await StateStore.connect(url)  # notices flow again on the new connection
        try:
            await other.set_profile(GUILD + 1, profile, USER)
            await eventually(lambda: store.profile(GUILD + 1) == profile)
        finally:
            await other.close()
    finally:
        await conn.close()
        await store.close()


async def test_an_unreachable_server_is_retried_then_named_without_the_password() -> None:
    """Nothing listens on the port: a few quick retries, then one line naming host and database, no password."""
    from bot.state.postgres import PostgresBackend, StateUnavailable

    with pytest.raises(StateUnavailable) as caught:
        await PostgresBackend.open("postgresql://bot:hunter2@127.0.0.1:9/nowhere", attempts=2)
    assert "127.0.0.1:9/nowhere" in str(caught.value) and "hunter2" not in str(caught.value)


async def test_a_connection_lost_mid_run_is_a_could_not_save(url: str) -> None:
    """The server drops the bot's connections (a failover, a restart): the next write fails as "storage
    unavailable" (the private "could not save, nothing changed") unless the pool noticed first and reconnected,
    and a later write works again."""
    from bot.adapters.discord.client import storage_unavailable

    store = await StateStore.connect(url)
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        try:  # the pool may already have seen its connection close and opened another (timing): then it works
            await store.set_profile(GUILD, TrafficProfile(requests_per_month=5), USER)
        except Exception as exc:  # the kind is what is asserted
            assert storage_unavailable(exc), type(exc)
        await store.set_profile(GUILD, TrafficProfile(requests_per_month=6), USER)  # the pool reconnects
        assert store.profile(GUILD).requests_per_month == 6
    finally:
        await admin.close()
        await store.close()
