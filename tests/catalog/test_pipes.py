"""A reader that goes away early (``python -m catalog changes | head -1``) ends the command quietly: no "error: :
Broken pipe", no traceback, exit status 1 — for ``python -m catalog`` and ``python -m bot`` alike. Real
subprocesses, as a shell pipeline runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def closed_pipe_run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``argv`` with stdout a pipe whose reader already left: every write fails with EPIPE."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(argv, stdout=write, stderr=subprocess.PIPE, text=True, cwd=cwd, timeout=120, check=False)
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "command",
    [["-m", "catalog", "changes"], ["-m", "catalog", "stats"], ["-m", "bot", "resolve", "gpt-4o"]],
    ids=["catalog changes", "catalog stats", "bot resolve"],
)
def test_a_closed_pipe_is_silent(shipped_db: Path, tmp_path: Path, command: list[str]) -> None:
    done = closed_pipe_run([sys.executable, *command[:2], "--db", str(shipped_db), *command[2:]], tmp_path)
    assert done.stderr == "" and done.returncode == 1


def test_a_reader_that_takes_one_line_and_leaves(shipped_db: Path, tmp_path: Path) -> None:
    """``| head -1`` on a long output: the command is still writing when the reader closes."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalog", "--db", str(shipped_db), "identity"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert first and err == ""
