"""Procurement commands: /traffic, /shortlist, /export, /changes, /digest and the owner-only /catalog refresh.

Everyone may read; changing a server's settings needs Manage Server (or the bot owner). A refused command
changes nothing: the check runs before the callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.admin import is_owner
from bot.adapters.discord.cogs.catalog_commands import Model
from bot.adapters.discord.cogs.common import context_of, defer_write, heavy_cooldown, send_followup, send_response
from bot.adapters.discord.context import BotContext
from bot.adapters.discord.delivery import with_retry
from bot.adapters.discord.sync import OWNER
from bot.answers.costs import MAX_REQUESTS_PER_MONTH, MAX_TOKENS_PER_REQUEST
from bot.flows.procurement import (
    Scope,
    changes_flow,
    digest,
    export,
    shortlist_add,
    shortlist_clear,
    shortlist_remove,
    shortlist_show,
    traffic_set,
    traffic_show,
)
from bot.render.reply import Reply
from catalog.errors import ShrinkRefused
from catalog.refresh import refresh
from catalog.service import load_catalog
from catalog.store.db import Store
from catalog.store.history import PriceChange

log = logging.getLogger(__name__)
T = TypeVar("T")
Share = app_commands.Range[float, 0.0, 1.0]
Tokens = app_commands.Range[int, 0, MAX_TOKENS_PER_REQUEST]


def scope_of(interaction: discord.Interaction[Any]) -> Scope:
    ctx = context_of(interaction)
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return Scope(
        ctx.catalog, ctx.state, interaction.guild_id, interaction.user.id, ctx.settings.catalog_path, ctx.fresh
    )


def manage_server_or_owner() -> Callable[[T], T]:
    """Manage Server in this server, or the bot owner; anyone else gets MissingPermissions (nothing changes)."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.permissions.manage_guild or await is_owner(interaction):
            return True
        raise app_commands.MissingPermissions(["manage_guild"])

    return app_commands.check(predicate)


def owner_only() -> Callable[[T], T]:
    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if await is_owner(interaction):
            return True
        raise app_commands.CheckFailure("owner only")

    return app_commands.check(predicate)


class Procurement(commands.Cog):
    traffic = app_commands.Group(
        name="traffic", description="This server's traffic, used by every estimate", guild_only=True
    )
    shortlist = app_commands.Group(name="shortlist", description="This server's shortlist of models", guild_only=True)
    catalog = app_commands.Group(
        name="catalog",
        description="Catalog maintenance (bot owner)",
        guild_only=True,  # default permissions do not apply in DMs: keep it out of them
        allowed_contexts=app_commands.AppCommandContext(guild=True),
        default_permissions=discord.Permissions(administrator=True),
        extras={OWNER: True},  # only in the dev guild when DEV_GUILD_ID is set
    )

    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @traffic.command(name="show")
    async def traffic_show(self, interaction: discord.Interaction[Any]) -> None:
        """Show this server's traffic profile."""
        await send_response(interaction, await traffic_show(scope_of(interaction)))

    @traffic.command(name="set")
    @manage_server_or_owner()
    @app_commands.describe(
        requests_per_month="Requests per month",
        requests_per_day="Requests per day (instead of per month)",
        input_tokens="Prompt tokens per request",
        output_tokens="Completion tokens per request",
        cache_hit="Share of input tokens served from cache, 0 to 1",
        cache_write="Share of input tokens written to the prompt cache, 0 to 1",
        long_context_share="Share of requests above a long-context price tier, 0 to 1",
        batch_share="Share of requests sent through a batch API, 0 to 1",
    )
    async def traffic_set(
        self,
        interaction: discord.Interaction[Any],
        requests_per_month: app_commands.Range[int, 0, MAX_REQUESTS_PER_MONTH] | None = None,
        requests_per_day: app_commands.Range[int, 0, MAX_REQUESTS_PER_MONTH // 31] | None = None,
        input_tokens: Tokens | None = None,
        output_tokens: Tokens | None = None,
        cache_hit: Share | None = None,
        cache_write: Share | None = None,
        long_context_share: Share | None = None,
        batch_share: Share | None = None,
    ) -> None:
        """Set this server's traffic (Manage Server)."""
        scope = scope_of(interaction)
        await defer_write(interaction)
        reply = await traffic_set(
            scope,
            requests_per_month=requests_per_month,
            requests_per_day=requests_per_day,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            cache_hit=cache_hit,
            cache_write=cache_write,
            long_context_share=long_context_share,
            batch_share=batch_share,
        )
        await send_followup(interaction, reply)

    @shortlist.command(name="show")
    async def shortlist_show(self, interaction: discord.Interaction[Any]) -> None:
        """The shortlist side by side: monthly cost, context, capabilities, license, cheapest route."""
        await send_response(interaction, await shortlist_show(scope_of(interaction)))

    @shortlist.command(name="add")
    @manage_server_or_owner()
    @app_commands.describe(model="The model to add")
    async def shortlist_add(self, interaction: discord.Interaction[Any], model: Model) -> None:
        """Add a model to the shortlist (Manage Server)."""
        scope = scope_of(interaction)
        await defer_write(interaction)
        await send_followup(interaction, await shortlist_add(scope, model))

    @shortlist.command(name="remove")
    @manage_server_or_owner()
    @app_commands.describe(model="The model to remove")
    async def shortlist_remove(self, interaction: discord.Interaction[Any], model: Model) -> None:
        """Remove a model from the shortlist (Manage Server)."""
        scope = scope_of(interaction)
        await defer_write(interaction)
        await send_followup(interaction, await shortlist_remove(scope, model))

    @shortlist.command(name="clear")
    @manage_server_or_owner()
    async def shortlist_clear(self, interaction: discord.Interaction[Any]) -> None:
        """Empty the shortlist (Manage Server)."""
        scope = scope_of(interaction)
        await defer_write(interaction)
        await send_followup(interaction, await shortlist_clear(scope))

    @app_commands.command(name="export")
    @heavy_cooldown()
    @app_commands.guild_only()
    @app_commands.describe(
        model_a="Compare these models instead of exporting the shortlist", model_b="Second model",
        model_c="Optional third model", model_d="Optional fourth model",
    )  # fmt: skip
    async def export(
        self,
        interaction: discord.Interaction[Any],
        model_a: Model | None = None,
        model_b: Model | None = None,
        model_c: Model | None = None,
        model_d: Model | None = None,
    ) -> None:
        """Attach the shortlist (or a comparison) as CSV and Markdown, with sources and dates."""
        await interaction.response.defer(thinking=True)
        names = [n for n in (model_a, model_b, model_c, model_d) if n]
        await send_followup(interaction, await export(scope_of(interaction), names or None))

    @app_commands.command(name="changes")
    @app_commands.guild_only()
    @app_commands.describe(days="How far back to look (default 30)")
    async def changes(self, interaction: discord.Interaction[Any], days: app_commands.Range[int, 0, 3650] = 30) -> None:
        """Recent price changes in the catalog."""
        await send_response(interaction, await changes_flow(scope_of(interaction), days))

    @app_commands.command(name="digest")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @manage_server_or_owner()
    @app_commands.describe(channel="Where to post price changes to shortlisted models after a refresh; omit to stop")
    async def digest(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        """Pick the channel for price-change digests of the shortlist (Manage Server)."""
        scope = scope_of(interaction)
        await defer_write(interaction)
        await scope.state.set_digest_channel(scope.guild_id, channel.id if channel else None, scope.user_id)
        text = f"Digests go to {channel.mention} after each refresh." if channel else "Digests are off."
        await send_followup(interaction, Reply(content=text, ephemeral=True))

    @catalog.command(name="refresh")
    @owner_only()
    @app_commands.describe(force="Accept a refresh that removes more of the catalog than CATALOG_MAX_SHRINK allows")
    async def catalog_refresh(self, interaction: discord.Interaction[Any], force: bool = False) -> None:
        """Owner only: download models.dev and OpenRouter now, import atomically, post digests."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        ctx = context_of(interaction)
        urls = {"models-dev": ctx.settings.models_dev_url, "openrouter": ctx.settings.openrouter_models_url}
        share = None if force else ctx.settings.catalog_max_shrink
        async with Store.open(ctx.settings.catalog_path) as store:
            try:  # other errors (bad data: one line naming file, record, field) reach the tree handler as they are
                result = await refresh(store, urls, max_shrink=share)
            except ShrinkRefused as exc:
                await interaction.followup.send(f"{exc} — run `/catalog refresh force:True` to accept.", ephemeral=True)
                return
            ctx.catalog = await load_catalog(store)
        posted = await post_digests(self.bot, ctx, list(result.price_changes))
        await interaction.followup.send(
            f"Catalog refreshed: {result.models:,} models, {result.routes:,} routes, "
            f"{len(result.price_changes)} price changes; digests posted to {posted} servers.",
            ephemeral=True,
        )


async def post_digests(bot: commands.Bot, ctx: BotContext, changes: list[PriceChange]) -> int:
    """Post each server's shortlist digest to its chosen channel; returns how many were posted."""
    posted = 0
    for guild_id, shortlist in (await ctx.state.shortlisting_guilds()).items():
        channel_id = await ctx.state.digest_channel(guild_id)
        reply = digest(changes, shortlist) if channel_id else None
        if reply is None or channel_id is None:
            continue
        try:
            channel = bot.get_channel(channel_id) or await bot.fetch_channel(channel_id)
            await _post(channel, reply)  # type: ignore[arg-type]
            posted += 1
        except discord.HTTPException:
            log.warning("could not post a digest to channel %s of guild %s", channel_id, guild_id, exc_info=True)
    return posted


async def _post(channel: discord.abc.Messageable, reply: Reply) -> None:
    await with_retry(lambda: channel.send(**reply.send_kwargs()), "digest")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Procurement(bot))
