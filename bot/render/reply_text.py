"""A ``Reply`` as plain text (console, CLI without --json): embeds as sections, controls as numbered choices.

Kept in render so the console and the CLI share it without importing each other.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.render.reply import Reply
from bot.render.views import ModelPicker, SectionPager

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_reply(reply: Reply, chart_dir: Path | None = None) -> str:
    """A reply as console text; attachments are written to ``chart_dir`` and named."""
    out: list[str] = []
    if reply.content:
        out.append(reply.content)
    for embed in reply.embeds:
        out.append(f"── {embed.title} ──")
        if embed.description:
            out.append(_BOLD.sub(r"\1", embed.description))
        for f in embed.fields:
            out.append(f"▸ {f.name}")
            out += ["  " + _BOLD.sub(r"\1", line) for line in (f.value or "").splitlines()]
        if embed.footer and embed.footer.text:
            out.append(f"({embed.footer.text})")
    for a in reply.files:
        if chart_dir is not None:
            path = chart_dir / a.filename
            path.write_bytes(a.data)
            out.append(f"[file saved: {path}]")
        else:
            out.append(f"[attachment: {a.filename}]")
    if isinstance(reply.view, SectionPager):
        current = reply.view.index
        choices = "  ".join(
            f"[{i}]{'*' if i - 1 == current else ''} {p.label}" for i, p in enumerate(reply.view.pages, 1)
        )
        out.append(f"Sections: {choices}")
    elif isinstance(reply.view, ModelPicker):
        out.append("Pick one: " + "  ".join(f"[{i}] {n}" for i, (_, n) in enumerate(reply.view.candidates, 1)))
    return "\n".join(out)
