"""Slash commands over the catalog: /compare, /model, /cost, /models."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord.cogs.common import ModelName, context_of, heavy_cooldown, send_followup, send_response
from bot.adapters.discord.controls import tell
from bot.answers.costs import MAX_REQUESTS_PER_MONTH, MAX_TOKENS_PER_REQUEST, TrafficError, apply_traffic
from bot.answers.filters import ModelFilter
from bot.flows.lookup import compare_flow, cost_flow, model_flow, models_flow

Model = app_commands.Transform[str, ModelName]
Capability = Literal[
    "vision", "multimodal", "reasoning", "function_calling", "tool_use", "structured_outputs", "code_execution"
]


class CatalogCommands(commands.Cog):
    """Read-only commands anyone may use."""

    @app_commands.command(name="compare")
    @heavy_cooldown()
    @app_commands.describe(
        model_a="First model", model_b="Second model", model_c="Optional third model", model_d="Optional fourth model"
    )
    async def compare(
        self,
        interaction: discord.Interaction[Any],
        model_a: Model,
        model_b: Model,
        model_c: Model | None = None,
        model_d: Model | None = None,
    ) -> None:
        """Compare 2-4 models: scorecard, tradeoffs, monthly cost, capabilities, FAQ."""
        await interaction.response.defer(thinking=True)
        ctx = context_of(interaction)
        names = [n for n in (model_a, model_b, model_c, model_d) if n]
        reply = compare_flow(ctx.catalog, names, ctx.profile_for(interaction.guild_id), interaction.user.id, ctx.fresh)
        await send_followup(interaction, reply)

    @app_commands.command(name="model")
    @app_commands.describe(name="The model to show")
    async def model(self, interaction: discord.Interaction[Any], name: Model) -> None:
        """One model's card: specs, capabilities, routes and prices, sources."""
        ctx = context_of(interaction)
        await send_response(interaction, model_flow(ctx.catalog, name, interaction.user.id, ctx.fresh))

    @app_commands.command(name="cost")
    @heavy_cooldown()
    @app_commands.describe(
        model="The model to price",
        requests_per_month="Requests per month (default: this server's traffic)",
        requests_per_day="Requests per day (instead of per month)",
        input_tokens="Prompt tokens per request",
        output_tokens="Completion tokens per request",
        cache_hit="Share of input tokens served from cache, 0 to 1",
        cache_write="Share of input tokens written to the prompt cache, 0 to 1",
    )
    async def cost(
        self,
        interaction: discord.Interaction[Any],
        model: Model,
        requests_per_month: app_commands.Range[int, 0, MAX_REQUESTS_PER_MONTH] | None = None,
        requests_per_day: app_commands.Range[int, 0, MAX_REQUESTS_PER_MONTH // 31] | None = None,
        input_tokens: app_commands.Range[int, 0, MAX_TOKENS_PER_REQUEST] | None = None,
        output_tokens: app_commands.Range[int, 0, MAX_TOKENS_PER_REQUEST] | None = None,
        cache_hit: app_commands.Range[float, 0.0, 1.0] | None = None,
        cache_write: app_commands.Range[float, 0.0, 1.0] | None = None,
    ) -> None:
        """Monthly cost of a model at your traffic, per provider route, with a chart."""
        ctx = context_of(interaction)
        try:
            profile = apply_traffic(
                ctx.profile_for(interaction.guild_id),
                requests_per_day=requests_per_day,
                requests_per_month=requests_per_month,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                cache_hit=cache_hit,
                cache_write=cache_write,
            )
        except TrafficError as exc:
            await tell(interaction, f"That traffic does not work ({exc.field}: {exc.message}).")
            return
        await interaction.response.defer(thinking=True)
        await send_followup(interaction, cost_flow(ctx.catalog, model, profile, interaction.user.id, ctx.fresh))

    @app_commands.command(name="models")
    @heavy_cooldown()
    @app_commands.describe(
        open_weights="Only models with public weights",
        min_context="Minimum context window, in tokens",
        capability="A capability the model must have",
        max_output_price="Maximum USD per 1M output tokens at the list price",
        provider="A provider that must serve it (id or name)",
    )
    async def models(
        self,
        interaction: discord.Interaction[Any],
        open_weights: bool | None = None,
        min_context: app_commands.Range[int, 0, 100_000_000] | None = None,
        capability: Capability | None = None,
        max_output_price: app_commands.Range[float, 0.0, 10_000.0] | None = None,
        provider: str | None = None,
    ) -> None:
        """Filter the catalog; results sorted by monthly cost at this server's traffic."""
        ctx = context_of(interaction)
        filt = ModelFilter(
            open_weights=open_weights or None,
            min_context=min_context,
            capabilities=(capability,) if capability else (),
            max_output_price=None if max_output_price is None else Decimal(str(max_output_price)),
            provider=provider,
        )
        await interaction.response.defer(thinking=True)  # a wide filter estimates many models
        await send_followup(
            interaction, models_flow(ctx.catalog, filt, ctx.profile_for(interaction.guild_id), ctx.fresh)
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(CatalogCommands())
