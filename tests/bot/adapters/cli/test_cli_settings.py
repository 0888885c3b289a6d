"""``python -m bot <command>`` reads the bot's settings: ``BOT_STATE_DB`` (or ``STATE_DATABASE_URL``) names the state
the running bot uses, so a change made in the CLI is the bot's; a bad setting is one line and exit 2. The issue:
the CLI wrote its state next to the catalog whatever ``BOT_STATE_DB`` said."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest

from bot.adapters.cli.main import main
from bot.settings import load_settings
from bot.state.base import StateUnavailable
from bot.state.store import StateStore


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shipped_db: Path) -> Path:
    """The bot's environment: a copy of the shipped catalog, a state file elsewhere; run from a folder with no
    ``.env``."""
    monkeypatch.chdir(tmp_path)
    catalog = tmp_path / "catalog" / "catalog.sqlite3"
    catalog.parent.mkdir()
    catalog.write_bytes(shipped_db.read_bytes())
    monkeypatch.setenv("LLM_CATALOG_DB", str(catalog))
    state = tmp_path / "bot-data" / "state.sqlite3"
    monkeypatch.setenv("BOT_STATE_DB", str(state))
    return state


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdin=io.StringIO(""), stdout=out), out.getvalue()


def test_cli_writes_the_state_the_bot_reads(env: Path, tmp_path: Path) -> None:
    code, out = run("shortlist", "add", "ling 2.6 flash")
    assert code == 0 and "added to the shortlist" in out
    assert not (tmp_path / "catalog" / "bot-state.sqlite3").exists()  # not next to the catalog any more

    async def shortlist() -> list[str]:
        bot_state = await StateStore.connect(load_settings().state_target)  # what the bot opens, same environment
        try:
            return await bot_state.shortlist(0)
        finally:
            await bot_state.close()

    assert load_settings().state_target == env and asyncio.run(shortlist()) == ["ling-2.6-flash"]
    code, out = run("state", "check")
    assert code == 0 and out.startswith(f"{env}: sound")


def test_db_option_moves_the_default_state_with_the_catalog(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shipped_db: Path
) -> None:
    """Without BOT_STATE_DB the state lives next to the catalog, as the bot resolves it — ``--db`` included."""
    monkeypatch.chdir(tmp_path)
    catalog = tmp_path / "catalog.sqlite3"
    catalog.write_bytes(shipped_db.read_bytes())
    assert run("--db", str(catalog), "traffic", "set", "--requests-per-day", "100")[0] == 0
    assert (tmp_path / "bot-state.sqlite3").exists()


def test_cli_uses_the_postgres_url_and_says_when_it_is_down(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATE_DATABASE_URL", "postgresql://bot:hunter2@127.0.0.1:9/bot")
    targets: list[object] = []

    async def connect(target: object) -> StateStore:
        targets.append(target)
        raise StateUnavailable("state database 127.0.0.1:9/bot unreachable after 6 attempts: refused")

    monkeypatch.setattr(StateStore, "connect", connect)
    assert run("shortlist", "show")[0] == 1
    assert targets == ["postgresql://bot:hunter2@127.0.0.1:9/bot"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unreachable" in err and "hunter2" not in err


@pytest.mark.parametrize(
    ("key", "value", "needle"),
    [
        ("OWNER_IDS", "nope", "setting OWNER_IDS: not a valid value"),
        ("LOG_LEVEL", "LOUD", "setting LOG_LEVEL: LOG_LEVEL must be one of"),
        ("SHARD_IDS", "[0]", "SHARD_IDS needs SHARD_COUNT"),
    ],
)
@pytest.mark.parametrize("command", [["shortlist", "show"], ["state", "check"], ["resolve", "gpt-4o"]])
def test_a_bad_setting_is_one_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], key: str, value: str,
    needle: str, command: list[str],
) -> None:  # fmt: skip
    monkeypatch.setenv(key, value)
    assert run(*command)[0] == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and needle in err and "Traceback" not in err
