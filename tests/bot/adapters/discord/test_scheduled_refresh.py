"""The scheduled refresh (one process, against a local server: never the real network) and the watcher that
reloads a catalog another process refreshed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest

from bot.adapters.discord.cogs.refresh import ScheduledRefresh, catalog_age_hours, refreshes_here
from bot.adapters.discord.context import BotContext
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.build import build
from catalog.service import load_catalog
from catalog.store.db import SourceFile, Store
from tests.local_server import MODELS_DEV, OPENROUTER, catalog_upstream


@pytest.fixture
async def upstream() -> AsyncIterator[str]:
    async with catalog_upstream() as base:
        yield base


async def _cog(tmp_path: Path, base: str, models_path: str = "/catalog.json") -> tuple[ScheduledRefresh, BotContext]:
    path = tmp_path / "c.sqlite3"
    async with Store.open(path) as store:
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV)])
        catalog = await load_catalog(store)
    settings = Settings(
        _env_file=None, llm_catalog_db=path, refresh_hours=0,  # the loop is driven by hand here
        models_dev_url=f"{base}{models_path}", openrouter_models_url=f"{base}/models",
    )  # fmt: skip
    ctx = BotContext(catalog, await StateStore.connect(tmp_path / "s.sqlite3"), settings, CooldownPolicy.off())
    bot = MagicMock(shard_ids=None, context=ctx)
    return ScheduledRefresh(bot), ctx


async def test_a_due_refresh_replaces_the_catalog(tmp_path: Path, upstream: str) -> None:
    cog, ctx = await _cog(tmp_path, upstream)
    cog.watch.cancel()
    ctx.settings.refresh_hours = 1e-6  # due now
    before = ctx.catalog
    await cog.scheduled.coro(cog)
    assert ctx.catalog is not before and {s.name for s in ctx.catalog.sources} >= {"models-dev", "openrouter"}
    await ctx.state.close()


async def test_a_failed_refresh_changes_nothing(tmp_path: Path, upstream: str, caplog: Any) -> None:
    cog, ctx = await _cog(tmp_path, upstream, models_path="/down")
    cog.watch.cancel()
    ctx.settings.refresh_hours = 1e-6
    before = ctx.catalog
    await cog.scheduled.coro(cog)
    assert ctx.catalog is before and "scheduled catalog refresh failed" in caplog.text
    await ctx.state.close()


async def test_the_watcher_reloads_a_catalog_refreshed_elsewhere(tmp_path: Path, upstream: str) -> None:
    cog, ctx = await _cog(tmp_path, upstream)
    cog.watch.cancel()
    before = ctx.catalog
    await cog.watch.coro(cog)
    assert ctx.catalog is before  # nothing changed on disk
    async with Store.open(ctx.settings.catalog_path) as store:  # another process refreshes the shared file
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV),
                            SourceFile("openrouter", "api-v1-models.json", OPENROUTER)])  # fmt: skip
    await cog.watch.coro(cog)
    assert ctx.catalog is not before and "openrouter" in {s.name for s in ctx.catalog.sources}
    await ctx.state.close()


def test_only_the_shard_zero_process_downloads() -> None:
    assert refreshes_here(MagicMock(shard_ids=None)) and refreshes_here(MagicMock(shard_ids=[0, 1]))
    assert not refreshes_here(MagicMock(shard_ids=[2, 3]))


def test_catalog_age() -> None:
    assert catalog_age_hours(()) is None
    assert (age := catalog_age_hours((MagicMock(source_date="2020-01-01"),))) is not None and age > 24 * 365
