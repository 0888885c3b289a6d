"""The health endpoint over real HTTP on 127.0.0.1: liveness, readiness with its failing checks, metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.adapters.health.metrics import Metrics
from bot.adapters.health.server import HealthServer


@pytest.fixture
async def server() -> AsyncIterator[tuple[HealthServer, dict[str, str | None]]]:
    state: dict[str, str | None] = {"gateway": "not connected yet", "catalog": None}

    async def gateway() -> str | None:
        return state["gateway"]

    async def catalog() -> str | None:
        return state["catalog"]

    async def broken() -> str | None:
        if state.get("broken"):
            raise ConnectionError("database went away")
        return None

    health = HealthServer(Metrics(), {"gateway": gateway, "catalog": catalog, "state": broken})
    await health.start("127.0.0.1", 0)
    yield health, state
    await health.stop()


async def _get(health: HealthServer, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{health.port}{path}") as resp:
        return resp.status, await resp.text()


async def test_liveness_and_readiness(server: tuple[HealthServer, dict[str, str | None]]) -> None:
    health, state = server
    assert (await _get(health, "/healthz"))[0] == 200
    status, body = await _get(health, "/readyz")
    assert status == 503 and "not connected yet" in body
    state["gateway"] = None
    assert (await _get(health, "/readyz"))[0] == 200
    state["broken"] = "yes"  # a check that raises is a failing check, not a crashed endpoint
    status, body = await _get(health, "/readyz")
    assert status == 503 and "database went away" in body


async def test_metrics_in_prometheus_text(server: tuple[HealthServer, dict[str, str | None]]) -> None:
    health, _ = server
    health.metrics.commands.labels("compare").inc()
    health.metrics.answers.labels("price").inc(2)
    status, body = await _get(health, "/metrics")
    assert status == 200
    assert 'llmbot_commands_total{command="compare"} 1.0' in body
    assert 'llmbot_answers_total{kind="price"} 2.0' in body
    for name in ("llmbot_command_seconds_bucket", "llmbot_errors_total", "llmbot_guilds", "llmbot_catalog_age_seconds"):
        assert name in body or name.replace("_bucket", "") in body


async def test_not_ready_while_the_databases_are_reached(tmp_path: object) -> None:
    """Start-up with PostgreSQL down: the endpoint is up at once, live, and not ready while the state database
    is retried (an orchestrator waits instead of sending traffic)."""
    import asyncio
    import contextlib
    import socket
    from pathlib import Path

    from bot.__main__ import run_bot
    from bot.settings import Settings

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(
        _env_file=None, discord_token="fake.token", health_port=port, llm_catalog_db=Path(str(tmp_path)) / "c.sqlite3",
        state_database_url="postgresql://bot@127.0.0.1:9/bot",
    )  # fmt: skip
    starting = asyncio.create_task(run_bot(settings))
    try:
        body = ""
        for _ in range(200):  # the catalog builds first (seconds), then the state database is retried
            await asyncio.sleep(0.1)
            try:
                async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/readyz") as resp:
                    status, body = resp.status, await resp.text()
                    live = (await http.get(f"http://127.0.0.1:{port}/healthz")).status
                break
            except aiohttp.ClientConnectionError:
                continue
        assert status == 503 and "connecting to the catalog and state databases" in body and live == 200
    finally:
        starting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await starting
