"""Comparison report -> one embed per section (the pages the pager switches between). Pure.

Every string is clipped to Discord's limits with a visible ellipsis; the footer of every page names the
sources and the review date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import discord

from bot.answers.compare import Comparison, Row
from bot.answers.freshness import Freshness
from bot.limits import (
    ELLIPSIS,
    EMBED_DESCRIPTION,
    EMBED_FIELDS,
    EMBED_TITLE,
    EMBEDS_TOTAL,
    FIELD_NAME,
    FIELD_VALUE,
    FOOTER_TEXT,
    clip,
    embed_length,
)
from bot.render.charts import CHART_NAME

COLOUR = discord.Colour.blurple()
SECTION_LABELS = {
    "scorecard": "Decision scorecard",
    "tradeoffs": "Decision tradeoffs",
    "cost": "Monthly cost at traffic",
    "switch": "Switch friction",
    "specs": "Specs",
    "pricing": "Pricing and availability",
    "capabilities": "Capabilities",
    "benchmarks": "Benchmarks",
    "deep_dive": "Deep dive",
    "faq": "FAQ",
    "continue": "Continue comparing",
}


@dataclass(frozen=True, slots=True)
class Page:
    """One section of a report as an embed."""

    key: str
    label: str
    embed: discord.Embed
    wants_chart: bool = False


def footer(
    sources: list[str],
    reviewed: str | None,
    extra: str = "",
    checked: str | None = None,
    fresh: Freshness | None = None,
) -> str:
    """Sources and dates for every answer: review date, when prices were checked, and a flag when that is old."""
    text = "Sources: " + ("; ".join(sources) or "none recorded")
    if reviewed:
        text += f" • Last reviewed {reviewed}"
    if checked:
        text += f" • {(fresh or Freshness()).note(checked)}"
    if extra:
        text += f" • {extra}"
    return clip(text, FOOTER_TEXT)


def new_embed(title: str, description: str = "") -> discord.Embed:
    return discord.Embed(
        title=clip(title, EMBED_TITLE), description=clip(description, EMBED_DESCRIPTION) or None, colour=COLOUR
    )


def add_field(embed: discord.Embed, name: str, value: str, inline: bool = False) -> bool:
    """Add a field within limits; False (and nothing added) when the embed is full."""
    if len(embed.fields) >= EMBED_FIELDS:
        return False
    embed.add_field(
        name=clip(name.strip(), FIELD_NAME) or "-", value=clip(value, FIELD_VALUE).strip() or "-", inline=inline
    )
    return True


def add_rows(embed: discord.Embed, rows: list[Row], names: list[str], inline: bool = True) -> None:
    """A table as fields: one field per row, one line per model."""
    for i, row in enumerate(rows):
        if len(embed.fields) == EMBED_FIELDS - 1 and i < len(rows) - 1:
            add_field(embed, "…", f"…and {len(rows) - i} more rows (see the CLI or export)")
            return
        add_field(embed, row.label, "\n".join(f"**{n}**: {v}" for n, v in zip(names, row.values, strict=True)), inline)


#: A listing's line is cut here, so one long name cannot take a whole field.
LISTING_LINE = 200
#: Room kept for the footer a builder sets after its listing (sources, dates).
FOOTER_ROOM = 300


def add_listing(
    embed: discord.Embed,
    groups: Sequence[tuple[str, Sequence[str]]],
    more: Callable[[int, int], str],
    room: int = FOOTER_ROOM,
) -> int:
    """One field per group, a line per item, as much as one message holds; returns how many items were not shown.

    What does not fit is counted where it was cut: "…and 3 more" closes a field whose lines did not all fit, and a
    last field says ``more(groups_left, items_left)`` (e.g. "and 5 more models (40 changes)"). ``room`` is kept
    free for a footer set afterwards."""
    total_items = sum(len(lines) for _, lines in groups)
    tail_room = len(ELLIPSIS) + len(more(len(groups), total_items))
    budget = EMBEDS_TOTAL - embed_length(embed.to_dict()) - room - tail_room  # type: ignore[arg-type]
    hidden = 0
    for i, (name, lines) in enumerate(groups):
        if len(embed.fields) >= EMBED_FIELDS - (0 if i == len(groups) - 1 else 1):
            break
        title = clip(name.strip(), FIELD_NAME) or "-"
        one_line = [clip(" ".join(line.splitlines()), LISTING_LINE) for line in lines]
        value, shown = lines_within(one_line, min(FIELD_VALUE, budget - len(title)))
        if shown == 0:
            break
        embed.add_field(name=title, value=value, inline=False)
        budget -= len(title) + len(value)
        hidden += len(lines) - shown
    else:
        return hidden
    items_left = sum(len(lines) for _, lines in groups[i:])
    embed.add_field(name=ELLIPSIS, value=more(len(groups) - i, items_left), inline=False)
    return hidden + items_left


def lines_within(lines: Sequence[str], limit: int) -> tuple[str, int]:
    """As many of ``lines`` as fit ``limit`` characters, then "…and N more" for the rest: (text, lines shown)."""
    size, shown = -1, 0  # -1: no newline before the first line
    for line in lines:
        rest = len(lines) - shown - 1
        if size + 1 + len(line) + (len(f"\n…and {rest} more") if rest else 0) > limit:
            break  # the previous step made sure "…and {rest + 1} more" fits after what is shown
        size += 1 + len(line)
        shown += 1
    if shown == 0:
        return "", 0
    text = "\n".join(lines[:shown])
    return (text + f"\n…and {len(lines) - shown} more" if shown < len(lines) else text), shown


def bullets(items: list[str]) -> str:
    return "\n".join(f"• {i}" for i in items) or "-"


def compare_pages(report: Comparison, chart: bool = False, fresh: Freshness | None = None) -> list[Page]:
    """Every section of ``report`` as a page, in the order of the comparison pages."""
    names = report.names
    pages: list[Page] = []

    def page(key: str, description: str = "") -> discord.Embed:
        embed = new_embed(f"{report.title} — {SECTION_LABELS[key]}", description)
        pages.append(Page(key, SECTION_LABELS[key], embed, wants_chart=key == "cost" and chart))
        return embed

    add_rows(page("scorecard", f"{report.intro}\n\n{report.framing}"), report.scorecard, names)
    tradeoffs = page("tradeoffs")
    for b in report.tradeoffs:
        add_field(tradeoffs, b.title, bullets(b.items))
    cost = page("cost", f"{report.cost_intro}\n**Traffic:** {report.profile}")
    for line in report.costs:
        add_field(cost, line.name, f"**{line.amount or 'Unavailable'}**\n{line.detail}", inline=True)
    add_field(cost, "Delta", report.cost_delta)
    if chart:
        cost.set_image(url=f"attachment://{CHART_NAME}")
    if report.switch:
        switch = page("switch")
        for b in report.switch:
            add_field(switch, b.title, bullets(b.items))
    add_rows(page("specs"), report.specs, names)
    pricing = page("pricing", report.pricing_note or "")
    add_rows(pricing, report.pricing, names)
    add_rows(page("capabilities"), report.capabilities, names)
    bench = page("benchmarks", report.benchmarks_note or "Only scores on the same benchmark are compared.")
    add_rows(bench, report.benchmarks, names)
    if report.deep_dive:
        page("deep_dive", "\n\n".join(report.deep_dive))
    faq = page("faq")
    for item in report.faq:
        add_field(faq, item.question, item.answer)
    tail = bullets(report.continue_comparing) if report.continue_comparing else "No related models tracked."
    if report.derived_note:
        tail += f"\n\n*{report.derived_note}*"
    page("continue", tail)
    total = len(pages)
    for i, p in enumerate(pages, start=1):
        p.embed.set_footer(
            text=footer(report.sources, report.last_reviewed, f"page {i}/{total}", report.prices_checked, fresh)
        )
    return pages  # a page too long for one message is cut, counted, where every reply is: ``Reply`` -> ``fit``
