"""``python -m bot traffic | shortlist | export | changes``: the procurement flows for scripts.

The CLI acts as one server (``--guild``, default 0, the console's) in the bot's state database: the one the
settings name (``BOT_STATE_DB`` or ``STATE_DATABASE_URL``, as the running bot reads them), so a change made here is
the bot's too. A failure is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TextIO

from bot.answers.freshness import Freshness
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
from bot.flows.traffic_options import add_traffic_args
from bot.render.reply import Reply
from bot.render.reply_text import render_reply
from bot.settings import Settings
from bot.state.base import StateBusy, StateUnavailable
from bot.state.store import StateStore
from catalog.errors import CatalogError
from catalog.service import Catalog

COMMANDS = ("traffic", "shortlist", "export", "changes")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tr = sub.add_parser("traffic", help="this server's traffic profile: show | set [traffic options]")
    tr.add_argument("action", choices=["show", "set"])
    add_traffic_args(tr)
    sl = sub.add_parser("shortlist", help="the shortlist: show | add MODEL | remove MODEL | clear")
    sl.add_argument("action", choices=["show", "add", "remove", "clear"])
    sl.add_argument("model", nargs="?", metavar="MODEL")
    ex = sub.add_parser("export", help="the shortlist (no models) or a comparison as CSV and Markdown files")
    ex.add_argument("models", nargs="*", metavar="MODEL")
    ex.add_argument("--out", type=Path, default=Path("."), help="folder to write the files to")
    ch = sub.add_parser("changes", help="recent price changes")
    ch.add_argument("--days", type=int, default=30)
    for p in (tr, sl, ex, ch):
        p.add_argument("--guild", type=int, default=0, help="server id whose state to use (default 0)")
        p.add_argument("--state-db", type=Path, default=None, help="bot state database (default: the bot's)")
        p.add_argument("--json", action="store_true", help="print the exact Discord message payload")


def run(catalog: Catalog, settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    try:
        return asyncio.run(_run(catalog, settings, args, out))
    except StateBusy as exc:  # a write met a locked state database: nothing changed, say so and fail
        err.write(f"error: {exc}\n")
        return 1
    except StateUnavailable as exc:  # PostgreSQL down
        err.write(f"error: {exc}; nothing was changed\n")
        return 1
    except BrokenPipeError:
        raise  # the reader went away (``| head``): the entry point ends quietly
    except (CatalogError, ValueError, OSError) as exc:
        err.write(f"error: {exc}\n")
        return 2


async def _run(catalog: Catalog, settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    state = await StateStore.connect(args.state_db or settings.state_target)
    try:
        scope = Scope(catalog, state, args.guild, 0, settings.catalog_path, Freshness(settings.stale_after_days))
        reply = await _dispatch(scope, args)
    finally:
        await state.close()
    if args.command == "export" and not args.json:
        args.out.mkdir(parents=True, exist_ok=True)
        for a in reply.files:
            (args.out / a.filename).write_bytes(a.data)
    if args.json:
        out.write(json.dumps(reply.payload(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(render_reply(reply, args.out if args.command == "export" else None) + "\n")
    return 2 if reply.ephemeral and reply.content and "nothing was changed" in reply.content else 0


async def _dispatch(scope: Scope, args: argparse.Namespace) -> Reply:
    if args.command == "traffic":
        if args.action == "show":
            return await traffic_show(scope)
        fields = {k: getattr(args, k) for k in (
            "requests_per_month", "requests_per_day", "input_tokens", "output_tokens", "cache_hit", "cache_write",
            "cache_write_1h", "long_context_share", "batch_share", "days_per_month",
        )}  # fmt: skip
        return await traffic_set(scope, **fields)
    if args.command == "shortlist":
        if args.action in ("add", "remove") and not args.model:
            raise ValueError(f"shortlist {args.action} needs a MODEL")
        if args.action == "add":
            return await shortlist_add(scope, args.model)
        if args.action == "remove":
            return await shortlist_remove(scope, args.model)
        if args.action == "clear":
            return await shortlist_clear(scope)
        return await shortlist_show(scope)
    if args.command == "export":
        return await export(scope, args.models or None)
    return await changes_flow(scope, args.days)
