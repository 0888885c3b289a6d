"""/help, generated from the command tree this bot registered (so it lists exactly what Discord shows)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.common import send_response
from bot.flows.help import CommandLine, help_flow


def command_lines(tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None = None) -> list[CommandLine]:
    """Every slash command a user can invoke here: the global ones plus ``guild``'s own (e.g. the owner commands
    in the dev guild), subcommands by their full name."""
    roots = list(tree.get_commands(type=discord.AppCommandType.chat_input))
    if guild is not None:
        roots += tree.get_commands(guild=guild, type=discord.AppCommandType.chat_input)
    out: set[CommandLine] = set()
    for root in roots:
        if isinstance(root, app_commands.Group):
            out.update(
                CommandLine(c.qualified_name, c.description)
                for c in root.walk_commands()
                if isinstance(c, app_commands.Command)
            )
        elif isinstance(root, app_commands.Command):
            out.add(CommandLine(root.qualified_name, root.description))
    return sorted(out, key=lambda c: c.name)


class Help(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """Every command by category, one line each."""
        guild = discord.Object(id=interaction.guild_id) if interaction.guild_id else None
        await send_response(interaction, help_flow(command_lines(self.bot.tree, guild)))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Help(bot))
