"""The fake Discord every end-to-end test logs in to (discord.py's REST base and gateway URL point at it), and
a bot's login and clean stop."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord
import pytest
import yarl

from bot.state.store import StateStore
from tests.e2e.fake_discord import FakeDiscord


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url))
    yield server
    await server.stop()


@contextlib.asynccontextmanager
async def logged_in(bot: discord.Client, token: str, state: StateStore) -> AsyncIterator[None]:
    """``bot`` connected and ready; on exit the gateway closes, then ``state``."""
    task = asyncio.create_task(bot.start(token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 15)
        yield
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)
        await state.close()
