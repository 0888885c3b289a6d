"""The store: migrations, atomic imports, idempotent re-imports, round-trips."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from catalog.build import build, import_file
from catalog.errors import ImportFormatError, UnknownSource
from catalog.store.db import SourceFile, Store
from catalog.store.sqlite import migrations
from tests.paths import FIXTURES


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
async def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite3"
    async with Store.open(path) as store:
        await build(store, [SourceFile("overlay", "seed.json", (FIXTURES / "seed_catalog.json").read_bytes())])
    return path


async def test_migrations_set_user_version(tmp_path: Path) -> None:
    async with Store.open(tmp_path / "m.sqlite3") as store:
        assert await store.schema_version() == migrations("catalog.store.migrations")[-1][0]


async def test_round_trip(seeded: Path) -> None:
    async with Store.open(seeded) as store:
        ling = await store.model("ling-2.6-flash")
        assert ling is not None and ling.parameters_label == "104B (7.4B activated)"
        assert [r.provider_name for r in ling.routes] == ["Novita AI", "OpenRouter"]
        assert await store.ids_for_alias("LING-2.6-FLASH") == ["ling-2.6-flash"]
        assert await store.counts() == {"models": 3, "routes": 4, "providers": 4}


async def test_import_adds_source_and_is_idempotent(seeded: Path) -> None:
    sample = FIXTURES / "openrouter-api-v1-models.sample.json"
    async with Store.open(seeded) as store:
        first = await import_file(store, "openrouter", sample)
        assert first.changed
        ling = await store.model("ling-2.6-flash")
        assert ling is not None and len(ling.routes) == 2  # OpenRouter route replaced, not duplicated
    before = _digest(seeded)
    async with Store.open(seeded) as store:
        again = await import_file(store, "openrouter", sample)
        assert not again.changed
    assert _digest(seeded) == before


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.99])
async def test_corrupt_file_leaves_database_byte_identical(seeded: Path, tmp_path: Path, cut: float) -> None:
    data = (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes()
    bad = tmp_path / "openrouter.json"
    bad.write_bytes(data[: int(len(data) * cut)])
    before = _digest(seeded)
    async with Store.open(seeded) as store:
        with pytest.raises(ImportFormatError):
            await import_file(store, "openrouter", bad)
    assert _digest(seeded) == before


async def test_failure_while_writing_rolls_back(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error after some rows are written (here: in the routes insert) must leave nothing behind."""
    copy = seeded.with_name("copy.sqlite3")
    shutil.copy(seeded, copy)
    before = _digest(copy)
    async with Store.open(copy) as store:
        real = store._conn.executemany

        async def failing(sql: str, rows: object) -> object:
            if sql.startswith("INSERT INTO routes"):
                raise RuntimeError("disk unplugged")
            return await real(sql, rows)

        monkeypatch.setattr(store._conn, "executemany", failing)
        with pytest.raises(RuntimeError):
            await import_file(store, "openrouter", FIXTURES / "openrouter-api-v1-models.sample.json")
        monkeypatch.undo()
        assert await store.counts() == {"models": 3, "routes": 4, "providers": 4}
    assert _digest(copy) == before


async def test_unknown_source_changes_nothing(seeded: Path) -> None:
    before = _digest(seeded)
    async with Store.open(seeded) as store:
        with pytest.raises(UnknownSource):
            await import_file(store, "wikipedia", FIXTURES / "seed_catalog.json")
    assert _digest(seeded) == before


async def test_history_of_sources_is_kept(seeded: Path) -> None:
    async with Store.open(seeded) as store:
        sources = await store.sources()
        assert [s.name for s in sources] == ["overlay"]
        files = await store.source_files()
        assert json.loads(files[0].data)["about"]["date"] == "2026-06-15"


async def test_a_catalog_merged_by_older_identity_rules_is_re_merged_on_start(tmp_path: Path) -> None:
    """An upgrade that changes identity re-merges the kept source files: no download, no stale records."""
    from catalog.build import RULES_KEY, build, ensure_built
    from catalog.identity.curated import rules_version

    async with Store.open(tmp_path / "c.sqlite3") as store:
        await build(
            store,
            [SourceFile("models-dev", "catalog.json", (FIXTURES / "models-dev-catalog.sample.json").read_bytes())],
        )
        assert await store.build_meta(RULES_KEY) == rules_version()
        assert await ensure_built(store) is True  # the sources the release ships and this catalog lacks are added
        assert await ensure_built(store) is False
        await store._conn.execute("UPDATE build_meta SET value = 'old' WHERE key = ?", (RULES_KEY,))
        await store._conn.commit()
        assert await ensure_built(store) is True
        assert await store.build_meta(RULES_KEY) == rules_version()
        kept = {s.name: s for s in await store.sources()}
        assert kept["models-dev"].file_name == "catalog.json"  # the team's own file, not the shipped data


async def test_an_upgrade_takes_the_new_release_s_files_but_keeps_the_team_s_imports(tmp_path: Path) -> None:
    """A source file that came with the old release is replaced by the new release's; an imported one stays."""
    from catalog.build import SHIPPED_KEY, build, ensure_built, shipped_files

    shipped = {f.name: f for f in shipped_files()}
    old_md = SourceFile(
        "models-dev", "models-dev-catalog.json", (FIXTURES / "models-dev-catalog.sample.json").read_bytes()
    )
    imported = SourceFile(
        "litellm", "my-prices.json", (FIXTURES / "litellm-model_prices_and_context_window.sample.json").read_bytes()
    )
    async with Store.open(tmp_path / "c.sqlite3") as store:
        await build(store, [old_md, imported])
        # pretend the old release shipped the sample as its models.dev file
        await store._conn.execute(
            "UPDATE build_meta SET value = ? WHERE key = ?", (old_md.sha256, f"{SHIPPED_KEY}models-dev")
        )
        await store._conn.commit()
        assert await ensure_built(store) is True
        kept = {f.name: f for f in await store.source_files()}
        assert kept["models-dev"].sha256 == shipped["models-dev"].sha256  # the new release's file
        assert kept["litellm"].sha256 == imported.sha256  # the team's own import stays
        assert "genai-prices" in kept  # a source the old release did not ship is added
        assert await ensure_built(store) is False
