"""Comparison report -> one embed per section (the pages the pager switches between). Pure.

Every string is clipped to Discord's limits with a visible ellipsis; the footer of every page names the
sources and the review date.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.answers.compare import Comparison, Row
from bot.answers.freshness import Freshness
from bot.limits import (
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
    embed.add_field(name=clip(name, FIELD_NAME) or "-", value=clip(value, FIELD_VALUE) or "-", inline=inline)
    return True


def add_rows(embed: discord.Embed, rows: list[Row], names: list[str], inline: bool = True) -> None:
    """A table as fields: one field per row, one line per model."""
    for i, row in enumerate(rows):
        if len(embed.fields) == EMBED_FIELDS - 1 and i < len(rows) - 1:
            add_field(embed, "…", f"…and {len(rows) - i} more rows (see the CLI or export)")
            return
        add_field(embed, row.label, "\n".join(f"**{n}**: {v}" for n, v in zip(names, row.values, strict=True)), inline)


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
        _fit_total(p.embed)
    return pages


def _fit_total(embed: discord.Embed) -> None:
    """Keep one embed under the 6,000-character message total, dropping trailing fields visibly."""
    while embed_length(embed.to_dict()) > EMBEDS_TOTAL and embed.fields:  # type: ignore[arg-type]
        embed.remove_field(len(embed.fields) - 1)
        embed.description = clip((embed.description or "") + "\n…some rows were cut to fit Discord.", EMBED_DESCRIPTION)
