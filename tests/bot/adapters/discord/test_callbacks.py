"""Command, autocomplete, button, select and listener callbacks with fake interactions (no network)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.adapters.discord.client import on_tree_error
from bot.adapters.discord.cogs.catalog_commands import CatalogCommands
from bot.adapters.discord.cogs.chat import Chat, strip_mentions
from bot.adapters.discord.cogs.common import ModelName
from bot.adapters.discord.context import BotContext
from bot.adapters.discord.controls import BROKEN, DYNAMIC_ITEMS, PagerButton, PagerSelect, PickerSelect
from bot.flows.resume import EXPIRED
from bot.limits import CUSTOM_ID
from bot.render.views import KEY_CHARS, NOT_YOURS, PAGER_ID, pager_id, pick_id
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.errors import ModelNotFound
from tests.bot.adapters.discord.fakes import CHANNEL, GUILD, INVOKER, OTHER, cb, chat_cog, interaction, message


async def test_compare_defers_then_follows_up_with_pager(ctx: BotContext) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.compare)(cog, it, "gpt5.3 codex spark", "ling 2.6 flash", None, None)
    it.response.defer.assert_awaited_once_with(thinking=True)
    kwargs = it.followup.send.await_args.kwargs
    assert kwargs["embeds"][0].title.endswith("Decision scorecard")
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
    view = kwargs["view"]
    assert view.timeout is None and [type(c) for c in view.children] == [PagerButton, PagerButton, PagerSelect]
    assert all(len(c.custom_id) <= CUSTOM_ID for c in view.children)
    assert await ctx.state.view_state(view.children[0].key) is not None  # saved before the message went out


async def test_autocomplete_is_bounded(ctx: BotContext) -> None:
    choices = await ModelName().autocomplete(interaction(ctx), "gpt")
    assert 0 < len(choices) <= 25 and all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)


async def sent_ids(ctx: BotContext, *names: str, command: str = "compare") -> list[str]:
    """The custom ids of the controls a command's reply was sent with."""
    it = interaction(ctx)
    cog = CatalogCommands()
    if command == "compare":
        await cb(cog.compare)(cog, it, *names, *[None] * (4 - len(names)))
    else:
        await cb(cog.cost)(cog, it, names[0], None, None, None, None, None)
    return [c.custom_id for c in it.followup.send.await_args.kwargs["view"].children]


@pytest.fixture
async def restarted(ctx: BotContext, tmp_path: Path):
    """Another process on the same state database: nothing of the first one's views in memory."""
    state = await StateStore.connect(tmp_path / "state.sqlite3")
    yield BotContext(
        ctx.catalog, state, Settings(_env_file=None), CooldownPolicy.from_settings(Settings(_env_file=None))
    )
    await state.close()


async def press(ctx: BotContext, custom_id: str, user_id: int = INVOKER, value: str | None = None) -> Any:
    """A press as discord.py dispatches it to a dynamic item: made from the custom id alone, then checked, then run."""
    it = interaction(ctx, user_id)
    base: Any = discord.ui.Button(custom_id=custom_id) if value is None else discord.ui.Select(custom_id=custom_id)
    (factory,) = [f for f in DYNAMIC_ITEMS if f.__discord_ui_compiled_template__.fullmatch(custom_id)]
    match = factory.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None
    item = await factory.from_custom_id(it, base, match)
    if value is not None:
        item._refresh_state(it, {"values": [value]})
    if await item.interaction_check(it):
        await item.callback(it)
    return it


async def test_a_pager_press_after_a_restart_shows_the_right_page(ctx: BotContext, restarted: BotContext) -> None:
    prev, nxt, _ = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    it = await press(restarted, nxt)
    kwargs = it.response.edit_message.await_args.kwargs
    assert kwargs["embeds"][0].title.endswith("Decision tradeoffs") and kwargs["attachments"] == []
    ids = [c.custom_id for c in kwargs["view"].children]
    assert [PAGER_ID.fullmatch(i)["shown"] for i in ids] == ["1", "1", "1"]  # type: ignore[index]
    it = await press(restarted, ids[1])  # next again: the cost page, whose chart draws in a worker thread
    it.response.defer.assert_awaited_once()
    kwargs = it.edit_original_response.await_args.kwargs
    assert kwargs["embeds"][0].title.endswith("Monthly cost at traffic")
    assert [f.filename for f in kwargs["attachments"]] == ["cost.png"]
    it = await press(restarted, prev)  # a stale message's Prev from page 0 stays on page 0
    assert it.response.edit_message.await_args.kwargs["embeds"][0].title.endswith("Decision scorecard")


async def test_select_jumps_to_a_section(ctx: BotContext, restarted: BotContext) -> None:
    *_, jump = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    it = await press(restarted, jump, value="faq")
    assert it.response.edit_message.await_args.kwargs["embeds"][0].title.endswith("FAQ")


async def test_only_the_invoker_may_press(ctx: BotContext) -> None:
    _, nxt, _ = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    stranger = await press(ctx, nxt, user_id=OTHER)
    stranger.response.send_message.assert_awaited_once()
    assert stranger.response.send_message.await_args.args[0] == NOT_YOURS
    assert stranger.response.send_message.await_args.kwargs["ephemeral"] is True
    stranger.response.edit_message.assert_not_awaited()
    stranger.response.defer.assert_not_awaited()


async def test_an_error_in_a_control_is_a_private_note(ctx: BotContext, caplog: pytest.LogCaptureFixture) -> None:
    _, nxt, _ = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    cast(Any, ctx.state).view_state = AsyncMock(side_effect=RuntimeError("database on fire"))
    it = await press(ctx, nxt)
    text = it.response.send_message.await_args.args[0]
    assert text == BROKEN and "Traceback" not in text and "on fire" not in text
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True
    assert "database on fire" in caplog.text  # the traceback is in the log


async def test_controls_whose_state_is_gone_say_so(ctx: BotContext) -> None:
    _, nxt, _ = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    gone = nxt.replace(PAGER_ID.fullmatch(nxt)["key"], "0" * 16)  # type: ignore[index]
    it = await press(ctx, gone)
    assert it.response.send_message.await_args.args[0] == EXPIRED
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True


async def test_ambiguous_name_offers_a_select_and_picking_continues_after_a_restart(
    ctx: BotContext, restarted: BotContext
) -> None:
    it = interaction(ctx)
    cog = CatalogCommands()
    await cb(cog.cost)(cog, it, "gemini 2.5", None, None, None, None, None)
    (pick,) = it.followup.send.await_args.kwargs["view"].children
    assert isinstance(pick, PickerSelect) and pick.item.options[0].value == "gemini-2.5-pro"
    it = await press(restarted, pick.custom_id, value="gemini-2.5-pro")
    it.response.defer.assert_awaited_once()  # Discord is answered before the report is built and drawn
    kwargs = it.edit_original_response.await_args.kwargs
    assert kwargs["embeds"][0].title.startswith("Gemini 2.5 Pro — monthly cost")
    assert [f.filename for f in kwargs["attachments"]] == ["cost.png"]


async def test_a_picked_model_takes_its_place_in_a_comparison(ctx: BotContext, restarted: BotContext) -> None:
    (pick,) = await sent_ids(ctx, "gpt-4o", "gemini 2.5")
    it = await press(restarted, pick, value="gemini-2.5-pro")
    kwargs = it.edit_original_response.await_args.kwargs
    assert kwargs["embeds"][0].title == "GPT-4o vs Gemini 2.5 Pro — Decision scorecard"
    assert [type(c) for c in kwargs["view"].children] == [PagerButton, PagerButton, PagerSelect]
    it = await press(restarted, kwargs["view"].children[1].custom_id)  # and that pager works too
    assert it.response.edit_message.await_args.kwargs["embeds"][0].title.endswith("Decision tradeoffs")


def test_custom_ids_fit_discord_and_templates_are_distinct() -> None:
    """discord.py keys dynamic items by template: two equal templates would shadow each other."""
    longest = 2**64 - 1  # a snowflake's widest
    assert len(pager_id("f" * KEY_CHARS, longest, 24, "jump")) <= CUSTOM_ID
    assert len(pick_id("f" * KEY_CHARS, longest)) <= CUSTOM_ID
    templates = [f.__discord_ui_compiled_template__.pattern for f in DYNAMIC_ITEMS]
    assert len(set(templates)) == len(templates)


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
    ctx.cooldowns = CooldownPolicy.off()  # a teammate's follow-up right after: no cooldown in the way here
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
    ctx.cooldowns = CooldownPolicy.off()
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


@pytest.mark.parametrize(
    ("text", "me", "read"),
    [
        ("<@999> is kimi k2.6 open source?", 999, "is kimi k2.6 open source?"),  # the bot's own mention goes
        ("<@!999> is kimi k2.6 open source?", 999, "is kimi k2.6 open source?"),
        ("<@555> is kimi k2.6 open source?", 999, "@member  is kimi k2.6 open source?"),  # a colleague's stays
        ("<@&42> who owns the cohere contract?", 999, "@team  who owns the cohere contract?"),  # a role's too
    ],
)
def test_strip_mentions_keeps_who_else_was_asked(text: str, me: int, read: str) -> None:
    assert strip_mentions(text, me) == read


async def test_a_question_put_to_a_colleague_gets_no_passive_answer(ctx: BotContext) -> None:
    asked = message("<@555> is kimi k2.6 open source?", user=8)
    await chat_cog(ctx).on_message(asked)
    asked.reply.assert_not_awaited()
