"""Adversarial timing of every regular expression that sees user text (issue 17: quadratic patterns on chat).

The patterns are found, not listed: every compiled pattern in the globals of the modules that read user text
(also inside tuples, lists and dicts, e.g. ``(key, pattern)`` tables) and every literal pattern passed inline to
``re.search``/``re.sub``/... in their source. So a pattern added later is probed without anyone remembering to.

Each is timed on strings built from its own material: long runs of digits, spaces, letters and punctuation, of
every punctuation character the pattern names, and of every word it names ("context ", "under1"), at a size and
at four times that size. A linear pattern takes about four times as long; a pattern that backtracks over a run
(adjacent or nested unbounded quantifiers over the same characters) takes sixteen times as long or more.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import string
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

#: The packages whose code reads what people type: answers, flows, renderers (names echoed back, custom ids of
#: pressed controls), adapters (console, CLI, Discord), the matcher.
USER_TEXT_PACKAGES = ("bot.answers", "bot.flows", "bot.render", "bot.adapters", "catalog.matching")
#: Runs every pattern is timed on, whatever it looks like (issue 17 named digits, spaces and trigger words).
BASE_UNITS = (
    "1", " ", "a", ".", "-", ",", "k", "x", "\n", "?", "$", "/", "1 ", "a ", "1.", "1,", "a-", "a1", "1k ", "$1 ",
    "best ", "under ", "context ", "1m ", "per ", "vs ", "gpt-4o ", "<@1", "` ",
)  # fmt: skip
#: 4x the input may cost at most this many times as much (linear is ~4; quadratic ~16).
MAX_RATIO = 6.0
#: Below this (seconds, at the larger size) a pattern is fast whatever its growth: ratios of tiny times are noise.
FLOOR_SECONDS = 0.002
#: Quadratic patterns in code owned elsewhere (the chat matcher, the question parser), with the string that shows
#: it: the test marks them as strict expected failures (so each entry must go once its pattern is fixed) and the
#: fuzz command reports them without failing. Keyed by pattern text, since line numbers move.
KNOWN_QUADRATIC: dict[str, str] = {}
_CALLS = frozenset({"search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "compile"})
_ANCHORED = frozenset({"match", "fullmatch"})


@dataclass(frozen=True, slots=True)
class Probe:
    """One pattern and how the code calls it (``match`` only when the code never scans with it)."""

    where: str
    pattern: re.Pattern[str]
    ops: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A pattern whose time grew super-linearly on one adversarial string."""

    where: str
    pattern: str
    unit: str
    op: str
    small_ms: float
    large_ms: float

    @property
    def ratio(self) -> float:
        return self.large_ms / max(self.small_ms, 1e-9)

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.op} on {self.unit!r} x n grew {self.ratio:.1f}x for 4x the input "
            f"({self.small_ms:.2f} -> {self.large_ms:.2f} ms); pattern {self.pattern!r}"
        )


def user_text_modules(packages: tuple[str, ...] = USER_TEXT_PACKAGES) -> list[ModuleType]:
    """Every module under ``packages`` (imported; ``__main__`` modules are entry points and are skipped)."""
    out = []
    for name in packages:
        package = importlib.import_module(name)
        out.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if not info.name.endswith("__main__"):
                out.append(importlib.import_module(info.name))
    return out


def _patterns_in(value: Any, where: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield where, value
    elif depth < 3 and isinstance(value, tuple | list | set | frozenset):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{i}]", depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]", depth + 1)


def _ops_for(source: str, name: str) -> tuple[str, ...]:
    """Scans (search + findall) unless the module only ever anchors this pattern (``NAME.match(text, pos)``)."""
    used = set(re.findall(rf"\b{re.escape(name)}\.(\w{{1,12}})\(", source))
    return ("match",) if used and used <= _ANCHORED else ("search", "findall")


def _flags(node: ast.expr | None) -> int:
    """``re.I | re.X`` as written in a call (only names of the ``re`` module; anything else counts as none)."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        flag = getattr(re, node.attr, 0)
        return flag if isinstance(flag, int) else 0
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


def _inline(module: ModuleType, source: str) -> Iterator[Probe]:
    """Literal patterns passed straight to ``re.<call>(...)`` (kept by the ``re`` cache, never in a global)."""
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = next((_flags(k.value) for k in node.keywords if k.arg == "flags"), 0)
        if node.func.attr == "compile" and len(node.args) > 1:
            flags = _flags(node.args[1])
        pattern = re.compile(node.args[0].value, flags)
        ops = ("match",) if node.func.attr in _ANCHORED else ("search", "findall")
        yield Probe(f"{module.__name__}:{node.lineno} re.{node.func.attr}", pattern, ops)


def _members(module: ModuleType) -> Iterator[tuple[str, Any]]:
    """The module's globals, and the attributes of the classes it defines (a ``DynamicItem`` keeps its custom-id
    template as one)."""
    for name, value in vars(module).items():
        yield name, value
        if isinstance(value, type) and value.__module__ == module.__name__:
            for attr, member in vars(value).items():
                yield f"{name}.{attr}", member


def probes(modules: list[ModuleType] | None = None) -> list[Probe]:
    """Every pattern the modules hold or call inline, once each (the first place it is found names it)."""
    found: dict[tuple[str, int], Probe] = {}
    for module in user_text_modules() if modules is None else modules:
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            source = ""
        for name, value in _members(module):
            for where, pattern in _patterns_in(value, f"{module.__name__}.{name}"):
                found.setdefault((pattern.pattern, pattern.flags), Probe(where, pattern, _ops_for(source, name)))
        for probe in _inline(module, source):
            found.setdefault((probe.pattern.pattern, probe.pattern.flags), probe)
    return list(found.values())


def units_for(pattern: re.Pattern[str]) -> list[str]:
    """The strings repeated to attack ``pattern``: the base runs, its punctuation, and its words with a space or a
    digit after them (a pattern that names "context" is attacked with "context context ...")."""
    source = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)  # \d, \s, \b are classes, not letters
    words = sorted(set(re.findall(r"[a-zA-Z]{2,}", source)))
    punctuation = sorted(set(source) & set(string.punctuation) - set("()[]{}|*+?^\\"))
    units = [*BASE_UNITS, *punctuation, *(p + "1" for p in punctuation), *(p + " " for p in punctuation)]
    units += [w + " " for w in words] + [w + "1" for w in words]
    return list(dict.fromkeys(units))


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(call: Callable[[str], object], text: str, repeats: int) -> float:
    """The least CPU time of ``repeats`` calls (thread time: another process on the machine does not count)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.thread_time()
        call(text)
        best = min(best, time.thread_time() - started)
    return best


def _call(pattern: re.Pattern[str], op: str) -> Callable[[str], object]:
    if op == "findall":
        return pattern.findall
    return getattr(pattern, op)  # type: ignore[no-any-return]


def check(probe: Probe, size: int = 2_000, repeats: int = 3, first: bool = False) -> list[Finding]:
    """Super-linear growth of ``probe`` from ``size`` to ``4 * size`` characters, on each adversarial run (only the
    first such run with ``first``: a quadratic pattern is slow to time, and one string is proof enough)."""
    out: list[Finding] = []
    for unit in units_for(probe.pattern):
        large_text = _run(unit, 4 * size)
        for op in probe.ops:
            call = _call(probe.pattern, op)
            large = _seconds(call, large_text, 1)
            if large < FLOOR_SECONDS:
                continue
            small = _seconds(call, large_text[:size], repeats)
            if large / max(small, 1e-9) > MAX_RATIO:  # confirmed with more repeats: a busy machine is noisy
                large = min(large, _seconds(call, large_text, repeats))
                small = min(small, _seconds(call, large_text[:size], 2 * repeats))
            if large > FLOOR_SECONDS and large / max(small, 1e-9) > MAX_RATIO:
                out.append(Finding(probe.where, probe.pattern.pattern, unit, op, small * 1000, large * 1000))
                if first:
                    return out
    return out


def check_all(size: int = 2_000, repeats: int = 3) -> list[Finding]:
    """The first finding of each probe that has one (empty when every pattern on user text is linear)."""
    return [f for probe in probes() for f in check(probe, size, repeats, first=True)]
