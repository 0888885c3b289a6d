"""The one place a message is made to fit Discord's limits: every ``Reply`` passes its embeds and content here.

discord.py checks almost none of the limits in ``bot.limits`` before sending, and Discord refuses the whole message
(400, code 50035) when one is broken, so the user would get an error instead of an answer. Renderers budget their
own lists (``add_listing``) so what they cut is counted in their own words; this is the net under every builder:
texts are clipped with a visible "…", and whatever does not fit is named ("…and 3 more not shown"), never dropped
silently. A message already within the limits is returned unchanged (same objects).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.limits import (
    AUTHOR_NAME,
    CONTENT,
    EMBED_DESCRIPTION,
    EMBED_FIELDS,
    EMBED_TITLE,
    EMBEDS_PER_MESSAGE,
    EMBEDS_TOTAL,
    FIELD_NAME,
    FIELD_VALUE,
    FOOTER_TEXT,
    clip,
    embed_length,
    violations,
)

#: What a field cut by the size limit is replaced with; ``{n}`` is how many fields were not shown.
NOT_SHOWN = "and {n} more not shown: too long for one Discord message"
#: The last field's name when fields were cut.
TAIL_NAME = "…"


def fit_content(content: str | None) -> str | None:
    return None if content is None else clip(content, CONTENT)


def fit_embeds(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """``embeds`` within every embed limit of one message; unchanged (the same objects) when already within."""
    dicts: list[dict[str, Any]] = [dict(e.to_dict()) for e in embeds]
    if not violations({"embeds": dicts}):
        return list(embeds)
    dropped = len(dicts) - EMBEDS_PER_MESSAGE
    dicts = [_clip_texts(dict(d)) for d in dicts[:EMBEDS_PER_MESSAGE]]
    note = f"…and {dropped} more {'embed' if dropped == 1 else 'embeds'} not shown." if dropped > 0 else ""
    if note:  # added last, so no cut below can reach it; its room is counted from the start
        last = dicts[-1]
        last["description"] = clip(last.get("description", ""), EMBED_DESCRIPTION - len(note) - 1)
    over = sum(embed_length(d) for d in dicts) + (len(note) + 1 if note else 0) - EMBEDS_TOTAL
    for d in reversed(dicts):  # the end of a message is what a reader misses least
        if over <= 0:
            break
        over = _drop_fields(d, over)
    for path in (("description",), ("footer", "text"), ("author", "name"), ("title",)):
        for d in reversed(dicts):
            if over <= 0:
                break
            over = _shorten(d, path, over)
    if note:
        dicts[-1]["description"] = "\n".join(filter(None, [dicts[-1].get("description", ""), note]))
    return [discord.Embed.from_dict(d) for d in dicts]


def _clip_texts(d: dict[str, Any]) -> dict[str, Any]:
    """Every text clipped to its own limit (visibly); more than 25 fields end in a counted tail field."""
    if "title" in d:
        d["title"] = clip(d["title"], EMBED_TITLE)
    if "description" in d:
        d["description"] = clip(d["description"], EMBED_DESCRIPTION)
    if "footer" in d:
        d["footer"] = {**d["footer"], "text": clip(d["footer"].get("text", ""), FOOTER_TEXT)}
    if "author" in d:
        d["author"] = {**d["author"], "name": clip(d["author"].get("name", ""), AUTHOR_NAME)}
    fields = [
        {**f, "name": clip(_text(f.get("name")), FIELD_NAME), "value": clip(_text(f.get("value")), FIELD_VALUE)}
        for f in d.get("fields", [])
    ]
    if len(fields) > EMBED_FIELDS:
        cut = len(fields) - (EMBED_FIELDS - 1)
        fields = [*fields[: EMBED_FIELDS - 1], _tail(cut)]
    if "fields" in d:
        d["fields"] = fields
    return d


def _text(value: object) -> str:
    """A field's text, or "-" where it is blank (Discord trims, then refuses an empty name or value)."""
    text = str(value or "")
    return text if text.strip() else "-"


def _tail(n: int) -> dict[str, Any]:
    return {"name": TAIL_NAME, "value": NOT_SHOWN.format(n=n), "inline": False}


def _is_tail(field: dict[str, Any]) -> int:
    """How many fields a tail field of ours stands for (0 when ``field`` is not one)."""
    value = str(field.get("value", ""))
    if field.get("name") != TAIL_NAME or not value.startswith("and ") or not value.endswith(NOT_SHOWN[-20:]):
        return 0
    count = value.split(" ", 2)[1]
    return int(count) if count.isdigit() else 0


def _flen(field: dict[str, Any]) -> int:
    return len(field.get("name", "")) + len(field.get("value", ""))


def _drop_fields(d: dict[str, Any], over: int) -> int:
    """Drop trailing fields until the message is ``over`` characters shorter, naming how many went in a tail field.

    Returns what is still over (the tail field's own length included)."""
    fields: list[dict[str, Any]] = list(d.get("fields", []))
    if not fields:
        return over
    cut = 0
    if (already := _is_tail(fields[-1])) > 0:
        over -= _flen(fields.pop())
        cut = already
    while fields and over + len(TAIL_NAME) + len(NOT_SHOWN.format(n=cut + 1)) > 0:
        over -= _flen(fields.pop())
        cut += 1
    if cut:
        tail = _tail(cut)
        fields.append(tail)
        over += _flen(tail)
    d["fields"] = fields
    return over


def _shorten(d: dict[str, Any], path: tuple[str, ...], over: int) -> int:
    """Cut the text at ``path`` by up to ``over`` characters (visibly); returns what is still over."""
    holder = d
    for key in path[:-1]:
        if key not in holder:
            return over
        holder = holder[key] = dict(holder[key])
    text = str(holder.get(path[-1], ""))
    if len(text) <= 1:
        return over
    keep = max(1, len(text) - over)
    holder[path[-1]] = clip(text, keep)
    return over - (len(text) - len(holder[path[-1]]))
