"""Dispatch: one console line -> a flow call (chat goes to the ask flow, ``/name ...`` to that command's flow).

The console behaves like one Discord channel and uses the same flows as the bot; ``present`` turns the replies
into text and ``loop`` reads the lines.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.adapters.console.present import Presenter
from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.flows.filter_options import add_filter_args, filter_from_args
from bot.flows.help import CommandLine, help_flow
from bot.flows.lookup import ChatSession, ask_flow, compare_flow, cost_flow, model_flow, models_flow
from bot.flows.procurement import (
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
from bot.flows.traffic_options import add_traffic_args, profile_from_args
from bot.render.reply import Reply
from bot.state.base import StateBusy
from bot.state.store import StateStore
from catalog.service import Catalog

HELP = """Type chat as you would in a channel (questions that name a model get an answer; add @bot to always
get one), or a command:
  /compare A vs B [vs C vs D]      /model NAME       /ask QUESTION
  /cost MODEL [--requests-per-day N | --requests-per-month N] [--input-tokens N] [--output-tokens N] [--cache-hit X]
  /models [--open-weights] [--min-context N] [--capability tool_use] [--max-output-price P] [--provider P]
  /traffic show | set --requests-per-day N ...    /shortlist show | add M | remove M | clear
  /export [A vs B]   /changes [days]   /passive on|off   a number picks a numbered choice   /help   /quit"""


#: What a chat line that gets no answer prints, so silence is not mistaken for a failure.
NO_REPLY = "(no reply: no question about a model found; start the line with @bot to ask anyway)"


class Console:
    """One channel's worth of state: the passive switch, the server's traffic, and the presenter (last controls)."""

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
        help_commands: Sequence[CommandLine] = (),
    ):
        self.catalog = catalog
        self._profile = profile or TrafficProfile()
        self.state = state
        self.catalog_path = catalog_path
        self.present = Presenter(loop or asyncio.new_event_loop(), chart_dir)
        self.passive = True
        self.chat = ChatSession(catalog, self._profile)
        """The console is one channel: its memory makes "and opus?" a follow-up of the line before."""
        self.user_id = 1
        self.help_commands = help_commands
        """The Discord commands (from the wiring, which reads the bot's command tree) for the categorised /help."""

    @property
    def profile(self) -> TrafficProfile:
        """The console server's saved traffic when there is one, else the profile it was started with."""
        if self.state is not None and self.state.has_profile(self.GUILD):
            return self.state.profile(self.GUILD)
        return self._profile

    def _scope(self) -> Scope:
        if self.state is None or self.catalog_path is None:
            raise ValueError("procurement commands need the state database (start with `python -m bot console`)")
        return Scope(self.catalog, self.state, self.GUILD, self.user_id, self.catalog_path, Freshness())

    def handle(self, line: str) -> str:
        """The console's answer to one input line ("" when the bot would stay silent)."""
        try:
            return self._handle(line)
        except StateBusy as exc:  # a write met a locked state database: nothing changed, the console goes on
            return str(exc)

    def _handle(self, line: str) -> str:
        line = line.strip()
        if not line:
            return ""
        if line.isdigit() and self.present.view is not None:
            return self.present.choose(int(line))
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
        self.chat.profile, self.chat.addressed = self.profile, addressed
        reply = self.chat.reply(line.replace("@bot", " "))
        return NO_REPLY if reply is None else self.present.show(reply)

    def _commands(self) -> dict[str, Callable[[str], str]]:
        return {
            "compare": self._compare,
            "cost": self._cost,
            "model": lambda rest: self.present.show(model_flow(self.catalog, rest, self.user_id)),
            "ask": lambda rest: self.present.show(
                ask_flow(self.catalog, rest, self.profile, addressed=True) or Reply(content="(no answer)")
            ),
            "models": self._models,
            "passive": self._passive,
            "traffic": self._traffic,
            "shortlist": self._shortlist,
            "export": lambda rest: self.present.show(self.present.run(export(self._scope(), _names(rest) or None))),
            "changes": lambda rest: self.present.show(self.present.run(changes_flow(self._scope(), int(rest or 30)))),
            "help": self._help,
        }

    def _help(self, rest: str) -> str:
        """The categorised list /help shows in Discord, then the console's own syntax."""
        if not self.help_commands:
            return HELP
        return f"{self.present.show(help_flow(self.help_commands))}\n\nIn this console:\n{HELP}"

    def _compare(self, rest: str) -> str:
        return self.present.show(compare_flow(self.catalog, _names(rest), self.profile, self.user_id))

    def _traffic(self, rest: str) -> str:
        action, _, options = rest.partition(" ")
        if action == "show" or not action:
            return self.present.show(self.present.run(traffic_show(self._scope())))
        if action != "set":
            return "Use /traffic show or /traffic set --requests-per-day N --input-tokens N ..."
        parser = _Parser(prog="/traffic set")
        add_traffic_args(parser)
        args = parser.parse_args(shlex.split(options))
        fields = {k: v for k, v in vars(args).items() if v is not None}
        return self.present.show(self.present.run(traffic_set(self._scope(), **fields)))

    def _shortlist(self, rest: str) -> str:
        action, _, name = rest.partition(" ")
        scope = self._scope()
        if action in ("", "show"):
            return self.present.show(self.present.run(shortlist_show(scope)))
        if action == "clear":
            return self.present.show(self.present.run(shortlist_clear(scope)))
        if action in ("add", "remove") and name.strip():
            flow = shortlist_add if action == "add" else shortlist_remove
            return self.present.show(self.present.run(flow(scope, name.strip())))
        return "Use /shortlist show | add MODEL | remove MODEL | clear."

    def _cost(self, rest: str) -> str:
        parser = _Parser(prog="/cost")
        parser.add_argument("model", nargs="+")
        add_traffic_args(parser)
        args = parser.parse_args(shlex.split(rest))
        profile = profile_from_args(args, self.profile)
        return self.present.show(cost_flow(self.catalog, " ".join(args.model), profile, self.user_id))

    def _models(self, rest: str) -> str:
        parser = _Parser(prog="/models")
        add_filter_args(parser)
        args = parser.parse_args(shlex.split(rest))
        return self.present.show(models_flow(self.catalog, filter_from_args(args), self.profile))

    def _passive(self, rest: str) -> str:
        if rest not in ("on", "off"):
            return "Use /passive on or /passive off."
        self.passive = rest == "on"
        return f"Passive answers are {rest}."


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so a typo never ends the console."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(f"{self.prog}: {message}")


#: "A vs B": one whitespace character each side (the names are stripped after), so a long run of spaces is read in
#: linear time; ``\s+vs\.?\s+`` retried the whole run from each of its spaces.
_VS = re.compile(r"\svs\.?\s")


def _names(rest: str) -> list[str]:
    """Model names from "A vs B", "A, B" or shell-quoted words."""
    if _VS.search(rest):
        names = _VS.split(rest)
    elif "," in rest:
        names = rest.split(",")
    else:
        names = shlex.split(rest)
    return [n.strip() for n in names if n.strip()]
