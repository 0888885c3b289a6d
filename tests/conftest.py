"""Shared fixtures: a clean environment, temporary databases and the shipped catalog built once per session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from catalog.build import build
from catalog.matching.index import MatchIndex
from catalog.models import Model
from catalog.service import Catalog, by_popularity
from catalog.store.db import SourceFile, Store
from tests.environment import setting_names
from tests.postgres import fresh_database

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _no_settings_from_the_shell() -> Iterator[None]:
    """Unset every setting the caller's shell may carry (DISCORD_TOKEN, BOT_STATE_DB, SHARD_IDS...) for the whole
    session, fixtures and subprocesses included; a test that wants one sets it with ``monkeypatch.setenv``."""
    with pytest.MonkeyPatch.context() as patch:
        for name in setting_names():
            patch.delenv(name, raising=False)
        yield


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the shipped data (built once; tests must not write to it)."""
    path = tmp_path_factory.mktemp("shipped") / "catalog.sqlite3"

    async def _build() -> None:
        async with Store.open(path) as store:
            await build(store)

    asyncio.run(_build())
    return path


@pytest.fixture(scope="session")
def shipped_models(shipped_db: Path) -> list[Model]:
    async def _load() -> list[Model]:
        async with Store.open(shipped_db) as store:
            return await store.all_models()

    return asyncio.run(_load())


@pytest.fixture(scope="session")
def seed_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Model]:
    """The seed-page fixture catalog, by model id."""
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite3"
    data = (FIXTURES / "seed_catalog.json").read_bytes()

    async def _load() -> list[Model]:
        async with Store.open(path) as store:
            await build(store, [SourceFile("overlay", "seed_catalog.json", data)])
            return await store.all_models()

    return {m.id: m for m in asyncio.run(_load())}


@pytest.fixture(scope="session")
def shipped_index(shipped_models: list[Model]) -> MatchIndex:
    return MatchIndex.build(shipped_models)


@pytest.fixture(scope="session")
def shipped_catalog(shipped_models: list[Model], shipped_index: MatchIndex) -> Catalog:
    return Catalog(by_popularity(shipped_models), shipped_index, (), 0.0)


@pytest.fixture(scope="session")
def seed_catalog(seed_models: dict[str, Model]) -> Catalog:
    return Catalog(by_popularity(list(seed_models.values())), MatchIndex.build(seed_models.values()), (), 0.0)


@pytest.fixture(params=["sqlite", "postgres"])
async def state_target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Path | str]:
    """Where a ``StateStore`` opens, once per backend: a SQLite file, or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield tmp_path / "state.sqlite3"
        return
    async with fresh_database() as url:
        yield url
