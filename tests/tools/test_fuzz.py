"""``python -m tools.fuzz`` at the small size, on the shipped catalog (issue 17's "Done when"), and its own checks."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.render.reply import Reply
from catalog.service import Catalog
from tools.fuzz import __main__ as fuzz_main
from tools.fuzz.inputs import EMOJI, RTL, ZERO_WIDTH, Inputs
from tools.fuzz.run import Fuzzer, Report, choice_problems, pings, run


@pytest.fixture(scope="module")
def report(shipped_catalog: Catalog) -> Report:
    return run(shipped_catalog, "small", seed=17)


def test_no_crash_no_payload_over_the_limits_no_ping(report: Report) -> None:
    assert report.crashes == []
    assert report.violations == []
    assert report.pings == []
    assert set(report.calls) == {"passive", "mention", "ask", "resolve", "autocomplete", "compare"}
    assert all(len(times) >= 150 for times in report.calls.values())


def test_no_pattern_on_user_text_grows_super_linearly(report: Report) -> None:
    assert report.regex == []


def test_no_message_over_the_cpu_budget(report: Report) -> None:
    assert report.slow == [], "\n".join(report.slow)


def test_the_inputs_are_seeded_and_hostile(shipped_catalog: Catalog) -> None:
    names = [m.name for m in shipped_catalog.models.values()]
    one, again = Inputs(5, names), Inputs(5, names)
    assert [one.message() for _ in range(20)] == [again.message() for _ in range(20)]
    assert [one.name() for _ in range(20)] == [again.name() for _ in range(20)]
    inputs = Inputs(17, names)
    texts = [inputs.message().text for _ in range(400)]
    joined = "".join(texts)
    for wanted in ("@everyone", "@here", "<@&456>", "```", *RTL[:1], *ZERO_WIDTH[:1], *EMOJI[:1], "\u0301", "1e308"):
        assert wanted in joined, wanted
    assert max(len(t) for t in texts) >= 4_000 and any(len(t) == 2_001 for t in texts)
    assert any(re.search(r"(\b\w+\b ).*\1.*\1.*\1", t[:400]) for t in texts)  # repeated keywords


def test_pings_are_caught() -> None:
    safe = Reply(content="@everyone <@123> <@&456>").payload()
    assert pings(safe) == []
    assert pings({"content": "hi @here"}) == ["@here"]  # no allowed_mentions: Discord's default pings
    loose = {"content": "<@123> <@&456>", "allowed_mentions": {"parse": ["users"], "roles": [456]}}
    assert pings(loose)[:2] == ["<@123>", "<@&456>"]


def test_autocomplete_limits_are_checked() -> None:
    assert choice_problems([{"name": "x", "value": "y"}]) == []
    bad = [{"name": "", "value": "v" * 101}] + [{"name": "n", "value": "v"}] * 25
    assert len(choice_problems(bad)) == 3


def test_crashes_slow_calls_and_oversized_replies_are_reported(
    shipped_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = Report()
    fuzzer = Fuzzer(shipped_catalog, report, budget_ms=0.0)
    try:

        def boom(*args: Any, **kwargs: Any) -> Reply:
            raise ZeroDivisionError("boom")

        monkeypatch.setattr("tools.fuzz.run.ask_flow", boom)

        class Oversized(Reply):  # a payload past the limits that bot/render/fit.py did not get to clip
            def payload(self) -> dict[str, Any]:
                return {"content": "x" * 2_001, "allowed_mentions": {"parse": []}}

        monkeypatch.setattr("tools.fuzz.run.compare_flow", lambda *a, **k: Oversized(content="x"))
        fuzzer.message(Inputs(1, ["GPT-4o"]).message(), 0)
        fuzzer.names("gpt-4o", "gpt-4o mini")
    finally:
        fuzzer.close()
    assert len(report.crashes) == 1 and "ZeroDivisionError: boom" in report.crashes[0]
    assert report.violations == ["compare [names] 'gpt-4o' vs 'gpt-4o mini': content 2001 > 2000"]
    assert len(report.slow) == 6 and report.failed  # a budget of 0 ms: every call is over it


def test_the_command_exits_non_zero_on_a_problem(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    async def no_catalog() -> None:
        return None

    monkeypatch.setattr(fuzz_main, "shipped_catalog", no_catalog)
    monkeypatch.setattr(fuzz_main, "run", lambda *a: Report(calls={"ask": [1.0]}))
    assert fuzz_main.main(["--size", "small", "--seed", "3"]) == 0
    monkeypatch.setattr(fuzz_main, "run", lambda *a: Report(calls={"ask": [60.0]}, slow=["ask 60.0 ms CPU"]))
    assert fuzz_main.main(["--size", "large"]) == 1
    out = capsys.readouterr().out
    assert "slow: ask 60.0 ms CPU" in out and '"over_budget": 1' in out and '"size": "large"' in out
