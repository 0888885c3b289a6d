"""discord.ui views: the section pager and the pick-a-model select. Invoker-only, with timeouts.

State changes are pure (``render`` / ``continuation`` return a ``Reply``) so the console drives the same
logic by number; the discord callbacks only deliver the new reply.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, cast

import discord

from bot.limits import SELECT_TEXT, clip
from bot.render.embeds import Page
from bot.render.reply import NO_MENTIONS, Attachment, Reply, drawn

log = logging.getLogger(__name__)
#: What a picker continuation gives back: the reply, or an awaitable of it (flows that write state).
Continued = Reply | Awaitable[Reply]
VIEW_TIMEOUT = 600.0
NOT_YOURS = "Only the person who asked can use these controls. Run the command yourself to get your own copy."


class InvokerOnlyView(discord.ui.View):
    """Only the invoker may press; on timeout every item is disabled in place."""

    def __init__(self, invoker_id: int, timeout: float | None = VIEW_TIMEOUT):
        super().__init__(timeout=timeout)
        self.invoker_id = invoker_id
        self.message: discord.Message | discord.InteractionMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.invoker_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    def disable_all(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True

    async def on_timeout(self) -> None:
        self.disable_all()
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException:
                log.debug("could not disable a timed-out view", exc_info=True)


class SectionPager(InvokerOnlyView):
    """Prev / Next buttons and a section select over a report's pages; edits the message in place."""

    def __init__(self, pages: list[Page], invoker_id: int, chart: Attachment | None = None, index: int = 0):
        super().__init__(invoker_id)
        self.pages = pages
        self.chart = chart
        self.index = index
        self._select().options = [
            discord.SelectOption(label=clip(p.label, SELECT_TEXT), value=p.key) for p in pages[:25]
        ]
        self._sync()

    def _sync(self) -> None:
        self.prev.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        for option in self._select().options:
            option.default = option.value == self.pages[self.index].key

    def _select(self) -> discord.ui.Select[Any]:
        return cast("discord.ui.Select[Any]", self.section)

    def render(self, index: int) -> Reply:
        """The reply showing page ``index`` (the chart is attached only to the page that shows it)."""
        self.index = max(0, min(index, len(self.pages) - 1))
        self._sync()
        page = self.pages[self.index]
        files = [self.chart] if page.wants_chart and self.chart is not None else []
        return Reply(embeds=[page.embed], view=self, files=files)

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        target = self.pages[max(0, min(index, len(self.pages) - 1))]
        if target.wants_chart and self.chart is not None and not self.chart.ready:
            await interaction.response.defer()  # the chart draws in a worker thread; Discord wants an answer in 3 s
            await self.chart.drawn()
        reply = self.render(index)
        files = [a.to_file() for a in reply.files if a.data]
        if interaction.response.is_done():
            await interaction.edit_original_response(embeds=reply.embeds, view=self, attachments=files)
        else:
            await interaction.response.edit_message(embeds=reply.embeds, view=self, attachments=files)

    @discord.ui.button(label="◀ Prev", style=discord.ButtonStyle.secondary, custom_id="pager:prev", row=0)
    async def prev(self, interaction: discord.Interaction, button: discord.ui.Button[SectionPager]) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.primary, custom_id="pager:next", row=0)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[SectionPager]) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.select(placeholder="Jump to a section…", custom_id="pager:section", row=1)
    async def section(self, interaction: discord.Interaction, select: discord.ui.Select[SectionPager]) -> None:
        keys = [p.key for p in self.pages]
        await self._show(interaction, keys.index(select.values[0]))


class ModelPicker(InvokerOnlyView):
    """A select of candidate models; picking one continues the command that needed it.

    The continuation returns the next reply, or an awaitable of it when the command writes state.
    """

    def __init__(self, candidates: list[tuple[str, str]], invoker_id: int, continuation: Callable[[str], Continued]):
        super().__init__(invoker_id)
        self.candidates = candidates[:25]
        self.continuation = continuation
        cast("discord.ui.Select[Any]", self.pick).options = [
            discord.SelectOption(label=clip(name, SELECT_TEXT), value=mid, description=clip(mid, SELECT_TEXT))
            for mid, name in self.candidates
        ]

    def choose(self, model_id: str) -> Continued:
        """The reply (or an awaitable of it) the command gives once ``model_id`` is chosen."""
        self.stop()
        return self.continuation(model_id)

    @discord.ui.select(placeholder="Pick the model you mean…", custom_id="picker:model", row=0)
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select[ModelPicker]) -> None:
        await interaction.response.defer()  # answer Discord first: the pick may build a report and draw a chart
        result = self.choose(select.values[0])
        reply = await result if inspect.isawaitable(result) else result
        files = await drawn(reply.files)
        await interaction.edit_original_response(
            content=reply.content, embeds=reply.embeds, view=reply.view, attachments=[a.to_file() for a in files]
        )
        if isinstance(reply.view, InvokerOnlyView):
            reply.view.message = interaction.message
