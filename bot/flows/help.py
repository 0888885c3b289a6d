"""/help: every command by category, one line each, from the command list the caller registered.

The list comes from the Discord command tree (names and descriptions as Discord shows them), so the help cannot
drift from the commands; only the category of each top-level command is kept here. A command missing from
``CATEGORIES`` still shows, under "Other" (a test keeps that section empty).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.render.help import help_embed
from bot.render.reply import Reply

CATEGORIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Compare & look up", frozenset({"compare", "model", "models"})),
    ("Cost & procurement", frozenset({"cost", "traffic", "shortlist", "export", "changes"})),
    ("Chat", frozenset({"ask", "passive", "help"})),
    ("Admin", frozenset({"digest", "sync", "catalog"})),
)
OTHER = "Other"
INTRO = (
    "Ask about models in plain words: @mention me, DM me, or just ask in a channel where passive answers are on. "
    "Heavy commands and @mentions have short cooldowns, per user and per channel."
)


@dataclass(frozen=True, slots=True)
class CommandLine:
    """One invocable command: ``name`` with its group (``traffic set``), and its description."""

    name: str
    description: str


def category_of(name: str) -> str:
    root = name.split(" ", 1)[0]
    return next((title for title, names in CATEGORIES if root in names), OTHER)


def sections(commands: Sequence[CommandLine]) -> list[tuple[str, list[CommandLine]]]:
    """Commands grouped in ``CATEGORIES`` order (then "Other"), sorted by name inside each group."""
    titles = [title for title, _ in CATEGORIES] + [OTHER]
    grouped: dict[str, list[CommandLine]] = {title: [] for title in titles}
    for cmd in sorted(set(commands), key=lambda c: c.name):
        grouped[category_of(cmd.name)].append(cmd)
    return [(title, grouped[title]) for title in titles if grouped[title]]


def help_flow(commands: Sequence[CommandLine]) -> Reply:
    """The categorised list as one private embed."""
    lines = [(title, [(f"/{c.name}", c.description) for c in cmds]) for title, cmds in sections(commands)]
    return Reply(embeds=[help_embed(INTRO, lines)], ephemeral=True)
