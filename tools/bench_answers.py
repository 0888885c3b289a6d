"""``python -m tools.bench_answers``: how long answers take to build, warm, on the shipped catalog.

Budget: a two-model compare builds in ≤ 2 ms median once the catalog is loaded (not a timed test).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from bot.answers.compare import compare
from bot.answers.questions.conversation import answer
from catalog.build import build
from catalog.service import Catalog, load_catalog
from catalog.store.db import Store

COMPARE_BUDGET_MS = 2.0
#: Issue 14: text -> reply object p99 on the shipped catalog.
ASK_P99_BUDGET_MS = 50.0
#: Questions of every kind a team asks, and chat that asks nothing (silence must be cheap too).
QUESTIONS = (
    "which is cheaper for us, gpt-4o or claude sonnet 4.5?",
    "is ling 2.6 flash open source?",
    "we do 2k requests a day, 3k tokens in 500 out. what would gpt-4o cost us per month?",
    "gpt-5: context window, max output and price?",
    "how much does gpt-6 cost per 1m tokens?",
    "best cheap model for coding with 128k context",
    "which anthropic models have 1m context?",
    "can we get gemini 2.5 pro through azure?",
    "gpqa for gpt-4o?",
    "does gpt4o mini have a bigger context than llama3.3 70b?",
    "deepseek r1 license? can we use it commercially",
    "standup moved to 10 tomorrow because half the team is at the offsite",
)


async def _catalog() -> Catalog:
    with tempfile.TemporaryDirectory() as tmp:
        async with Store.open(Path(tmp) / "bench.sqlite3") as store:
            await build(store)
            return await load_catalog(store)


def run(catalog: Catalog, pairs: int = 300, seed: int = 11) -> dict[str, float | int]:
    rng = random.Random(seed)
    served = [m for m in catalog.models.values() if m.routes]
    chosen = [rng.sample(served, 2) for _ in range(pairs)]
    for a, b in chosen[:20]:  # warm-up
        compare([a, b], catalog.models)
    times = []
    for a, b in chosen:
        start = time.perf_counter_ns()
        compare([a, b], catalog.models)
        times.append(time.perf_counter_ns() - start)
    seed_pair = [catalog.models["gpt-5.3-codex-spark"], catalog.models["ling-2.6-flash"]]
    seed_times = []
    for _ in range(200):
        start = time.perf_counter_ns()
        compare(seed_pair, catalog.models)
        seed_times.append(time.perf_counter_ns() - start)
    ask_times = []
    for q in QUESTIONS * 20:
        start = time.perf_counter_ns()
        answer(q, catalog)
        ask_times.append(time.perf_counter_ns() - start)
    ask_times.sort()
    median = statistics.median(times) / 1e6
    return {
        "compare_random_pairs": pairs,
        "compare_median_ms": round(median, 3),
        "compare_p95_ms": round(sorted(times)[int(pairs * 0.95)] / 1e6, 3),
        "compare_seed_pair_median_ms": round(statistics.median(seed_times) / 1e6, 3),
        "compare_budget_ms": COMPARE_BUDGET_MS,
        "compare_budget_ratio": round(median / COMPARE_BUDGET_MS, 3),
        "ask_questions": len(ask_times),
        "ask_median_ms": round(statistics.median(ask_times) / 1e6, 3),
        "ask_p99_ms": round(ask_times[int(len(ask_times) * 0.99)] / 1e6, 3),
        "ask_p99_budget_ms": ASK_P99_BUDGET_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_answers", description=__doc__)
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args()
    print(json.dumps(run(asyncio.run(_catalog()), args.pairs), indent=2))


if __name__ == "__main__":
    main()
