"""``python -m bot <command> ... [--json]``: the same handlers the bot uses, for scripts and tests."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from catalog.errors import AmbiguousModel, CatalogError, ModelNotFound
from catalog.matching import Mentions
from catalog.paths import default_db_path
from catalog.service import Catalog, open_catalog


def mentions_payload(found: Mentions) -> dict[str, Any]:
    """The JSON shape of ``mentions``: spans, model ids and scores, plus family hints."""
    return {
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "model_id": m.model_id,
                "name": m.name,
                "score": m.score,
            }
            for m in found.mentions
        ],
        "families": list(found.families),
    }


def resolve_payload(catalog: Catalog, query: str) -> dict[str, Any]:
    """The JSON shape of ``resolve``: one model, or candidates, or suggestions."""
    try:
        hit = catalog.index.resolve(query)
    except AmbiguousModel as exc:
        return {
            "query": query,
            "status": "ambiguous",
            "candidates": [{"id": i, "name": n} for i, n in exc.candidates],
        }
    except ModelNotFound as exc:
        return {"query": query, "status": "not_found", "suggestions": list(exc.suggestions)}
    return {
        "query": query,
        "status": "resolved",
        "how": hit.how,
        "score": hit.score,
        "model": {"id": hit.model_id, "name": hit.name},
    }


def _print_mentions(found: Mentions, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(mentions_payload(found), ensure_ascii=False) + "\n")
        return
    if not found.mentions and not found.families:
        out.write("(no model named)\n")
    for m in found.mentions:
        out.write(f"{m.start}-{m.end} {m.text!r} -> {m.name} ({m.model_id})\n")
    if found.families:
        out.write(f"families: {', '.join(found.families)}\n")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="LLM buyer's bot: commands for scripts.")
    p.add_argument("--db", type=Path, default=None, help="catalog database (default: $LLM_CATALOG_DB)")
    sub = p.add_subparsers(dest="command", required=True)
    me = sub.add_parser("mentions", help="models named in a chat message (stdin: one message per line)")
    me.add_argument("text", nargs="?", metavar="TEXT")
    me.add_argument("--json", action="store_true")
    re_ = sub.add_parser("resolve", help="resolve a model name as a command argument would")
    re_.add_argument("query", metavar="QUERY")
    re_.add_argument("--json", action="store_true")
    return p


def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    args = _parser().parse_args(argv)
    out = stdout or sys.stdout
    try:
        catalog = asyncio.run(open_catalog(args.db or default_db_path()))
    except (CatalogError, OSError) as exc:
        print(f"error: cannot open the catalog: {exc}", file=sys.stderr)
        return 2
    commands: dict[str, Callable[[Catalog, argparse.Namespace, TextIO, TextIO], int]] = {
        "mentions": _mentions,
        "resolve": _resolve,
    }
    return commands[args.command](catalog, args, stdin or sys.stdin, out)


def _mentions(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    if args.text is not None:
        _print_mentions(catalog.index.mentions(args.text), args.json, out)
        return 0
    for line in stdin:  # batch mode: one message per line, one result per line
        _print_mentions(catalog.index.mentions(line.rstrip("\n")), args.json, out)
    return 0


def _resolve(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    payload = resolve_payload(catalog, args.query)
    if args.json:
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    elif payload["status"] == "resolved":
        out.write(f"{payload['model']['name']} ({payload['model']['id']}) [{payload['how']}]\n")
    elif payload["status"] == "ambiguous":
        names = ", ".join(c["name"] for c in payload["candidates"][:10])
        out.write(f"{args.query!r} could mean: {names}\n")
    else:
        hint = f"; did you mean {', '.join(payload['suggestions'])}?" if payload["suggestions"] else ""
        out.write(f"no model matches {args.query!r}{hint}\n")
    return 0
