"""Commands that write, against a state database another process holds locked: Discord is answered first (a
private defer), then the busy note arrives well inside the 3 s deadline; nothing changes and nothing is logged at
ERROR. The reproduction of the issue: /shortlist add answered after 5.02 s; /traffic set and /passive gave a generic
error with an ERROR traceback."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import discord
import pytest
from discord import app_commands

from bot.adapters.discord.client import on_tree_error
from bot.adapters.discord.cogs.chat import Chat
from bot.adapters.discord.cogs.procurement import Procurement
from bot.adapters.discord.context import BotContext
from bot.state.base import BUSY
from tests.bot.adapters.discord.fakes import CHANNEL, GUILD, cb, chat_cog, interaction, message
from tests.bot.state.test_busy import DEADLINE, write_locked

ADMIN = discord.Permissions(manage_guild=True, manage_channels=True)


async def invoke(it: Any, call: Callable[[], Awaitable[None]]) -> None:
    """As discord.py runs a command: an error goes to the tree's handler, wrapped."""
    try:
        await call()
    except Exception as exc:
        await on_tree_error(it, app_commands.CommandInvokeError(MagicMock(), exc))


def commands(ctx: BotContext) -> dict[str, Callable[[Any], Awaitable[None]]]:
    proc, chat = Procurement(MagicMock()), Chat(MagicMock())
    return {
        "shortlist add": lambda it: cb(proc.shortlist_add)(proc, it, "gpt-4o"),
        "shortlist clear": lambda it: cb(proc.shortlist_clear)(proc, it),
        "traffic set": lambda it: cb(proc.traffic_set)(proc, it, 40_000, None, 1200, None, None, None, None, None),
        "passive": lambda it: cb(chat.passive)(chat, it, "off"),
        "digest": lambda it: cb(proc.digest)(proc, it, MagicMock(id=777, mention="#prices")),
    }


@pytest.mark.parametrize("name", ["shortlist add", "shortlist clear", "traffic set", "passive", "digest"])
async def test_a_locked_store_is_a_private_busy_note_in_time(
    ctx: BotContext, tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    await ctx.state.shortlist_add(GUILD, "ling-2.6-flash", 1)
    it = interaction(ctx, permissions=ADMIN)
    it.command = MagicMock()
    it.command.name = name
    deferred: list[float] = []

    def defer(*args: Any, **kwargs: Any) -> None:
        deferred.append(time.monotonic())
        it.response.is_done.configure_mock(return_value=True)

    it.response.defer.side_effect = defer
    caplog.set_level(logging.WARNING)
    with write_locked(tmp_path / "state.sqlite3"):
        started = time.monotonic()
        await invoke(it, lambda: commands(ctx)[name](it))
        answered = time.monotonic()
    assert deferred and deferred[0] - started < 0.5  # Discord hears from us before the write waits
    assert it.response.defer.await_args.kwargs == {"ephemeral": True, "thinking": True}
    assert answered - started < DEADLINE
    it.followup.send.assert_awaited_once()
    assert it.followup.send.await_args.args[0] == BUSY
    assert it.followup.send.await_args.kwargs["ephemeral"] is True
    assert [r.levelname for r in caplog.records if r.levelno >= logging.WARNING] == ["WARNING"]
    assert "Traceback" not in caplog.text
    assert await ctx.state.shortlist(GUILD) == ["ling-2.6-flash"]  # nothing changed
    assert not ctx.state.has_profile(GUILD)
    assert await ctx.state.passive_enabled(GUILD, CHANNEL) is True
    assert await ctx.state.digest_channel(GUILD) is None


async def test_without_a_lock_the_same_commands_answer_privately(ctx: BotContext) -> None:
    for name, run in commands(ctx).items():
        it = interaction(ctx, permissions=ADMIN)
        await run(it)
        it.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)  # the answer edits this: private
        it.followup.send.assert_awaited_once()
    assert ctx.state.has_profile(GUILD) and await ctx.state.passive_enabled(GUILD, CHANNEL) is False
    assert await ctx.state.digest_channel(GUILD) == 777


async def test_chat_answers_even_when_its_memory_cannot_be_saved(
    ctx: BotContext, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cog = chat_cog(ctx)
    asked = message("<@999> is gpt-4o open source?", mentions_bot=True)
    with write_locked(tmp_path / "state.sqlite3"):
        await cog.on_message(asked)
    asked.reply.assert_awaited_once()
    assert "memory not saved" in caplog.text and not [r for r in caplog.records if r.levelno >= logging.ERROR]
