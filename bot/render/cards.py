"""Single-embed answers: FAQ replies, cost estimates, a model's card, filter results, pick-a-model prompts."""

from __future__ import annotations

from decimal import Decimal

import discord

from bot.answers.costs import CostEstimate, RouteCost
from bot.answers.costs import route_labels as _route_labels
from bot.answers.facts import caps_yes, commercial_label, license_label, openness_label, prices_checked, sources
from bot.answers.faq import FaqAnswer
from bot.answers.filters import ModelFilter
from bot.answers.format import tokens_short, usd, usd_per_m, usd_small, usd_unit
from bot.answers.freshness import Freshness
from bot.answers.prices import disagreement, headline, unit_prices
from bot.limits import clip
from bot.render.charts import CHART_NAME
from bot.render.embeds import add_field, bullets, footer, new_embed
from catalog.models import CAPABILITY_LABELS, Model, Route

MAX_ROUTES_SHOWN = 12


def faq_embed(ans: FaqAnswer, fresh: Freshness | None = None) -> discord.Embed:
    embed = new_embed(ans.title, "\n".join(ans.lines))
    embed.set_footer(text=footer([short_source(s) for s in ans.sources], None, checked=ans.prices_checked, fresh=fresh))
    return embed


def short_source(source: str) -> str:
    """A chat answer's footer is one short line: "LiteLLM cost map 1.110.2 (data as of …)" -> "LiteLLM"; a
    license the source asks to be credited with stays ("LLM-Stats (CC-BY-4.0)")."""
    name = source.split(" (", 1)[0].split(" cost map")[0]
    name = " ".join(w for w in name.split() if not w[:1].isdigit())
    licence = next((part for part in source.replace(")", ",").split() if part.startswith("CC-")), "")
    return f"{name} ({licence.rstrip(',')})" if licence else name


def headline_title(est: CostEstimate) -> str:
    """ "List price (OpenAI)", "Cheapest established host", "Cheapest metered route"."""
    h = est.headline
    if h is None:
        return "Unavailable"
    if est.basis == "list price":
        return f"List price ({h.provider_name})"
    return "Cheapest established host" if est.basis == "cheapest established host" else "Cheapest metered route"


def route_flags(r: RouteCost) -> str:
    """What a route row must say about itself: not metered, an outlier price, or sources that disagree."""
    flags: list[str] = [] if r.status == "metered" else [r.status]
    if r.outlier:
        flags.append("below 35% of the median: check before relying on it")
    if r.role in ("first-party", "cloud"):
        flags.append(r.role)
    if r.disagreement:
        flags.append("sources disagree")
    return f" ({'; '.join(flags)})" if flags else ""


def cost_embed(est: CostEstimate, model: Model, chart: bool, fresh: Freshness | None = None) -> discord.Embed:
    embed = new_embed(f"{est.model_name} — monthly cost at your traffic", f"**Traffic:** {est.profile.describe()}")
    h = est.headline
    if h is not None and h.per_month is not None:
        add_field(
            embed,
            headline_title(est),
            f"**{usd(h.per_month)}/month** via {h.label}\n"
            f"{usd(h.per_day or Decimal(0))}/day • {usd_small(h.per_request or Decimal(0))}/request\n"
            f"price checked {h.checked or 'date unknown'} ({h.source})"
            + (f"\nsources disagree: {h.disagreement}" if h.disagreement else ""),
        )
        alt = est.alternative
        if alt is not None and alt.per_month is not None:
            add_field(
                embed, "Cheapest alternative", f"{usd(alt.per_month)}/month via {alt.label} ({alt.role or 'host'})"
            )
    else:
        add_field(embed, "Unavailable", est.unavailable_reason or "no complete token price in local provider data")
    lines = []
    ranked = sorted(est.routes, key=lambda r: (r.per_month is None, r.per_month or Decimal(0), r.label))
    for r in ranked[:MAX_ROUTES_SHOWN]:
        amount = f"{usd(r.per_month)}/mo" if r.per_month is not None else "unavailable"
        lines.append(f"{r.label}: {amount}{route_flags(r)}")
    if len(ranked) > MAX_ROUTES_SHOWN:
        lines.append(f"…and {len(ranked) - MAX_ROUTES_SHOWN} more routes")
    add_field(embed, f"Routes ({len(ranked)})", "\n".join(lines) or "no provider route tracked")
    notes = sorted({n for r in est.routes for n in r.notes})
    if notes:
        add_field(embed, "Assumptions", bullets(notes))
    if chart:
        embed.set_image(url=f"attachment://{CHART_NAME}")
    embed.set_footer(text=footer(sources([model]), model.last_reviewed, checked=prices_checked([model]), fresh=fresh))
    return embed


_ROLE_ORDER = {"first-party": 0, "cloud": 1, "host": 2}


def _out(route: Route) -> Decimal:
    return route.price.output if route.price is not None and route.price.output is not None else Decimal("Infinity")


def _basis_title(basis: str, provider: str) -> str:
    return f"List price ({provider})" if basis == "list price" else basis.capitalize() + f" ({provider})"


def price_lines(route: Route) -> str:
    """A route's price per 1M tokens, its tiers and fees, and what its sources say where they disagree."""
    p = route.price
    assert p is not None and p.input is not None and p.output is not None
    out = [f"**{usd_unit(p.input)} input / {usd_unit(p.output)} output** per 1M tokens"]
    if p.cache_read is not None:
        out.append(
            f"cache read {usd_unit(p.cache_read)}" + (f", write {usd_unit(p.cache_write)}" if p.cache_write else "")
        )
    out += [f"prompts above {t.min_prompt_tokens:,} tokens: {usd_unit(t.input)} / {usd_unit(t.output)}"
            for t in p.tiers if t.input is not None and t.output is not None]  # fmt: skip
    if p.per_request:
        out.append(f"plus ${p.per_request:f} per request")
    if p.image_output:
        out.append(f"image output {usd_unit(p.image_output)} per 1M image tokens")
    if (note := disagreement(route)) is not None:
        out.append(f"sources disagree: {note}")
    return "\n".join(out)


def model_embed(model: Model, fresh: Freshness | None = None) -> discord.Embed:
    """/model: specs, capabilities, routes and prices, provenance."""
    embed = new_embed(model.name, f"`{model.id}` • by {model.creator or 'unknown creator'}")
    specs = [
        ("Context window", tokens_short(model.context_window)),
        ("Max output", tokens_short(model.max_output)),
        ("Released", model.release_date or "-"),
        ("Knowledge cutoff", model.knowledge_cutoff or "-"),
        ("Parameters", model.parameters_label or "-"),
        ("License", license_label(model)),
        ("Openness", openness_label(model)),
        ("Commercial use", commercial_label(model).removeprefix("Commercial use: ")),
    ]
    for name, value in specs:
        add_field(embed, name, value, inline=True)
    caps = model.capabilities.model_dump()
    yes = caps_yes(model)
    no = [label for key, label in CAPABILITY_LABELS.items() if caps[key] == "no"]
    unknown = [label for key, label in CAPABILITY_LABELS.items() if caps[key] == "unknown"]
    add_field(
        embed,
        "Capabilities",
        f"✅ {', '.join(yes) or '—'}\n❌ {', '.join(no) or '—'}\n❔ {', '.join(unknown) or '—'}",
    )
    top = headline(model)
    if top is not None and top.route.price is not None:
        add_field(embed, _basis_title(top.basis, top.route.provider_name), price_lines(top.route))
    lines = []
    first = top.route if top else None
    ordered = sorted(model.routes, key=lambda r: (r != first, _ROLE_ORDER.get(r.role or "", 3), _out(r)))
    labels = dict(zip(model.routes, _route_labels(model.routes), strict=True))
    for r in ordered[:MAX_ROUTES_SHOWN]:
        p = r.price
        price = (
            f"{usd_unit(p.input)} / {usd_unit(p.output)} per 1M"
            if p is not None and p.input is not None and p.output is not None
            else "no complete price"
        )
        flags = [x for x in (r.status, r.role if r.role != "host" else None) if x]
        if not r.serving and not r.deprecated:
            flags.append("$0 placeholder")
        lines.append(f"{labels[r]}: {price}" + (f" ({', '.join(flags)})" if flags else ""))
    if len(model.routes) > MAX_ROUTES_SHOWN:
        lines.append(f"…and {len(model.routes) - MAX_ROUTES_SHOWN} more routes")
    add_field(embed, f"Routes ({len(model.routes)})", "\n".join(lines) or "no provider route tracked")
    if model.disagreements:
        add_field(
            embed,
            "Sources disagree",
            "\n".join(f"{d.field}: kept {d.kept} ({len(d.values)} records)" for d in model.disagreements[:6]),
        )
    embed.set_footer(text=footer(sources([model]), model.last_reviewed, checked=prices_checked([model]), fresh=fresh))
    return embed


def models_embed(
    filt: ModelFilter, hits: list[tuple[Model, Decimal | None]], profile_text: str, fresh: Freshness | None = None
) -> discord.Embed:
    embed = new_embed(
        f"Models: {clip(filt.describe(), 200)}",
        f"{len(hits)} match. Ranked by monthly cost at your traffic ({profile_text}), not by quality.",
    )
    for m, monthly in hits[:10]:
        _, out = unit_prices(m)
        cost = f"{usd(monthly)}/month" if monthly is not None else "no monthly estimate"
        add_field(embed, m.name, f"{tokens_short(m.context_window)} context • output {usd_per_m(out)} • {cost}")
    if len(hits) > 10:
        embed.description = clip((embed.description or "") + f"\nShowing 10 of {len(hits)}.", 4096)
    shown = [m for m, _ in hits[:10]]
    embed.set_footer(text=footer(sources(shown), None, checked=prices_checked(shown), fresh=fresh))
    return embed


def pick_embed(query: str, candidates: list[tuple[str, str]], not_found: bool) -> discord.Embed:
    title = f"No model matches “{clip(query, 100)}”" if not_found else f"“{clip(query, 100)}” could mean several models"
    hint = "Closest names below: pick one to continue." if candidates else "Try a more specific name or version."
    if not_found and not candidates:
        hint = "Nothing close either: check the spelling, or try the model's family and version (e.g. “gpt-4o mini”)."
    return new_embed(title, hint)
