"""Helpers every cog uses: the model-name transformer with autocomplete, reply delivery (a 429 that discord.py
gives up on is tried again: ``delivery``), and the cooldown check."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

from bot.adapters.discord.controls import afresh, outgoing
from bot.adapters.discord.delivery import with_retry
from bot.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, clip
from bot.render.reply import Reply, drawn
from bot.state.cooldowns import Asked

if TYPE_CHECKING:
    from bot.adapters.discord.context import BotContext

T = TypeVar("T")


def context_of(interaction: discord.Interaction[Any]) -> BotContext:
    return interaction.client.context  # type: ignore[no-any-return]


def context_of_bot(bot: discord.Client) -> BotContext:
    return bot.context  # type: ignore[attr-defined,no-any-return]


class ModelName(app_commands.Transformer):
    """A model option: fuzzy autocomplete from memory (≤ 25 choices); the flow resolves the value."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.string

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> str:
        return value.strip()

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], value: str
    ) -> list[app_commands.Choice[str]]:
        suggestions = context_of(interaction).catalog.index.suggest(value, AUTOCOMPLETE_CHOICES)
        return [
            app_commands.Choice(name=clip(name, CHOICE_NAME), value=mid[:CHOICE_VALUE])
            for name, mid in suggestions[:AUTOCOMPLETE_CHOICES]
        ]


async def defer_write(interaction: discord.Interaction[Any]) -> None:
    """Answer Discord now, privately, before a command writes: a write may wait on a locked state database (up to
    ``WRITE_WAIT_MS``), and the answer — or the busy note from the tree handler — follows within 15 minutes."""
    await interaction.response.defer(ephemeral=True, thinking=True)


async def send_followup(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Deliver a reply after ``defer`` (charts drawn off the loop), its controls' state saved first."""
    reply.files = await drawn(reply.files)
    kwargs = await outgoing(context_of(interaction), reply)
    await with_retry(
        lambda: interaction.followup.send(wait=True, ephemeral=reply.ephemeral, **afresh(kwargs, reply)), "follow-up"
    )


async def send_response(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Deliver a reply as the first response (fast commands that need no defer: nothing left to draw)."""
    assert all(a.ready for a in reply.files), "a reply with a chart to draw must be deferred and followed up"
    kwargs = await outgoing(context_of(interaction), reply)
    await with_retry(
        lambda: interaction.response.send_message(ephemeral=reply.ephemeral, **afresh(kwargs, reply)), "response"
    )


def retry_note(seconds: float) -> str:
    """The private "try again" line, as Discord's relative timestamp: it counts down in the reader's client."""
    at = discord.utils.utcnow() + timedelta(seconds=math.ceil(seconds))
    return f"Slow down a little: you can try again {discord.utils.format_dt(at, 'R')}."


def heavy_cooldown() -> Callable[[T], T]:
    """The cooldown policy's rule for slash commands (per user and command, and per channel): these commands build
    reports and draw charts, so a burst from one person or one channel should not slow everyone's answers."""

    def decorate(command: T) -> T:
        scope = str(getattr(command, "name", None) or getattr(command, "__name__", ""))  # a Command or its callback

        async def within_cooldown(interaction: discord.Interaction[Any]) -> bool:
            policy = context_of(interaction).cooldowns
            verdict = policy.ask(Asked.COMMAND, interaction.user.id, interaction.channel_id or 0, scope=scope)
            if not verdict.allowed:  # the tree's handler turns this into the private "try again in 12 s" note
                cooldown = app_commands.Cooldown(verdict.limit.uses, verdict.limit.seconds)
                raise app_commands.CommandOnCooldown(cooldown, verdict.retry_after)
            return True

        return app_commands.check(within_cooldown)(command)

    return decorate
