"""``python -m bot mentions|resolve --json``: the exact output forms later issues rely on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.adapters.cli.main import main


@pytest.fixture(scope="module")
def db(shipped_db: Path) -> list[str]:
    return ["--db", str(shipped_db)]


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_mentions_json(db: list[str]) -> None:
    code, out = run([*db, "mentions", "--json", "gpt5.3 codex spark vs ling 2.6 flash?"])
    payload = json.loads(out)
    assert code == 0
    assert [m["model_id"] for m in payload["mentions"]] == ["gpt-5.3-codex-spark", "ling-2.6-flash"]
    first = payload["mentions"][0]
    assert (first["start"], first["end"], first["text"]) == (0, 18, "gpt5.3 codex spark")
    assert set(first) == {"start", "end", "text", "model_id", "name", "score"}
    assert payload["families"] == []


def test_mentions_batch_mode_one_line_per_message(db: list[str]) -> None:
    code, out = run([*db, "mentions", "--json"], stdin="hello team\nis claude any good?\nopus 4.1 or sonnet 4.5\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert lines[0] == {"mentions": [], "families": []}
    assert lines[1]["families"] == ["claude"]
    assert [m["model_id"] for m in lines[2]["mentions"]] == ["claude-opus-4.1", "claude-sonnet-4.5"]


@pytest.mark.parametrize(
    ("query", "status", "check"),
    [
        ("qwen2 7b", "resolved", lambda p: p["model"]["id"] == "qwen2-7b-instruct"),
        ("gemini 2.5", "ambiguous", lambda p: len(p["candidates"]) > 1),
        ("zzzz model", "not_found", lambda p: isinstance(p["suggestions"], list)),
    ],
)
def test_resolve_json(db: list[str], query: str, status: str, check) -> None:
    code, out = run([*db, "resolve", "--json", query])
    payload = json.loads(out)
    assert code == 0 and payload["status"] == status and check(payload)


def test_bad_database_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    code, _ = run(["--db", str(blocker / "x.sqlite3"), "resolve", "gpt-4o"])
    assert code == 2 and capsys.readouterr().err.startswith("error: cannot open the catalog")
