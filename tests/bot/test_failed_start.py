"""A start that cannot work ends at once (issue 17: a damaged database once left the process running, not working,
past 40 s, so no supervisor restarted it): the real ``python -m bot`` process, as console, Discord bot and CLI,
exits non-zero with one line and no traceback, well inside a timeout."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

#: Seconds a failed start may take: building nothing, opening two files and stopping (it takes ~5 s here, mostly
#: loading the catalog; a hang would run into the subprocess timeout instead).
PROMPT = 45


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _truncated(path: Path) -> None:
    """A real SQLite file cut in half, as a full disk or a killed copy leaves it."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(400)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _a_folder(path: Path) -> None:
    path.mkdir()


DAMAGE: dict[str, Callable[[Path], None]] = {"garbage": _garbage, "truncated": _truncated, "a folder": _a_folder}
HOW = {
    "console": ([], {}),
    "discord": ([], {"DISCORD_TOKEN": "not-a-real-token"}),  # fails before any connection is tried
    "cli": (["traffic", "show"], {}),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
@pytest.mark.parametrize("how", HOW, ids=list(HOW))
def test_a_damaged_state_database_ends_the_start_at_once(
    shipped_db: Path, tmp_path: Path, damage: str, how: str
) -> None:
    state = tmp_path / "state.sqlite3"
    DAMAGE[damage](state)
    args, extra = HOW[how]
    env = {**os.environ, "LLM_CATALOG_DB": str(shipped_db), "BOT_STATE_DB": str(state), **extra}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=PROMPT * 2,
        check=False,
    )
    took = time.monotonic() - started
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode != 0, done.stderr
    assert took < PROMPT, took
    assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr
    assert "state" in lines[0].lower(), lines[0]  # names the state database (its path or what it is)
