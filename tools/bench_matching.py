"""Matching benchmark: mention scans, autocomplete, index build and memory, against a naive baseline.

The naive baseline is what one would write first: rapidfuzz ``process.extractOne`` of every 1–4-word
n-gram of the message over all model names. Both run in the same process on the same messages, so the
ratio is meaningful even on a noisy machine.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from rapidfuzz import fuzz, process, utils

from catalog.matching.index import MatchIndex
from catalog.models import Model
from tools.evaluate_matching import DEFAULT_SET, evaluate, load_rows

#: Twenty-word messages naming no model (the last two hold numbers, so they skip the fast path).
NO_MODEL = [
    "hey team can someone check why the staging deploy keeps failing after the last merge into main today",
    "quick reminder that the quarterly planning doc is due friday so please add your estimates before lunch",
    "the flaky checkout test failed again on the nightly run and I think the payment sandbox timed out",
    "we bumped node to 20 and python to 3.11 last week and now 3 services fail to start on the image",
    "standup moved to 10 tomorrow because half the team is at the offsite, notes will be in the usual doc",
]
#: Twenty-word messages naming two models each.
TWO_MODELS = [
    "hey team should we move the support bot from gpt-4o mini to claude sonnet 4.5 before the launch",
    "ran the eval overnight and ling 2.6 flash beat qwen2 7b on our retrieval set by a wide margin",
    "finance asked whether gpt5.3 codex spark or deepseek v3.2 would be cheaper at our current traffic",
    "I tried llama3.3 70b and gemini 2.5 pro on the long contracts and both missed the indemnity clause",
    "can we get a side by side of kimi k2.6 and glm 5.1 for the agent loop before we sign anything",
]


def memory_bytes(index: MatchIndex) -> int:
    """Approximate size of the index's containers (shallow sizes of every element)."""
    total = 0
    for obj in (index.exact, index.keys, index.chat_keys, index.typos, index.entries):
        total += sys.getsizeof(obj)
        for k, v in obj.items():
            total += sys.getsizeof(k) + sys.getsizeof(v)
    for seq in (index.fuzzy_keys, index.fuzzy_ids, index.prefixes):
        total += sys.getsizeof(seq) + sum(sys.getsizeof(x) for x in seq)
    return total


def _median_us(fn: Callable[[str], object], messages: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        for msg in messages:
            start = time.perf_counter_ns()
            fn(msg)
            times.append(time.perf_counter_ns() - start)
    return statistics.median(times) / 1000


class Naive:
    """The baseline: extractOne over all names for every 1–4-word n-gram."""

    def __init__(self, models: list[Model]):
        self.names = [m.name for m in models]
        self.ids = [m.id for m in models]

    def mentions(self, text: str) -> set[str]:
        words = text.split()
        found: set[str] = set()
        for n in range(1, 5):
            for i in range(len(words) - n + 1):
                hit = process.extractOne(
                    " ".join(words[i : i + n]),
                    self.names,
                    scorer=fuzz.WRatio,
                    processor=utils.default_process,
                    score_cutoff=90,
                )
                if hit is not None:
                    found.add(self.ids[hit[2]])
        return found


def _prefixes(models: list[Model], n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        name = rng.choice(models).name.lower()
        cut = rng.randint(1, max(1, len(name)))
        out.append(name[:cut])
    return out


def run(models: list[Model], repeats: int = 200, eval_rows: int = 160) -> dict[str, object]:
    """Every matching number the issue asks for, with the naive baseline measured alongside."""
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        index = MatchIndex.build(models)
        builds.append(time.perf_counter() - start)
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = MatchIndex.build(models)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    del kept
    traced = sum(stat.size_diff for stat in after.compare_to(before, "filename"))

    ours_none = _median_us(index.mentions, NO_MODEL, repeats)
    ours_two = _median_us(index.mentions, TWO_MODELS, repeats)
    naive = Naive(models)
    naive_none = _median_us(naive.mentions, NO_MODEL, 2)
    naive_two = _median_us(naive.mentions, TWO_MODELS, 2)

    prefixes = _prefixes(models, 1000)
    times = []
    for p in prefixes:
        start = time.perf_counter_ns()
        index.suggest(p)
        times.append(time.perf_counter_ns() - start)
    times.sort()

    rows = load_rows(DEFAULT_SET)
    sample = random.Random(5).sample(rows, min(eval_rows, len(rows)))
    ours_eval = evaluate(index, sample)
    naive_tp = naive_fp = naive_fn = 0
    for row in sample:
        expect = set(row["expect"])  # type: ignore[call-overload]
        got = naive.mentions(str(row["text"]))
        naive_tp += len(got & expect)
        naive_fp += len(got - expect)
        naive_fn += len(expect - got)
    return {
        "index_build_ms_median": round(statistics.median(builds) * 1000, 1),
        "index_memory_traced_mib": round(traced / 2**20, 2),
        "index_memory_shallow_mib": round(memory_bytes(index) / 2**20, 2),
        "mentions_no_model_us_median": round(ours_none, 1),
        "mentions_two_models_us_median": round(ours_two, 1),
        "naive_no_model_us_median": round(naive_none, 1),
        "naive_two_models_us_median": round(naive_two, 1),
        "speedup_no_model": round(naive_none / ours_none, 1),
        "speedup_two_models": round(naive_two / ours_two, 1),
        "autocomplete_p50_us": round(times[len(times) // 2] / 1000, 1),
        "autocomplete_p99_us": round(times[int(len(times) * 0.99) - 1] / 1000, 1),
        "accuracy_sample_rows": len(sample),
        "ours_precision": round(ours_eval.precision, 4),
        "ours_recall": round(ours_eval.recall, 4),
        "naive_precision": round(naive_tp / (naive_tp + naive_fp), 4) if naive_tp + naive_fp else 1.0,
        "naive_recall": round(naive_tp / (naive_tp + naive_fn), 4) if naive_tp + naive_fn else 1.0,
    }
