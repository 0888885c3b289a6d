"""discord.ui views: the section pager and the pick-a-model select, with their state in the custom ids.

Views outlive the process: each control's custom id names the invoker and a short key of the state that rebuilds
the message (a /compare's models and traffic, a picker's command and arguments). The state itself is too long for
Discord's 100-character custom id (four model ids alone can pass it), so the Discord adapter stores it under that
key in the state database (``Saved``) and answers presses with ``DynamicItem`` classes matched by ``PAGER_ID`` /
``PICK_ID`` — so a button pressed after a restart, or on another shard, still works.

State changes are pure (``render`` / ``choose`` return a ``Reply``) so the console drives the same logic by number;
the adapters only deliver the new reply.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import discord

from bot.limits import CUSTOM_ID, SELECT_TEXT, clip
from bot.render.embeds import Page
from bot.render.reply import Attachment, Reply

#: What a picker continuation gives back: the reply, or an awaitable of it (flows that write state).
Continued = Reply | Awaitable[Reply]
NOT_YOURS = "Only the person who asked can use these controls. Run the command yourself to get your own copy."
#: Hex characters of the state hash a custom id carries (64 bits: collisions are not a practical concern).
KEY_CHARS = 16
_KEY, _USER = rf"(?P<key>[0-9a-f]{{{KEY_CHARS}}})", r"(?P<invoker>[0-9]{1,20})"


def _pager(actions: str) -> re.Pattern[str]:
    return re.compile(rf"pager:{_KEY}:{_USER}:(?P<shown>[0-9]{{1,2}}):(?P<action>{actions})")


#: ``pager:KEY:INVOKER:SHOWN:ACTION``: prev / next buttons and the jump select of a report shown at page SHOWN.
PAGER_ID = _pager("prev|next|jump")
#: The buttons' and the select's own templates (discord.py keys dynamic items by template, so they must differ).
PAGER_BUTTON_ID, PAGER_JUMP_ID = _pager("prev|next"), _pager("jump")
#: ``pick:KEY:INVOKER``: the model select; the option's value is the model id.
PICK_ID = re.compile(rf"pick:{_KEY}:{_USER}")


@dataclass(frozen=True, slots=True)
class Saved:
    """A control's state as JSON and the short key (a hash of it) its custom ids carry.

    Equal states share a key, so a teammate's identical /compare reuses the stored row."""

    key: str
    data: str

    @classmethod
    def of(cls, state: Mapping[str, Any]) -> Saved:
        data = json.dumps(state, sort_keys=True, separators=(",", ":"))
        return cls(hashlib.sha256(data.encode()).hexdigest()[:KEY_CHARS], data)

    def load(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.data)
        return loaded


def pager_id(key: str, invoker_id: int, shown: int, action: str) -> str:
    custom_id = f"pager:{key}:{invoker_id}:{shown}:{action}"
    assert len(custom_id) <= CUSTOM_ID and PAGER_ID.fullmatch(custom_id), custom_id
    return custom_id


def pick_id(key: str, invoker_id: int) -> str:
    custom_id = f"pick:{key}:{invoker_id}"
    assert len(custom_id) <= CUSTOM_ID and PICK_ID.fullmatch(custom_id), custom_id
    return custom_id


class SavedView(discord.ui.View):
    """A view whose controls are rebuilt from ``saved`` on every press: no timeout, nothing held in memory."""

    def __init__(self, invoker_id: int, saved: Saved):
        super().__init__(timeout=None)
        self.invoker_id = invoker_id
        self.saved = saved


class SectionPager(SavedView):
    """Prev / Next buttons and a section select over a report's pages; a press edits the message in place."""

    def __init__(
        self, pages: list[Page], invoker_id: int, saved: Saved, chart: Attachment | None = None, index: int = 0
    ):
        super().__init__(invoker_id, saved)
        self.pages = pages
        self.chart = chart
        self.index = max(0, min(index, len(pages) - 1))
        self.prev: discord.ui.Button[Any] = discord.ui.Button(label="◀ Prev", style=discord.ButtonStyle.secondary)
        self.next: discord.ui.Button[Any] = discord.ui.Button(label="Next ▶", style=discord.ButtonStyle.primary)
        self.section: discord.ui.Select[Any] = discord.ui.Select(placeholder="Jump to a section…", row=1)
        self.section.options = [discord.SelectOption(label=clip(p.label, SELECT_TEXT), value=p.key) for p in pages[:25]]
        for item in (self.prev, self.next, self.section):
            self.add_item(item)
        self._sync()

    def _sync(self) -> None:
        """Custom ids carry the page shown, so a press knows where it came from without any memory."""
        key, user = self.saved.key, self.invoker_id
        self.prev.custom_id = pager_id(key, user, self.index, "prev")
        self.next.custom_id = pager_id(key, user, self.index, "next")
        self.section.custom_id = pager_id(key, user, self.index, "jump")
        self.prev.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        for option in self.section.options:
            option.default = option.value == self.pages[self.index].key

    def target(self, shown: int, action: str, value: str | None = None) -> int:
        """The page a press goes to: one before or after ``shown``, or the section ``value`` names."""
        if action == "jump":
            keys = [p.key for p in self.pages]
            return keys.index(value) if value in keys else shown
        return shown - 1 if action == "prev" else shown + 1

    def render(self, index: int) -> Reply:
        """The reply showing page ``index`` (the chart is attached only to the page that shows it)."""
        self.index = max(0, min(index, len(self.pages) - 1))
        self._sync()
        page = self.pages[self.index]
        files = [self.chart] if page.wants_chart and self.chart is not None else []
        return Reply(embeds=[page.embed], view=self, files=files)


class ModelPicker(SavedView):
    """A select of candidate models; picking one continues the command that needed it.

    ``continuation`` serves the console (in memory); ``saved`` names the command and arguments, so the Discord
    adapter can continue the same command after a restart. Either returns the next reply, or an awaitable of it
    when the command writes state.
    """

    def __init__(
        self, candidates: list[tuple[str, str]], invoker_id: int, continuation: Callable[[str], Continued], saved: Saved
    ):
        super().__init__(invoker_id, saved)
        self.candidates = candidates[:25]
        self.continuation = continuation
        self.pick: discord.ui.Select[Any] = discord.ui.Select(
            placeholder="Pick the model you mean…", custom_id=pick_id(saved.key, invoker_id), row=0
        )
        self.pick.options = [
            discord.SelectOption(label=clip(name, SELECT_TEXT), value=mid, description=clip(mid, SELECT_TEXT))
            for mid, name in self.candidates
        ]
        self.add_item(self.pick)

    def choose(self, model_id: str) -> Continued:
        """The reply (or an awaitable of it) the command gives once ``model_id`` is chosen."""
        return self.continuation(model_id)
