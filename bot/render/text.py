"""Plain-text rendering of answers for the console and the CLI (no discord import)."""

from __future__ import annotations

from decimal import Decimal

from bot.answers.compare import Comparison, Row
from bot.answers.costs import CostEstimate
from bot.answers.faq import FaqAnswer
from bot.answers.format import usd, usd_small
from bot.answers.freshness import Freshness


def table(rows: list[Row], names: list[str], first: str = "") -> list[str]:
    widths = [max([len(first), *(len(r.label) for r in rows)])]
    for i, name in enumerate(names):
        widths.append(max([len(name), *(len(r.values[i]) for r in rows)]))
    lines = ["  ".join(cell.ljust(w) for cell, w in zip([first, *names], widths, strict=True)).rstrip()]
    for r in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip([r.label, *r.values], widths, strict=True)).rstrip())
    return lines


def comparison(report: Comparison) -> str:
    out = [report.title, "=" * len(report.title), report.intro, report.framing, ""]
    out += ["Decision scorecard", *table(report.scorecard, report.names, "Signal"), ""]
    out.append("Decision tradeoffs")
    for b in report.tradeoffs:
        out += [b.title, *(f"  • {i}" for i in b.items)]
    out += ["", "Monthly cost at traffic", report.cost_intro, f"Traffic: {report.profile}"]
    out += [f"  {c.name}: {c.amount or 'Unavailable'} — {c.detail}" for c in report.costs]
    out += [report.cost_delta, ""]
    if report.switch:
        out.append("Switch friction")
        for b in report.switch:
            out += [b.title, *(f"  • {i}" for i in b.items)]
        out.append("")
    out += ["Specs", *table(report.specs, report.names, "Specification"), ""]
    out += ["Pricing and availability", *table(report.pricing, report.names, "Pricing attribute")]
    if report.pricing_note:
        out.append(report.pricing_note)
    out += ["", "Capabilities", *table(report.capabilities, report.names, "Capability"), "", "Benchmarks"]
    out += table(report.benchmarks, report.names, "Benchmark") if report.benchmarks else [report.benchmarks_note or ""]
    if report.deep_dive:
        out += ["", "Deep dive", *report.deep_dive]
    out += ["", "FAQ"]
    for item in report.faq:
        out += [f"Q: {item.question}", f"A: {item.answer}"]
    out += ["", "Continue comparing", *(f"  • {c}" for c in report.continue_comparing)]
    if report.derived_note:
        out += ["", report.derived_note]
    out += ["", f"Last reviewed: {report.last_reviewed or 'not reviewed'}. Sources: {'; '.join(report.sources)}."]
    if report.prices_checked:
        out.append(Freshness().note(report.prices_checked).capitalize() + ".")
    return "\n".join(out)


def faq(ans: FaqAnswer) -> str:
    lines = [ans.title, *ans.lines]
    if ans.sources:
        lines.append(f"Sources: {'; '.join(ans.sources)}")
    if ans.prices_checked:
        lines.append(Freshness().note(ans.prices_checked))
    return "\n".join(lines)


def cost(est: CostEstimate) -> str:
    lines = [f"{est.model_name}: monthly cost at your traffic", f"Traffic: {est.profile.describe()}"]
    h = est.headline
    if h is not None and est.per_month is not None:
        per_day, per_request = h.per_day or Decimal(0), h.per_request or Decimal(0)
        title = {"list price": f"List price ({h.provider_name})"}.get(est.basis or "", (est.basis or "").capitalize())
        lines.append(
            f"{title}: {h.label} — {usd(est.per_month)}/month, {usd(per_day)}/day, {usd_small(per_request)}/request"
        )
        if h.disagreement:
            lines.append(f"Sources disagree: {h.disagreement}")
        alt = est.alternative
        if alt is not None and alt.per_month is not None:
            lines.append(f"Cheapest alternative: {alt.label} — {usd(alt.per_month)}/month ({alt.role or 'host'})")
    else:
        lines.append(f"Unavailable: {est.unavailable_reason}")
    lines.append("Routes:")
    for r in sorted(est.routes, key=lambda r: (r.per_month is None, r.per_month or 0, r.label)):
        amount = f"{usd(r.per_month)}/month" if r.per_month is not None else "unavailable"
        flag = "" if r.status == "metered" else f" [{r.status}: {r.reason}]"
        extra = " [below 35% of the median price]" if r.outlier else ""
        lines.append(f"  {r.label:<26} {amount}{flag}{extra}")
        lines += [f"      note: {n}" for n in r.notes]
        if r.disagreement:
            lines.append(f"      sources: {r.disagreement}")
    return "\n".join(lines)
