"""Fake interactions and messages for callback tests (MagicMocks; no network)."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord

from bot.adapters.discord.cogs.chat import Chat
from bot.adapters.discord.context import BotContext

INVOKER, OTHER, GUILD, CHANNEL = 111, 222, 900, 901
DM_CHANNELS = 50_000
ME = MagicMock(id=999)


def cb(item: Any) -> Any:
    """The raw callback of a command or view item (typed loosely: discord.py's generics fight mocks)."""
    return item.callback


def interaction(ctx: BotContext, user_id: int = INVOKER, permissions: discord.Permissions | None = None) -> Any:
    it = MagicMock(spec=discord.Interaction)
    it.client = MagicMock()
    it.client.context = ctx
    it.user = MagicMock(id=user_id)
    it.guild_id, it.channel_id = GUILD, CHANNEL
    it.created_at = discord.utils.utcnow()  # cooldowns count from the interaction's own time
    it.permissions = permissions or discord.Permissions.none()
    it.response = MagicMock()
    for name in ("defer", "send_message", "edit_message"):
        setattr(it.response, name, AsyncMock())
    it.response.is_done = MagicMock(return_value=False)
    it.response.defer.side_effect = lambda *a, **k: it.response.is_done.configure_mock(return_value=True)
    it.followup = MagicMock()
    it.followup.send = AsyncMock(return_value=MagicMock(spec=discord.WebhookMessage))
    it.original_response = AsyncMock()
    it.edit_original_response = AsyncMock()
    return it


def message(
    content: str, *, bot_author: bool = False, mentions_bot: bool = False, dm: bool = False, user: int = INVOKER
) -> Any:
    msg = MagicMock(spec=discord.Message)
    msg.content = content
    msg.author = MagicMock(id=user, bot=bot_author)
    msg.author.send = AsyncMock()
    msg.guild = None if dm else MagicMock(id=GUILD)
    msg.channel = MagicMock(id=DM_CHANNELS + user if dm else CHANNEL)  # each user's DMs are a channel of their own
    msg.mentions = [ME] if mentions_bot else []
    msg.reply = AsyncMock()
    msg.add_reaction = AsyncMock()
    return msg


def chat_cog(ctx: BotContext) -> Chat:
    bot = MagicMock()
    bot.user = ME
    bot.context = ctx
    return Chat(bot)
