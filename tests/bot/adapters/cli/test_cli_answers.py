"""``python -m bot compare | ask | cost``: the same handlers as the bot, JSON and text, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.adapters.cli.main import main
from bot.limits import CUSTOM_ID
from bot.render.views import PAGER_ID, PICK_ID


@pytest.fixture(scope="module")
def db(shipped_db: Path) -> list[str]:
    return ["--db", str(shipped_db)]


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, stdin=io.StringIO(""), stdout=out), out.getvalue()


def test_compare_answer_has_every_section(db: list[str]) -> None:
    code, out = run([*db, "compare", "gpt5.3 codex spark", "ling 2.6 flash", "--answer"])
    report = json.loads(out)
    assert code == 0 and report["model_ids"] == ["gpt-5.3-codex-spark", "ling-2.6-flash"]
    for key in ("scorecard", "tradeoffs", "costs", "switch", "specs", "pricing", "capabilities", "benchmarks_note",
                "deep_dive", "faq", "continue_comparing", "last_reviewed", "sources"):  # fmt: skip
        assert report[key] is not None, key
    assert report["costs"][1]["amount"] == "$15.50"


def test_compare_text(db: list[str]) -> None:
    code, out = run([*db, "compare", "gpt-4o", "gpt-4o mini", "claude sonnet 4.5"])
    assert code == 0 and out.startswith("GPT-4o vs GPT-4o mini vs Claude Sonnet 4.5")
    assert "Decision scorecard" in out and "Last reviewed:" in out


def test_cost_with_traffic(db: list[str]) -> None:
    code, out = run([*db, "cost", "ling 2.6 flash", "--requests-per-day", "1000", "--cache-hit", "0.5", "--answer"])
    est = json.loads(out)
    assert code == 0 and est["profile"]["requests_per_month"] == 30_000 and est["profile"]["cache_hit"] == 0.5
    assert est["cheapest"]["provider_name"] == "OpenRouter"


def test_ask_json_and_silence(db: list[str]) -> None:
    code, out = run([*db, "ask", "is ling 2.6 flash open source?", "--answer"])
    assert code == 0 and json.loads(out)["intent"] == "open_source"
    code, out = run([*db, "ask", "is ling 2.6 flash open source?", "--json"])
    assert code == 0 and json.loads(out)["embeds"][0]["title"] == "Open source?"
    code, out = run([*db, "ask", "who broke the build?"])
    assert code == 0 and out == ""


def test_json_prints_the_discord_payload(db: list[str]) -> None:
    code, out = run([*db, "compare", "gpt-4o", "ling 2.6 flash", "--json"])
    payload = json.loads(out)
    assert code == 0 and set(payload) == {"content", "embeds", "components", "attachments", "allowed_mentions", "flags"}
    assert payload["embeds"][0]["title"] == "GPT-4o vs Ling-2.6-Flash — Decision scorecard"
    ids = [c["custom_id"] for row in payload["components"] for c in row["components"]]
    assert [PAGER_ID.fullmatch(i)["action"] for i in ids] == ["prev", "next", "jump"]  # type: ignore[index]
    assert all(len(i) <= CUSTOM_ID and PAGER_ID.fullmatch(i)["shown"] == "0" for i in ids)  # type: ignore[index]
    assert payload["allowed_mentions"] == {"parse": []}
    code, out = run([*db, "cost", "gpt-4o", "--json"])
    assert json.loads(out)["attachments"] == ["cost.png"]
    code, out = run([*db, "compare", "gemini 2.5", "gpt-4o", "--json"])  # ambiguous: the picker message
    assert PICK_ID.fullmatch(json.loads(out)["components"][0]["components"][0]["custom_id"])
    code, out = run([*db, "model", "ling 2.6 flash", "--json"])
    assert json.loads(out)["embeds"][0]["title"] == "Ling-2.6-Flash"
    code, out = run([*db, "models", "--open-weights", "--capability", "tool_use", "--json"])
    assert "match" in json.loads(out)["embeds"][0]["description"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["cost", "gpt-4o", "--requests-per-month", "-5"], "--requests-per-month"),
        (["cost", "gpt-4o", "--requests-per-day", "-5"], "--requests-per-day must be 0 or more"),
        (["cost", "gpt-4o", "--cache-hit", "2"], "--cache-hit"),
        (["cost", "gpt-4o", "--output-tokens", "999999999"], "--output-tokens"),
        (["cost", "no such model zz"], "no model matches"),
        (["compare", "gemini 2.5", "gpt-4o"], "could mean several models"),
        (["compare", "gpt-4o"], "2 to 4 models"),
        (["compare", "gpt-4o", "gpt4o"], "same model was given twice"),
    ],
)
def test_bad_input_is_one_clear_line(db: list[str], argv: list[str], needle: str, capsys) -> None:
    code, out = run([*db, *argv])
    err = capsys.readouterr().err
    assert code == 2 and out == "" and needle in err and err.count("\n") == 1 and "Traceback" not in err
