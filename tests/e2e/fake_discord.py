"""A small fake Discord on 127.0.0.1: the REST routes and gateway events the bot uses, nothing more.

Unknown routes answer 404 and are recorded in ``unknown`` so gaps fail tests. Every request is recorded in
``requests`` for assertions, with the token it carried (two bot processes can be told apart by giving each its own
token). JSON bodies are sent with exactly ``Content-Type: application/json`` (discord.py parses JSON only then).

Several gateway connections may be open at once, one per shard: each IDENTIFY's ``shard: [id, count]`` decides
which of ``guilds`` the connection gets (Discord's ``(guild_id >> 22) % count``), and events about a guild go to
the connection of its shard. An IDENTIFY without ``shard`` is shard 0 of 1 and gets every guild.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.e2e import fake_payloads as p
from tests.e2e.fake_payloads import (
    APP_ID,
    BOT_ID,
    CHANNEL_ID,
    DEFAULT_GUILD,
    GUILD_ID,
    MEMBER_ID,
    MESSAGE_CONTENT_INTENT,
    OWNER_ID,
    STRANGER_ID,
    FakeGuild,
    member,
    shard_of,
    user,
)

__all__ = [
    "APP_ID", "BOT_ID", "CHANNEL_ID", "GUILD_ID", "MEMBER_ID", "OWNER_ID", "STRANGER_ID",
    "FakeDiscord", "FakeGuild", "Recorded", "member", "user",
]  # fmt: skip


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    token: str = ""
    """The bot token of the request's ``Authorization: Bot TOKEN`` header."""


@dataclass
class _Shard:
    """One open gateway connection."""

    ws: web.WebSocketResponse
    count: int


@dataclass
class FakeDiscord:
    """Start with ``await fake.start()``; point discord.py at ``fake.api_base`` / ``fake.gateway_url``."""

    refuse_message_content: bool = False
    guilds: list[FakeGuild] = field(default_factory=lambda: [DEFAULT_GUILD])
    """The bot's guilds; add more before the bot connects."""
    requests: list[Recorded] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    """Every message the bot created or edited, as the fake answered it."""
    identifies: list[list[int] | None] = field(default_factory=list)
    """The ``shard`` of every IDENTIFY received, in order (None: unsharded)."""
    rate_limits: list[tuple[str, str, float]] = field(default_factory=list)
    """(method, path prefix, seconds): the next matching request gets one 429 without Discord's ``Via`` header, as a
    proxy in front of Discord answers (``rate_limit_once``)."""
    rate_limited: list[Recorded] = field(default_factory=list)
    """The requests answered 429."""
    _shards: dict[int, _Shard] = field(default_factory=dict)
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1_500_000_000_000_000_000))
    _interactions: dict[str, FakeGuild] = field(default_factory=dict)
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
        for shard in list(self._shards.values()):
            await shard.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def connected_shards(self) -> list[int]:
        return sorted(self._shards)

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
        token = request.headers.get("Authorization", "").removeprefix("Bot ")
        async with self.recorded:
            self.requests.append(Recorded(request.method, path, dict(request.query), body, token))
            self.recorded.notify_all()
        parts = path.strip("/").split("/")
        method = request.method
        refused = next((r for r in self.rate_limits if r[0] == method and path.startswith(r[1])), None)
        if refused is not None:
            self.rate_limits.remove(refused)
            self.rate_limited.append(self.requests[-1])
            refusal = {"message": "You are being rate limited.", "retry_after": refused[2], "global": False}
            return web.Response(  # no Via: discord.py takes it for a Cloudflare ban and raises at once
                status=429,
                body=json.dumps(refusal).encode(),
                headers={"Content-Type": "application/json", "Retry-After": str(refused[2])},
            )
        if method == "GET" and path == "/users/@me":
            return self._json(user(BOT_ID, "buyer-bot", bot=True))
        if method == "GET" and path == "/gateway/bot":  # AutoShardedClient asks only when no shard_count is given
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return self._json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
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
        if parts[0] == "webhooks" and len(parts) >= 3 and (method in ("POST", "PATCH") or parts[-1] == "@original"):
            guild = self._interactions.get(parts[2].removeprefix("tok-"), DEFAULT_GUILD)
            return self._json(self._message(guild.channel_id, body or {}))
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
        guild = next((g for g in self.guilds if g.channel_id == channel_id), DEFAULT_GUILD)
        message = p.bot_message(next(self._ids), guild, channel_id, body or {})
        self.messages.append(message)
        return message

    def _callback(self, interaction_id: str, body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data") or {}
        channel_id = self._interactions.get(interaction_id, DEFAULT_GUILD).channel_id
        message = self._message(channel_id, data) if body.get("type") in (4, 5, 7) else None
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
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45000}}))
        shard_id: int | None = None
        try:
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
                    shard = frame["d"].get("shard")
                    self.identifies.append(shard)
                    shard_id, count = (int(shard[0]), int(shard[1])) if shard else (0, 1)
                    self._shards[shard_id] = _Shard(ws, count)
                    await self._ready(shard_id, shard)
        finally:
            if shard_id is not None and shard_id in self._shards and self._shards[shard_id].ws is ws:
                del self._shards[shard_id]
        return ws

    def guilds_of(self, shard_id: int, shard_count: int) -> list[FakeGuild]:
        return [g for g in self.guilds if shard_of(g.id, shard_count) == shard_id]

    async def dispatch(self, event: str, data: dict[str, Any], shard: int | None = None) -> None:
        """Send an event on ``shard``'s connection (default: the shard of ``data``'s guild, or the only one)."""
        if shard is None:
            if "guild_id" in data and self._shards:
                count = next(iter(self._shards.values())).count
                shard = shard_of(int(data["guild_id"]), count)
            else:
                assert len(self._shards) <= 1, "several shards are connected: say which one gets the event"
                shard = next(iter(self._shards), 0)
        connection = self._shards.get(shard)
        assert connection is not None, f"shard {shard} has not connected (connected: {self.connected_shards})"
        await connection.ws.send_str(json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data}))

    async def _ready(self, shard_id: int, shard: list[int] | None) -> None:
        count = shard[1] if shard else 1
        guilds = self.guilds_of(shard_id, count)
        session = f"fake-session-{shard_id}"
        await self.dispatch("READY", p.ready(guilds, session, self.gateway_url, shard), shard=shard_id)
        for guild in guilds:
            await self.dispatch("GUILD_CREATE", p.guild_create(guild), shard=shard_id)
        self.identified.set()

    # -- helpers for tests -------------------------------------------------------------------------------

    def guild_on(self, shard: int | None = None, guild_id: int | None = None) -> FakeGuild:
        """The guild an event happens in: ``guild_id``'s, else the first on ``shard``, else the first guild."""
        if guild_id is not None:
            guild = next(g for g in self.guilds if g.id == guild_id)
        elif shard is not None:
            assert shard in self._shards, f"shard {shard} has not connected (connected: {self.connected_shards})"
            guild = self.guilds_of(shard, self._shards[shard].count)[0]
        else:
            guild = self.guilds[0]
        if shard is not None and shard in self._shards:
            assert shard_of(guild.id, self._shards[shard].count) == shard, f"guild {guild.id} is not on shard {shard}"
        return guild

    async def say(
        self,
        content: str,
        author_id: int = MEMBER_ID,
        mentions_bot: bool = False,
        *,
        shard: int | None = None,
        guild_id: int | None = None,
    ) -> None:
        """A member posts ``content`` in the channel (of ``guild_id``, or of a guild on ``shard``)."""
        guild = self.guild_on(shard, guild_id)
        data = p.member_message(next(self._ids), guild, author_id, content, mentions_bot)
        await self.dispatch("MESSAGE_CREATE", data, shard=shard)

    async def interact(
        self,
        itype: int,
        data: dict[str, Any],
        user_id: int = MEMBER_ID,
        message: dict[str, Any] | None = None,
        *,
        shard: int | None = None,
        guild_id: int | None = None,
    ) -> str:
        """Send INTERACTION_CREATE (2 command, 3 component, 4 autocomplete) in the channel (of ``guild_id``, or
        of a guild on ``shard``); returns its id."""
        iid = str(next(self._ids))
        guild = self.guild_on(shard, guild_id)
        self._interactions[iid] = guild
        payload = p.interaction(iid, guild, itype, data, user_id)
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload, shard=shard)
        return iid

    def rate_limit_once(self, method: str, path_prefix: str, retry_after: float = 0.2) -> None:
        """Answer the next ``method`` request whose path starts with ``path_prefix`` with a 429 without ``Via``."""
        self.rate_limits.append((method, path_prefix, retry_after))

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> Recorded:
        """The first recorded request matching ``predicate`` (waits for it)."""

        def found() -> Recorded | None:
            return next((r for r in self.requests if predicate(r)), None)

        async with self.recorded:
            await asyncio.wait_for(self.recorded.wait_for(lambda: found() is not None), timeout)
        hit = found()
        assert hit is not None
        return hit
