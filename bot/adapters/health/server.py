"""A small HTTP endpoint for health checks and Prometheus (``HEALTH_PORT``; 0 keeps it off).

``/healthz`` is liveness: the event loop answers. ``/readyz`` is readiness: the gateway is connected, the catalog
is loaded and the state database answers; 503 with the failing checks otherwise, so an orchestrator holds traffic
and restarts a bot stuck without a gateway. ``/metrics`` is the Prometheus text format. Runs on the bot's own
event loop with aiohttp (already discord.py's HTTP client): every handler is a few microseconds of work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.adapters.health.metrics import Metrics

log = logging.getLogger(__name__)
#: Each readiness check: a name and an awaitable returning None when fine, else why not.
Check = Callable[[], Awaitable[str | None]]


@dataclass
class HealthServer:
    """Serves the three endpoints; ``checks`` decide readiness, ``refresh`` updates gauges before a scrape."""

    metrics: Metrics
    checks: dict[str, Check]
    refresh: Callable[[], None] = lambda: None
    _runner: web.AppRunner | None = None
    port: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self._live)
        app.router.add_get("/readyz", self._ready)
        app.router.add_get("/metrics", self._metrics)
        return app

    async def start(self, host: str, port: int) -> None:
        """Listen on ``host:port`` (port 0: any free port, then ``self.port`` says which)."""
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        addresses = self._runner.addresses
        self.port = int(addresses[0][1]) if addresses else port
        log.info("health and metrics on http://%s:%d (/healthz, /readyz, /metrics)", host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def failing(self) -> dict[str, str]:
        """The checks that fail now, with why (empty: ready)."""
        out = {}
        for name, check in self.checks.items():
            try:
                problem = await check()
            except Exception as exc:  # a check that raises is a failing check, never a crashed endpoint
                problem = f"{type(exc).__name__}: {exc}"
            if problem is not None:
                out[name] = problem
        return out

    async def _live(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "alive", "time": time.time()})

    async def _ready(self, request: web.Request) -> web.Response:
        failing = await self.failing()
        self.metrics.ready.set(0 if failing else 1)
        if failing:
            return web.json_response({"status": "not ready", "failing": failing}, status=503)
        return web.json_response({"status": "ready"})

    async def _metrics(self, request: web.Request) -> web.Response:
        self.refresh()
        body = generate_latest(self.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


__all__ = ["Check", "HealthServer"]
