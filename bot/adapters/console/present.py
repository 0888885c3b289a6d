"""Presentation: a reply as console text, and the numbered choices (pager sections, picked models) it offers.

The console drives the same view state as the Discord buttons (``SectionPager.render``, ``ModelPicker.choose``),
only by number.
"""

from __future__ import annotations

import asyncio
import inspect
import tempfile
from collections.abc import Awaitable
from pathlib import Path

from bot.render.reply import Reply
from bot.render.reply_text import render_reply
from bot.render.views import ModelPicker, SectionPager


class Presenter:
    """Turns replies into text and remembers the last reply's controls for a numbered choice."""

    def __init__(self, loop: asyncio.AbstractEventLoop, chart_dir: Path | None = None):
        self.loop = loop
        self.chart_dir = chart_dir
        self.view: SectionPager | ModelPicker | None = None

    def run(self, awaitable: Awaitable[Reply]) -> Reply:
        """Flows that touch the state store are coroutines; the console runs them on its own loop."""
        return self.loop.run_until_complete(awaitable)

    def show(self, reply: Reply) -> str:
        self.view = reply.view if isinstance(reply.view, SectionPager | ModelPicker) else None
        return render_reply(reply, self.chart_dir)

    def choose(self, number: int) -> str:
        """Press the numbered control of the last reply (a pager section or a picked model)."""
        view = self.view
        if isinstance(view, SectionPager):
            if not 1 <= number <= len(view.pages):
                return f"Choose 1–{len(view.pages)}."
            return self.show(view.render(number - 1))
        assert isinstance(view, ModelPicker)
        if not 1 <= number <= len(view.candidates):
            return f"Choose 1–{len(view.candidates)}."
        result = view.choose(view.candidates[number - 1][0])
        return self.show(self.run(result) if inspect.isawaitable(result) else result)


def default_chart_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="llm-bot-charts-"))
