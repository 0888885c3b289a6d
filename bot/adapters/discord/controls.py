"""Persistent message controls: the pager buttons and select, and the model picker, as ``DynamicItem`` classes.

A press is matched by its custom id alone (``PAGER_ID`` / ``PICK_ID``, registered in the bot's ``setup_hook``), so
buttons keep working after a restart and on every shard. The custom id carries the invoker and the key of the state
saved in the state database when the message was sent (``outgoing``); a press loads it and rebuilds the message
(a report builds in ~2 ms; the chart draws in a worker thread). Errors never show a traceback: every item's
``on_error`` logs and tells the presser privately.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, TypeVar

import discord

from bot.adapters.discord.delivery import with_retry
from bot.flows.resume import EXPIRED, Press, reopen_compare, resume_pick
from bot.render.reply import NO_MENTIONS, Attachment, Reply, drawn
from bot.render.views import NOT_YOURS, PAGER_BUTTON_ID, PAGER_JUMP_ID, PICK_ID, Saved, SavedView, SectionPager
from bot.state.base import BUSY, StateBusy

if TYPE_CHECKING:
    from bot.adapters.discord.context import BotContext

log = logging.getLogger(__name__)
BROKEN = "Something went wrong with that button; run the command again."
ItemT = TypeVar("ItemT", bound="discord.ui.Item[Any]")


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """An ephemeral note, whether or not the interaction was already answered."""
    if interaction.response.is_done():
        await with_retry(lambda: interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS))
    else:
        await with_retry(lambda: interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS))


def _context(interaction: discord.Interaction[Any]) -> BotContext:
    return interaction.client.context  # type: ignore[no-any-return]


def _press(interaction: discord.Interaction[Any]) -> Press:
    ctx = _context(interaction)
    return Press(
        ctx.catalog,
        ctx.state,
        interaction.guild_id,
        interaction.channel_id,
        interaction.user.id,
        ctx.settings.catalog_path,
        ctx.fresh,
    )


class _Control(discord.ui.DynamicItem[ItemT], template=r"(?!)"):
    """What every control shares: the parsed custom id, the invoker-only check and the private error note."""

    def __init__(self, item: ItemT) -> None:
        super().__init__(item)
        match = self.template.fullmatch(self.custom_id)
        assert match is not None  # DynamicItem checked the template
        self.key: str = match["key"]
        self.invoker_id = int(match["invoker"])
        self.match = match

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: discord.Interaction[Any], item: ItemT, match: re.Match[str], /
    ) -> _Control[ItemT]:
        return cls(item)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.invoker_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self.press(interaction)
        except Exception as exc:  # discord.py only logs a DynamicItem's errors; the presser must hear about it
            await self.on_error(interaction, exc)

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        """Log with the traceback; tell the presser privately, never with the traceback."""
        if isinstance(error, StateBusy):  # a pick that writes (shortlist add) met a locked state database
            log.warning("control %s: state database busy (%s)", self.custom_id, error.detail)
        else:
            log.error("control %s failed", self.custom_id, exc_info=error)
        try:
            await tell(interaction, BUSY if isinstance(error, StateBusy) else BROKEN)
        except discord.HTTPException:
            log.warning("could not deliver a control's error note", exc_info=True)

    async def saved(self, interaction: discord.Interaction[Any]) -> Saved | None:
        data = await _context(interaction).state.view_state(self.key)
        return None if data is None else Saved(self.key, data)


class _PagerControl(_Control[ItemT], template=r"(?!)"):
    """A pager press: rebuild the report from its saved models and traffic, show the page the press asks for."""

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        saved = await self.saved(interaction)
        reply = reopen_compare(_press(interaction), saved) if saved is not None else None
        if reply is None or not isinstance(reply.view, SectionPager):
            await expired(interaction, reply)
            return
        pager = reply.view
        index = pager.target(int(self.match["shown"]), self.match["action"], self.value())
        reply = pager.render(index)
        if any(not a.ready for a in reply.files):
            await interaction.response.defer()  # the chart draws in a worker thread; Discord wants an answer in 3 s
        reply.files = await drawn(reply.files)
        kwargs: dict[str, Any] = {"embeds": reply.embeds, "view": persistent(reply.view)}
        files = reply.files
        if interaction.response.is_done():
            await with_retry(lambda: interaction.edit_original_response(**kwargs, attachments=_files(files)))
        else:
            await with_retry(lambda: interaction.response.edit_message(**kwargs, attachments=_files(files)))

    def value(self) -> str | None:
        return None


class PagerButton(_PagerControl[discord.ui.Button[Any]], template=PAGER_BUTTON_ID):
    """◀ Prev and Next ▶: the page before or after the one shown."""


class PagerSelect(_PagerControl[discord.ui.Select[Any]], template=PAGER_JUMP_ID):
    """The section select: the page it names."""

    def value(self) -> str | None:
        return self.item.values[0] if self.item.values else None


class PickerSelect(_Control[discord.ui.Select[Any]], template=PICK_ID):
    """Pick a model: the command that asked continues with it."""

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer()  # answer Discord first: the pick may build a report and draw a chart
        saved = await self.saved(interaction)
        if saved is None or not self.item.values:
            await expired(interaction, None)
            return
        reply = await resume_pick(_press(interaction), saved, self.item.values[0])
        await keep(_context(interaction), reply)
        files = await drawn(reply.files)
        view = persistent(reply.view)
        await with_retry(
            lambda: interaction.edit_original_response(
                content=reply.content, embeds=reply.embeds, view=view, attachments=_files(files)
            )
        )


#: Registered with ``client.add_dynamic_items`` so presses route by custom id, with or without a live view.
DYNAMIC_ITEMS: tuple[type[_Control[Any]], ...] = (PagerButton, PagerSelect, PickerSelect)


class Controls(discord.ui.View):
    """The view a message is sent with: only dynamic items, no timeout, an ``on_error`` like the items'."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception, item: Any, /) -> None:
        log.error("view item %r failed", item, exc_info=error)
        try:
            await tell(interaction, BROKEN)
        except discord.HTTPException:
            log.warning("could not deliver a view's error note", exc_info=True)


def persistent(view: discord.ui.View | None) -> discord.ui.View | None:
    """``view`` with each control wrapped in the dynamic item that answers its custom id (other views as they are).

    Only dynamic items: discord.py then keeps no per-message view in memory, and a press takes the same path before
    and after a restart."""
    if not isinstance(view, SavedView):
        return view
    out = Controls()
    for child in view.children:
        if isinstance(child, discord.ui.Button):
            out.add_item(PagerButton(child))
        elif isinstance(child, discord.ui.Select):
            out.add_item(PickerSelect(child) if PICK_ID.fullmatch(child.custom_id) else PagerSelect(child))
    return out


async def keep(ctx: BotContext, reply: Reply) -> None:
    """Save the state a reply's controls rebuild from, before the message goes out.

    A locked state database costs the buttons (a press then says the controls expired), never the answer."""
    if isinstance(reply.view, SavedView):
        try:
            await ctx.state.keep_view_state(reply.view.saved.key, reply.view.saved.data)
        except StateBusy as exc:
            log.warning("state database busy: the controls of a reply were not saved (%s)", exc.detail)


async def outgoing(ctx: BotContext, reply: Reply) -> dict[str, Any]:
    """``send`` keyword arguments for ``reply``, its controls' state saved and the controls made persistent."""
    await keep(ctx, reply)
    kwargs = reply.send_kwargs()
    if "view" in kwargs:
        kwargs["view"] = persistent(reply.view)
    return kwargs


def _files(files: list[Attachment]) -> list[discord.File]:
    """New file objects for each try (discord.py closes the files of a request it sent)."""
    return [a.to_file() for a in files]


def afresh(kwargs: dict[str, Any], reply: Reply) -> dict[str, Any]:
    """``kwargs`` with new file objects for another try (discord.py closes the files of a request it sent)."""
    return {**kwargs, "files": [a.to_file() for a in reply.files]} if reply.files else kwargs


async def expired(interaction: discord.Interaction[Any], reply: Reply | None) -> None:
    """The state is gone, or the report can no longer be built as it was: say so privately, with whatever the
    command now answers (e.g. a picker when a model left the catalog after a refresh)."""
    if reply is None or reply.view is None:
        await tell(interaction, reply.content if reply is not None and reply.content else EXPIRED)
        return
    kwargs = await outgoing(_context(interaction), reply)
    await with_retry(lambda: interaction.response.send_message(ephemeral=True, **afresh(kwargs, reply)))
