"""End to end with two shard processes: shard 0 and shard 1 of 2 log in to the fake Discord on 127.0.0.1 and share
one real PostgreSQL state database.

Both bots run in this one pytest process, on one event loop: two separate bot objects, each with its own settings,
its own ``StateStore`` (its own connection pool and LISTEN connection, its own caches) and its own loaded catalog,
so as far as the state and the catalog go they are two processes; only the fake Discord and the catalog file on
disk are shared, as they would be between two containers. Each bot sends its own token so the fake can tell whose
REST request is whose (Discord itself would see one token).

Guild A (``GUILD_ID``) is on shard 0 and guild B (``GUILD_B_ID``) on shard 1: a guild's events arrive on exactly
one shard, so shared state is shown through what shard 1's process holds for guild A, not through an interaction
shard 1 could never receive.

PostgreSQL comes from ``STATE_TEST_POSTGRES_URL`` (scripts/test.sh starts one): without it these tests fail under
``CI=true`` and skip elsewhere (tests/postgres.py). Nothing here reaches the real network: the catalog refresh
downloads from a local server serving the fixture files.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest

from bot.adapters.discord.client import ShardedLLMBot, create_bot
from bot.adapters.discord.cogs.refresh import ScheduledRefresh
from bot.adapters.discord.context import BotContext
from bot.answers.costs import TrafficProfile
from bot.flows.procurement import Scope, traffic_show
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.build import build
from catalog.service import load_catalog
from catalog.store.db import SourceFile, Store
from tests.e2e.conftest import logged_in
from tests.e2e.fake_discord import APP_ID, GUILD_ID, OWNER_ID, FakeDiscord, Recorded
from tests.e2e.fake_payloads import GUILD_B, GUILD_B_ID, shard_of
from tests.local_server import MODELS_DEV, catalog_upstream
from tests.postgres import eventually, fresh_database

SHARDS = 2


def token(shard: int) -> str:
    return f"fake.token.shard{shard}"


@dataclass
class Cluster:
    """The two shard processes, by shard id."""

    bots: dict[int, ShardedLLMBot]
    catalog_path: Path

    def context(self, shard: int) -> BotContext:
        return self.bots[shard].context

    def refresh_cog(self, shard: int) -> ScheduledRefresh:
        cog = self.bots[shard].get_cog("ScheduledRefresh")
        assert cog is not None  # an instance from the extension's own module object (load_extension), not ours
        return cast(ScheduledRefresh, cog)


@pytest.fixture
async def upstream() -> AsyncIterator[str]:
    async with catalog_upstream() as base:
        yield base


@contextlib.asynccontextmanager
async def shard_process(shard: int, url: str, catalog_path: Path, upstream: str) -> AsyncIterator[ShardedLLMBot]:
    """One shard's process: settings, state on PostgreSQL, the catalog loaded from the shared file, the gateway."""
    config = Settings(
        _env_file=None, discord_token=token(shard), shard_count=SHARDS, shard_ids=[shard],
        state_database_url=url, llm_catalog_db=catalog_path, refresh_hours=0,  # refreshes are driven by hand
        models_dev_url=f"{upstream}/catalog.json", openrouter_models_url=f"{upstream}/models",
    )  # fmt: skip
    state = await StateStore.connect(config.state_target)
    async with Store.open(catalog_path) as store:
        catalog = await load_catalog(store)
    bot = create_bot(BotContext(catalog, state, config, CooldownPolicy.off()), guild_ready_timeout=0.05)
    assert isinstance(bot, ShardedLLMBot)
    async with logged_in(bot, token(shard), state):
        yield bot


@pytest.fixture
async def cluster(fake: FakeDiscord, tmp_path: Path, upstream: str) -> AsyncIterator[Cluster]:
    """Shard 1's process starts first, then shard 0's: process start order is arbitrary in a deployment, and
    this order makes the command-sync count deterministic (see ``test_only_the_shard_zero_process_syncs``)."""
    fake.guilds.append(GUILD_B)
    assert [shard_of(g.id, SHARDS) for g in fake.guilds] == [0, 1]
    catalog_path = tmp_path / "catalog.sqlite3"  # the catalog file both processes read
    async with Store.open(catalog_path) as store:
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV)])
    async with (
        fresh_database() as url,
        shard_process(1, url, catalog_path, upstream) as shard1,
        shard_process(0, url, catalog_path, upstream) as shard0,
    ):
        yield Cluster({0: shard0, 1: shard1}, catalog_path)
    assert fake.unknown == []


def is_callback(iid: str) -> Callable[[Recorded], bool]:
    return lambda r: r.method == "POST" and r.path.startswith(f"/interactions/{iid}/")


def traffic_set(**options: int) -> dict[str, object]:
    """A ``/traffic set`` command's interaction data."""
    values = [{"name": name, "type": 4, "value": value} for name, value in options.items()]
    return {"id": "1", "name": "traffic", "type": 1, "options": [{"name": "set", "type": 1, "options": values}]}


async def test_each_shard_gets_its_own_guilds(fake: FakeDiscord, cluster: Cluster) -> None:
    assert sorted(fake.identifies, key=str) == [[0, SHARDS], [1, SHARDS]]
    assert fake.connected_shards == [0, 1]
    assert [g.id for g in cluster.bots[0].guilds] == [GUILD_ID]
    assert [g.id for g in cluster.bots[1].guilds] == [GUILD_B_ID]


async def test_traffic_set_through_shard_0_is_used_by_shard_1(fake: FakeDiscord, cluster: Cluster) -> None:
    """Set in guild A on shard 0's process; shard 1's process holds it within moments (LISTEN/NOTIFY) and its
    flows answer with it; guild B, on shard 1, keeps its own (default) profile."""
    assert not cluster.context(1).state.has_profile(GUILD_ID)

    iid = await fake.interact(2, traffic_set(requests_per_month=40_000, output_tokens=1_200), user_id=OWNER_ID)
    deferred = await fake.wait_for(is_callback(iid))  # answered by shard 0's process, the only one that got it
    assert deferred.body["type"] == 5, deferred.body  # a write defers first (it may wait on the state database)
    answer = await fake.wait_for(lambda r: r.method == "POST" and r.path.startswith(f"/webhooks/{APP_ID}/tok-{iid}"))
    assert "permission" not in (answer.body.get("content") or ""), answer.body
    wanted = cluster.context(0).profile_for(GUILD_ID)
    assert (wanted.requests_per_month, wanted.output_tokens) == (40_000, 1_200)

    shard1 = cluster.context(1)
    await eventually(lambda: shard1.profile_for(GUILD_ID) == wanted)
    scope = Scope(shard1.catalog, shard1.state, GUILD_ID, OWNER_ID, cluster.catalog_path, shard1.fresh)
    shown = await traffic_show(scope)  # what /traffic show would answer in shard 1's process
    assert shown.embeds[0].description == wanted.describe()

    iid = await fake.interact(2, {"id": "1", "name": "traffic", "type": 1, "options": [{"name": "show", "type": 1}]},
                              shard=1)  # fmt: skip
    other = await fake.wait_for(is_callback(iid))  # guild B's interaction reached shard 1's process
    assert other.body["data"]["embeds"][0]["description"] == TrafficProfile().describe()


async def test_a_catalog_refresh_in_shard_0_reaches_shard_1(cluster: Cluster) -> None:
    """Shard 0's process runs the scheduled refresh (from the local upstream) into the shared catalog file;
    shard 1's watcher reloads it."""
    watcher = cluster.refresh_cog(1)
    before = cluster.context(1).catalog
    await watcher.watch.coro(watcher)
    assert cluster.context(1).catalog is before  # nothing refreshed yet: nothing reloaded

    refresher = cluster.refresh_cog(0)
    cluster.context(0).settings.refresh_hours = 1e-6  # due now
    await refresher.scheduled.coro(refresher)
    assert "openrouter" in {s.name for s in cluster.context(0).catalog.sources}

    await watcher.watch.coro(watcher)
    after = cluster.context(1).catalog
    assert after is not before and {s.name for s in after.sources} == {
        s.name for s in cluster.context(0).catalog.sources
    }
    assert len(after.models) > len(before.models)


def _puts(fake: FakeDiscord, shard: int) -> int:
    return sum(r.method == "PUT" and r.path.endswith("/commands") and r.token == token(shard) for r in fake.requests)


async def test_only_the_shard_zero_process_syncs(fake: FakeDiscord, cluster: Cluster) -> None:
    assert {shard: _puts(fake, shard) for shard in cluster.bots} == {0: 1, 1: 0}
    assert {c["name"] for c in fake.commands["global"]} >= {"traffic", "compare"}
    assert all(c["application_id"] == str(APP_ID) for c in fake.commands["global"])
