"""Command sync: push the slash commands only when Discord's copy differs (syncing is rate-limited).

Its own module so the client (sync at start-up) and the admin cog (/sync) both use it without a cog importing
the client that loads it.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

log = logging.getLogger(__name__)


def _signature(cmd: dict[str, Any]) -> tuple[Any, ...]:
    """The parts of a command Discord stores that we control; equal signatures need no sync."""

    def options(opts: list[dict[str, Any]]) -> tuple[Any, ...]:
        return tuple(
            (
                o.get("name"),
                o.get("type"),
                o.get("description"),
                bool(o.get("required", False)),
                bool(o.get("autocomplete", False)),
                tuple((c.get("name"), c.get("value")) for c in o.get("choices") or []),
                o.get("min_value"),
                o.get("max_value"),
                options(o.get("options") or []),
            )
            for o in opts
        )

    return (
        cmd.get("name"),
        cmd.get("type", 1),
        cmd.get("description"),
        str(cmd.get("default_member_permissions")),
        options(cmd.get("options") or []),
    )


def _remote_dict(cmd: app_commands.AppCommand) -> dict[str, Any]:
    """AppCommand.to_dict() leaves out default_member_permissions; put it back for the comparison."""
    data = dict(cmd.to_dict())
    perms = cmd.default_member_permissions
    data["default_member_permissions"] = str(perms.value) if perms is not None else None
    return data


async def sync_commands(bot: commands.Bot | commands.AutoShardedBot, guild_id: int | None, force: bool = False) -> bool:
    """Sync to the dev guild (instant) or globally, only when Discord's copy differs (syncing is rate-limited)."""
    guild = discord.Object(id=guild_id) if guild_id else None
    if guild is not None:
        bot.tree.copy_global_to(guild=guild)
    local = sorted(_signature(dict(c.to_dict(bot.tree))) for c in bot.tree.get_commands(guild=guild))
    remote = sorted(_signature(_remote_dict(c)) for c in await bot.tree.fetch_commands(guild=guild))
    if force or local != remote:
        await bot.tree.sync(guild=guild)
        log.info("synced %d commands %s", len(local), f"to guild {guild_id}" if guild_id else "globally")
        return True
    log.info("commands unchanged; no sync needed")
    return False
