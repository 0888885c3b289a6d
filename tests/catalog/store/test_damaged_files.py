"""Damaged, foreign and newer-schema catalog files: told apart at open, moved aside and rebuilt; a place the
database cannot live (a file in the way, a full disk) is one clear error with nothing half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from catalog.build import build
from catalog.service import open_catalog
from catalog.store import sqlite as store_sqlite
from catalog.store.db import SourceFile, Store
from catalog.store.health import DamagedDatabase, UnusableLocation
from tests.paths import FIXTURES

MODELS_DEV = (FIXTURES / "models-dev-catalog.sample.json").read_bytes()
OPENROUTER = (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes()


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sources (name TEXT)")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    sqlite3.connect(path).close()
    good = path.with_name("good.sqlite3")
    conn = sqlite3.connect(good)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(str(i) * 50,) for i in range(2000)])
    conn.commit()
    conn.close()
    path.write_bytes(good.read_bytes()[: 3 * 4096 + 100])


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.write_bytes(bytes(range(256)) * 32), "not a database file"),
        (_truncated, "damaged"),
        (_foreign, "another program's database"),
        (_newer, "newer version of this program"),
    ],
    ids=["garbage", "truncated", "foreign", "newer-schema"],
)
async def test_unusable_files_are_named(tmp_path: Path, damage: object, reason: str) -> None:
    path = tmp_path / "c.sqlite3"
    damage(path)  # type: ignore[operator]
    with pytest.raises(DamagedDatabase, match=reason):
        await Store.connect(path, verify=True)


async def test_a_zero_length_file_is_just_empty(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"")
    store = await Store.connect(path, verify=True)
    await store.close()


async def test_a_damaged_catalog_is_moved_aside_and_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    catalog = await open_catalog(path)
    assert len(catalog.models) > 1000
    aside = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and "moved it to" in caplog.text and "rebuilt it from the shipped data" in caplog.text


async def test_a_file_in_the_way_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UnusableLocation, match="not-a-folder"):
        await Store.connect(blocker / "c.sqlite3", verify=True)


async def test_a_full_disk_leaves_the_catalog_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's page cap stands in for a full disk: the import fails as SQLITE_FULL, the transaction rolls back."""
    path = tmp_path / "c.sqlite3"
    async with Store.open(path) as store:
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV)])
        before = await store.counts()
    real = store_sqlite.connect

    async def tiny(p: Path) -> aiosqlite.Connection:
        conn = await real(p)
        async with conn.execute("PRAGMA page_count") as cur:
            pages = (await cur.fetchone() or (0,))[0]
        await conn.execute(f"PRAGMA max_page_count = {int(pages)}")
        return conn

    monkeypatch.setattr(store_sqlite, "connect", tiny)
    with pytest.raises(sqlite3.OperationalError, match="full"):
        async with Store.open(path) as store:
            await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV),
                                SourceFile("openrouter", "api-v1-models.json", OPENROUTER)])  # fmt: skip
    monkeypatch.setattr(store_sqlite, "connect", real)
    async with Store.open(path) as store:
        assert await store.counts() == before


async def test_a_read_only_location_is_one_clear_error() -> None:
    """/proc cannot be written even by root (CI runs as root, so chmod would prove nothing)."""
    with pytest.raises(UnusableLocation, match="/proc/self/llm-catalog"):
        await Store.connect(Path("/proc/self/llm-catalog/c.sqlite3"), verify=True)
