"""The discord.py bot: loads the cogs, funnels every command error to one handler, syncs commands."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.common import retry_note
from bot.adapters.discord.cogs.help import command_lines
from bot.adapters.discord.context import BotContext
from bot.adapters.discord.controls import DYNAMIC_ITEMS, tell
from bot.adapters.discord.sync import scope_owner_commands, sync_at_start, sync_commands
from bot.flows.help import CommandLine
from bot.render.reply import NO_MENTIONS
from bot.settings import Settings
from bot.state.base import BUSY, StateBusy
from catalog.errors import AmbiguousModel, CatalogError, ModelNotFound

log = logging.getLogger(__name__)
COGS = tuple(
    f"bot.adapters.discord.cogs.{name}"
    for name in ("catalog_commands", "chat", "admin", "procurement", "help", "refresh", "backups")
)
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
        # pager and picker presses route by custom id: they work on messages sent before a restart
        self.add_dynamic_items(*DYNAMIC_ITEMS)  # type: ignore[attr-defined]
        if not self.context.settings.message_content:
            log.warning(NO_CONTENT_INTENT)
        scope_owner_commands(self.tree, self.context.settings.dev_guild_id)
        await sync_at_start(self, self.context.settings)  # type: ignore[arg-type]

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: the chat cog's listener handles messages."""

    async def on_app_command_completion(
        self,
        interaction: discord.Interaction[Any],
        command: app_commands.Command[Any, ..., Any] | app_commands.ContextMenu,
    ) -> None:
        """Counted and timed from the interaction's creation: what the user waited, Discord's 3 s included."""
        name = command.qualified_name
        self.context.metrics.commands.labels(name).inc()
        waited = (discord.utils.utcnow() - interaction.created_at).total_seconds()
        self.context.metrics.command_seconds.labels(name).observe(max(0.0, waited))


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


async def _bare_bot() -> commands.Bot:
    """The cogs on a bot that never connects to the gateway (no setup hook of ours, no start-up sync)."""
    bot = commands.Bot(command_prefix=commands.when_mentioned, intents=discord.Intents.none(), help_command=None)
    for ext in COGS:
        await bot.load_extension(ext)
    return bot


async def registered_commands() -> list[CommandLine]:
    """The slash commands as Discord would list them, without logging in: for the console's and the CLI's help."""
    return command_lines((await _bare_bot()).tree)


async def sync_from_cli(settings: Settings) -> bool:
    """``python -m bot sync``: log in over HTTP only and push the commands (the owner's way when Discord shows
    none, so /sync cannot be run). Forced, whatever this process's shards."""
    assert settings.discord_token is not None
    bot = await _bare_bot()
    scope_owner_commands(bot.tree, settings.dev_guild_id)
    async with bot:
        await bot.login(settings.discord_token.get_secret_value())
        return await sync_commands(bot, settings.dev_guild_id, force=True)


def storage_unavailable(exc: BaseException) -> bool:
    """A lost or locked state database (PostgreSQL gone, a locked or full SQLite file), not a bug in a command."""
    if isinstance(exc, sqlite3.OperationalError | ConnectionError | TimeoutError):
        return True
    if not type(exc).__module__.startswith("asyncpg"):  # asyncpg loads only when PostgreSQL is configured
        return False
    return any(cls.__name__ in _LOST for cls in type(exc).__mro__)


#: asyncpg's errors for a connection that went away (a dropped socket leaves the protocol mid-operation:
#: InternalClientError), or a server that is shutting down or restarting (class 57: operator intervention).
_LOST = frozenset(
    {"InterfaceError", "InternalClientError", "PostgresConnectionError", "ConnectionDoesNotExistError",
     "OperatorInterventionError", "CannotConnectNowError"}
)  # fmt: skip


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
    elif isinstance(original, app_commands.CommandOnCooldown):  # a CheckFailure too: this branch must come first
        text = retry_note(original.retry_after)
    elif isinstance(original, app_commands.CheckFailure):
        text = "That command is restricted (owner or permission check failed); nothing was changed."
    elif isinstance(original, StateBusy):  # contention, not a fault: the command deferred, so this arrives in time
        log.warning("state database busy during %s: %s", interaction.command.name if interaction.command
                    else "?", original.detail)  # fmt: skip
        text = BUSY
        context = getattr(interaction.client, "context", None)
        if context is not None:
            context.metrics.errors.labels("state").inc()
    elif storage_unavailable(original):
        log.warning("state database unavailable during %s: %s", interaction.command.name if interaction.command
                    else "?", original)  # fmt: skip
        text = (
            "Could not save that: the settings database is unavailable right now; nothing was changed. Try again soon."
        )
        context = getattr(interaction.client, "context", None)
        if context is not None:
            context.metrics.errors.labels("state").inc()
    else:
        log.exception("command %s failed", interaction.command.name if interaction.command else "?", exc_info=original)
        text = "Something went wrong on my side; it has been logged. Please try again."
        context = getattr(interaction.client, "context", None)
        if context is not None:
            context.metrics.errors.labels("command").inc()
    try:
        await tell(interaction, text)
    except discord.HTTPException:
        log.warning("could not deliver an error message", exc_info=True)
