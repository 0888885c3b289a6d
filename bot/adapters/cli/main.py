"""``python -m bot <command> ... [--json]``: the same handlers the bot uses, for scripts and tests."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel

from bot.adapters.cli import procurement as cli_procurement
from bot.adapters.cli import state as cli_state
from bot.answers.handlers import ask_handler, compare_handler, cost_handler
from bot.flows.filter_options import add_filter_args, filter_from_args
from bot.flows.help import CommandLine, help_flow
from bot.flows.lookup import ask_flow, compare_flow, cost_flow, model_flow, models_flow
from bot.flows.traffic_options import add_traffic_args, profile_from_args
from bot.render import text as render_text
from bot.render.reply import Reply
from bot.render.reply_text import render_reply
from bot.settings import SettingsProblem, load_settings
from catalog.errors import AmbiguousModel, CatalogError, ModelNotFound
from catalog.matching.results import Mentions
from catalog.service import Catalog, open_catalog

#: The user id the CLI acts as (views record an invoker; nobody presses buttons in a script).
CLI_USER = 0


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
    p.add_argument("--db", type=Path, default=None, help="catalog database (default: the bot's, LLM_CATALOG_DB)")
    sub = p.add_subparsers(dest="command", required=True)
    me = sub.add_parser("mentions", help="models named in a chat message (stdin: one message per line)")
    me.add_argument("text", nargs="?", metavar="TEXT")
    me.add_argument("--json", action="store_true")
    re_ = sub.add_parser("resolve", help="resolve a model name as a command argument would")
    re_.add_argument("query", metavar="QUERY")
    re_.add_argument("--json", action="store_true")
    co = sub.add_parser("compare", help="comparison report for 2-4 models")
    co.add_argument("models", nargs="+", metavar="MODEL")
    _output_args(co)
    add_traffic_args(co)
    ask = sub.add_parser("ask", help="what the bot would reply to a chat message (nothing if silent)")
    ask.add_argument("question", metavar="QUESTION")
    ask.add_argument("--addressed", action="store_true", help="as if the message mentioned the bot")
    _output_args(ask)
    add_traffic_args(ask)
    cost = sub.add_parser("cost", help="monthly cost of one model at your traffic, per route")
    cost.add_argument("model", metavar="MODEL")
    _output_args(cost)
    add_traffic_args(cost)
    mo = sub.add_parser("model", help="one model's card (specs, capabilities, routes, sources)")
    mo.add_argument("name", metavar="NAME")
    _output_args(mo)
    ms = sub.add_parser("models", help="filter the catalog, sorted by monthly cost at your traffic")
    add_filter_args(ms)
    _output_args(ms)
    add_traffic_args(ms)
    cli_procurement.add_parsers(sub)
    cli_state.add_parser(sub)
    he = sub.add_parser("help", help="the slash commands by category, as /help shows them")
    he.add_argument("--json", action="store_true", help="print the exact Discord message payload")
    return p


def _output_args(p: argparse.ArgumentParser) -> None:
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print the exact Discord message payload")
    mode.add_argument("--answer", action="store_true", help="print the structured answer (pydantic JSON)")


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    help_commands: Callable[[], Sequence[CommandLine]] | None = None,
) -> int:
    """``help_commands`` lists the slash commands for ``help`` (the wiring reads them from the bot's tree).

    The settings are the bot's (``load_settings``: environment and ``.env``), so the CLI reads and writes the
    very state database a running bot uses; ``--db`` only replaces the catalog path."""
    args = _parser().parse_args(argv)
    out = stdout or sys.stdout
    try:
        settings = load_settings(**({"llm_catalog_db": args.db} if args.db else {}))
    except SettingsProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "state":  # needs no catalog: it must work when nothing else starts
        return cli_state.run(args, settings, out, sys.stderr)
    if args.command == "help":
        if help_commands is None:
            print("error: no command list to show (run `python -m bot help`)", file=sys.stderr)
            return 2
        reply = help_flow(help_commands())
        out.write(
            (json.dumps(reply.payload(), indent=2, ensure_ascii=False) if args.json else render_reply(reply)) + "\n"
        )
        return 0
    try:
        catalog = asyncio.run(open_catalog(settings.catalog_path))
    except (CatalogError, OSError) as exc:
        print(f"error: cannot open the catalog: {exc}", file=sys.stderr)
        return 2
    if args.command in cli_procurement.COMMANDS:
        return cli_procurement.run(catalog, settings, args, out)
    commands: dict[str, Callable[[Catalog, argparse.Namespace, TextIO, TextIO], int]] = {
        "mentions": _mentions,
        "resolve": _resolve,
        "compare": _compare,
        "ask": _ask,
        "cost": _cost,
        "model": _model,
        "models": _models,
    }
    try:
        return commands[args.command](catalog, args, stdin or sys.stdin, out)
    except (CatalogError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _emit(
    out: TextIO, args: argparse.Namespace, reply: Callable[[], Reply | None], answer: BaseModel | None, text: str
) -> None:
    """--json: the exact Discord message payload; --answer: the structured answer; default: text."""
    if args.json:
        r = reply()
        if r is not None:
            out.write(json.dumps(r.payload(), indent=2, ensure_ascii=False) + "\n")
    elif args.answer:
        if answer is not None:
            out.write(answer.model_dump_json(indent=2) + "\n")
    elif text:
        out.write(text + "\n")


def _compare(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    profile = profile_from_args(args)
    if args.json:
        _emit(out, args, lambda: compare_flow(catalog, args.models, profile, CLI_USER), None, "")
        return 0
    report = compare_handler(catalog, args.models, profile)
    _emit(out, args, lambda: None, report, render_text.comparison(report))
    return 0


def _ask(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    profile = profile_from_args(args)
    answer = ask_handler(catalog, args.question, profile, addressed=args.addressed)
    if answer is not None:  # silence prints nothing, and is still a success
        reply = lambda: ask_flow(catalog, args.question, profile, addressed=args.addressed)  # noqa: E731
        _emit(out, args, reply, answer, render_text.faq(answer))
    return 0


def _cost(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    profile = profile_from_args(args)
    if args.json:
        _emit(out, args, lambda: cost_flow(catalog, args.model, profile, CLI_USER), None, "")
        return 0
    est = cost_handler(catalog, args.model, profile)
    _emit(out, args, lambda: None, est, render_text.cost(est))
    return 0


def _model(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    reply = model_flow(catalog, args.name, CLI_USER)
    _emit(out, args, lambda: reply, None, render_reply(reply))
    return 0


def _models(catalog: Catalog, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    reply = models_flow(catalog, filter_from_args(args), profile_from_args(args))
    _emit(out, args, lambda: reply, None, render_reply(reply))
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
