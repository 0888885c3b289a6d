"""Procurement answers (pure): the shortlist table, exports as CSV and Markdown, price-change digests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from bot.answers.compare import Comparison
from bot.answers.costs import TrafficProfile, estimate
from bot.answers.facts import caps_yes, license_label, openness_label, prices_checked, sources
from bot.answers.format import tokens_short, usd, usd_unit
from catalog.models import Model
from catalog.store.history import PriceChange

KEY_CAPABILITIES = ("Function calling", "Tool use", "Structured outputs", "Vision", "Reasoning")
SHORTLIST_COLUMNS = (
    "Model",
    "Model id",
    "Monthly cost",
    "Cheapest route",
    "Input $/1M",
    "Output $/1M",
    "Context",
    "Key capabilities",
    "License",
    "Openness",
)


class ShortlistRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    model_id: str
    name: str
    monthly: str
    route: str
    input_price: str
    output_price: str
    context: str
    capabilities: str
    license: str
    openness: str

    def cells(self) -> list[str]:
        return [
            self.name, self.model_id, self.monthly, self.route, self.input_price, self.output_price, self.context,
            self.capabilities, self.license, self.openness,
        ]  # fmt: skip


class ShortlistTable(BaseModel):
    """The shortlist side by side at the server's traffic, with where and when the facts come from."""

    model_config = ConfigDict(frozen=True)

    rows: list[ShortlistRow]
    profile: str
    sources: list[str]
    prices_checked: str | None


def shortlist_table(models: Sequence[Model], profile: TrafficProfile) -> ShortlistTable:
    rows = []
    for m in models:
        est = estimate(m, profile)
        c = est.headline
        route = next(
            (
                r
                for r in m.routes
                if c and r.provider_id == c.provider_id and r.provider_model_id == c.provider_model_id
            ),
            None,
        )
        price = route.price if route is not None else None
        caps = [label for label in caps_yes(m) if label in KEY_CAPABILITIES]
        rows.append(
            ShortlistRow(
                model_id=m.id,
                name=m.name,
                monthly=usd(est.per_month) if est.per_month is not None else "unavailable",
                route=c.provider_name if c else (est.unavailable_reason or "-"),
                input_price=usd_unit(price.input) if price and price.input is not None else "-",
                output_price=usd_unit(price.output) if price and price.output is not None else "-",
                context=tokens_short(m.context_window),
                capabilities=", ".join(caps) or "-",
                license=license_label(m),
                openness=openness_label(m),
            )
        )
    return ShortlistTable(
        rows=rows,
        profile=profile.describe(),
        sources=sources(list(models)),
        prices_checked=prices_checked(list(models)),
    )


def shortlist_csv(table: ShortlistTable) -> str:
    """CSV with a header row; sources and dates in trailing comment-free rows a spreadsheet shows as text."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SHORTLIST_COLUMNS)
    for row in table.rows:
        writer.writerow(row.cells())
    writer.writerow([])
    writer.writerow(["Traffic", table.profile])
    writer.writerow(["Prices checked", table.prices_checked or "unknown"])
    writer.writerow(["Sources", "; ".join(table.sources)])
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def shortlist_markdown(table: ShortlistTable, title: str = "Shortlist") -> str:
    lines = [f"# {title}", "", f"Traffic: {table.profile}", ""]
    lines.append("| " + " | ".join(SHORTLIST_COLUMNS) + " |")
    lines.append("|" + "---|" * len(SHORTLIST_COLUMNS))
    lines += ["| " + " | ".join(_md_cell(c) for c in row.cells()) + " |" for row in table.rows]
    lines += ["", f"Prices checked: {table.prices_checked or 'unknown'}", f"Sources: {'; '.join(table.sources)}", ""]
    return "\n".join(lines)


def comparison_csv(report: Comparison) -> str:
    """Every table of a comparison as CSV blocks (section, row label, one column per model)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["Section", "Row", *report.names])
    for section, rows in (
        ("Scorecard", report.scorecard), ("Specs", report.specs), ("Pricing", report.pricing),
        ("Capabilities", report.capabilities), ("Benchmarks", report.benchmarks),
    ):  # fmt: skip
        for row in rows:
            writer.writerow([section, row.label, *row.values])
    writer.writerow(["Monthly cost", report.profile, *[c.amount or "unavailable" for c in report.costs]])
    writer.writerow([])
    writer.writerow(["Last reviewed", report.last_reviewed or "not reviewed"])
    writer.writerow(["Prices checked", report.prices_checked or "unknown"])
    writer.writerow(["Sources", "; ".join(report.sources)])
    return buf.getvalue()


def comparison_markdown(report: Comparison) -> str:
    lines = [f"# {report.title}", "", report.intro, ""]
    for section, rows in (
        ("Decision scorecard", report.scorecard), ("Specs", report.specs), ("Pricing", report.pricing),
        ("Capabilities", report.capabilities), ("Benchmarks", report.benchmarks),
    ):  # fmt: skip
        if not rows:
            continue
        lines += [f"## {section}", "", "| | " + " | ".join(map(_md_cell, report.names)) + " |"]
        lines.append("|---|" + "---|" * len(report.names))
        lines += ["| " + " | ".join(_md_cell(c) for c in [r.label, *r.values]) + " |" for r in rows]
        lines.append("")
    lines += ["## Monthly cost", "", f"Traffic: {report.profile}", ""]
    lines += [f"- {c.name}: {c.amount or 'unavailable'} — {c.detail}" for c in report.costs]
    lines += ["", report.cost_delta, ""]
    reviewed = report.last_reviewed or "not reviewed"
    lines += [f"Last reviewed: {reviewed}. Prices checked: {report.prices_checked or 'unknown'}."]
    lines += [f"Sources: {'; '.join(report.sources)}", ""]
    return "\n".join(lines)


def change_line(c: PriceChange) -> str:
    """One human line per change: "Ling-2.6-Flash @ OpenRouter: output $0.03 → $0.02 (down)"."""
    return f"{c.model_name} @ {change_detail(c)}"


def change_detail(c: PriceChange) -> str:
    """A change without its model (listed under the model): "OpenRouter: output $0.03 → $0.02/1M (down)"."""
    if c.field == "route":
        return f"{c.provider_name}: {'route added' if c.kind == 'added' else 'route removed'}"
    old = f"${c.old_value}" if c.old_value is not None else "unpriced"
    new = f"${c.new_value}" if c.new_value is not None else "unpriced"
    return f"{c.provider_name}: {c.field.replace('_', ' ')} {old} → {new}/1M ({c.kind})"
