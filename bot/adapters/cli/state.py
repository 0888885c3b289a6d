"""``python -m bot state check | restore [--from FILE]``: the state database's health and its backups.

Needs no catalog, so it works when nothing else starts. The state file is the one the bot uses (``BOT_STATE_DB``
or next to the catalog); ``--file`` names another.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from bot.settings import Settings
from bot.state.backup import backups, problems, restore


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    st = sub.add_parser("state", help="the state database: check its health | restore it from a backup")
    st.add_argument("action", choices=["check", "restore"])
    st.add_argument("--file", type=Path, help="the state database (default: the bot's)")
    st.add_argument("--from", dest="source", type=Path, help="restore from this backup (default: the newest sound one)")


def run(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    path = args.file or settings.state_path
    if args.action == "check":
        found = problems(path)
        out.write(f"{path}: {'; '.join(found) if found else 'sound'}\n")
        kept = backups(path)
        out.write(f"backups ({len(kept)}): {', '.join(p.name for p in kept[:5]) or 'none yet'}\n")
        return 1 if found and path.exists() else 0
    try:
        used, moved = restore(path, args.source)
    except (FileNotFoundError, OSError) as exc:
        err.write(f"error: {exc}; nothing was changed\n")
        return 2
    aside = f"; the old file is kept as {moved.name}" if moved else ""
    out.write(f"restored {path} from {used.name}{aside}\n")
    return 0


__all__ = ["add_parser", "run"]
