"""A reply as every adapter sends it: content, embeds, components (view), files — and its JSON payload."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import discord

#: Nobody is ever pinged by a reply, whatever a model name or a question contains.
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(slots=True)
class Attachment:
    """A file to attach (e.g. the cost chart), kept as bytes so a reply can be sent more than once."""

    filename: str
    data: bytes

    def to_file(self) -> discord.File:
        return discord.File(io.BytesIO(self.data), filename=self.filename)


@dataclass(slots=True)
class Reply:
    """What to send. ``view`` may be None; ``ephemeral`` applies to interaction responses only."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[Attachment] = field(default_factory=list)
    ephemeral: bool = False

    def payload(self) -> dict[str, Any]:
        """The exact message payload: what discord.py sends for this reply (attachments by name)."""
        return {
            "content": self.content,
            "embeds": [e.to_dict() for e in self.embeds],
            "components": self.view.to_components() if self.view is not None else [],
            "attachments": [a.filename for a in self.files],
            "allowed_mentions": NO_MENTIONS.to_dict(),
            "flags": 64 if self.ephemeral else 0,
        }

    def send_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Messageable.send`` / ``followup.send`` / ``send_message``."""
        kwargs: dict[str, Any] = {"embeds": self.embeds, "allowed_mentions": NO_MENTIONS}
        if self.content:
            kwargs["content"] = self.content
        if self.view is not None:
            kwargs["view"] = self.view
        if self.files:
            kwargs["files"] = [a.to_file() for a in self.files]
        return kwargs
