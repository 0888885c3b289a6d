"""The console behaves like one channel: same flows, text rendering, numbered choices."""

from __future__ import annotations

import io
from pathlib import Path

from bot.adapters.console import loop as console_loop
from bot.adapters.console.dispatch import NO_REPLY, Console
from catalog.service import Catalog


def test_compare_pages_and_numbers(seed_catalog: Catalog, tmp_path: Path) -> None:
    console = Console(seed_catalog, chart_dir=tmp_path)
    out = console.handle("/compare GPT-5.3-Codex-Spark vs Ling-2.6-Flash")
    assert "Decision scorecard" in out and "[1]* Decision scorecard" in out
    out = console.handle("3")
    assert "$15.50" in out and "[file saved:" in out and (tmp_path / "cost.png").exists()
    assert "Choose 1–" in console.handle("99")


def test_chat_question_and_silence(seed_catalog: Catalog) -> None:
    console = Console(seed_catalog)
    assert "Apache 2.0" in console.handle("is ling 2.6 flash open source?")
    assert console.handle("who broke the build?") == NO_REPLY  # silence is said, not mistaken for a failure
    assert console.handle("we use ling 2.6 flash in prod") == NO_REPLY
    assert "Passive answers are off" in console.handle("/passive off")
    assert console.handle("is ling 2.6 flash open source?") == ""  # passive off: the console stays quiet
    assert "Apache 2.0" in console.handle("@bot is ling 2.6 flash open source?")


def test_picker_continues_the_command(shipped_catalog: Catalog) -> None:
    console = Console(shipped_catalog)
    out = console.handle("/compare gemini 2.5 vs gpt-4o")
    assert "could mean several models" in out and "[1] Gemini 2.5 Pro" in out
    assert "Gemini 2.5 Pro vs GPT-4o" in console.handle("1")


def test_cost_options_and_bad_input(shipped_catalog: Catalog) -> None:
    console = Console(shipped_catalog)
    assert "3,000 requests/month" in console.handle("/cost ling 2.6 flash --requests-per-day 100")
    assert "That did not work" in console.handle("/cost ling 2.6 flash --requests-per-day -1")
    assert "That did not work" in console.handle("/cost ling 2.6 flash --cache-hit lots")
    assert "Unknown command /frobnicate" in console.handle("/frobnicate")
    assert "match" in console.handle("/models --open-weights --min-context 200000 --capability tool_use")


def test_run_loop_reads_until_quit(seed_catalog: Catalog) -> None:
    lines = iter(["is ling 2.6 flash open source?", "/quit", "never read"])
    out = io.StringIO()
    assert console_loop.run(Console(seed_catalog), read=lambda _prompt: next(lines), out=out) == 0
    assert "console mode" in out.getvalue() and "Apache 2.0" in out.getvalue()


def test_procurement_in_the_console(shipped_catalog: Catalog, shipped_db: Path, tmp_path: Path) -> None:
    import asyncio

    from bot.state.store import StateStore

    loop = asyncio.new_event_loop()
    state = loop.run_until_complete(StateStore.connect(tmp_path / "state.sqlite3"))
    try:
        console = Console(shipped_catalog, chart_dir=tmp_path, state=state, catalog_path=shipped_db, loop=loop)
        assert "30,000 requests/month" in console.handle("/traffic set --requests-per-day 1000")
        assert "30,000 requests/month" in console.handle("/cost ling 2.6 flash")  # the saved traffic is used
        assert "nothing was changed" in console.handle("/traffic set --requests-per-day -4")
        assert "added to the shortlist" in console.handle("/shortlist add ling 2.6 flash")
        assert "could mean several models" in console.handle("/shortlist add gemini 2.5")
        assert "Gemini 2.5 Pro added" in console.handle("1")
        assert "Shortlist (2)" in console.handle("/shortlist show")
        assert "shortlist.csv" in console.handle("/export") and (tmp_path / "shortlist.csv").exists()
        assert "Price changes" in console.handle("/changes 7")
    finally:
        loop.run_until_complete(state.close())
        loop.close()


def test_an_ambiguous_follow_up_asks_which_and_answers_the_pick(shipped_catalog: Catalog) -> None:
    console = Console(shipped_catalog)
    assert "GPT-4o" in console.handle("how much is gpt-4o per 1m tokens?")
    which = console.handle("and opus?")  # no Opus follows from GPT-4o: ask, never guess
    assert "Which Opus?" in which and "[3] Claude Opus 4.5" in which
    assert "Claude Opus 4.5: $5.00/1M tokens input" in console.handle("3")  # the same question, for the pick
