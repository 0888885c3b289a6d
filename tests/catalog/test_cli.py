"""``python -m catalog``: the exact forms later issues rely on."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.catalog.harmful import EMPTY, models_dev_price, openrouter_price
from tests.paths import FIXTURES


def run(*args: str, db: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "CATALOG_MAX_SHRINK"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "catalog", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=clean,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "cli.sqlite3"


def test_stats_builds_on_first_use(db: Path) -> None:
    out = run("stats", "--json", db=db)
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["routes"] >= 5000 and stats["providers"] >= 100
    assert {s["name"] for s in stats["sources"]} == {"models-dev", "llm-stats", "litellm", "genai-prices", "overlay"}


def test_show_json_by_alias(db: Path) -> None:
    out = run("show", "inclusionAI: Ling-2.6 Flash", "--json", db=db)
    assert out.returncode == 0, out.stderr
    model = json.loads(out.stdout)
    assert model["id"] == "ling-2.6-flash"
    assert model["routes"] and model["routes"][0]["provenance"]["source"] == "models-dev"
    assert model["facts"]["params_total_b"]["source"] == "overlay"


def test_show_unknown_is_clear(db: Path) -> None:
    out = run("show", "no such model", db=db)
    assert out.returncode == 2 and out.stderr.startswith("error: no model matches")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("import", "wikipedia", str(FIXTURES / "seed_catalog.json")), "unknown source 'wikipedia'"),
        (("import", "openrouter", "/nonexistent.json"), "/nonexistent.json"),
        (("import", "openrouter", str(FIXTURES / "seed_catalog.json")), "seed_catalog.json"),
    ],
)
def test_bad_import_is_one_line_and_nonzero(db: Path, args: tuple[str, ...], needle: str) -> None:
    before = run("stats", "--json", db=db).stdout
    out = run(*args, db=db)
    assert out.returncode != 0
    assert needle in out.stderr and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert run("stats", "--json", db=db).stdout == before


def test_build_and_import(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    assert run("build", db=db).returncode == 0
    out = run("import", "openrouter", str(FIXTURES / "openrouter-api-v1-models.sample.json"), db=db)
    assert out.returncode == 0 and out.stdout.startswith("imported")
    again = run("import", "openrouter", str(FIXTURES / "openrouter-api-v1-models.sample.json"), db=db)
    assert again.stdout.startswith("unchanged")


def test_identity_json_lists_every_route_with_its_placement(db: Path) -> None:
    out = run("identity", "--json", db=db)
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    plus = next(r for r in records if r["name"] == "Command R+")
    assert all("plus" in r["route_id"] for r in plus["routes"])
    assert {r["placed_by"] for r in plus["routes"]} <= {
        "route-id",
        "base-link",
        "snapshot",
        "name",
        "parameters",
        "own id",
    }
    assert any(r["placed_by"].startswith("overlay:") for rec in records for r in rec["routes"])


def test_doubts_lists_the_worklist_and_counts_what_is_open(db: Path) -> None:
    out = run("doubts", db=db)
    assert out.returncode == 0, out.stderr
    last = out.stdout.strip().splitlines()[-1]
    assert "open doubts" in last and "explained by curated entries" in last
    assert "[explained: overlay:" in out.stdout


def test_show_keeps_command_r_and_command_r_plus_apart(db: Path) -> None:
    plus = json.loads(run("show", "command-r-plus-08-2024", "--json", db=db).stdout)
    plain = json.loads(run("show", "command-r-08-2024", "--json", db=db).stdout)
    assert plus["id"] != plain["id"]
    assert {r["price"]["output"] for r in plus["routes"] if r["price"] and r["price"]["output"] not in (None, "0")} >= {
        "10"
    }
    assert all("plus" not in r["provider_model_id"] for r in plain["routes"])


def test_sources_lists_every_shipped_source_with_its_version(db: Path) -> None:
    out = run("sources", "--json", db=db)
    assert out.returncode == 0, out.stderr
    rows = {r["name"]: r for r in json.loads(out.stdout)}
    assert set(rows) == {"models-dev", "llm-stats", "litellm", "genai-prices", "overlay"}
    assert rows["litellm"]["version"] == "1.110.2" and rows["genai-prices"]["version"]
    assert rows["models-dev"]["data_date"] == "2026-06-30"
    assert all(rows[s]["routes"] > 1000 for s in ("models-dev", "litellm", "genai-prices"))


def test_disagreements_show_each_source_side_by_side(db: Path) -> None:
    out = run("disagreements", "claude sonnet 4.5", db=db)
    assert out.returncode == 0, out.stderr
    assert "models.dev $3/$15 (2026-06-30)" in out.stdout and "genai-prices $3.3/$16.5" in out.stdout
    assert out.stdout.strip().splitlines()[-1].endswith("routes where sources disagree for claude-sonnet-4.5")
    unknown = run("disagreements", "no such model xyz", db=db)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


HARMFUL_FILES = {
    "negative-price": ("models-dev", models_dev_price("-0.04"), "field 'cost.output': -0.04 is not a price"),
    "nan": ("models-dev", models_dev_price("NaN"), "field 'cost.output': NaN is not a number"),
    "infinity": ("openrouter", openrouter_price('"Infinity"'), "field 'pricing.prompt': Infinity is not a price"),
    "1e308": ("models-dev", models_dev_price("1e308"), "field 'cost.output': 1e+308 is not a price"),
    "nested": ("openrouter", b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels deep"),
    "empty": ("models-dev", EMPTY["models-dev"], "would remove"),
    "oversized": ("openrouter", None, "bytes is over the 67,108,864-byte cap; nothing was read"),
}


@pytest.mark.parametrize("case", sorted(HARMFUL_FILES))
def test_harmful_import_is_one_line_and_leaves_the_file_byte_identical(db: Path, tmp_path: Path, case: str) -> None:
    source, body, says = HARMFUL_FILES[case]
    file = tmp_path / "catalog.json"
    if body is None:
        with file.open("wb") as fh:
            fh.truncate(300 * 1024 * 1024)  # sparse: 300 MB that take no disk
    else:
        file.write_bytes(body)
    run("stats", db=db)  # built before the digest is taken
    before = digest(db)
    out = run("import", source, str(file), db=db)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    if case == "empty":
        assert out.stderr.startswith("error: would remove ") and out.stderr.rstrip().endswith("pass --force to accept")
        assert " models (" in out.stderr and " routes (" in out.stderr
    else:
        assert says in out.stderr, out.stderr
    assert digest(db) == before


def test_force_accepts_what_the_shrink_guard_refused(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    run("stats", db=db)
    shutil.copy(db, copy)
    file = tmp_path / "empty.json"
    file.write_bytes(EMPTY["models-dev"])
    assert run("import", "models-dev", str(file), "--max-shrink", "0.5", db=copy).returncode == 2
    assert run("import", "models-dev", str(file), db=copy, env={"CATALOG_MAX_SHRINK": "1"}).returncode == 0
    assert (
        run("import", "models-dev", str(FIXTURES / "models-dev-catalog.sample.json"), "--force", db=copy).returncode
        == 0
    )


@pytest.mark.parametrize("value", ["lots", "1.5", "-0.1", "nan"])
def test_a_bad_max_shrink_is_one_line(db: Path, value: str) -> None:
    out = run("import", "openrouter", str(FIXTURES / "openrouter-api-v1-models.sample.json"), db=db,
              env={"CATALOG_MAX_SHRINK": value})  # fmt: skip
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "share from 0 to 1" in out.stderr
