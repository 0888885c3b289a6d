"""The fake Discord's ids and the JSON payloads it sends: users, members, guilds, messages, interactions.

A guild lives on exactly one gateway shard, as on Discord: ``shard_of(guild_id, count)`` is Discord's
``(guild_id >> 22) % count``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

APP_ID = 1_400_000_000_000_000_001
BOT_ID = APP_ID
GUILD_ID = 1_400_000_000_000_000_100
CHANNEL_ID = 1_400_000_000_000_000_200
OWNER_ID = 1_400_000_000_000_000_300
MEMBER_ID = 1_400_000_000_000_000_400
STRANGER_ID = 1_400_000_000_000_000_500
#: A second guild, on shard 1 of 2 (GUILD_ID is on shard 0 of 2): one timestamp unit (1 << 22) later.
GUILD_B_ID = GUILD_ID + (1 << 22)
CHANNEL_B_ID = CHANNEL_ID + 1
TIMESTAMP = "2026-11-22T12:00:00.000000+00:00"
MESSAGE_CONTENT_INTENT = 1 << 15
#: Send Messages | View Channel: what a plain member has.
MEMBER_PERMISSIONS = (1 << 11) | (1 << 10)


@dataclass(frozen=True, slots=True)
class FakeGuild:
    id: int
    channel_id: int
    name: str


DEFAULT_GUILD = FakeGuild(GUILD_ID, CHANNEL_ID, "Buyers")
GUILD_B = FakeGuild(GUILD_B_ID, CHANNEL_B_ID, "Sellers")


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord delivers a guild's events on."""
    return (guild_id >> 22) % shard_count


def user(uid: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None, "bot": bot}


def member(uid: int, name: str, permissions: int = 0) -> dict[str, Any]:
    return {
        "user": user(uid, name),
        "roles": [],
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": str(permissions),
    }


def ready(guilds: list[FakeGuild], session: str, resume_url: str, shard: list[int] | None) -> dict[str, Any]:
    """READY for one connection: its guilds (unavailable until their GUILD_CREATE) and its ``[id, count]``."""
    data: dict[str, Any] = {
        "v": 10, "user": user(BOT_ID, "buyer-bot", bot=True), "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
        "session_id": session, "resume_gateway_url": resume_url,
        "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
    }  # fmt: skip
    if shard is not None:
        data["shard"] = shard
    return data


def guild_create(guild: FakeGuild) -> dict[str, Any]:
    return {
        "id": str(guild.id), "name": guild.name, "owner_id": str(OWNER_ID), "unavailable": False,
        "roles": [{"id": str(guild.id), "name": "@everyone", "permissions": str(MEMBER_PERMISSIONS),
                   "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False}],
        "channels": [{"id": str(guild.channel_id), "type": 0, "name": "models", "position": 0,
                      "permission_overwrites": []}],
        "members": [member(BOT_ID, "buyer-bot")], "member_count": 3, "features": [], "emojis": [],
        "stickers": [], "voice_states": [], "presences": [], "threads": [], "stage_instances": [],
        "guild_scheduled_events": [], "joined_at": TIMESTAMP, "large": False,
    }  # fmt: skip


def bot_message(message_id: int, guild: FakeGuild, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
    """A message the bot created or edited, as Discord echoes it."""
    return {
        "id": str(message_id), "channel_id": str(channel_id), "guild_id": str(guild.id),
        "author": user(BOT_ID, "buyer-bot", bot=True), "content": body.get("content") or "",
        "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": [], "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
        "components": body.get("components") or [], "pinned": False, "type": 0, "flags": body.get("flags", 0),
    }  # fmt: skip


def member_message(
    message_id: int, guild: FakeGuild, author_id: int, content: str, mentions_bot: bool
) -> dict[str, Any]:
    """MESSAGE_CREATE for a member posting in the guild's channel."""
    return {
        "id": str(message_id), "channel_id": str(guild.channel_id), "guild_id": str(guild.id),
        "author": user(author_id, "member"), "member": {k: v for k, v in member(author_id, "m").items() if k != "user"},
        "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [user(BOT_ID, "buyer-bot", bot=True)] if mentions_bot else [],
        "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0,
    }  # fmt: skip


def interaction(iid: str, guild: FakeGuild, itype: int, data: dict[str, Any], user_id: int) -> dict[str, Any]:
    """INTERACTION_CREATE from a member (Send Messages, View Channel) in the guild's channel."""
    return {
        "id": iid, "application_id": str(APP_ID), "type": itype, "data": data, "guild_id": str(guild.id),
        "channel_id": str(guild.channel_id), "channel": {"id": str(guild.channel_id), "type": 0, "guild_id": str(guild.id)},
        "member": member(user_id, "member", permissions=MEMBER_PERMISSIONS), "token": f"tok-{iid}",
        "version": 1, "app_permissions": str((1 << 11) | (1 << 14)), "locale": "en-US", "guild_locale": "en-US",
        "entitlements": [], "authorizing_integration_owners": {"0": str(guild.id)}, "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }  # fmt: skip
