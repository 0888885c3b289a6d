"""``/catalog refresh`` and the scheduled refresh against harmful upstream files (issue 17), served from
127.0.0.1: the owner reads the same one line the CLI prints, an emptying file is refused with the numbers unless
forced, and the catalog file stays byte-identical."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from aiohttp import web
from discord import app_commands

from bot.adapters.discord.client import on_tree_error
from bot.adapters.discord.cogs.procurement import Procurement
from bot.adapters.discord.cogs.refresh import ScheduledRefresh
from bot.adapters.discord.context import BotContext
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.build import build
from catalog.errors import ImportFormatError
from catalog.service import load_catalog
from catalog.store.db import SourceFile, Store
from tests.catalog.harmful import EMPTY, HARMFUL, MODELS_DEV, OPENROUTER
from tests.local_server import serving

OWNER = 99


class Upstream:
    """models.dev at /catalog.json and OpenRouter at /models; a test swaps in a harmful body."""

    def __init__(self) -> None:
        self.bodies = {"/catalog.json": MODELS_DEV, "/models": OPENROUTER}


@pytest.fixture
async def upstream() -> AsyncIterator[tuple[str, Upstream]]:
    up = Upstream()

    async def serve(request: web.Request) -> web.Response:
        body = up.bodies.get(request.path)
        return web.Response(body=body, content_type="application/json") if body else web.Response(status=404)

    async with serving(serve) as base:
        yield base, up


@pytest.fixture
async def ctx(tmp_path: Path, upstream: tuple[str, Upstream]) -> AsyncIterator[BotContext]:
    base, _ = upstream
    db = tmp_path / "catalog.sqlite3"
    async with Store.open(db) as store:
        await build(
            store,
            [SourceFile("models-dev", "catalog.json", MODELS_DEV), SourceFile("openrouter", "models.json", OPENROUTER)],
        )
        catalog = await load_catalog(store)
    settings = Settings(
        _env_file=None, llm_catalog_db=db, owner_ids=[OWNER], refresh_hours=0,
        models_dev_url=f"{base}/catalog.json", openrouter_models_url=f"{base}/models",
    )  # fmt: skip
    state = await StateStore.connect(tmp_path / "state.sqlite3")
    yield BotContext(catalog, state, settings, CooldownPolicy.off())
    await state.close()


def owner_interaction(ctx: BotContext) -> Any:
    it = MagicMock(spec=discord.Interaction)
    it.client = MagicMock(context=ctx, is_owner=AsyncMock(return_value=False))
    it.user = MagicMock(id=OWNER)
    it.guild_id, it.channel_id = 42, 5
    it.response = MagicMock(defer=AsyncMock(), send_message=AsyncMock(), is_done=MagicMock(return_value=True))
    it.followup = MagicMock(send=AsyncMock())
    return it


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def refresh_command(ctx: BotContext, force: bool = False) -> Any:
    cog = Procurement(MagicMock(get_channel=MagicMock(return_value=None)))
    it = owner_interaction(ctx)
    await cast(Any, cog.catalog_refresh).callback(cog, it, force=force)
    return it


@pytest.mark.parametrize(("source", "body", "says"), [c[1:] for c in HARMFUL], ids=[c[0] for c in HARMFUL])
async def test_the_owner_reads_the_one_line_not_a_generic_error(
    ctx: BotContext, upstream: tuple[str, Upstream], source: str, body: bytes, says: str
) -> None:
    _, up = upstream
    up.bodies["/catalog.json" if source == "models-dev" else "/models"] = body
    before, loaded = digest(ctx.settings.catalog_path), ctx.catalog
    with pytest.raises(ImportFormatError) as err:
        await refresh_command(ctx)
    it = owner_interaction(ctx)
    await on_tree_error(it, app_commands.CommandInvokeError(MagicMock(), err.value))  # what the tree does with it
    text = it.followup.send.await_args.args[0]
    assert text == str(err.value) and says in text and "\n" not in text and "Something went wrong" not in text
    assert digest(ctx.settings.catalog_path) == before and ctx.catalog is loaded


@pytest.mark.parametrize("source", sorted(EMPTY))
async def test_an_emptying_refresh_is_refused_with_the_numbers_unless_forced(
    ctx: BotContext, upstream: tuple[str, Upstream], source: str
) -> None:
    _, up = upstream
    up.bodies["/catalog.json" if source == "models-dev" else "/models"] = EMPTY[source]
    before, loaded = digest(ctx.settings.catalog_path), ctx.catalog
    it = await refresh_command(ctx)
    text = it.followup.send.await_args.args[0]
    assert text.startswith("would remove ") and " of 12 models (" in text and " of 18 routes (" in text
    assert text.endswith("run `/catalog refresh force:True` to accept.") and "Catalog refreshed" not in text
    assert digest(ctx.settings.catalog_path) == before and ctx.catalog is loaded
    forced = await refresh_command(ctx, force=True)
    assert forced.followup.send.await_args.args[0].startswith("Catalog refreshed")
    routes = sum(len(m.routes) for m in ctx.catalog.models.values())
    assert ctx.catalog is not loaded and routes < sum(len(m.routes) for m in loaded.models.values())


async def test_the_scheduled_refresh_never_forces_and_logs_the_numbers(
    ctx: BotContext, upstream: tuple[str, Upstream], caplog: pytest.LogCaptureFixture
) -> None:
    _, up = upstream
    up.bodies["/catalog.json"] = EMPTY["models-dev"]
    cog = ScheduledRefresh(MagicMock(shard_ids=None, context=ctx))
    cog.watch.cancel()
    ctx.settings.refresh_hours = 1e-6  # due now
    before, loaded = digest(ctx.settings.catalog_path), ctx.catalog
    with caplog.at_level(logging.WARNING):
        await cog.scheduled.coro(cog)
    assert "scheduled catalog refresh failed, catalog unchanged: would remove " in caplog.text
    assert digest(ctx.settings.catalog_path) == before and ctx.catalog is loaded
