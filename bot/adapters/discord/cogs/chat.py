"""The chat listener (answers questions that name a model), /ask, and the per-channel switch."""

from __future__ import annotations

import logging
import re
import time
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.common import (
    context_of,
    defer_write,
    heavy_cooldown,
    retry_note,
    send_followup,
    send_response,
)
from bot.adapters.discord.context import BotContext
from bot.adapters.discord.controls import afresh, outgoing
from bot.adapters.discord.delivery import with_retry
from bot.flows.lookup import ChatSession, ask_flow
from bot.limits import ADDRESSED_TEXT
from bot.render.reply import NO_MENTIONS, Reply
from bot.state.base import StateBusy
from bot.state.cooldowns import Asked

log = logging.getLogger(__name__)


def is_addressed(message: discord.Message, me: discord.abc.User) -> bool:
    """A DM, or a message that @mentions the bot: it always gets an answer."""
    return message.guild is None or me in message.mentions


_MENTION = re.compile(r"<@([!&]?)(\d+)>")


def strip_mentions(text: str, me: int | None = None) -> str:
    """The bot's own mention removed, so "<@bot> is gpt-4o open source?" reads as the question; a colleague's
    or a role's left as a plain handle ("@member"), so a question put to them stays theirs to answer."""

    def one(m: re.Match[str]) -> str:
        return " " if me is None or int(m.group(2)) == me else (" @team " if m.group(1) == "&" else " @member ")

    return _MENTION.sub(one, text).strip()


class Chat(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None or message.author.id == self.bot.user.id:
            return
        ctx = self.bot.context  # type: ignore[attr-defined]
        addressed = is_addressed(message, self.bot.user)
        if (
            not addressed
            and message.guild is not None
            and not await ctx.state.passive_enabled(message.guild.id, message.channel.id)
        ):
            return
        text = strip_mentions(message.content, self.bot.user.id)
        if not text:
            return
        if addressed:  # asked before reading: a refused question costs no parsing
            verdict = ctx.cooldowns.ask(Asked.ADDRESSED, message.author.id, message.channel.id)
            if not verdict.allowed:
                log.debug("cooldown: held back an addressed answer in channel %s", message.channel.id)
                if verdict.tell:
                    await _tell_privately(message, retry_note(verdict.retry_after))
                return
        guild_id = message.guild.id if message.guild else None
        # the channel's memory lives in the state store, so a follow-up works across restarts and shard processes
        saved = guild_id is not None and ctx.state.has_profile(guild_id)
        session = ChatSession(ctx.catalog, ctx.profile_for(guild_id), addressed=addressed, saved=saved)
        session.memory = before = await ctx.state.memory(message.channel.id)
        started = time.perf_counter()
        reply = session.reply(text, fresh=ctx.fresh, invoker_id=message.author.id)  # who may pick from a picker
        ctx.metrics.answer_seconds.observe(time.perf_counter() - started)
        if reply is None:
            if session.memory is not None and session.memory != before:
                await _remember(ctx, message.channel.id, session)  # the models named, for "and opus?"
            return
        # overheard chat counts against the cooldown only when there is an answer to give, and is skipped silently
        if not addressed and not ctx.cooldowns.ask(Asked.PASSIVE, message.author.id, message.channel.id).allowed:
            log.debug("cooldown: skipped a passive answer in channel %s", message.channel.id)
            return
        if session.memory is not None and session.memory != before:
            await _remember(ctx, message.channel.id, session)  # only what the channel was answered
        await _reply_to(ctx, message, reply)
        ctx.metrics.answers.labels(session.last_intent or "answer").inc()

    @app_commands.command(name="ask")
    @heavy_cooldown()
    @app_commands.describe(question="Your question, e.g. “is ling 2.6 flash open source?”")
    async def ask(
        self, interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, ADDRESSED_TEXT]
    ) -> None:
        """Ask about models in plain words (works without the message-content intent)."""
        ctx = context_of(interaction)
        reply = ask_flow(ctx.catalog, question, ctx.profile_for(interaction.guild_id), addressed=True, fresh=ctx.fresh)
        assert reply is not None  # addressed questions always get an answer
        await send_response(interaction, reply)

    @app_commands.command(name="passive")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    @app_commands.describe(mode="on: answer questions in ordinary chat here; off: only slash commands and @mentions")
    async def passive(self, interaction: discord.Interaction[Any], mode: Literal["on", "off"]) -> None:
        """Turn answers to ordinary chat in this channel on or off (Manage Channels)."""
        ctx = context_of(interaction)
        assert interaction.guild_id is not None and interaction.channel_id is not None
        await defer_write(interaction)
        await ctx.state.set_passive(interaction.guild_id, interaction.channel_id, mode == "on", interaction.user.id)
        state = (
            "on: I'll answer model questions asked here" if mode == "on" else "off: only slash commands and @mentions"
        )
        await send_followup(interaction, Reply(content=f"Passive answers are {state}.", ephemeral=True))


async def _remember(ctx: BotContext, channel_id: int, session: ChatSession) -> None:
    """Save the channel's memory; a locked state database costs only the follow-up, never the answer."""
    assert session.memory is not None
    try:
        await ctx.state.remember(channel_id, session.memory)
    except StateBusy as exc:
        log.warning("state database busy: channel %s's memory not saved (%s)", channel_id, exc.detail)


async def _reply_to(ctx: BotContext, message: discord.Message, reply: Reply) -> None:
    kwargs = await outgoing(ctx, reply)
    await with_retry(lambda: message.reply(mention_author=False, **afresh(kwargs, reply)), "chat reply")


async def _tell_privately(message: discord.Message, text: str) -> None:
    """A DM to the author (a DM question is answered there anyway); if their DMs are closed, a ⏳ reaction says the
    same without adding a line to the channel."""
    try:
        await message.author.send(text, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException:
        try:
            await message.add_reaction("⏳")
        except discord.HTTPException:
            log.debug("cooldown: could not tell user %s when to retry", message.author.id)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Chat(bot))
