"""Live refresh against a local aiohttp server on 127.0.0.1 that serves recorded files (no real network)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from catalog.build import build
from catalog.errors import ImportFormatError, ShrinkRefused
from catalog.refresh import Limits, RefreshError, refresh
from catalog.store.db import SourceFile, Store
from tests.catalog.harmful import EMPTY, HARMFUL, build_both
from tests.local_server import serving
from tests.paths import FIXTURES

MODELS_DEV = (FIXTURES / "models-dev-catalog.sample.json").read_bytes()
OPENROUTER = (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes()
FAST = Limits(timeout_s=2, attempts=3, backoff_s=0.01)


def cheaper_ling(data: bytes) -> bytes:
    """The models.dev sample with OpenRouter's Ling-2.6-Flash output price changed 0.03 -> 0.02."""
    doc = json.loads(data)
    doc["providers"]["openrouter"]["models"]["inclusionai/ling-2.6-flash"]["cost"]["output"] = 0.02
    return json.dumps(doc).encode()


class Recorded:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.bodies: dict[str, bytes] = {"/catalog.json": cheaper_ling(MODELS_DEV), "/models": OPENROUTER}


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, Recorded]]:
    rec = Recorded()

    async def serve(request: web.Request) -> web.StreamResponse:
        path = request.path
        rec.hits[path] = rec.hits.get(path, 0) + 1
        if path == "/flaky" and rec.hits[path] <= 2:
            return web.Response(status=503)
        if path == "/flaky":
            return web.Response(body=OPENROUTER, content_type="application/json")
        if path == "/limited" and rec.hits[path] == 1:  # a 429 that says how long to wait
            return web.Response(status=429, headers={"Retry-After": "0.3"})
        if path == "/limited":
            return web.Response(body=OPENROUTER, content_type="application/json")
        if path == "/slow":
            await asyncio.sleep(5)
        if path == "/huge":
            return web.Response(body=b" " * 200_000, content_type="application/json")
        if path == "/truncated":
            return web.Response(body=OPENROUTER[: len(OPENROUTER) // 2], content_type="application/json")
        if path in rec.bodies:
            return web.Response(body=rec.bodies[path], content_type="application/json")
        return web.Response(status=404)

    async with serving(serve) as base:
        yield base, rec


@pytest.fixture
async def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite3"
    async with Store.open(path) as store:
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV)])
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_refresh_imports_both_sources_and_records_price_changes(server, db: Path) -> None:
    base, _ = server
    async with Store.open(db) as store:
        result = await refresh(store, {"models-dev": f"{base}/catalog.json", "openrouter": f"{base}/models"}, FAST)
        assert {s.name for s in await store.sources()} == {"models-dev", "openrouter"}
        ling = await store.model("ling-2.6-flash")
        assert ling is not None
        changes = await store.changes("2000-01-01")
    # OpenRouter's own API wins for its routes: Ling-2.6-Flash stays at 0.03 there, Ling-2.6-1T is re-priced
    out = {
        c.model_id: (c.old_value, c.new_value, c.kind, c.source) for c in result.price_changes if c.field == "output"
    }
    assert out["ling-2.6-1t"] == ("0.625", "2.5", "up", "openrouter")
    assert "ling-2.6-flash" not in out
    assert set(result.price_changes) == {c for c in changes}


async def test_models_dev_refresh_records_a_price_drop(server, db: Path) -> None:
    base, _ = server
    async with Store.open(db) as store:
        result = await refresh(store, {"models-dev": f"{base}/catalog.json"}, FAST)
    output = [c for c in result.price_changes if c.field == "output"]
    assert [(c.model_id, c.old_value, c.new_value, c.kind) for c in output] == [
        ("ling-2.6-flash", "0.03", "0.02", "down")
    ]


async def test_retries_with_backoff_then_succeeds(server, db: Path) -> None:
    base, rec = server
    async with Store.open(db) as store:
        await refresh(store, {"openrouter": f"{base}/flaky"}, FAST)
    assert rec.hits["/flaky"] == 3


async def test_a_429_is_retried_after_the_time_the_server_asks(server, db: Path) -> None:
    base, rec = server
    started = time.monotonic()
    async with Store.open(db) as store:
        await refresh(store, {"openrouter": f"{base}/limited"}, FAST)
    assert rec.hits["/limited"] == 2 and time.monotonic() - started >= 0.3  # Retry-After, not the 10 ms backoff


@pytest.mark.parametrize(
    ("path", "limits", "error", "needle"),
    [
        ("/missing", FAST, RefreshError, "HTTP 404"),
        ("/slow", Limits(timeout_s=0.2, attempts=2, backoff_s=0.01), RefreshError, "gave up after 2 attempts"),
        ("/huge", Limits(max_bytes=100_000, attempts=1), RefreshError, "cap"),
        ("/truncated", FAST, ImportFormatError, "malformed or truncated JSON"),
    ],
)
async def test_failed_refresh_leaves_the_catalog_byte_identical(server, db: Path, path, limits, error, needle) -> None:
    base, _ = server
    before = digest(db)
    async with Store.open(db) as store:
        with pytest.raises(error) as err:
            await refresh(store, {"models-dev": f"{base}/catalog.json", "openrouter": f"{base}{path}"}, limits)
    assert needle in str(err.value)
    assert digest(db) == before


async def test_injected_failure_while_writing_is_rolled_back(server, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, _ = server
    before = digest(db)
    async with Store.open(db) as store:
        real = store._conn.executemany

        async def failing(sql: str, rows: object) -> object:
            if sql.startswith("INSERT INTO routes"):
                raise OSError("disk full")
            return await real(sql, rows)

        monkeypatch.setattr(store._conn, "executemany", failing)
        with pytest.raises(OSError):
            await refresh(store, {"models-dev": f"{base}/catalog.json"}, FAST)
        monkeypatch.undo()
        assert await store.changes("2000-01-01") == []  # the history insert rolled back too
    assert digest(db) == before


async def test_price_history_survives_a_rebuild(server, db: Path) -> None:
    base, _ = server
    async with Store.open(db) as store:
        await refresh(store, {"models-dev": f"{base}/catalog.json"}, FAST)
        recorded = await store.changes("2000-01-01")
        assert recorded
        await build(store, [SourceFile("models-dev", "catalog.json", MODELS_DEV)])  # rebuild: price goes back
        after = await store.changes("2000-01-01")
    assert set(recorded) <= set(after)
    assert any(c.old_value == "0.02" and c.new_value == "0.03" for c in after)


async def test_unknown_source_is_refused(db: Path) -> None:
    async with Store.open(db) as store:
        with pytest.raises(RefreshError):
            await refresh(store, {"wikipedia": "http://127.0.0.1:9/x"}, FAST)


@pytest.fixture
async def db_both(tmp_path: Path) -> Path:
    """A catalog with both refreshed sources in it, so an empty file from either would shrink it."""
    return await build_both(tmp_path / "both.sqlite3")


@pytest.mark.parametrize(("source", "body", "says"), [c[1:] for c in HARMFUL], ids=[c[0] for c in HARMFUL])
async def test_harmful_data_is_refused_in_one_line_and_changes_nothing(
    server, db_both: Path, source: str, body: bytes, says: str
) -> None:
    base, rec = server
    rec.bodies["/harmful"] = body
    before = digest(db_both)
    async with Store.open(db_both) as store:
        with pytest.raises(ImportFormatError) as err:
            await refresh(store, {source: f"{base}/harmful"}, FAST)
    assert says in str(err.value) and "\n" not in str(err.value)
    assert digest(db_both) == before


@pytest.mark.parametrize("source", sorted(EMPTY))
async def test_an_empty_upstream_file_is_refused_with_the_numbers(server, db_both: Path, source: str) -> None:
    base, rec = server
    rec.bodies["/empty"] = EMPTY[source]
    before = digest(db_both)
    async with Store.open(db_both) as store:
        counts = await store.counts()
        with pytest.raises(ShrinkRefused) as err:
            await refresh(store, {source: f"{base}/empty"}, FAST)
    removed_models, models = err.value.models
    removed_routes, routes = err.value.routes
    assert (models, routes) == (counts["models"], counts["routes"]) and removed_routes > 0.2 * routes
    assert f"would remove {removed_models:,} of {models:,} models (" in str(err.value)
    assert f"{removed_routes:,} of {routes:,} routes" in str(err.value) and "nothing was changed" in str(err.value)
    assert digest(db_both) == before


async def test_the_owner_can_force_a_shrinking_refresh(server, db_both: Path) -> None:
    base, rec = server
    rec.bodies["/empty"] = EMPTY["openrouter"]
    async with Store.open(db_both) as store:
        with pytest.raises(ShrinkRefused):
            await refresh(store, {"openrouter": f"{base}/empty"}, FAST, max_shrink=0.3)  # 7 of 20 routes: 35 %
        result = await refresh(store, {"openrouter": f"{base}/empty"}, FAST, max_shrink=None)
        assert result.routes == (await store.counts())["routes"] and not any(
            r.provider_id == "openrouter" and r.provenance.source == "openrouter"
            for m in await store.all_models()
            for r in m.routes
        )


async def test_a_refresh_that_removes_little_is_accepted(server, db_both: Path) -> None:
    base, rec = server
    doc = json.loads(OPENROUTER)
    doc["data"] = doc["data"][1:]  # one route of about twenty goes: under the 20 % default
    rec.bodies["/fewer"] = json.dumps(doc).encode()
    async with Store.open(db_both) as store:
        await refresh(store, {"openrouter": f"{base}/fewer"}, FAST)
