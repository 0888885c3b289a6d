"""The catalog keeps itself fresh: a scheduled refresh on one process, and every process picks up a new catalog.

Prices move weekly; a manual ``/catalog refresh`` left answers carrying a stale-data warning until an owner acted.
One process (the one holding shard 0, or the only one) downloads on ``REFRESH_HOURS`` (0 = off), skipping a run
while the catalog's newest data is younger than the interval; a failed run changes nothing and logs one line.
Every process checks the catalog database every few minutes and reloads when its sources changed, so a refresh
made by another process (or the CLI) reaches all shards sharing the file.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from discord.ext import commands, tasks

from bot.adapters.discord.cogs.common import context_of_bot
from bot.adapters.discord.cogs.procurement import post_digests
from catalog.errors import CatalogError
from catalog.refresh import refresh
from catalog.service import load_catalog
from catalog.store.db import Store

log = logging.getLogger(__name__)
#: How often every process looks for a catalog another process refreshed.
WATCH_MINUTES = 5.0
#: Seconds after start-up before the first scheduled refresh may run.
FIRST_RUN_DELAY = 120.0


def refreshes_here(bot: commands.Bot) -> bool:
    """The one process that downloads: unsharded, or the one holding shard 0."""
    shard_ids = getattr(bot, "shard_ids", None)
    return not shard_ids or 0 in shard_ids


class ScheduledRefresh(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        if getattr(bot, "context", None) is None:
            return  # a bot built only to list its commands (/help, sync tests): nothing to keep fresh
        hours = context_of_bot(bot).settings.refresh_hours
        if hours > 0 and refreshes_here(bot):
            self.scheduled.change_interval(hours=hours)
            self.scheduled.start()
        self.watch.start()

    async def cog_unload(self) -> None:
        self.scheduled.cancel()
        self.watch.cancel()

    @tasks.loop(hours=24)
    async def scheduled(self) -> None:
        ctx = context_of_bot(self.bot)
        age = catalog_age_hours(ctx.catalog.sources)
        if age is not None and age < ctx.settings.refresh_hours:
            return  # fresh enough: a restart does not re-download
        urls = {"models-dev": ctx.settings.models_dev_url, "openrouter": ctx.settings.openrouter_models_url}
        try:
            async with Store.open(ctx.settings.catalog_path) as store:
                # retries with backoff; all or nothing; never forced past CATALOG_MAX_SHRINK (logged instead)
                result = await refresh(store, urls, max_shrink=ctx.settings.catalog_max_shrink)
                ctx.catalog = await load_catalog(store)
        except CatalogError as exc:
            log.warning("scheduled catalog refresh failed, catalog unchanged: %s", exc)
            return
        posted = await post_digests(self.bot, ctx, list(result.price_changes))
        log.info("scheduled refresh: %d models, %d price changes, %d digests", result.models,
                 len(result.price_changes), posted)  # fmt: skip

    @scheduled.before_loop
    async def _before_scheduled(self) -> None:
        await self.bot.wait_until_ready()
        await asyncio.sleep(FIRST_RUN_DELAY)  # let the gateway settle; a crash-looping bot never hammers upstream

    @tasks.loop(minutes=WATCH_MINUTES)
    async def watch(self) -> None:
        ctx = context_of_bot(self.bot)
        if not ctx.settings.catalog_path.exists():
            return  # moved or deleted under us: keep serving what is loaded
        try:
            async with Store.open(ctx.settings.catalog_path) as store:
                sources = tuple(await store.sources())
                if sources and sources != tuple(ctx.catalog.sources):
                    ctx.catalog = await load_catalog(store)  # the index builds in a worker thread
                    log.info("catalog reloaded: refreshed elsewhere (%d models)", len(ctx.catalog.models))
        except CatalogError as exc:
            log.warning("could not check the catalog for a refresh: %s", exc)

    @watch.before_loop
    async def _before_watch(self) -> None:
        await self.bot.wait_until_ready()
        await asyncio.sleep(WATCH_MINUTES * 60)  # the catalog was just loaded


def catalog_age_hours(sources: tuple[object, ...]) -> float | None:
    """Hours since the newest source date of the loaded catalog (None when no source is dated)."""
    dates = [d for s in sources if (d := getattr(s, "source_date", None))]
    if not dates:
        return None
    newest = datetime.fromisoformat(max(dates)[:10]).replace(tzinfo=UTC)
    return (datetime.now(UTC) - newest).total_seconds() / 3600


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ScheduledRefresh(bot))
