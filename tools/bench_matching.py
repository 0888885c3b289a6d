"""``python -m tools.bench_matching [--quick]``: matching speed as ratios measured in one run.

Baselines measured alongside, so the ratios hold on a noisy machine: the *floor* (lower-casing plus one regex
tokenisation of the same message, the least any scan does), a *naive* matcher (rapidfuzz ``extractOne`` of every
1–4-word n-gram over all names), and the same index built over 16x the models (synthetic copies) to show how
scan, autocomplete and resolve grow with the catalog.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from rapidfuzz import fuzz, process, utils

from catalog.errors import CatalogError
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
#: Twenty-word messages naming no model and holding numbers: the fast path used to end at the first digit.
NO_MODEL_DIGITS = [
    "we bumped node to 20 and python to 3.11 last week and now 3 services fail to start on the image",
    "standup moved to 10 tomorrow because half the team is at the offsite, notes will be in the usual doc",
    "the 2 flaky tests in checkout failed 4 times since monday so I muted them until the fix lands friday",
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


_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)*")


def floor(text: str) -> list[str]:
    """The least a scan can do: lower-case the message and tokenise it with one regex."""
    return _TOKEN.findall(text.lower())


def synthetic(models: list[Model], times: int) -> list[Model]:
    """``times`` copies of every model under new ids, names and route ids: a catalog ``times`` as large, whose
    families grow ``times`` over (each copy's name gains a made-up word of its own, as a new release would)."""
    out = list(models)
    for k in range(1, times):
        for n, m in enumerate(models):
            word = "".join(chr(ord("a") + (n * 7 + k * 13 + j * 3) % 26) for j in range(5))
            routes = tuple(
                r.model_copy(
                    update={"provider_model_id": f"{r.provider_model_id}-{word}", "spelling": f"{r.spelling} {word}"}
                )
                for r in m.routes
            )
            out.append(
                m.model_copy(
                    update={
                        "id": f"{m.id}-{word}-{k}",
                        "name": f"{m.name} {word.title()}",
                        "aliases": (),
                        "routes": routes,
                    }
                )
            )
    return out


def _p99_us(fn: Callable[[str], object], inputs: list[str]) -> tuple[float, float]:
    times = []
    for text in inputs:
        start = time.perf_counter_ns()
        with contextlib.suppress(CatalogError):
            fn(text)
        times.append(time.perf_counter_ns() - start)
    times.sort()
    return times[len(times) // 2] / 1000, times[max(0, int(len(times) * 0.99) - 1)] / 1000


def speed(index: MatchIndex, models: list[Model], repeats: int, rounds: int = 3) -> dict[str, float]:
    """Scan, autocomplete and resolve timings of one index (µs): the best of ``rounds`` rounds, so a moment
    of noise on a shared machine does not decide a ratio."""
    results = [_speed_once(index, models, repeats) for _ in range(rounds)]
    return {k: min(r[k] for r in results) for k in results[0]}


def _speed_once(index: MatchIndex, models: list[Model], repeats: int) -> dict[str, float]:
    prefixes = ["", *_prefixes(models, 600)]
    queries = [p for p in _prefixes(models, 300, seed=5) if len(p) > 2] + [m.name.lower()[:-1] for m in models[:200]]
    suggest_p50, suggest_p99 = _p99_us(index.suggest, prefixes)
    resolve_p50, resolve_p99 = _p99_us(index.resolve, queries)
    return {
        "floor_us": _median_us(floor, NO_MODEL + NO_MODEL_DIGITS, repeats),
        "no_model_us": _median_us(index.mentions, NO_MODEL, repeats),
        "no_model_digits_us": _median_us(index.mentions, NO_MODEL_DIGITS, repeats),
        "two_models_us": _median_us(index.mentions, TWO_MODELS, repeats),
        "suggest_p50_us": suggest_p50,
        "suggest_p99_us": suggest_p99,
        "resolve_p50_us": resolve_p50,
        "resolve_p99_us": resolve_p99,
    }


def main(argv: list[str] | None = None) -> int:
    from tools.evaluate_identity import shipped_models

    parser = argparse.ArgumentParser(prog="python -m tools.bench_matching", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="4x instead of 16x, fewer repeats")
    args = parser.parse_args(argv)
    models = shipped_models()
    scale = 4 if args.quick else 16
    repeats = 20 if args.quick else 80
    base = speed(MatchIndex.build(models), models, repeats)
    big_models = synthetic(models, scale)
    started = time.perf_counter()
    big_index = MatchIndex.build(big_models)
    build_big = time.perf_counter() - started
    big = speed(big_index, big_models, repeats)
    out = {
        "models": len(models),
        f"models_x{scale}": len(big_models),
        **{k: round(v, 1) for k, v in base.items()},
        "no_model_vs_floor": round(base["no_model_us"] / base["floor_us"], 2),
        "no_model_digits_vs_floor": round(base["no_model_digits_us"] / base["floor_us"], 2),
        f"x{scale}_index_build_s": round(build_big, 1),
        **{f"x{scale}_{k}": round(v, 1) for k, v in big.items()},
        f"x{scale}_scan_growth": round(big["two_models_us"] / base["two_models_us"], 2),
        f"x{scale}_no_model_growth": round(big["no_model_digits_us"] / base["no_model_digits_us"], 2),
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
