"""Benchmarks by name ("gpqa for gpt-4o?", "swe bench of sonnet 4"): one score line per benchmark, with its source
and whether the lab reported it itself. Spellings of one benchmark ("Aider Polyglot", "Aider-Polyglot") are one.
"""

from __future__ import annotations

import re
from collections import Counter

from catalog.models import Benchmark, Model
from catalog.service import Catalog

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 4
_CACHE: dict[int, dict[str, str]] = {}


def bench_key(name: str) -> str:
    """ "Aider-Polyglot", "Aider Polyglot" and "aider polyglot" are one benchmark."""
    return _NON_ALNUM.sub("", name.lower())


def benchmark_table(catalog: Catalog) -> dict[str, str]:
    """Key -> the most used spelling, plus each prefix of two or more whole words ("swebench" ->
    "SWE-Bench Verified", the most reported of the SWE-Bench family)."""
    key = id(catalog.models)
    if key not in _CACHE:
        counts = Counter(b.name for m in catalog.models.values() for b in m.benchmarks)
        table: dict[str, str] = {}
        for name, _ in counts.most_common():  # most used first: it keeps a shared key or prefix
            table.setdefault(bench_key(name), name)
            words = _WORD.findall(name.lower())
            for n in range(2, len(words)):
                prefix = "".join(words[:n])
                if len(prefix) >= 4:
                    table.setdefault(prefix, name)
        _CACHE.clear()
        _CACHE[key] = table
    return _CACHE[key]


def named_benchmarks(text: str, table: dict[str, str], original: str | None = None) -> tuple[str, ...]:
    """Benchmarks ``text`` names, longest spelling first at each word ("mmlu pro" is MMLU-Pro, not MMLU). A name
    that is also an everyday word ("drop", "include", "frames") counts only written in capitals in ``original``
    ("DROP") or beside a word that says it is a benchmark ("drop score")."""
    found = list(_WORD.finditer(text.lower()[:2000]))
    words = [m.group() for m in found]
    out: dict[str, None] = {}
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            joined = "".join(words[i : i + n])
            if joined in table and (n > 1 or len(joined) >= 4 or joined in _SHORT_NAMES):
                if n == 1 and joined in _EVERYDAY and not _marked(found, i, original):
                    continue
                out[table[joined]] = None
                i += n
                break
        else:
            i += 1
    return tuple(out)


#: Benchmark names shorter than four letters that chat uses on their own.
_SHORT_NAMES = frozenset({"hle", "drop", "mmmu", "mmlu", "math", "gsm8k", "mbpp"})
#: Benchmark names chat also uses as plain words: "is the price drop real", "does it include vision".
_EVERYDAY = frozenset(
    {"drop", "math", "include", "frames", "multiple", "stem", "spider", "ruler", "nexus", "blink", "pope", "meld",
     "collie", "crag"}
)  # fmt: skip
_BENCH_WORDS = frozenset({"score", "scores", "benchmark", "benchmarks", "bench", "eval", "evals", "result", "results"})


def _marked(found: list[re.Match[str]], i: int, original: str | None) -> bool:
    """The word at ``i`` is written as a benchmark: in capitals, or next to a benchmark word."""
    m = found[i]
    if original is not None and original[m.start() : m.end()].isupper():
        return True
    near = {w.group() for w in found[max(0, i - 2) : i + 3]}
    return bool(near & _BENCH_WORDS)


def benchmark_lines(models: list[Model], names: tuple[str, ...]) -> list[str]:
    """Each model's score on each named benchmark, or what it has instead."""
    lines = []
    for m in models:
        for name in names:
            rows = [b for b in m.benchmarks if bench_key(b.name) == bench_key(name)]
            if not rows:  # "SWE-bench Verified (Agentic Coding)" answers "swe-bench verified" when it is all there is
                variants = [b for b in m.benchmarks if bench_key(b.name).startswith(bench_key(name))]
                for variant in dict.fromkeys(b.name for b in variants):
                    lines.append(f"{m.name}: {variant} {_scores([b for b in variants if b.name == variant])}.")
                if variants:
                    continue
                # "gpqa diamond" when the record says "GPQA": the recorded name is the start of the asked one
                broader = [
                    b
                    for b in m.benchmarks
                    if len(bench_key(b.name)) >= 4 and bench_key(name).startswith(bench_key(b.name))
                ]
                for wider in dict.fromkeys(b.name for b in broader):
                    rows_of = [b for b in broader if b.name == wider]
                    lines.append(f"{m.name}: {wider} {_scores(rows_of)} (recorded as {wider}, not {name}).")
                if broader:
                    continue
                have = ", ".join(dict.fromkeys(b.name for b in m.benchmarks[:6])) or "none"
                lines.append(f"{m.name}: no {name} score on record (it has: {have}).")
                continue
            lines.append(f"{m.name}: {name} {_scores(rows)}.")
    return lines


#: "score higher", "do better on", "lower than": which way a yes/no about two scores asks.
_HIGHER = re.compile(r"\b(?:higher|better|more|beat|beats|outscore|outscores|outperform|outperforms)\b")
_LOWER = re.compile(r"\b(?:lower|worse|less)\b")


def benchmark_verdict(models: list[Model], name: str, text: str) -> str | None:
    """ "Does A score higher on GPQA than B?": yes or no from the one score each has on that benchmark (None when
    either has none, or several that disagree)."""
    if len(models) != 2 or not (_HIGHER.search(text) or _LOWER.search(text)):
        return None
    scores = []
    for m in models:
        values = {b.score for b in m.benchmarks if bench_key(b.name) == bench_key(name)}
        if len(values) != 1:
            return None
        scores.append(values.pop())
    a, b = scores
    if a == b:
        return f"No — the same {name} score for {models[0].name} and {models[1].name}."
    yes = a < b if _LOWER.search(text) and not _HIGHER.search(text) else a > b
    way = "higher" if a > b else "lower"
    return f"{'Yes' if yes else 'No'} — {models[0].name} scores {way} on {name} than {models[1].name}."


def _scores(rows: list[Benchmark]) -> str:
    """One benchmark's scores from every source, equal ones said once."""
    seen: dict[str, str] = {}
    for b in rows:
        value = f"{b.score * 100:.1f}%" if b.metric == "fraction (0-1)" else f"{b.score:g}"
        if b.metric and "percent" in b.metric and not value.endswith("%"):
            value += "%"
        who = b.provenance.source + (", self-reported" if b.self_reported else ", not self-reported")
        seen.setdefault(value, who)
    return "; ".join(f"{v} ({who})" for v, who in seen.items())
