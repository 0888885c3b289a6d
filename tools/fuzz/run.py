"""Drive the real paths with generated inputs and check what comes out (issue 17's "Done when").

Paths: overheard chat (the listener's mention stripping, then a channel's ``ChatSession``), an @mention or DM (an
addressed session), ``/ask`` (``ask_flow``), ``resolve``, autocomplete (the ``ModelName`` transformer itself) and
``/compare`` (``compare_flow``, pickers included). Each call's CPU time is measured (thread time), every reply's
payload goes through ``bot.limits.violations`` and a ping check, and any exception is a crash.
"""

from __future__ import annotations

import asyncio
import gc
import re
import statistics
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from bot.adapters.discord.cogs.chat import strip_mentions
from bot.adapters.discord.cogs.common import ModelName
from bot.adapters.discord.context import settle_heap
from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.flows.lookup import ChatSession, ask_flow, compare_flow
from bot.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE, violations
from bot.render.reply import Reply
from catalog.errors import CatalogError
from catalog.service import Catalog
from tools.fuzz.inputs import Inputs, Sample
from tools.regex_probes import KNOWN_QUADRATIC, Finding, check_all

#: Issue 17: no single message may cost more CPU than this (the event loop's budget).
BUDGET_MS = 50.0
#: (messages, model names, regex probe size) per ``--size``; large matches the issue's 10,500 and 6,300 calls.
SIZES = {"small": (240, 150, 500), "large": (3_500, 2_100, 2_000)}
CHANNELS = 4

_EVERYONE = re.compile(r"@(?:everyone|here)\b")
_USER = re.compile(r"<@!?(\d{1,20})>")
_ROLE = re.compile(r"<@&(\d{1,20})>")


def pings(payload: dict[str, Any]) -> list[str]:
    """Every mention in the payload's content that its ``allowed_mentions`` would let ping (none may; a payload
    without ``allowed_mentions`` gets Discord's default, which pings everything). Embeds never ping."""
    content = payload.get("content") or ""
    allowed = payload.get("allowed_mentions")
    parse = {"everyone", "users", "roles"} if allowed is None else set(allowed.get("parse", []))
    users = set() if allowed is None else {str(u) for u in allowed.get("users", [])}
    roles = set() if allowed is None else {str(r) for r in allowed.get("roles", [])}
    out = [m.group() for m in _EVERYONE.finditer(content) if "everyone" in parse]
    out += [m.group() for m in _USER.finditer(content) if "users" in parse or m.group(1) in users]
    out += [m.group() for m in _ROLE.finditer(content) if "roles" in parse or m.group(1) in roles]
    if allowed is not None and (parse or users or roles or allowed.get("replied_user")):
        out.append(f"allowed_mentions {allowed} can ping")  # a latent ping, even if this content has none
    return out


def choice_problems(choices: list[dict[str, Any]]) -> list[str]:
    """Autocomplete limits: ≤ 25 choices, names 1–100 characters, values ≤ 100."""
    out = [f"{len(choices)} choices > {AUTOCOMPLETE_CHOICES}"] if len(choices) > AUTOCOMPLETE_CHOICES else []
    for c in choices:
        if not 1 <= len(c["name"]) <= CHOICE_NAME:
            out.append(f"choice name length {len(c['name'])}")
        if len(str(c["value"])) > CHOICE_VALUE:
            out.append(f"choice value length {len(str(c['value']))}")
    return out


@dataclass(slots=True)
class Report:
    """What the run found; ``failed`` when anything must be fixed."""

    calls: dict[str, list[float]] = field(default_factory=dict)
    """CPU milliseconds of each call, by path."""
    crashes: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    pings: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    regex: list[Finding] = field(default_factory=list)
    """Super-linear patterns nobody has listed yet."""
    known_regex: list[Finding] = field(default_factory=list)
    """Super-linear patterns listed in ``KNOWN_QUADRATIC`` (owned elsewhere; reported, not failed)."""

    @property
    def failed(self) -> bool:
        return bool(self.crashes or self.violations or self.pings or self.slow or self.regex)

    def summary(self) -> dict[str, Any]:
        every = [ms for times in self.calls.values() for ms in times]
        return {
            "calls": {path: len(times) for path, times in self.calls.items()},
            "crashes": len(self.crashes),
            "limit_violations": len(self.violations),
            "pings": len(self.pings),
            "over_budget": len(self.slow),
            "superlinear_patterns": len(self.regex),
            "known_superlinear_patterns": len(self.known_regex),
            "max_cpu_ms": round(max(every, default=0.0), 2),
            "p99_cpu_ms": round(_p99(every), 2),
            "by_path": {
                path: {"max_cpu_ms": round(max(times), 2), "p99_cpu_ms": round(_p99(times), 2)}
                for path, times in self.calls.items()
                if times
            },
            "budget_ms": BUDGET_MS,
        }

    def problems(self) -> list[str]:
        """Every problem, one line each (the summary counts them)."""
        return [
            *(f"crash: {c}" for c in self.crashes),
            *(f"limit: {v}" for v in self.violations),
            *(f"ping: {p}" for p in self.pings),
            *(f"slow: {s}" for s in self.slow),
            *(f"regex: {f}" for f in self.regex),
            *(f"known regex (owned elsewhere): {f}" for f in self.known_regex),
        ]


def _p99(times: list[float]) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[98] if len(times) > 1 else max(times, default=0.0)


class Fuzzer:
    """One run over one catalog: each path measured and checked through ``_call``."""

    def __init__(self, catalog: Catalog, report: Report, budget_ms: float = BUDGET_MS):
        self.catalog, self.report, self.budget_ms = catalog, report, budget_ms
        self.profile, self.fresh = TrafficProfile(), Freshness(90)
        self.channels = [ChatSession(catalog, self.profile) for _ in range(CHANNELS)]
        self.addressed = ChatSession(catalog, self.profile, addressed=True)
        self.clock = 0.0
        self._autocomplete = ModelName()
        self._interaction: Any = SimpleNamespace(client=SimpleNamespace(context=SimpleNamespace(catalog=catalog)))
        self._loop = asyncio.new_event_loop()

    def close(self) -> None:
        self._loop.close()

    def _call(self, path: str, label: str, work: Callable[[], object]) -> object:
        started = time.thread_time()
        try:
            out = work()
        except CatalogError:
            out = None  # an unknown or ambiguous name: the adapters turn it into a picker or one line
        except Exception as exc:  # a crash is what the run is looking for: record it and go on
            self.report.crashes.append(f"{path} {label}: {type(exc).__name__}: {exc} @ {_where(exc)}")
            out = None
        ms = (time.thread_time() - started) * 1000
        self.report.calls.setdefault(path, []).append(ms)
        if ms > self.budget_ms:
            self.report.slow.append(f"{path} {ms:.1f} ms CPU {label}")
        if isinstance(out, Reply):
            payload = out.payload()
            self.report.violations += [f"{path} {label}: {v}" for v in violations(payload)]
            self.report.pings += [f"{path} {label}: {p}" for p in pings(payload)]
        return out

    def message(self, sample: Sample, i: int) -> None:
        label = sample.label()
        self.clock += 7.0  # past the channel memory's follow-up window now and then, as a real channel is
        session = self.channels[i % CHANNELS]
        self._call("passive", label, lambda: session.reply(strip_mentions(sample.text), now=self.clock))
        self._call("mention", label, lambda: self.addressed.reply(strip_mentions(sample.text), now=self.clock))
        self._call("ask", label, lambda: ask_flow(self.catalog, sample.text, self.profile, True, self.fresh))

    def names(self, first: str, second: str) -> None:
        label = f"[name] {first[:80]!r}"
        self._call("resolve", label, lambda: self.catalog.index.resolve(first))
        choices = self._call("autocomplete", label, lambda: self._choices(first))
        if isinstance(choices, list):
            self.report.violations += [f"autocomplete {label}: {p}" for p in choice_problems(choices)]
        pair = f"[names] {first[:60]!r} vs {second[:60]!r}"
        self._call("compare", pair, lambda: compare_flow(self.catalog, [first, second], self.profile, 1, self.fresh))

    def _choices(self, value: str) -> list[dict[str, Any]]:
        found = self._loop.run_until_complete(self._autocomplete.autocomplete(self._interaction, value))
        return [c.to_dict() for c in found]


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename.rsplit('/', 2)[-1]}:{frames[-1].lineno}" if frames else "?"


def run(catalog: Catalog, size: str = "small", seed: int = 17, budget_ms: float = BUDGET_MS) -> Report:
    """The whole fuzz run on ``catalog``: messages, names, payloads, then the regex probes."""
    messages, names, probe_size = SIZES[size]
    report = Report()
    inputs = Inputs(seed, [m.name for m in catalog.models.values()])
    fuzzer = Fuzzer(catalog, report, budget_ms)
    settle_heap()  # as the running bot does: a full collection over the catalog is not a message's cost
    try:
        warm = Fuzzer(catalog, Report(), budget_ms)  # first calls fill lazy caches: not what a message costs
        warm.message(Sample("warm", "is gpt-4o open source? best under $1 with 128k context"), 0)
        warm.names("gpt-4o", "claude sonnet 4.5")
        warm.close()
        for i in range(messages):
            fuzzer.message(inputs.message(), i)
        for _ in range(names):
            fuzzer.names(inputs.name(), inputs.name())
    finally:
        fuzzer.close()
        gc.unfreeze()
    for finding in check_all(size=probe_size):
        (report.known_regex if finding.pattern in KNOWN_QUADRATIC else report.regex).append(finding)
    return report
