"""Procurement flows shared by the slash commands, the console and the CLI: traffic profile, shortlist,
exports, price changes and digests. They read and write per-server state, so they are async.

Permission checks live in the adapters (Discord: Manage Server or owner); these flows assume the caller
may act. Every write happens only after its input validated, so a refused or bad command changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.answers.compare import compare
from bot.answers.costs import TrafficError, apply_traffic
from bot.answers.freshness import Freshness
from bot.answers.procurement import (
    change_detail,
    comparison_csv,
    comparison_markdown,
    shortlist_csv,
    shortlist_markdown,
    shortlist_table,
)
from bot.flows.lookup import _resolve_or_pick, picking
from bot.limits import FIELD_VALUE, clip
from bot.render.embeds import add_field, add_listing, footer, new_embed
from bot.render.reply import Attachment, Reply
from bot.state.store import StateStore
from catalog.models import Model
from catalog.service import Catalog
from catalog.store.db import Store
from catalog.store.history import PriceChange


@dataclass(slots=True)
class Scope:
    """Who acts, where: the server whose state a command reads or writes."""

    catalog: Catalog
    state: StateStore
    guild_id: int
    user_id: int
    catalog_path: Path
    fresh: Freshness


def _note(text: str) -> Reply:
    return Reply(content=text, ephemeral=True)


# -- traffic -------------------------------------------------------------------------------------------------


async def traffic_show(scope: Scope) -> Reply:
    profile = scope.state.profile(scope.guild_id)
    custom = scope.state.has_profile(scope.guild_id)
    embed = new_embed("Traffic profile", profile.describe())
    add_field(embed, "Used by", "every cost estimate in this server (/cost, /compare, /models, /shortlist, chat)")
    if not custom:
        add_field(embed, "Default", "This server has not set its own traffic yet: /traffic set changes it.")
    return Reply(embeds=[embed])


async def traffic_set(scope: Scope, **options: Any) -> Reply:
    """Set any of requests_per_month / requests_per_day / tokens / shares; invalid input changes nothing."""
    if all(v is None for v in options.values()):
        return _note("Give at least one option, e.g. /traffic set requests_per_day: 5000 input_tokens: 1200.")
    try:
        profile = apply_traffic(scope.state.profile(scope.guild_id), **options)
    except TrafficError as exc:
        return _note(f"That traffic does not work ({exc.field}: {exc.message}); nothing was changed.")
    await scope.state.set_profile(scope.guild_id, profile, scope.user_id)
    return Reply(embeds=[new_embed("Traffic profile saved", profile.describe())])


# -- shortlist -----------------------------------------------------------------------------------------------


async def _shortlisted(scope: Scope) -> list[Model]:
    ids = await scope.state.shortlist(scope.guild_id)
    return [scope.catalog.models[i] for i in ids if i in scope.catalog.models]


async def shortlist_show(scope: Scope) -> Reply:
    models = await _shortlisted(scope)
    if not models:
        return Reply(embeds=[new_embed("Shortlist", "Empty. Add models with /shortlist add.")])
    table = shortlist_table(models, scope.state.profile(scope.guild_id))
    embed = new_embed(f"Shortlist ({len(models)})", f"At this server's traffic: {table.profile}")
    for row in table.rows:
        value = (
            f"**{row.monthly}**/month via {row.route}\n{row.context} context • in {row.input_price} / out "
            f"{row.output_price} per 1M\n{row.capabilities}\n{row.license} • {row.openness}"
        )
        add_field(embed, row.name, clip(value, FIELD_VALUE), inline=True)
    embed.set_footer(
        text=footer(table.sources, None, "/export for CSV and Markdown", table.prices_checked, scope.fresh)
    )
    return Reply(embeds=[embed])


async def shortlist_add(scope: Scope, name: str) -> Reply:
    found = _resolve_or_pick(
        scope.catalog, [name], scope.user_id, lambda n: shortlist_add(scope, n[0]), picking("shortlist_add")
    )
    if isinstance(found, Reply):
        return found
    (model,) = found
    try:
        added = await scope.state.shortlist_add(scope.guild_id, model.id, scope.user_id)
    except ValueError as exc:
        return _note(f"Not added: {exc}.")
    return _note(f"{model.name} {'added to' if added else 'is already on'} the shortlist.")


async def shortlist_remove(scope: Scope, name: str) -> Reply:
    ids = await scope.state.shortlist(scope.guild_id)
    names = {scope.catalog.models[i].name: i for i in ids if i in scope.catalog.models}
    target = next((i for i in ids if i == name), None)
    if target is None:
        try:
            target = scope.catalog.index.resolve(name).model_id
        except Exception:
            target = None
    if target is None or target not in ids:
        listed = ", ".join(names) or "nothing"
        return _note(f"“{clip(name, 100)}” is not on the shortlist (it has {listed}); nothing was changed.")
    await scope.state.shortlist_remove(scope.guild_id, target)
    return _note(f"{scope.catalog.models[target].name} removed from the shortlist.")


async def shortlist_clear(scope: Scope) -> Reply:
    n = await scope.state.shortlist_clear(scope.guild_id)
    return _note(f"Shortlist cleared ({n} models removed).")


# -- exports -------------------------------------------------------------------------------------------------


async def export(scope: Scope, names: list[str] | None = None) -> Reply:
    """The shortlist (no names) or a comparison of 2–4 names, as CSV and Markdown attachments."""
    profile = scope.state.profile(scope.guild_id)
    if names:
        found = _resolve_or_pick(scope.catalog, names, scope.user_id, lambda n: export(scope, n), picking("export"))
        if isinstance(found, Reply):
            return found
        if not 2 <= len(found) <= 4 or len({m.id for m in found}) != len(found):
            return _note("Export a comparison of 2 to 4 different models, or no models for the shortlist.")
        report = compare(found, scope.catalog.models, profile)
        stem = "comparison"
        files = [
            Attachment(f"{stem}.csv", comparison_csv(report).encode()),
            Attachment(f"{stem}.md", comparison_markdown(report).encode()),
        ]
        title = report.title
    else:
        models = await _shortlisted(scope)
        if not models:
            return _note("The shortlist is empty: add models with /shortlist add, or export a comparison.")
        table = shortlist_table(models, profile)
        files = [
            Attachment("shortlist.csv", shortlist_csv(table).encode()),
            Attachment("shortlist.md", shortlist_markdown(table).encode()),
        ]
        title = f"Shortlist ({len(models)} models)"
    embed = new_embed(f"Export: {title}", "CSV for spreadsheets, Markdown for docs; both carry sources and dates.")
    return Reply(embeds=[embed], files=files)


# -- price changes -------------------------------------------------------------------------------------------


async def recent_changes(catalog_path: Path, days: int, model_ids: list[str] | None = None) -> list[PriceChange]:
    since = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    async with Store.open(catalog_path) as store:
        return await store.changes(since, model_ids)


#: Where the whole list is, when a message cannot hold it.
FULL_LIST = "`python -m catalog changes` lists them all"


def changes_reply(changes: list[PriceChange], days: int, title: str = "") -> Reply:
    """A field per model, a line per change, as many as one message holds; the rest counted, never dropped."""
    embed = new_embed(title or f"Price changes in the last {days} days", f"{len(changes)} recorded.")
    by_model: dict[str, list[str]] = {}
    for c in changes:
        by_model.setdefault(c.model_name, []).append(f"{c.changed_at[:10]} {change_detail(c)}".strip())

    def more(models: int, items: int) -> str:
        return f"…and {models} more {_plural(models, 'model')} ({items} {_plural(items, 'change')}); {FULL_LIST}."

    add_listing(embed, list(by_model.items()), more)
    if not changes:
        embed.description = "No price changes recorded in that window (a refresh records them)."
    return Reply(embeds=[embed])


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


async def changes_flow(scope: Scope, days: int) -> Reply:
    if not 0 <= days <= 3650:
        return _note("days must be between 0 and 3650.")
    return changes_reply(await recent_changes(scope.catalog_path, days), days)


def digest(changes: list[PriceChange], shortlist: list[str]) -> Reply | None:
    """After a refresh: the changes that touch a server's shortlist (None when nothing relevant changed)."""
    relevant = [c for c in changes if c.model_id in set(shortlist)]
    if not relevant:
        return None
    return changes_reply(relevant, 0, title=f"Catalog refresh: {len(relevant)} price changes on your shortlist")
