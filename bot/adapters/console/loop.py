"""The input loop: read a line, print the console's answer, until /quit or end of input."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from bot.adapters.console.dispatch import Console


def run(console: Console, read: Callable[[str], str] = input, out: TextIO = sys.stdout) -> int:
    out.write(f"LLM buyer's bot — console mode ({len(console.catalog.models):,} models). /help for commands.\n")
    while True:
        try:
            line = read("> ")
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return 0
        if line.strip() in ("/quit", "/exit"):
            return 0
        text = console.handle(line)
        if text:
            out.write(text + "\n")
