"""Command sync: the whole payload is compared, Discord's bookkeeping ignored; only the shard-0 process syncs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.client import COGS
from bot.adapters.discord.sync import differences, local_payload, sync_at_start, sync_commands
from bot.settings import Settings
from catalog.service import Catalog

APP, GUILD = 77, 4242


async def mock_bot() -> Any:
    """The real command tree (so the payload is the real one) on a bot whose HTTP and sync are mocks."""
    real = commands.Bot(command_prefix="!", intents=discord.Intents.none())
    for ext in COGS:
        await real.load_extension(ext)
    bot = MagicMock()
    bot.tree = real.tree
    bot.tree.sync = AsyncMock()
    bot.tree.allowed_installs = app_commands.AppInstallationType(guild=True)  # so integration_types is ours too
    bot.application_id = APP
    bot.http.get_global_commands = AsyncMock()
    bot.http.get_guild_commands = AsyncMock()
    return bot


def as_stored(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What Discord answers after storing ``payload``: ids and versions added, empty values spelled out."""
    stored = copy.deepcopy(payload)
    for i, cmd in enumerate(stored):
        cmd.update(id=str(1000 + i), application_id=str(APP), version="1", name_localizations=None)
        if cmd["default_member_permissions"] is not None:
            cmd["default_member_permissions"] = str(cmd["default_member_permissions"])
        cmd.setdefault("nsfw", False)
    return stored


async def test_unchanged_commands_are_not_synced() -> None:
    bot = await mock_bot()
    stored = as_stored(await local_payload(bot.tree, None))
    bot.http.get_global_commands.return_value = stored
    assert differences(await local_payload(bot.tree, None), stored) == []
    assert await sync_commands(bot, None) is False
    bot.tree.sync.assert_not_awaited()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: c.update(contexts=[0, 1, 2]), "contexts differs"),  # guild-only /passive now in DMs
        (lambda c: c.update(integration_types=[1]), "integration_types differs"),
        (lambda c: c.update(default_member_permissions="32"), "default_member_permissions differs"),
        (lambda c: c.update(nsfw=True), "nsfw differs"),
        (lambda c: c.update(name_localizations={"fr": "comparer"}), "name_localizations differs"),
        (lambda c: c.update(description_localizations={"de": "Vergleichen"}), "description_localizations differs"),
        (lambda c: c.update(dm_permission=True), "dm_permission differs"),
        (lambda c: c["options"][0].update(description="Old text"), "options differs"),
        (lambda c: c["options"][0].update(autocomplete=False), "options differs"),
        (lambda c: c["options"].pop(), "options differs"),
    ],
)
async def test_any_part_of_the_payload_counts(change: Any, expected: str) -> None:
    bot = await mock_bot()
    stored = as_stored(await local_payload(bot.tree, None))
    name = "passive" if expected.startswith(("contexts", "dm_permission")) else "compare"
    change(next(c for c in stored if c["name"] == name))
    bot.http.get_global_commands.return_value = stored
    assert differences(await local_payload(bot.tree, None), stored) == [f"/{name}: {expected}"]
    assert await sync_commands(bot, None) is True
    bot.tree.sync.assert_awaited_once_with(guild=None)


async def test_new_and_removed_commands_count_and_range_zero_is_kept() -> None:
    local: list[dict[str, Any]] = [
        {"name": "a", "description": "A", "options": [{"name": "n", "type": 4, "min_value": 0}]}
    ]
    remote: list[dict[str, Any]] = [
        {"name": "b", "description": "B"},
        {"name": "a", "description": "A", "options": [{"name": "n", "type": 4}]},
    ]
    assert differences(local, remote) == ["/b: no longer ours", "/a: options differs"]
    assert differences([{"name": "c", "description": "C"}], []) == ["/c: new"]


async def test_discords_defaults_for_unset_contexts_are_not_a_change() -> None:
    local = [{"name": "a", "description": "A", "contexts": None, "integration_types": None, "dm_permission": True}]
    remote = [{"name": "a", "description": "A", "contexts": [0, 1, 2], "integration_types": [0]}]
    assert differences(local, remote) == []


async def test_the_dev_guild_is_compared_and_synced() -> None:
    bot = await mock_bot()
    bot.http.get_guild_commands.return_value = []
    assert await sync_commands(bot, GUILD) is True
    bot.http.get_guild_commands.assert_awaited_once_with(APP, GUILD)
    assert bot.tree.sync.await_args.kwargs["guild"].id == GUILD


@pytest.mark.parametrize(("count", "ids", "syncs"), [(None, None, True), (2, [0], True), (2, [1], False)])
async def test_only_the_shard_0_process_syncs_at_start(count: int | None, ids: list[int] | None, syncs: bool) -> None:
    bot = await mock_bot()
    bot.http.get_global_commands.return_value = []
    settings = Settings(_env_file=None, shard_count=count, shard_ids=ids)
    assert await sync_at_start(bot, settings) is syncs
    assert bot.tree.sync.await_count == int(syncs)
    assert bot.http.get_global_commands.await_count == int(syncs)  # the others do not even ask


async def test_python_m_bot_sync_pushes_from_the_cli(
    monkeypatch: pytest.MonkeyPatch, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    import yarl

    from bot.adapters.discord.client import sync_from_cli
    from tests.e2e.fake_discord import APP_ID, GUILD_ID, FakeDiscord

    fake = FakeDiscord()
    await fake.start()
    try:
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
        settings = Settings(_env_file=None, discord_token="fake.token.value", dev_guild_id=GUILD_ID)
        assert await sync_from_cli(settings) is True
        put = next(r for r in fake.requests if r.method == "PUT")
        assert put.path == f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
        assert {"sync", "catalog", "help"} <= {c["name"] for c in put.body}
        assert not fake.identified.is_set()  # HTTP only: no gateway session was opened
    finally:
        await fake.stop()
