"""Running the bot as a service: start, health and metrics, and a clean stop on SIGTERM / SIGINT.

In a container the bot is PID 1's child (``init: true``) and gets SIGTERM on ``docker stop``; compose waits
``stop_grace_period`` (10 s) before SIGKILL. On the signal the gateway is closed (Discord sees the bot go offline
at once instead of after a heartbeat timeout), the health endpoint stops, and the caller closes the databases:
well inside 5 s, with every acknowledged write already committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import signal
import time
from datetime import date

from discord.ext import commands

from bot.adapters.discord.context import BotContext
from bot.adapters.health.server import Check, HealthServer

log = logging.getLogger(__name__)
#: How long closing the gateway may take before the process gives up waiting.
CLOSE_TIMEOUT = 4.0
_SIGNALS = (signal.SIGTERM, signal.SIGINT)
AnyBot = commands.Bot | commands.AutoShardedBot


async def serve(bot: AnyBot, token: str, health: HealthServer | None = None) -> None:
    """Run ``bot`` until it stops or a SIGTERM / SIGINT arrives; then close it (errors from login propagate)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    installed = []
    for sig in _SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread, or no signals here
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
    running = asyncio.create_task(bot.start(token), name="discord gateway")
    stopping = asyncio.create_task(stop.wait(), name="stop signal")
    try:
        done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stopping in done:
            log.info("stop signal: closing the gateway")
            started = time.monotonic()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(bot.close(), CLOSE_TIMEOUT)
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(running, max(0.1, CLOSE_TIMEOUT - (time.monotonic() - started)))
            log.info("gateway closed in %.2fs", time.monotonic() - started)
        else:
            running.result()  # LoginFailure, PrivilegedIntentsRequired ... reach the caller
    finally:
        stopping.cancel()
        if not running.done():
            running.cancel()
        for sig in installed:
            loop.remove_signal_handler(sig)
        if health is not None:
            await health.stop()
        if not bot.is_closed():
            await bot.close()


def health_server(bot: AnyBot, ctx: BotContext) -> HealthServer:
    """The endpoint's readiness checks and the gauges refreshed before each scrape, for this bot."""

    async def gateway() -> str | None:
        if bot.is_closed():
            return "closed"
        if not bot.is_ready():
            return "not connected yet"
        shards = getattr(bot, "shards", None)
        if shards:
            down = sorted(sid for sid, shard in shards.items() if shard.is_closed())
            return f"shards down: {down}" if down else None
        return None

    async def catalog() -> str | None:
        return None if ctx.catalog.models else "no models loaded"

    async def state() -> str | None:
        await asyncio.wait_for(ctx.state.ping(), 2.0)
        return None

    checks: dict[str, Check] = {"gateway": gateway, "catalog": catalog, "state": state}
    return HealthServer(ctx.metrics, checks, refresh=lambda: refresh_gauges(bot, ctx))


def refresh_gauges(bot: AnyBot, ctx: BotContext) -> None:
    """Guilds, shard latencies and catalog age, read at scrape time (cheap: counters in memory)."""
    m = ctx.metrics
    m.guilds.set(len(bot.guilds))
    latencies = getattr(bot, "latencies", None) or [(0, bot.latency)]
    for shard_id, latency in latencies:
        if not math.isnan(latency) and not math.isinf(latency):
            m.shard_latency.labels(str(shard_id)).set(latency)
    dates = [s.source_date for s in ctx.catalog.sources if s.source_date]
    if dates:
        newest = date.fromisoformat(max(dates)[:10])
        m.catalog_age.set((date.today() - newest).days * 86_400)
    m.catalog_models.set(len(ctx.catalog.models))


__all__ = ["CLOSE_TIMEOUT", "health_server", "refresh_gauges", "serve"]
