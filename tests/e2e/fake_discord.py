"""A small fake Discord on 127.0.0.1: the REST routes and gateway events the bot uses, nothing more.

Unknown routes answer 404 and are recorded in ``unknown`` so gaps fail tests. Every request is recorded in
``requests`` for assertions. JSON bodies are sent with exactly ``Content-Type: application/json`` (discord.py
parses JSON only then).
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = 1_400_000_000_000_000_001
BOT_ID = APP_ID
GUILD_ID = 1_400_000_000_000_000_100
CHANNEL_ID = 1_400_000_000_000_000_200
OWNER_ID = 1_400_000_000_000_000_300
MEMBER_ID = 1_400_000_000_000_000_400
STRANGER_ID = 1_400_000_000_000_000_500
TIMESTAMP = "2026-11-22T12:00:00.000000+00:00"
MESSAGE_CONTENT_INTENT = 1 << 15


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


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class FakeDiscord:
    """Start with ``await fake.start()``; point discord.py at ``fake.api_base`` / ``fake.gateway_url``."""

    refuse_message_content: bool = False
    requests: list[Recorded] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    """Every message the bot created or edited, as the fake answered it."""
    _ws: web.WebSocketResponse | None = None
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1_500_000_000_000_000_000))
    _runner: web.AppRunner | None = None
    port: int = 0
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    recorded: asyncio.Condition = field(default_factory=asyncio.Condition)

    # -- lifecycle ---------------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- REST ----------------------------------------------------------------------------------------------

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            if request.content_type.startswith("multipart/"):
                body = await self._multipart(request)
            else:
                raw = await request.read()
                body = json.loads(raw) if raw else None
        async with self.recorded:
            self.requests.append(Recorded(request.method, path, dict(request.query), body))
            self.recorded.notify_all()
        parts = path.strip("/").split("/")
        method = request.method
        if method == "GET" and path == "/users/@me":
            return self._json(user(BOT_ID, "buyer-bot", bot=True))
        if method == "GET" and path == "/oauth2/applications/@me":
            return self._json(
                {
                    "id": str(APP_ID), "name": "buyer-bot", "description": "", "icon": None, "bot_public": True,
                    "bot_require_code_grant": False, "owner": user(OWNER_ID, "owner"), "verify_key": "0" * 64,
                    "flags": 0, "team": None,
                }
            )  # fmt: skip
        if parts[:1] == ["applications"] and parts[-1] == "commands":
            key = "global" if len(parts) == 3 else parts[3]
            if method == "GET":
                return self._json(self.commands.get(key, []))
            if method == "PUT":
                stored = [
                    {**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"} for c in body
                ]
                self.commands[key] = stored
                return self._json(stored)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return self._json(self._message(int(parts[1]), body))
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            return self._json(self._callback(parts[1], body))
        if method == "POST" and parts[0] == "webhooks":
            return self._json(self._message(CHANNEL_ID, body))
        if parts[0] == "webhooks" and parts[-1] == "@original" and method in ("PATCH", "GET"):
            return self._json(self._message(CHANNEL_ID, body or {}))
        if method == "PATCH" and parts[0] == "webhooks":
            return self._json(self._message(CHANNEL_ID, body or {}))
        self.unknown.append(f"{method} {path}")
        return self._json({"message": "404: Not Found", "code": 0}, status=404)

    async def _multipart(self, request: web.Request) -> dict[str, Any]:
        """payload_json plus the names of attached files."""
        reader = await request.multipart()
        payload: dict[str, Any] = {}
        files: list[str] = []
        while (part := await reader.next()) is not None:
            if part.name == "payload_json":  # type: ignore[union-attr]
                payload = json.loads(await part.text())  # type: ignore[union-attr]
            else:
                files.append(part.filename or "")  # type: ignore[union-attr]
                await part.read()  # type: ignore[union-attr]
        payload["_files"] = files
        return payload

    def _message(self, channel_id: int, body: dict[str, Any] | None) -> dict[str, Any]:
        body = body or {}
        message = {
            "id": str(next(self._ids)), "channel_id": str(channel_id), "guild_id": str(GUILD_ID),
            "author": user(BOT_ID, "buyer-bot", bot=True), "content": body.get("content") or "",
            "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "components": body.get("components") or [], "pinned": False, "type": 0, "flags": body.get("flags", 0),
        }  # fmt: skip
        self.messages.append(message)
        return message

    def _callback(self, interaction_id: str, body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data") or {}
        message = self._message(CHANNEL_ID, data) if body.get("type") in (4, 5, 7) else None
        return {
            "interaction": {
                "id": interaction_id, "type": 2, "response_message_id": message["id"] if message else None,
                "response_message_loading": body.get("type") == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            },
            "resource": {"type": body.get("type"), "message": message} if message else None,
        }  # fmt: skip

    # -- gateway -----------------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45000}}))
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif frame["op"] == 2:
                intents = int(frame["d"].get("intents", 0))
                if self.refuse_message_content and intents & MESSAGE_CONTENT_INTENT:
                    await ws.close(code=4014, message=b"Disallowed intent(s).")
                    break
                await self._ready()
        return ws

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None, "the bot has not connected"
        await self._ws.send_str(json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data}))

    async def _ready(self) -> None:
        await self.dispatch(
            "READY",
            {
                "v": 10, "user": user(BOT_ID, "buyer-bot", bot=True), "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": "fake-session", "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
            },
        )  # fmt: skip
        await self.dispatch(
            "GUILD_CREATE",
            {
                "id": str(GUILD_ID), "name": "Buyers", "owner_id": str(OWNER_ID), "unavailable": False,
                "roles": [{"id": str(GUILD_ID), "name": "@everyone", "permissions": str(1 << 11 | 1 << 10),
                           "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False}],
                "channels": [{"id": str(CHANNEL_ID), "type": 0, "name": "models", "position": 0,
                              "permission_overwrites": []}],
                "members": [member(BOT_ID, "buyer-bot")], "member_count": 3, "features": [], "emojis": [],
                "stickers": [], "voice_states": [], "presences": [], "threads": [], "stage_instances": [],
                "guild_scheduled_events": [], "joined_at": TIMESTAMP, "large": False,
            },
        )  # fmt: skip
        self.identified.set()

    # -- helpers for tests -------------------------------------------------------------------------------

    async def say(self, content: str, author_id: int = MEMBER_ID, mentions_bot: bool = False) -> None:
        """A member posts ``content`` in the channel."""
        await self.dispatch(
            "MESSAGE_CREATE",
            {
                "id": str(next(self._ids)), "channel_id": str(CHANNEL_ID), "guild_id": str(GUILD_ID),
                "author": user(author_id, "member"), "member": {k: v for k, v in member(author_id, "m").items() if k != "user"},
                "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
                "mention_everyone": False, "mentions": [user(BOT_ID, "buyer-bot", bot=True)] if mentions_bot else [],
                "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0,
            },
        )  # fmt: skip

    async def interact(
        self, itype: int, data: dict[str, Any], user_id: int = MEMBER_ID, message: dict[str, Any] | None = None
    ) -> str:
        """Send INTERACTION_CREATE (2 command, 3 component, 4 autocomplete); returns its id."""
        iid = str(next(self._ids))
        payload: dict[str, Any] = {
            "id": iid, "application_id": str(APP_ID), "type": itype, "data": data, "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID), "channel": {"id": str(CHANNEL_ID), "type": 0, "guild_id": str(GUILD_ID)},
            "member": member(user_id, "member", permissions=(1 << 11) | (1 << 10)), "token": f"tok-{iid}",
            "version": 1, "app_permissions": str((1 << 11) | (1 << 14)), "locale": "en-US", "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": str(GUILD_ID)}, "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }  # fmt: skip
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> Recorded:
        """The first recorded request matching ``predicate`` (waits for it)."""

        def found() -> Recorded | None:
            return next((r for r in self.requests if predicate(r)), None)

        async with self.recorded:
            await asyncio.wait_for(self.recorded.wait_for(lambda: found() is not None), timeout)
        hit = found()
        assert hit is not None
        return hit
