"""Command sync: push the slash commands only when Discord's copy differs (syncing is rate-limited).

The comparison is over the whole payload ``tree.sync`` would send (descriptions, options, choices, ranges,
contexts, integration types, default permissions, nsfw, localisations), against the raw JSON Discord returns, so a
changed permission or context is pushed too. Only one process syncs: the one holding shard 0 (or the only one).
Owner commands are moved to the dev guild when there is one, so no other server ever sees them.

Its own module so the client (sync at start-up) and the admin cog (/sync) both use it without a cog importing
the client that loads it.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.settings import Settings

log = logging.getLogger(__name__)

#: ``extras`` key marking a command (or group) for the bot owner: registered in the dev guild only, when set.
OWNER = "owner"
#: What Discord adds to a stored command; not ours to compare.
_SERVER_KEYS = frozenset({"id", "application_id", "version", "guild_id"})
#: Keys Discord fills with its own default when a command leaves them unset (so "unset" matches any value).
_DEFAULTED = ("contexts", "integration_types")
#: Deprecated (``contexts`` replaces it) and left out of some of Discord's answers: compared only when present.
_LEGACY = "dm_permission"

Bot = commands.Bot | commands.AutoShardedBot


def scope_owner_commands(tree: app_commands.CommandTree[Any], dev_guild_id: int | None) -> list[str]:
    """Move commands marked ``extras={"owner": True}`` from the global set to the dev guild; their names.

    Without a dev guild they stay global, hidden by their default permissions (administrator) and kept out of DMs.
    """
    owner = [c for c in tree.get_commands() if c.extras.get(OWNER)]
    if dev_guild_id:
        for cmd in owner:
            tree.remove_command(cmd.name)
            tree.add_command(cmd, guild=discord.Object(id=dev_guild_id))
    return [c.name for c in owner]


def _normal(value: Any) -> Any:
    """A payload with Discord's bookkeeping and empty defaults dropped, so equal commands compare equal."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _normal(item)
            if key in _SERVER_KEYS or (_empty(item) and key != _LEGACY):
                continue
            out[key] = str(item) if key == "default_member_permissions" else item
        return out
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _empty(value: Any) -> bool:
    return value is None or value is False or value == [] or value == {}  # not 0: a range may start at 0


def differences(local: list[dict[str, Any]], remote: list[dict[str, Any]]) -> list[str]:
    """What differs between the commands we would push and the ones Discord has, one line each (empty: in sync)."""
    mine = {c["name"]: _normal(c) for c in local}
    theirs = {c["name"]: _normal(c) for c in remote}
    out = [f"/{name}: new" for name in sorted(mine.keys() - theirs.keys())]
    out += [f"/{name}: no longer ours" for name in sorted(theirs.keys() - mine.keys())]
    for name in sorted(mine.keys() & theirs.keys()):
        a, b = dict(mine[name]), dict(theirs[name])
        for key in _DEFAULTED:
            if key not in a:
                b.pop(key, None)
        if _LEGACY not in b:
            a.pop(_LEGACY, None)
        out += [f"/{name}: {key} differs" for key in sorted(a.keys() | b.keys()) if a.get(key) != b.get(key)]
    return out


async def local_payload(
    tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None
) -> list[dict[str, Any]]:
    """Exactly what ``tree.sync`` sends for this scope (translated when the tree has a translator)."""
    cmds = tree.get_commands(guild=guild)
    if tree.translator:
        return [dict(await c.get_translated_payload(tree, tree.translator)) for c in cmds]
    return [dict(c.to_dict(tree)) for c in cmds]


async def remote_payload(bot: Bot, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
    """Discord's stored commands as raw JSON (``AppCommand.to_dict`` drops permissions and nsfw)."""
    app_id = bot.application_id
    if app_id is None:
        raise RuntimeError("the bot must be logged in before syncing")
    if guild is None:
        data = await bot.http.get_global_commands(app_id)
    else:
        data = await bot.http.get_guild_commands(app_id, guild.id)
    return [dict(c) for c in data]


async def sync_commands(bot: Bot, guild_id: int | None, force: bool = False) -> bool:
    """Sync to the dev guild (instant) or globally, only when Discord's copy differs (syncing is rate-limited)."""
    guild = discord.Object(id=guild_id) if guild_id else None
    if guild is not None:
        bot.tree.copy_global_to(guild=guild)
    local = await local_payload(bot.tree, guild)
    changed = differences(local, await remote_payload(bot, guild))
    if force or changed:
        await bot.tree.sync(guild=guild)
        where = f"to guild {guild_id}" if guild_id else "globally"
        log.info("synced %d commands %s (%s)", len(local), where, "; ".join(changed) or "forced")
        return True
    log.info("commands unchanged; no sync needed")
    return False


async def sync_at_start(bot: Bot, settings: Settings) -> bool:
    """Start-up sync, by the process holding shard 0 only: N shard processes syncing at once would race and
    spend Discord's sync rate limit N times."""
    if not settings.syncs_commands:
        log.info("commands are synced by the process holding shard 0; this one has shards %s", settings.shard_ids)
        return False
    return await sync_commands(bot, settings.dev_guild_id)
