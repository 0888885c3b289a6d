"""``python -m tools.bench_catalog [build|matching]``: benchmarks on the shipped data (commands, not timed tests).

``build``: full catalog builds. ``matching``: see ``catalog.bench_matching``.

Reports the median of several full builds (parse + merge + write) and each phase on its own, so a slow
phase is visible. Machines here are noisy: read the numbers as ratios against the 5 s budget.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from catalog.build import build, parse_all, shipped_files
from catalog.identity.keys import spelling
from catalog.identity.merge import merge
from catalog.identity.route_ids import parse_route_id
from catalog.models import Model
from catalog.sources import parser_for
from catalog.store.db import Store
from tools import bench_matching

BUDGET_S = 5.0


def _cold() -> None:
    """Every build starts cold, as a fresh process does: the identity key caches are emptied first."""
    parse_route_id.cache_clear()
    spelling.cache_clear()


async def _full_build(path: Path) -> float:
    _cold()
    started = time.perf_counter()
    async with Store.open(path) as store:
        await build(store)
    return time.perf_counter() - started


def run(repeats: int) -> dict[str, float | int]:
    """Time ``repeats`` full builds into fresh files plus the parse and merge phases alone."""
    totals = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeats):
            totals.append(asyncio.run(_full_build(Path(tmp) / f"bench{i}.sqlite3")))
    files = shipped_files()
    _cold()
    t0 = time.perf_counter()
    models, _ = parse_all(files)
    t1 = time.perf_counter()
    batches = [parser_for(f.name)(f.data, f.file_name) for f in files]
    _cold()
    t2 = time.perf_counter()
    merge(batches)
    t3 = time.perf_counter()
    median = statistics.median(totals)
    return {
        "build_median_s": round(median, 3),
        "build_runs": repeats,
        "parse_s": round(t2 - t1, 3),
        "merge_s": round(t3 - t2, 3),
        "parse_and_merge_s": round(t1 - t0, 3),
        "budget_s": BUDGET_S,
        "budget_ratio": round(median / BUDGET_S, 3),
        "models": len(models),
        "routes": sum(len(m.routes) for m in models),
    }


async def _shipped_models() -> list[Model]:
    with tempfile.TemporaryDirectory() as tmp:
        async with Store.open(Path(tmp) / "bench.sqlite3") as store:
            await build(store)
            return await store.all_models()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_catalog", description=__doc__)
    parser.add_argument("what", nargs="?", choices=["build", "matching", "all"], default="all")
    parser.add_argument("--repeats", type=int, default=3, help="full builds to time")
    args = parser.parse_args()
    out: dict[str, object] = {}
    if args.what in ("build", "all"):
        out["build"] = run(args.repeats)
    if args.what in ("matching", "all"):
        out["matching"] = bench_matching.run(asyncio.run(_shipped_models()))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
