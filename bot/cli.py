"""``python -m bot <command> ... [--json]``: the same handlers the bot uses, for scripts and tests."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from bot.answers.costs import TrafficProfile
from bot.handlers import ask_handler, compare_handler, cost_handler
from bot.render import text as render_text
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
    co = sub.add_parser("compare", help="comparison report for 2-4 models")
    co.add_argument("models", nargs="+", metavar="MODEL")
    co.add_argument("--json", action="store_true")
    _traffic_args(co)
    ask = sub.add_parser("ask", help="what the bot would reply to a chat message (nothing if silent)")
    ask.add_argument("question", metavar="QUESTION")
    ask.add_argument("--addressed", action="store_true", help="as if the message mentioned the bot")
    ask.add_argument("--json", action="store_true")
    _traffic_args(ask)
    cost = sub.add_parser("cost", help="monthly cost of one model at your traffic, per route")
    cost.add_argument("model", metavar="MODEL")
    cost.add_argument("--json", action="store_true")
    _traffic_args(cost)
    return p


def _traffic_args(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--requests-per-month", type=int, default=None)
    group.add_argument("--requests-per-day", type=int, default=None)
    p.add_argument("--input-tokens", type=int, default=None, help="prompt tokens per request (default 500)")
    p.add_argument("--output-tokens", type=int, default=None, help="completion tokens per request (default 350)")
    p.add_argument("--cache-hit", type=float, default=None, help="share of input served from cache, 0..1")
    p.add_argument("--long-context-share", type=float, default=None, help="share of requests above a tier, 0..1")
    p.add_argument("--batch-share", type=float, default=None, help="share of requests sent via batch, 0..1")
    p.add_argument("--days-per-month", type=int, default=None)


def profile_from_args(args: argparse.Namespace) -> TrafficProfile:
    """A traffic profile from CLI flags; invalid values raise ``ValueError`` with a readable message."""
    fields = {
        "input_tokens": args.input_tokens,
        "output_tokens": args.output_tokens,
        "cache_hit": args.cache_hit,
        "long_context_share": args.long_context_share,
        "batch_share": args.batch_share,
        "days_per_month": args.days_per_month,
        "requests_per_month": args.requests_per_month,
    }
    given = {k: v for k, v in fields.items() if v is not None}
    try:
        if args.requests_per_day is not None:
            if args.requests_per_day < 0:
                raise ValueError("--requests-per-day must be 0 or more")
            days = given.get("days_per_month", 30)
            given["requests_per_month"] = args.requests_per_day * days
        return TrafficProfile(**given)
    except ValidationError as exc:
        raise ValueError(traffic_error(exc)) from None


def traffic_error(exc: ValidationError) -> str:
    """One line naming the bad option and its allowed range."""
    parts = []
    for err in exc.errors():
        field = ".".join(str(x) for x in err["loc"]) or "traffic"
        parts.append(f"--{field.replace('_', '-')}: {err['msg']}" if field != "traffic" else err["msg"])
    return "; ".join(parts)


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
        "compare": _compare,
        "ask": _ask,
        "cost": _cost,
    }
    try:
        return commands[args.command](catalog, args, stdin or sys.stdin, out)
    except (CatalogError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _emit(out: TextIO, as_json: bool, payload: BaseModel, text: str) -> None:
    out.write((payload.model_dump_json(indent=2) if as_json else text) + "\n")


def _compare(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    report = compare_handler(catalog, args.models, profile_from_args(args))
    _emit(out, args.json, report, render_text.comparison(report))
    return 0


def _ask(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    reply = ask_handler(catalog, args.question, profile_from_args(args), addressed=args.addressed)
    if reply is not None:  # silence prints nothing, and is still a success
        _emit(out, args.json, reply, render_text.faq(reply))
    return 0


def _cost(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    est = cost_handler(catalog, args.model, profile_from_args(args))
    _emit(out, args.json, est, render_text.cost(est))
    return 0


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
