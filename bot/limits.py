"""Discord's hard limits, and a validator for whole message payloads.

discord.py checks almost none of these before sending; Discord answers 400 (code 50035). Renderers clip
with ``clip`` (visibly, "…"), and tests run every payload through ``violations``.
"""

from __future__ import annotations

from typing import Any

EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER_TEXT = 2048
AUTHOR_NAME = 256
EMBEDS_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10
CONTENT = 2000
AUTOCOMPLETE_CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
SELECT_OPTIONS = 25
SELECT_TEXT = 100
CUSTOM_ID = 100
ACTION_ROWS = 5
BUTTONS_PER_ROW = 5
DESCRIPTION = 100
"""Command and option descriptions."""
ADDRESSED_TEXT = 4000
"""The longest message Discord lets anyone send (Nitro), and the most /ask takes: a question addressed to the bot
(an @mention, a DM, /ask) longer than this gets a one-line "too long" instead of being read."""
PASSIVE_TEXT = 2000
"""Ordinary chat the bot only overhears is not read past this length (2,000 is what a message holds without Nitro):
a wall of pasted text is not a question to the bot, and reading it would cost every message in the channel."""

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with a visible ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def embed_length(embed: dict[str, Any]) -> int:
    """What counts toward the 6,000-character total: title, description, fields, footer, author."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += sum(len(f.get("name", "")) + len(f.get("value", "")) for f in embed.get("fields", []))
    total += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return total


def violations(payload: dict[str, Any]) -> list[str]:
    """Every limit a message payload breaks (empty when it is safe to send)."""
    out: list[str] = []
    if len(payload.get("content") or "") > CONTENT:
        out.append(f"content {len(payload['content'])} > {CONTENT}")
    embeds = payload.get("embeds") or []
    if len(embeds) > EMBEDS_PER_MESSAGE:
        out.append(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    for i, e in enumerate(embeds):
        checks = [
            ("title", len(e.get("title", "")), EMBED_TITLE),
            ("description", len(e.get("description", "")), EMBED_DESCRIPTION),
            ("fields", len(e.get("fields", [])), EMBED_FIELDS),
            ("footer", len(e.get("footer", {}).get("text", "")), FOOTER_TEXT),
            ("author", len(e.get("author", {}).get("name", "")), AUTHOR_NAME),
        ]
        out += [f"embed {i} {name} {n} > {limit}" for name, n, limit in checks if n > limit]
        for j, f in enumerate(e.get("fields", [])):  # Discord trims: a blank name or value is an empty one
            if not 1 <= len(f.get("name", "")) <= FIELD_NAME or not f.get("name", "").strip():
                out.append(f"embed {i} field {j} name length {len(f.get('name', '').strip())}")
            if not 1 <= len(f.get("value", "")) <= FIELD_VALUE or not f.get("value", "").strip():
                out.append(f"embed {i} field {j} value length {len(f.get('value', '').strip())}")
    total = sum(embed_length(e) for e in embeds)
    if total > EMBEDS_TOTAL:
        out.append(f"embeds total {total} > {EMBEDS_TOTAL}")
    rows = payload.get("components") or []
    if len(rows) > ACTION_ROWS:
        out.append(f"{len(rows)} action rows > {ACTION_ROWS}")
    for r, row in enumerate(rows):
        items = row.get("components", [])
        if len(items) > BUTTONS_PER_ROW:
            out.append(f"row {r} has {len(items)} items > {BUTTONS_PER_ROW}")
        for item in items:
            cid = item.get("custom_id")
            if cid is not None and not 1 <= len(cid) <= CUSTOM_ID:
                out.append(f"row {r} custom_id length {len(cid)}")
            if len(item.get("label") or "") > 80:
                out.append(f"row {r} button label > 80")
            options = item.get("options", [])
            if len(options) > SELECT_OPTIONS:
                out.append(f"row {r} select has {len(options)} options > {SELECT_OPTIONS}")
            for o in options:
                for key in ("label", "value", "description"):
                    if len(o.get(key) or "") > SELECT_TEXT:
                        out.append(f"row {r} option {key} > {SELECT_TEXT}")
    return out
