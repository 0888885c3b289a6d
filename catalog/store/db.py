"""The one place SQL runs. Parameterised queries only; rows come back as pydantic models.

Schema changes are numbered, append-only files in ``migrations/`` tracked with ``PRAGMA user_version``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import aiosqlite

from catalog.models import Model, Route
from catalog.store import sqlite
from catalog.store.health import DamagedDatabase, UnusableLocation, check, plain
from catalog.store.history import PriceChange, diff


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One imported file as kept in the database."""

    name: str
    file_name: str
    data: bytes
    source_date: str | None = None
    record_count: int = 0
    version: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source's metadata, without its payload."""

    name: str
    file_name: str
    sha256: str
    source_date: str | None
    record_count: int
    imported_at: str
    version: str | None = None


MIGRATIONS = "catalog.store.migrations"


class Store:
    """An open catalog database. Use ``async with Store.open(path) as store``."""

    def __init__(self, conn: aiosqlite.Connection, path: Path):
        self._conn = conn
        self.path = path

    @classmethod
    async def connect(cls, path: Path, verify: bool = False) -> Store:
        """Open (creating if needed) and migrate the database at ``path``. ``verify`` (start-up) first checks the
        file is a sound catalog database: ``DamagedDatabase`` if not, ``UnusableLocation`` if it cannot be
        opened or written there."""
        try:
            conn = await sqlite.connect(path)
        except (sqlite3.DatabaseError, OSError) as exc:
            reason = plain(exc)
            if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in reason or "damaged" in reason):
                raise DamagedDatabase(path, reason) from None
            raise UnusableLocation(path, reason) from None
        try:
            if verify:
                newest = max(v for v, _ in sqlite.migrations(MIGRATIONS))
                await check(conn, path, newest, own_table="sources")
            await sqlite.migrate(conn, MIGRATIONS)
        except sqlite3.DatabaseError as exc:
            await conn.close()
            reason = plain(exc)
            if "not a database" in reason or "damaged" in reason:
                raise DamagedDatabase(path, reason) from None
            raise UnusableLocation(path, reason) from None
        except BaseException:
            await conn.close()
            raise
        return cls(conn, path)

    @classmethod
    def open(cls, path: Path) -> _StoreContext:
        return _StoreContext(path)

    async def close(self) -> None:
        await self._conn.close()

    async def schema_version(self) -> int:
        return await sqlite.user_version(self._conn)

    # -- writing ---------------------------------------------------------------------------------------

    async def replace_catalog(
        self, models: Iterable[Model], sources: Iterable[SourceFile], meta: dict[str, str] | None = None
    ) -> list[PriceChange]:
        """Replace every derived table, upsert ``sources`` and record price changes: one transaction, all or
        nothing. Returns the price changes the new data brings (also kept in ``price_history``). ``meta`` says
        what built the tables (``build_meta``)."""
        models = list(models)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        await self._conn.execute("BEGIN IMMEDIATE")
        try:
            changes = diff(await self._current_routes(), models)
            await self._conn.executemany(
                "INSERT INTO price_history (changed_at, source, source_date, provider_id, provider_name,"
                " provider_model_id, model_id, model_name, field, old_value, new_value)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (now, c.source, c.source_date, c.provider_id, c.provider_name, c.provider_model_id,
                     c.model_id, c.model_name, c.field, c.old_value, c.new_value)
                    for c in changes
                ],
            )  # fmt: skip
            for table in ("routes", "aliases", "models", "providers"):
                await self._conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            for src in sources:
                await self._conn.execute(
                    "INSERT INTO sources (name, file_name, sha256, source_date, record_count, imported_at,"
                    " payload, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    " file_name = excluded.file_name, sha256 = excluded.sha256,"
                    " source_date = excluded.source_date, record_count = excluded.record_count,"
                    " imported_at = excluded.imported_at, payload = excluded.payload, version = excluded.version",
                    (
                        src.name,
                        src.file_name,
                        src.sha256,
                        src.source_date,
                        src.record_count,
                        now,
                        zlib.compress(src.data, 6),
                        src.version,
                    ),
                )
            model_rows: list[tuple[str, str, int | None, str, str | None, str]] = []
            alias_rows: list[tuple[str, str]] = []
            route_rows: list[tuple[str, str, str, str]] = []
            providers: dict[str, str] = {}
            for m in models:
                model_rows.append((m.id, m.name, m.context_window, m.openness, m.release_date, _model_json(m)))
                alias_rows.extend((alias, m.id) for alias in {m.name, m.id, *m.aliases})
                for r in m.routes:
                    providers.setdefault(r.provider_id, r.provider_name)
                    route_rows.append((r.provider_id, r.provider_model_id, m.id, r.model_dump_json()))
            await self._conn.executemany("INSERT INTO providers (id, name) VALUES (?, ?)", providers.items())
            await self._conn.executemany(
                "INSERT INTO models (id, name, context_window, openness, release_date, data) VALUES (?, ?, ?, ?, ?, ?)",
                model_rows,
            )
            await self._conn.executemany("INSERT INTO aliases (alias, model_id) VALUES (?, ?)", alias_rows)
            await self._conn.executemany(
                "INSERT INTO routes (provider_id, provider_model_id, model_id, data) VALUES (?, ?, ?, ?)",
                route_rows,
            )
            await self._conn.executemany(
                "INSERT INTO build_meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (meta or {}).items(),
            )
            await self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # SQLite already rolled back on a full disk or I/O error
                await self._conn.execute("ROLLBACK")
            raise
        return [replace(c, changed_at=now) for c in changes]

    async def _current_routes(self) -> list[tuple[str, str, Route]]:
        async with self._conn.execute(
            "SELECT routes.model_id, models.name, routes.data FROM routes JOIN models ON models.id = routes.model_id"
        ) as cur:
            return [(mid, name, Route.model_validate_json(data)) for mid, name, data in await cur.fetchall()]

    async def changes(self, since: str, model_ids: Iterable[str] | None = None) -> list[PriceChange]:
        """Price changes recorded at or after ``since`` (ISO date or time), newest first."""
        sql = (
            "SELECT provider_id, provider_name, provider_model_id, model_id, model_name, field, old_value,"
            " new_value, source, source_date, changed_at FROM price_history WHERE changed_at >= ?"
        )
        params: list[str] = [since]
        if model_ids is not None:
            ids = list(model_ids)
            if not ids:
                return []
            sql += f" AND model_id IN ({', '.join('?' for _ in ids)})"
            params += ids
        sql += " ORDER BY changed_at DESC, model_name, provider_name, field"
        async with self._conn.execute(sql, params) as cur:
            return [PriceChange(*row) for row in await cur.fetchall()]

    # -- reading ---------------------------------------------------------------------------------------

    async def sources(self) -> list[SourceInfo]:
        async with self._conn.execute(
            "SELECT name, file_name, sha256, source_date, record_count, imported_at, version FROM sources ORDER BY name"
        ) as cur:
            return [SourceInfo(*row) for row in await cur.fetchall()]

    async def build_meta(self, key: str) -> str | None:
        """What built the derived tables (see ``replace_catalog``); None for a catalog built before it was kept."""
        async with self._conn.execute("SELECT value FROM build_meta WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return None if row is None else str(row[0])

    async def source_files(self) -> list[SourceFile]:
        """Every stored source file with its bytes, for a rebuild."""
        async with self._conn.execute(
            "SELECT name, file_name, payload, source_date, record_count, version FROM sources ORDER BY name"
        ) as cur:
            rows = await cur.fetchall()
        return [SourceFile(name, fname, zlib.decompress(data), date, n, v) for name, fname, data, date, n, v in rows]

    async def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for key, sql in (
            ("models", "SELECT count(*) FROM models"),
            ("routes", "SELECT count(*) FROM routes"),
            ("providers", "SELECT count(*) FROM providers"),
        ):
            async with self._conn.execute(sql) as cur:
                row = await cur.fetchone()
                out[key] = int(row[0]) if row else 0
        return out

    async def catalog_keys(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Model ids, and routes as (provider id, provider's model id): what a rebuild could remove."""
        async with self._conn.execute("SELECT id FROM models") as cur:
            models = {str(r[0]) for r in await cur.fetchall()}
        async with self._conn.execute("SELECT provider_id, provider_model_id FROM routes") as cur:
            routes = {(str(p), str(m)) for p, m in await cur.fetchall()}
        return models, routes

    async def model(self, model_id: str) -> Model | None:
        """One model with its routes, by id."""
        async with self._conn.execute("SELECT data FROM models WHERE id = ?", (model_id,)) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        async with self._conn.execute("SELECT data FROM routes WHERE model_id = ? ORDER BY rowid", (model_id,)) as cur:
            routes = tuple(Route.model_validate_json(r[0]) for r in await cur.fetchall())
        return Model.model_validate_json(row[0]).model_copy(update={"routes": routes})

    async def ids_for_alias(self, alias: str) -> list[str]:
        """Model ids whose id, name or alias equals ``alias`` (case-insensitive)."""
        async with self._conn.execute(
            "SELECT DISTINCT model_id FROM aliases WHERE lower(alias) = lower(?) ORDER BY model_id", (alias,)
        ) as cur:
            return [r[0] for r in await cur.fetchall()]

    async def all_models(self) -> list[Model]:
        """Every model with its routes (one pass over each table)."""
        routes: dict[str, list[Route]] = {}
        async with self._conn.execute("SELECT model_id, data FROM routes ORDER BY rowid") as cur:
            async for model_id, data in cur:
                routes.setdefault(model_id, []).append(Route.model_validate_json(data))
        async with self._conn.execute("SELECT id, data FROM models ORDER BY id") as cur:
            rows = await cur.fetchall()
        return [
            Model.model_validate_json(data).model_copy(update={"routes": tuple(routes.get(mid, ()))})
            for mid, data in rows
        ]


class _StoreContext:
    def __init__(self, path: Path):
        self._path = path
        self._store: Store | None = None

    async def __aenter__(self) -> Store:
        self._store = await Store.connect(self._path)
        return self._store

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._store is not None:
            await self._store.close()


def _model_json(model: Model) -> str:
    return model.model_dump_json(exclude={"routes"})
