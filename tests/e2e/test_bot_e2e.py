"""End to end: the real discord.py client logs in to the fake Discord on 127.0.0.1 and is driven through
command sync, chat, slash commands, autocomplete, buttons and a refused intent."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest
from discord.ext import commands

from bot.adapters.discord.client import PORTAL_HINT, create_bot
from bot.adapters.discord.context import BotContext
from bot.render.views import NOT_YOURS, PAGER_ID
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.service import Catalog
from tests.e2e.conftest import logged_in
from tests.e2e.fake_discord import APP_ID, GUILD_ID, STRANGER_ID, FakeDiscord

COMMAND_NAMES = {
    "compare", "model", "cost", "models", "ask", "passive", "sync", "help",
    "traffic", "shortlist", "export", "changes", "digest", "catalog",
}  # fmt: skip


@contextlib.asynccontextmanager
async def running_bot(catalog: Catalog, tmp_path: Path, **settings: object) -> AsyncIterator[discord.Client]:
    state = await StateStore.connect(tmp_path / "state.sqlite3")
    # never download from the real internet, nor back up a state file outside the test's folder
    settings = {"refresh_hours": 0, "state_backup_days": 0, **settings}
    config = Settings(_env_file=None, discord_token="fake.token.value", dev_guild_id=GUILD_ID, **settings)  # type: ignore[arg-type]
    bot = create_bot(BotContext(catalog, state, config, CooldownPolicy.off()), guild_ready_timeout=0.05)
    async with logged_in(bot, "fake.token.value", state):
        yield bot


def is_post_to(prefix: str):
    return lambda r: r.method == "POST" and r.path.startswith(prefix)


async def test_login_sync_chat_and_silence(fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path) -> None:
    async with running_bot(shipped_catalog, tmp_path):
        sync = await fake.wait_for(lambda r: r.method == "PUT" and "/commands" in r.path)
        assert sync.path == f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
        assert {c["name"] for c in sync.body} == COMMAND_NAMES
        compare = next(c for c in sync.body if c["name"] == "compare")
        assert [o["autocomplete"] for o in compare["options"]] == [True] * 4

        await fake.say("which has the bigger context window, gpt-4o or claude opus 4.6?")
        reply = await fake.wait_for(is_post_to("/channels/"))
        assert reply.body["embeds"][0]["title"] == "Context window"
        assert reply.body["allowed_mentions"]["parse"] == []
        assert "message_id" in reply.body["message_reference"]  # a reply to the question

        before = len(fake.requests)
        await fake.say("lunch anyone? the build is green again")
        await fake.say("we moved the summariser to gpt-4o last week")
        await asyncio.sleep(0.5)
        assert [r for r in fake.requests[before:] if r.path.startswith("/channels/")] == []
        assert fake.unknown == []


async def test_commands_are_not_resynced_when_unchanged(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    async with running_bot(shipped_catalog, tmp_path):
        await fake.wait_for(lambda r: r.method == "PUT")
    puts = sum(r.method == "PUT" for r in fake.requests)
    async with running_bot(shipped_catalog, tmp_path / "second"):
        await fake.wait_for(lambda r: r.method == "GET" and r.path.endswith("/commands"))
        await asyncio.sleep(0.2)
    assert sum(r.method == "PUT" for r in fake.requests) == puts  # Discord already had these commands


async def test_compare_defers_then_follows_up_and_buttons_work(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    async with running_bot(shipped_catalog, tmp_path):
        await fake.wait_for(lambda r: r.method == "PUT")
        options = [
            {"name": "model_a", "type": 3, "value": "gpt-4o"},
            {"name": "model_b", "type": 3, "value": "ling-2.6-flash"},
        ]
        iid = await fake.interact(2, {"id": "1", "name": "compare", "type": 1, "options": options})
        deferred = await fake.wait_for(is_post_to(f"/interactions/{iid}/"))
        assert deferred.body["type"] == 5
        follow = await fake.wait_for(is_post_to(f"/webhooks/{APP_ID}/tok-{iid}"))
        assert follow.body["embeds"][0]["title"] == "GPT-4o vs Ling-2.6-Flash — Decision scorecard"
        custom_ids = [c["custom_id"] for row in follow.body["components"] for c in row["components"]]
        assert [PAGER_ID.fullmatch(c)["action"] for c in custom_ids] == ["prev", "next", "jump"]  # type: ignore[index]
        nxt = {"custom_id": custom_ids[1], "component_type": 2}

        message = {  # the follow-up message as Discord would echo it on a component interaction
            "id": fake.messages[-1]["id"], "channel_id": fake.messages[-1]["channel_id"], "author": {"id": str(APP_ID), "username": "bot", "discriminator": "0"},
            "content": "", "timestamp": "2026-11-22T12:00:00+00:00", "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "pinned": False, "type": 0,
            "embeds": follow.body["embeds"], "components": follow.body["components"],
        }  # fmt: skip
        press = await fake.interact(3, nxt, message=message)
        update = await fake.wait_for(is_post_to(f"/interactions/{press}/"))
        assert update.body["type"] == 7
        assert update.body["data"]["embeds"][0]["title"].endswith("Decision tradeoffs")

        stranger = await fake.interact(3, nxt, user_id=STRANGER_ID, message=message)
        refused = await fake.wait_for(is_post_to(f"/interactions/{stranger}/"))
        assert refused.body["type"] == 4 and refused.body["data"]["flags"] == 64
        assert refused.body["data"]["content"] == NOT_YOURS
    async with running_bot(shipped_catalog, tmp_path):  # a restart: the same button on the same message still works
        press = await fake.interact(3, nxt, message=message)
        update = await fake.wait_for(is_post_to(f"/interactions/{press}/"))
        assert update.body["type"] == 7
        assert update.body["data"]["embeds"][0]["title"].endswith("Decision tradeoffs")
        assert fake.unknown == []


async def test_autocomplete_returns_at_most_25_choices(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    async with running_bot(shipped_catalog, tmp_path):
        await fake.wait_for(lambda r: r.method == "PUT")
        data = {"id": "1", "name": "compare", "type": 1,
                "options": [{"name": "model_a", "type": 3, "value": "gpt", "focused": True}]}  # fmt: skip
        iid = await fake.interact(4, data)
        result = await fake.wait_for(is_post_to(f"/interactions/{iid}/"))
        assert result.body["type"] == 8
        choices = result.body["data"]["choices"]
        assert 0 < len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)


async def test_missing_intent_fails_with_the_switch_to_flip(
    fake: FakeDiscord, shipped_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.__main__ import run_bot

    fake.refuse_message_content = True
    settings = Settings(
        _env_file=None, discord_token="fake.token.value", llm_catalog_db=shipped_db, bot_state_db=tmp_path / "s.sqlite3"
    )
    assert await asyncio.wait_for(run_bot(settings), 30) == 1
    assert PORTAL_HINT in capsys.readouterr().err


async def test_health_follows_the_gateway_and_metrics_count_commands(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    """Ready only while the gateway is connected; a completed command shows in /metrics."""
    import aiohttp

    from bot.adapters.discord.lifecycle import health_server

    async with running_bot(shipped_catalog, tmp_path) as bot:
        assert isinstance(bot, commands.Bot)
        health = health_server(bot, bot.context)  # type: ignore[attr-defined]
        await health.start("127.0.0.1", 0)
        base = f"http://127.0.0.1:{health.port}"
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"{base}/readyz") as resp:
                    assert resp.status == 200, await resp.text()
                iid = await fake.interact(2, {"id": "1", "name": "model", "type": 1,
                                              "options": [{"name": "name", "type": 3, "value": "gpt-4o"}]})  # fmt: skip
                await fake.wait_for(is_post_to(f"/interactions/{iid}/"))
                await asyncio.sleep(0.2)
                async with http.get(f"{base}/metrics") as resp:
                    text = await resp.text()
                assert 'llmbot_commands_total{command="model"} 1.0' in text
                assert "llmbot_catalog_models" in text
                await bot.close()
                async with http.get(f"{base}/readyz") as resp:
                    assert resp.status == 503 and "closed" in await resp.text()
        finally:
            await health.stop()


async def test_sigterm_closes_the_gateway_quickly(fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path) -> None:
    """SIGTERM to the process: ``serve`` closes the gateway and returns well inside 5 s; the state closes after."""
    import os
    import signal
    import time

    from bot.adapters.discord.lifecycle import serve

    state = await StateStore.connect(tmp_path / "state.sqlite3")
    config = Settings(
        _env_file=None, discord_token="fake.token.value", dev_guild_id=GUILD_ID, refresh_hours=0, state_backup_days=0
    )
    bot = create_bot(BotContext(shipped_catalog, state, config, CooldownPolicy.off()), guild_ready_timeout=0.05)
    async with bot:  # as run_bot does
        served = asyncio.create_task(serve(bot, "fake.token.value"))
        await asyncio.wait_for(bot.wait_until_ready(), 15)
        await state.set_passive(GUILD_ID, 1, False, 1)  # an acknowledged write before the signal
        started = time.monotonic()
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(served, 5)
        assert time.monotonic() - started < 5 and bot.is_closed()
    await state.close()
    reopened = await StateStore.connect(tmp_path / "state.sqlite3")
    assert await reopened.passive_enabled(GUILD_ID, 1) is False  # the write survived
    await reopened.close()
