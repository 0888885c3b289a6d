"""Owner-only maintenance: force a command sync (also ``python -m bot sync``, for when Discord shows nothing)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.common import context_of
from bot.adapters.discord.sync import OWNER, sync_commands


async def is_owner(interaction: discord.Interaction[Any]) -> bool:
    """The application owner, or a user listed in OWNER_IDS."""
    if interaction.user.id in context_of(interaction).settings.owner_ids:
        return True
    client = interaction.client
    return isinstance(client, commands.Bot | commands.AutoShardedBot) and await client.is_owner(interaction.user)


class Admin(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @app_commands.command(name="sync", extras={OWNER: True})  # only in the dev guild when DEV_GUILD_ID is set
    @app_commands.check(is_owner)
    @app_commands.guild_only()  # default permissions do not apply in DMs: keep it out of them
    @app_commands.default_permissions(administrator=True)
    async def sync(self, interaction: discord.Interaction[Any]) -> None:
        """Owner only: push the slash commands to Discord now, even if they look unchanged."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        changed = await sync_commands(self.bot, context_of(interaction).settings.dev_guild_id, force=True)
        await interaction.followup.send(f"Commands synced ({'changed' if changed else 'forced'}).", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Admin(bot))
