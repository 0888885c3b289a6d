"""Helpers every cog uses: the model-name transformer with autocomplete, and reply delivery."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.adapters.discord.controls import outgoing
from bot.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, clip
from bot.render.reply import Reply, drawn

if TYPE_CHECKING:
    from bot.adapters.discord.context import BotContext


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


async def send_followup(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Deliver a reply after ``defer`` (charts drawn off the loop), its controls' state saved first."""
    reply.files = await drawn(reply.files)
    kwargs = await outgoing(context_of(interaction), reply)
    await interaction.followup.send(wait=True, ephemeral=reply.ephemeral, **kwargs)


async def send_response(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Deliver a reply as the first response (fast commands that need no defer: nothing left to draw)."""
    assert all(a.ready for a in reply.files), "a reply with a chart to draw must be deferred and followed up"
    kwargs = await outgoing(context_of(interaction), reply)
    await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)
