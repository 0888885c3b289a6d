"""An interactive console that behaves like one Discord channel: chat lines and slash commands in, replies
out as text (embeds as sections, buttons and selects as numbered choices). Same flows as the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import re
import shlex
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.filter_args import add_filter_args, filter_from_args
from bot.flows import ask_flow, compare_flow, cost_flow, model_flow, models_flow
from bot.procurement import (
    Scope,
    changes_flow,
    export,
    shortlist_add,
    shortlist_clear,
    shortlist_remove,
    shortlist_show,
    traffic_set,
    traffic_show,
)
from bot.render.reply import Reply
from bot.state import StateStore
from bot.traffic_args import add_traffic_args, profile_from_args
from bot.views import ModelPicker, SectionPager
from catalog.service import Catalog

HELP = """Type chat as you would in a channel (questions that name a model get an answer; add @bot to always
get one), or a command:
  /compare A vs B [vs C vs D]      /model NAME       /ask QUESTION
  /cost MODEL [--requests-per-day N | --requests-per-month N] [--input-tokens N] [--output-tokens N] [--cache-hit X]
  /models [--open-weights] [--min-context N] [--capability tool_use] [--max-output-price P] [--provider P]
  /traffic show | set --requests-per-day N ...    /shortlist show | add M | remove M | clear
  /export [A vs B]   /changes [days]   /passive on|off   a number picks a numbered choice   /help   /quit"""
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_reply(reply: Reply, chart_dir: Path | None = None) -> str:
    """A reply as console text; attachments are written to ``chart_dir`` and named."""
    out: list[str] = []
    if reply.content:
        out.append(reply.content)
    for embed in reply.embeds:
        out.append(f"── {embed.title} ──")
        if embed.description:
            out.append(_BOLD.sub(r"\1", embed.description))
        for f in embed.fields:
            out.append(f"▸ {f.name}")
            out += ["  " + _BOLD.sub(r"\1", line) for line in (f.value or "").splitlines()]
        if embed.footer and embed.footer.text:
            out.append(f"({embed.footer.text})")
    for a in reply.files:
        if chart_dir is not None:
            path = chart_dir / a.filename
            path.write_bytes(a.data)
            out.append(f"[file saved: {path}]")
        else:
            out.append(f"[attachment: {a.filename}]")
    if isinstance(reply.view, SectionPager):
        current = reply.view.index
        choices = "  ".join(
            f"[{i}]{'*' if i - 1 == current else ''} {p.label}" for i, p in enumerate(reply.view.pages, 1)
        )
        out.append(f"Sections: {choices}")
    elif isinstance(reply.view, ModelPicker):
        out.append("Pick one: " + "  ".join(f"[{i}] {n}" for i, (_, n) in enumerate(reply.view.candidates, 1)))
    return "\n".join(out)


class Console:
    """One channel's worth of state: the last view (for numbered choices) and the passive switch."""

    #: The console is one server: its state lives under this guild id in the state database.
    GUILD = 0

    def __init__(
        self,
        catalog: Catalog,
        profile: TrafficProfile | None = None,
        chart_dir: Path | None = None,
        state: StateStore | None = None,
        catalog_path: Path | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
    ):
        self.catalog = catalog
        self._profile = profile or TrafficProfile()
        self.chart_dir = chart_dir
        self.state = state
        self.catalog_path = catalog_path
        self.loop = loop or asyncio.new_event_loop()
        self.view: SectionPager | ModelPicker | None = None
        self.passive = True
        self.user_id = 1

    @property
    def profile(self) -> TrafficProfile:
        """The console server's saved traffic when there is one, else the profile it was started with."""
        if self.state is not None and self.state.has_profile(self.GUILD):
            return self.state.profile(self.GUILD)
        return self._profile

    def _run(self, awaitable: Awaitable[Reply]) -> Reply:
        return self.loop.run_until_complete(awaitable)

    def _scope(self) -> Scope:
        if self.state is None or self.catalog_path is None:
            raise ValueError("procurement commands need the state database (start with `python -m bot console`)")
        return Scope(self.catalog, self.state, self.GUILD, self.user_id, self.catalog_path, Freshness())

    def handle(self, line: str) -> str:
        """The console's answer to one input line ("" when the bot would stay silent)."""
        line = line.strip()
        if not line:
            return ""
        if line.isdigit() and self.view is not None:
            return self._choose(int(line))
        if line.startswith("/"):
            name, _, rest = line[1:].partition(" ")
            command = self._commands().get(name.lower())
            if command is None:
                return f"Unknown command /{name}. {HELP}"
            try:
                return command(rest.strip())
            except (ValueError, SystemExit) as exc:
                return f"That did not work: {exc}" if str(exc) else "That did not work: check the options (/help)."
        addressed = "@bot" in line.lower()
        if not (self.passive or addressed):
            return ""
        reply = ask_flow(self.catalog, line.replace("@bot", " "), self.profile, addressed=addressed)
        return "" if reply is None else self._show(reply)

    def _commands(self) -> dict[str, Callable[[str], str]]:
        return {
            "compare": self._compare,
            "cost": self._cost,
            "model": lambda rest: self._show(model_flow(self.catalog, rest, self.user_id)),
            "ask": lambda rest: self._show(
                ask_flow(self.catalog, rest, self.profile, addressed=True) or Reply(content="(no answer)")
            ),
            "models": self._models,
            "passive": self._passive,
            "traffic": self._traffic,
            "shortlist": self._shortlist,
            "export": lambda rest: self._show(self._run(export(self._scope(), _names(rest) or None))),
            "changes": lambda rest: self._show(self._run(changes_flow(self._scope(), int(rest or 30)))),
            "help": lambda rest: HELP,
        }

    def _show(self, reply: Reply) -> str:
        self.view = reply.view if isinstance(reply.view, SectionPager | ModelPicker) else None
        return render_reply(reply, self.chart_dir)

    def _choose(self, number: int) -> str:
        view = self.view
        if isinstance(view, SectionPager):
            if not 1 <= number <= len(view.pages):
                return f"Choose 1–{len(view.pages)}."
            return self._show(view.render(number - 1))
        assert isinstance(view, ModelPicker)
        if not 1 <= number <= len(view.candidates):
            return f"Choose 1–{len(view.candidates)}."
        result = view.choose(view.candidates[number - 1][0])
        return self._show(self._run(result) if inspect.isawaitable(result) else result)

    def _compare(self, rest: str) -> str:
        return self._show(compare_flow(self.catalog, _names(rest), self.profile, self.user_id))

    def _traffic(self, rest: str) -> str:
        action, _, options = rest.partition(" ")
        if action == "show" or not action:
            return self._show(self._run(traffic_show(self._scope())))
        if action != "set":
            return "Use /traffic show or /traffic set --requests-per-day N --input-tokens N ..."
        parser = _Parser(prog="/traffic set")
        add_traffic_args(parser)
        args = parser.parse_args(shlex.split(options))
        fields = {k: v for k, v in vars(args).items() if v is not None}
        return self._show(self._run(traffic_set(self._scope(), **fields)))

    def _shortlist(self, rest: str) -> str:
        action, _, name = rest.partition(" ")
        scope = self._scope()
        if action in ("", "show"):
            return self._show(self._run(shortlist_show(scope)))
        if action == "clear":
            return self._show(self._run(shortlist_clear(scope)))
        if action in ("add", "remove") and name.strip():
            flow = shortlist_add if action == "add" else shortlist_remove
            return self._show(self._run(flow(scope, name.strip())))
        return "Use /shortlist show | add MODEL | remove MODEL | clear."

    def _cost(self, rest: str) -> str:
        parser = _Parser(prog="/cost")
        parser.add_argument("model", nargs="+")
        add_traffic_args(parser)
        args = parser.parse_args(shlex.split(rest))
        profile = profile_from_args(args, self.profile)
        return self._show(cost_flow(self.catalog, " ".join(args.model), profile, self.user_id))

    def _models(self, rest: str) -> str:
        parser = _Parser(prog="/models")
        add_filter_args(parser)
        args = parser.parse_args(shlex.split(rest))
        return self._show(models_flow(self.catalog, filter_from_args(args), self.profile))

    def _passive(self, rest: str) -> str:
        if rest not in ("on", "off"):
            return "Use /passive on or /passive off."
        self.passive = rest == "on"
        return f"Passive answers are {rest}."

    def run(self, read: Callable[[str], str] = input, out: TextIO = sys.stdout) -> int:
        out.write(f"LLM buyer's bot — console mode ({len(self.catalog.models):,} models). /help for commands.\n")
        while True:
            try:
                line = read("> ")
            except (EOFError, KeyboardInterrupt):
                out.write("\n")
                return 0
            if line.strip() in ("/quit", "/exit"):
                return 0
            text = self.handle(line)
            if text:
                out.write(text + "\n")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so a typo never ends the console."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(f"{self.prog}: {message}")


def _names(rest: str) -> list[str]:
    """Model names from "A vs B", "A, B" or shell-quoted words."""
    if re.search(r"\s+vs\.?\s+", rest):
        names = re.split(r"\s+vs\.?\s+", rest)
    elif "," in rest:
        names = rest.split(",")
    else:
        names = shlex.split(rest)
    return [n.strip() for n in names if n.strip()]


def default_chart_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="llm-bot-charts-"))
