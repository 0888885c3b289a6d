"""The discord.py bot: loads the cogs, funnels every command error to one handler, syncs commands."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import tell
from bot.context import BotContext
from bot.render.reply import NO_MENTIONS
from catalog.errors import AmbiguousModel, CatalogError, ModelNotFound

log = logging.getLogger(__name__)
COGS = ("bot.cogs.catalog_commands", "bot.cogs.chat", "bot.cogs.admin", "bot.cogs.procurement")
NO_CONTENT_INTENT = (
    "Message content intent is off: only slash commands, @mentions and DMs work (set MESSAGE_CONTENT=true "
    "and enable the intent in the developer portal to answer ordinary chat)."
)
PORTAL_HINT = (
    "Discord refused the Message Content intent. Open https://discord.com/developers/applications → your app → "
    "Bot → Privileged Gateway Intents, switch on “MESSAGE CONTENT INTENT” and save — or set MESSAGE_CONTENT=false "
    "to run with slash commands and @mentions only."
)


#: Discord's API names for permissions -> what the client shows people.
_PERMISSION_NAMES = {"manage_guild": "Manage Server", "manage_channels": "Manage Channels"}


class _BotCore:
    """Shared by the plain and the sharded bot class."""

    context: BotContext
    tree: app_commands.CommandTree[Any]

    async def setup_hook(self) -> None:
        for ext in COGS:
            await self.load_extension(ext)  # type: ignore[attr-defined]
        self.tree.on_error = on_tree_error  # type: ignore[method-assign]
        if not self.context.settings.message_content:
            log.warning(NO_CONTENT_INTENT)
        await sync_commands(self, self.context.settings.dev_guild_id)  # type: ignore[arg-type]

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: the chat cog's listener handles messages."""


class LLMBot(_BotCore, commands.Bot):
    pass


class ShardedLLMBot(_BotCore, commands.AutoShardedBot):
    pass


def create_bot(context: BotContext, **options: Any) -> LLMBot | ShardedLLMBot:
    """The bot for these settings (sharded when SHARD_COUNT or SHARD_IDS is set); ``options`` go to discord.py."""
    settings = context.settings
    intents = discord.Intents.default()
    intents.message_content = settings.message_content
    kwargs: dict[str, Any] = {
        "command_prefix": commands.when_mentioned,
        "intents": intents,
        "allowed_mentions": NO_MENTIONS,
        "help_command": None,
        **options,
    }
    bot: LLMBot | ShardedLLMBot
    if settings.shard_count or settings.shard_ids:
        if settings.shard_ids:
            kwargs["shard_ids"] = settings.shard_ids
        bot = ShardedLLMBot(shard_count=settings.shard_count, **kwargs)
    else:
        bot = LLMBot(**kwargs)
    bot.context = context
    return bot


async def on_tree_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
    """One place for command errors: a friendly ephemeral note; tracebacks only in the log."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, AmbiguousModel | ModelNotFound | CatalogError):
        text = str(original)
    elif isinstance(original, app_commands.MissingPermissions):
        needed = ", ".join(_PERMISSION_NAMES.get(p, p.replace("_", " ").title()) for p in original.missing_permissions)
        text = f"You need the {needed} permission for that; nothing was changed."
    elif isinstance(original, app_commands.NoPrivateMessage):
        text = "That command works in a server, not in DMs."
    elif isinstance(original, app_commands.CheckFailure):
        text = "That command is restricted (owner or permission check failed); nothing was changed."
    elif isinstance(original, app_commands.CommandOnCooldown):
        text = f"Slow down a little: try again in {original.retry_after:.0f}s."
    else:
        log.exception("command %s failed", interaction.command.name if interaction.command else "?", exc_info=original)
        text = "Something went wrong on my side; it has been logged. Please try again."
    try:
        await tell(interaction, text)
    except discord.HTTPException:
        log.warning("could not deliver an error message", exc_info=True)


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
