"""The /help embed: a field per category, a line per command, within Discord's embed limits."""

from __future__ import annotations

import discord

from bot.limits import FIELD_VALUE, clip
from bot.render.embeds import add_field, new_embed

#: A command's line is cut here so every category fits its field and the whole list fits one embed.
LINE = 110


def help_embed(intro: str, categories: list[tuple[str, list[tuple[str, str]]]]) -> discord.Embed:
    """``categories``: (title, [(command, description)]). A category too long for one field continues in the next."""
    embed = new_embed("Commands", intro)
    for title, commands in categories:
        chunk: list[str] = []
        name = title
        for command, description in commands:
            line = clip(f"`{command}` — {description}", LINE)
            if chunk and len("\n".join([*chunk, line])) > FIELD_VALUE:
                add_field(embed, name, "\n".join(chunk))
                chunk, name = [], f"{title} (continued)"
            chunk.append(line)
        if chunk:
            add_field(embed, name, "\n".join(chunk))
    return embed  # a list too long for one message is cut, counted, where every reply is (``Reply`` -> ``fit``)
