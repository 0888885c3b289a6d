"""A reply as every adapter sends it: content, embeds, components (view), files — and its JSON payload."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.render.fit import fit_content, fit_embeds

#: Nobody is ever pinged by a reply, whatever a model name or a question contains.
NO_MENTIONS = discord.AllowedMentions.none()


class Attachment:
    """A file to attach (e.g. the cost chart), kept as bytes so a reply can be sent more than once.

    A chart is expensive (hundreds of ms): it can be given as ``draw``, run once when the bytes are first needed,
    and ``await drawn()`` runs it in a worker thread so the event loop keeps answering while it draws."""

    __slots__ = ("_data", "_draw", "filename")

    def __init__(self, filename: str, data: bytes | None = None, draw: Callable[[], bytes | None] | None = None):
        if data is None and draw is None:
            raise ValueError("an attachment needs data or a way to draw it")
        self.filename = filename
        self._data = data
        self._draw = draw

    @property
    def ready(self) -> bool:
        return self._draw is None

    @property
    def data(self) -> bytes:
        """The bytes, drawn now if not yet (empty when there was nothing to draw)."""
        if self._draw is not None:
            self._data, self._draw = self._draw() or b"", None
        return self._data or b""

    async def drawn(self) -> bytes:
        """The bytes, drawn in a worker thread if not yet."""
        if self._draw is not None:
            await asyncio.to_thread(lambda: self.data)
        return self.data

    def to_file(self) -> discord.File:
        return discord.File(io.BytesIO(self.data), filename=self.filename)


async def drawn(files: list[Attachment]) -> list[Attachment]:
    """``files`` with every lazy one drawn off the event loop; one with nothing to draw is left out."""
    return [a for a in files if await a.drawn()]


@dataclass(slots=True)
class Reply:
    """What to send. ``view`` may be None; ``ephemeral`` applies to interaction responses only.

    Every reply is made to fit Discord's limits here, whoever built it (``bot.render.fit``): what is cut is
    shown as cut, never dropped silently, and Discord never refuses the message."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[Attachment] = field(default_factory=list)
    ephemeral: bool = False

    def __post_init__(self) -> None:
        self.content = fit_content(self.content)
        self.embeds = fit_embeds(self.embeds)

    def payload(self) -> dict[str, Any]:
        """The exact message payload: what discord.py sends for this reply (attachments by name)."""
        return {
            "content": fit_content(self.content),
            "embeds": [e.to_dict() for e in fit_embeds(self.embeds)],
            "components": self.view.to_components() if self.view is not None else [],
            "attachments": [a.filename for a in self.files],
            "allowed_mentions": NO_MENTIONS.to_dict(),
            "flags": 64 if self.ephemeral else 0,
        }

    def send_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Messageable.send`` / ``followup.send`` / ``send_message``."""
        kwargs: dict[str, Any] = {"embeds": fit_embeds(self.embeds), "allowed_mentions": NO_MENTIONS}
        if self.content:
            kwargs["content"] = fit_content(self.content)
        if self.view is not None:
            kwargs["view"] = self.view
        if self.files:
            kwargs["files"] = [a.to_file() for a in self.files]
        return kwargs
