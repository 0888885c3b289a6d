"""Command, autocomplete, button, select and listener callbacks with fake interactions (no network)."""

from __future__ import annotations

from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.adapters.discord.client import on_tree_error
from bot.adapters.discord.cogs.catalog_commands import CatalogCommands
from bot.adapters.discord.cogs.chat import Chat
from bot.adapters.discord.cogs.common import ModelName
from bot.adapters.discord.context import BotContext
from bot.render.views import NOT_YOURS, ModelPicker, SectionPager
from bot.state.cooldowns import Cooldowns
from catalog.errors import ModelNotFound
from tests.bot.adapters.discord.fakes import CHANNEL, GUILD, INVOKER, OTHER, cb, chat_cog, interaction, message


async def test_compare_defers_then_follows_up_with_pager(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt5.3 codex spark", "ling 2.6 flash", None, None)
    it.response.defer.assert_awaited_once_with(thinking=True)
    kwargs = it.followup.send.await_args.kwargs
    assert isinstance(kwargs["view"], SectionPager) and kwargs["embeds"][0].title.endswith("Decision scorecard")
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert kwargs["view"].message is it.followup.send.return_value


async def test_autocomplete_is_bounded(ctx: BotContext) -> None:
    choices = await ModelName().autocomplete(interaction(ctx), "gpt")
    assert 0 < len(choices) <= 25 and all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)


async def test_section_button_updates_the_message_in_place(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt-4o", "ling 2.6 flash", None, None)
    pager: SectionPager = it.followup.send.await_args.kwargs["view"]
    press = interaction(ctx)
    await cb(pager.next)(press)
    kwargs = press.response.edit_message.await_args.kwargs
    assert kwargs["embeds"][0].title.endswith("Decision tradeoffs") and pager.index == 1
    await cb(pager.next)(press)
    kwargs = press.response.edit_message.await_args.kwargs
    assert [f.filename for f in kwargs["attachments"]] == ["cost.png"]  # the chart comes with the cost page


async def test_select_jumps_to_a_section(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt-4o", "ling 2.6 flash", None, None)
    pager: SectionPager = it.followup.send.await_args.kwargs["view"]
    cast(Any, pager.section)._values = ["faq"]
    cast(Any, pager.section)._selected_values = ["faq"]
    press = interaction(ctx)
    await cb(pager.section)(press)
    assert press.response.edit_message.await_args.kwargs["embeds"][0].title.endswith("FAQ")


async def test_only_the_invoker_may_press(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt-4o", "ling 2.6 flash", None, None)
    view: SectionPager = it.followup.send.await_args.kwargs["view"]
    stranger = interaction(ctx, user_id=OTHER)
    assert await view.interaction_check(stranger) is False
    stranger.response.send_message.assert_awaited_once()
    assert stranger.response.send_message.await_args.args[0] == NOT_YOURS
    assert stranger.response.send_message.await_args.kwargs["ephemeral"] is True
    assert await view.interaction_check(interaction(ctx)) is True


async def test_views_disable_themselves_on_timeout(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt-4o", "ling 2.6 flash", None, None)
    view: SectionPager = it.followup.send.await_args.kwargs["view"]
    view.message = MagicMock(edit=AsyncMock())
    assert view.timeout is not None and view.timeout > 0
    await view.on_timeout()
    assert all(cast(Any, item).disabled for item in view.children)
    view.message.edit.assert_awaited_once_with(view=view)


async def test_ambiguous_name_offers_a_select_and_picking_continues(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.cost)(cog, it, "gemini 2.5", None, None, None, None, None)
    picker: ModelPicker = it.followup.send.await_args.kwargs["view"]
    assert isinstance(picker, ModelPicker) and picker.candidates[0][0] == "gemini-2.5-pro"
    cast(Any, picker.pick)._values = ["gemini-2.5-pro"]
    cast(Any, picker.pick)._selected_values = ["gemini-2.5-pro"]
    press = interaction(ctx)
    await cb(picker.pick)(press)
    press.response.defer.assert_awaited_once()  # Discord is answered before the report is built and drawn
    kwargs = press.edit_original_response.await_args.kwargs
    assert kwargs["embeds"][0].title.startswith("Gemini 2.5 Pro — monthly cost")
    assert [f.filename for f in kwargs["attachments"]] == ["cost.png"]


async def test_bad_traffic_is_a_friendly_note(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.cost)(cog, it, "gpt-4o", None, None, 0, 0, None)
    it.response.send_message.assert_awaited_once()
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True
    it.followup.send.assert_not_awaited()


async def test_models_and_model_and_ask(ctx: BotContext) -> None:
    cog, chat = CatalogCommands(), Chat(MagicMock())
    it = interaction(ctx)
    await cb(cog.models)(cog, it, True, 200_000, "tool_use", 1.0, None)
    it.response.defer.assert_awaited_once_with(thinking=True)  # a wide filter estimates many models
    assert "match" in it.followup.send.await_args.kwargs["embeds"][0].description
    it = interaction(ctx)
    await cb(cog.model)(cog, it, "ling 2.6 flash")
    assert it.response.send_message.await_args.kwargs["embeds"][0].title == "Ling-2.6-Flash"
    it = interaction(ctx)
    await cb(chat.ask)(chat, it, "how fast is gpt-4o?")
    assert it.response.send_message.await_args.kwargs["embeds"][0].title == "I don't know that"


async def test_listener_answers_questions_and_ignores_chat(ctx: BotContext) -> None:
    cog = chat_cog(ctx)
    question = message("which has the bigger context window, gpt-4o or claude opus 4.6?")
    await cog.on_message(question)
    question.reply.assert_awaited_once()
    assert question.reply.await_args.kwargs["mention_author"] is False
    assert question.reply.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    for text in ("lunch?", "we moved to gpt-4o last week", "is claude any good?"):
        msg = message(text, user=INVOKER + 1)
        await cog.on_message(msg)
        msg.reply.assert_not_awaited()


async def test_a_follow_up_reads_the_channel_memory_across_a_restart(ctx: BotContext) -> None:
    ctx.cooldowns = Cooldowns(0, 0)  # a teammate's follow-up right after: no cooldown in the way here
    first = message("how much is claude sonnet 4.5 per 1m tokens?")
    await chat_cog(ctx).on_message(first)
    follow = message("and what about opus?", user=INVOKER + 1)  # another teammate, a new process
    await chat_cog(ctx).on_message(follow)
    follow.reply.assert_awaited_once()
    assert "Claude Opus 4.5" in follow.reply.await_args.kwargs["embeds"][0].description
    other = message("and what about opus?", user=INVOKER + 2)
    other.channel = MagicMock(id=CHANNEL + 1)  # another channel has no such memory: nothing to follow up
    await chat_cog(ctx).on_message(other)
    other.reply.assert_not_awaited()


async def test_models_named_in_unanswered_chat_are_remembered(ctx: BotContext) -> None:
    """ "we're weighing X and Y" gets no reply, but a later "and opus?" means the Opus the channel named."""
    ctx.cooldowns = Cooldowns(0, 0)
    said = message("we're comparing sonnet 4.5 and opus 4.1 for the reviewer bot")
    await chat_cog(ctx).on_message(said)
    said.reply.assert_not_awaited()
    await chat_cog(ctx).on_message(message("how much is claude sonnet 4.5 per 1m tokens?", user=INVOKER + 1))
    follow = message("and what about opus?", user=INVOKER + 2)
    await chat_cog(ctx).on_message(follow)
    follow.reply.assert_awaited_once()
    assert "Claude Opus 4.1" in follow.reply.await_args.kwargs["embeds"][0].description


async def test_listener_ignores_bots_and_respects_cooldown_and_switch(ctx: BotContext) -> None:
    cog = chat_cog(ctx)
    bot_msg = message("is gpt-4o open source?", bot_author=True)
    await cog.on_message(bot_msg)
    bot_msg.reply.assert_not_awaited()
    first, second = message("is gpt-4o open source?"), message("is gpt-4o mini open source?")
    await cog.on_message(first)
    await cog.on_message(second)
    first.reply.assert_awaited_once()
    second.reply.assert_not_awaited()  # same user and channel inside the cooldown
    await ctx.state.set_passive(GUILD, CHANNEL, False, INVOKER)
    quiet = message("is kimi k2.6 open source?", user=5)
    await cog.on_message(quiet)
    quiet.reply.assert_not_awaited()
    mentioned = message("<@999> is kimi k2.6 open source?", user=6, mentions_bot=True)
    await cog.on_message(mentioned)
    mentioned.reply.assert_awaited_once()
    dm = message("kimi k2.6 price", dm=True, user=7)
    await cog.on_message(dm)
    dm.reply.assert_awaited_once()


async def test_passive_needs_manage_channels(ctx: BotContext) -> None:
    chat = Chat(MagicMock())
    it = interaction(ctx, permissions=discord.Permissions.none())
    with pytest.raises(app_commands.MissingPermissions):
        await cast(Any, chat.passive)._check_can_run(it)
    assert await ctx.state.passive_enabled(GUILD, CHANNEL) is True  # nothing changed
    admin = interaction(ctx, permissions=discord.Permissions(manage_channels=True))
    assert await cast(Any, chat.passive)._check_can_run(admin)
    await cb(chat.passive)(chat, admin, "off")
    assert await ctx.state.passive_enabled(GUILD, CHANNEL) is False


@pytest.mark.parametrize(
    ("error", "needle"),
    [
        (app_commands.CommandInvokeError(MagicMock(), ModelNotFound("zz", ["GPT-4o"])), "no model matches 'zz'"),
        (app_commands.MissingPermissions(["manage_channels"]), "Manage Channels"),
        (app_commands.CheckFailure(), "restricted"),
        (app_commands.CommandInvokeError(MagicMock(), RuntimeError("boom")), "Something went wrong"),
    ],
)
async def test_tree_error_handler_is_friendly(ctx: BotContext, error: Exception, needle: str, caplog) -> None:
    it = interaction(ctx)
    it.command = MagicMock()
    it.command.name = "compare"
    await on_tree_error(it, cast(app_commands.AppCommandError, error))
    text = it.response.send_message.await_args.args[0]
    assert needle in text and "Traceback" not in text
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True
