"""The /help embed: a field per category, a line per command, within Discord's embed limits."""

from __future__ import annotations

import discord

from bot.limits import EMBEDS_TOTAL, FIELD_VALUE, clip, embed_length
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
    while embed.fields and embed_length(dict(embed.to_dict())) > EMBEDS_TOTAL:
        embed.remove_field(-1)  # never reached with today's ~20 commands; a bound (add_field caps the count)
    return embed
