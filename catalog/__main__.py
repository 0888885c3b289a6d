"""``python -m catalog build | import | stats | show | identity | doubts | sources | disagreements | ...``."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from catalog.build import DEFAULT_MAX_SHRINK, build, ensure_built, import_file
from catalog.errors import AmbiguousModel, CatalogError, ModelNotFound, ShrinkRefused
from catalog.models import Model
from catalog.paths import default_db_path
from catalog.pipes import quiet_broken_pipe
from catalog.refresh import DEFAULT_URLS, Limits, refresh
from catalog.reports import disagreements_report, doubts_report, identity_report, sources_report
from catalog.sources import IMPORTERS
from catalog.store.db import Store


def main(argv: list[str] | None = None) -> int:
    return quiet_broken_pipe(lambda: _main(argv))


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except ShrinkRefused as exc:
        print(f"error: {exc} — pass --force to accept", file=sys.stderr)
        return 2
    except CatalogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # the reader went away: not an error to print (``quiet_broken_pipe``)
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m catalog", description="Local SQLite catalog of LLMs.")
    p.add_argument("--db", type=Path, default=None, help="database path (default: $LLM_CATALOG_DB or XDG data dir)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="(re)build the catalog from the data shipped in the repo")
    imp = sub.add_parser("import", help="import one source file (replaces that source's previous file)")
    imp.add_argument("source", metavar="SOURCE", help=" | ".join(IMPORTERS))
    imp.add_argument("file", metavar="FILE", type=Path)
    _shrink_options(imp)
    st = sub.add_parser("stats", help="counts of models, routes, providers and the sources in use")
    st.add_argument("--json", action="store_true")
    sh = sub.add_parser("show", help="one model with its routes and provenance (exact name, id or alias)")
    sh.add_argument("name", metavar="NAME")
    sh.add_argument("--json", action="store_true")
    rf = sub.add_parser("refresh", help="download models.dev and OpenRouter live, validate, import atomically")
    rf.add_argument("--models-dev-url", default=DEFAULT_URLS["models-dev"])
    rf.add_argument("--openrouter-url", default=DEFAULT_URLS["openrouter"])
    rf.add_argument("--only", choices=sorted(DEFAULT_URLS), help="refresh just this source")
    rf.add_argument("--timeout", type=float, default=Limits().timeout_s, help="seconds per download attempt")
    rf.add_argument("--attempts", type=int, default=Limits().attempts)
    _shrink_options(rf)
    idn = sub.add_parser("identity", help="every model with its aliases and routes, and the rule that placed each")
    idn.add_argument("--json", action="store_true")
    sub.add_parser("doubts", help="the identity worklist: suspected wrong merges, splits, placeholder dates")
    so = sub.add_parser("sources", help="each source: version or date, records, routes, last import")
    so.add_argument("--json", action="store_true")
    di = sub.add_parser("disagreements", help="routes whose sources disagree on price or context (all, or one model)")
    di.add_argument("model", nargs="?", metavar="MODEL", help="a model name, id or alias")
    ch = sub.add_parser("changes", help="recent price changes (price history survives rebuilds)")
    ch.add_argument("--days", type=int, default=30)
    ch.add_argument("--json", action="store_true")
    return p


def _shrink_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-shrink",
        type=float,
        metavar="SHARE",
        help=f"refuse a result that removes more than this share of the models or routes "
        f"(default: $CATALOG_MAX_SHRINK or {DEFAULT_MAX_SHRINK})",
    )
    p.add_argument("--force", action="store_true", help="accept a result that removes more than --max-shrink")


def max_shrink(args: argparse.Namespace, environ: dict[str, str] | None = None) -> float | None:
    """The share of the catalog an import or refresh may remove: None when forced; else ``--max-shrink``, else
    ``$CATALOG_MAX_SHRINK`` (the bot's setting), else the default."""
    if args.force:
        return None
    env = dict(os.environ) if environ is None else environ
    raw = args.max_shrink if args.max_shrink is not None else env.get("CATALOG_MAX_SHRINK") or DEFAULT_MAX_SHRINK
    try:
        share = float(raw)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise CatalogError(f"the most an import may remove must be a share from 0 to 1 (e.g. 0.2), not {raw!r}")
    return share


async def _run(args: argparse.Namespace) -> int:
    path = args.db or default_db_path()
    progress = _progress_bar if sys.stderr.isatty() else _quiet
    async with Store.open(path) as store:
        if args.command == "build":
            started = time.perf_counter()
            result = await build(store, progress=progress)
            took = time.perf_counter() - started
            print(f"built {result.models} models, {result.routes} routes in {took:.2f}s -> {path}")
            return 0
        if args.command == "import":
            share = max_shrink(args)  # a bad value fails before anything is built
            await ensure_built(store, progress)
            result = await import_file(store, args.source, args.file, progress, max_shrink=share)
            verb = "imported" if result.changed else "unchanged (same file already imported)"
            size = f"{result.models} models, {result.routes} routes"
            print(f"{verb}: {args.source} {args.file.name}; catalog has {size}")
            return 0
        if args.command in ("sources", "disagreements"):
            await ensure_built(store, progress)
            models = await store.all_models()
            if args.command == "sources":
                print(sources_report(await store.sources(), models, args.json))
            else:
                model_id = (await find_exact(store, args.model)).id if args.model else None
                print(disagreements_report(models, model_id))
            return 0
        if args.command in ("identity", "doubts"):
            await ensure_built(store, progress)
            models = await store.all_models()
            print(identity_report(models, args.json) if args.command == "identity" else doubts_report(models))
            return 0
        if args.command == "refresh":
            share = max_shrink(args)
            await ensure_built(store, progress)
            urls = {"models-dev": args.models_dev_url, "openrouter": args.openrouter_url}
            if args.only:
                urls = {args.only: urls[args.only]}
            limits = Limits(timeout_s=args.timeout, attempts=max(1, args.attempts))
            result = await refresh(store, urls, limits, progress, max_shrink=share)
            print(
                f"refreshed {', '.join(urls)}: {result.models} models, {result.routes} routes; "
                f"{len(result.price_changes)} price changes recorded"
            )
            return 0
        await ensure_built(store, progress)
        if args.command == "changes":
            return await _changes(store, args.days, args.json)
        if args.command == "stats":
            return await _stats(store, args.json)
        return await _show(store, args.name, args.json)


async def _stats(store: Store, as_json: bool) -> int:
    counts = await store.counts()
    sources = [
        {
            "name": s.name,
            "file": s.file_name,
            "date": s.source_date,
            "records": s.record_count,
            "imported_at": s.imported_at,
        }
        for s in await store.sources()
    ]
    payload: dict[str, Any] = {**counts, "sources": sources}
    if as_json:
        print(json.dumps(payload, indent=2))
    else:
        print(f"{counts['models']} models, {counts['routes']} routes, {counts['providers']} providers")
        for s in sources:
            print(f"  {s['name']:<11} {s['file']:<40} data as of {s['date'] or 'unknown'}")
    return 0


async def _show(store: Store, name: str, as_json: bool) -> int:
    model = await find_exact(store, name)
    if as_json:
        print(json.dumps(model.model_dump(mode="json"), indent=2))
    else:
        print(_describe(model))
    return 0


async def _changes(store: Store, days: int, as_json: bool) -> int:
    if days < 0:
        raise CatalogError("--days must be 0 or more")
    since = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    changes = await store.changes(since)
    if as_json:
        print(json.dumps({"since": since, "changes": [asdict(c) | {"kind": c.kind} for c in changes]}, indent=2))
        return 0
    print(f"{len(changes)} price changes since {since[:10]}")
    for c in changes:
        print(f"  {c.changed_at[:10]} {c.model_name} @ {c.provider_name}: {c.field} {c.old_value} -> {c.new_value}")
    return 0


async def find_exact(store: Store, name: str) -> Model:
    """A model by exact id, name or alias (case-insensitive); errors carry the candidates."""
    ids = await store.ids_for_alias(name.strip())
    if not ids:
        raise ModelNotFound(name)
    models = [m for m in [await store.model(i) for i in ids] if m is not None]
    if len(models) > 1:
        raise AmbiguousModel(name, [(m.id, m.name) for m in models])
    return models[0]


def _describe(m: Model) -> str:
    lines = [f"{m.name}  ({m.id})"]
    for label, value in (
        ("creator", m.creator),
        ("released", m.release_date),
        ("context", m.context_window),
        ("max output", m.max_output),
        ("parameters", m.parameters_label),
        ("license", m.license.name if m.license else None),
        ("openness", m.openness),
    ):
        lines.append(f"  {label:<11} {value if value is not None else 'unknown'}")
    lines.append(f"  routes ({len(m.routes)}):")
    for r in m.routes:
        price = f"${r.price.input}/${r.price.output} per 1M" if r.price and r.price.complete else "no complete price"
        lines.append(f"    {r.provider_name:<24} {r.provider_model_id:<40} {price}")
    return "\n".join(lines)


def _progress_bar(step: str, done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    end = "\n" if done >= total else ""
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {step:<30}", end=end, file=sys.stderr, flush=True)


def _quiet(step: str, done: int, total: int) -> None:
    """No progress output when stderr is not a terminal."""


if __name__ == "__main__":
    raise SystemExit(main())
