"""The loaded catalog: every model in memory plus the matching index, built once at start-up."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from catalog.build import Progress, ensure_built
from catalog.matching.index import MatchIndex
from catalog.models import Model
from catalog.store.db import SourceInfo, Store
from catalog.store.health import DamagedDatabase, UnusableLocation, move_aside, plain

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Catalog:
    """Read-only view the answers work from; reload it after a refresh."""

    models: dict[str, Model]
    """Every model, most widely served first (``by_popularity``): "related" lists stop early on it."""
    index: MatchIndex
    sources: tuple[SourceInfo, ...]
    load_seconds: float


async def load_catalog(store: Store) -> Catalog:
    """Read every model and build the index (the database must already be built). The index takes most of a
    second to build, so it is built in a worker thread: a reload never stalls the event loop."""
    started = time.perf_counter()
    models = await store.all_models()
    index = await asyncio.to_thread(MatchIndex.build, models)
    sources = tuple(await store.sources())
    return Catalog(by_popularity(models), index, sources, time.perf_counter() - started)


def by_popularity(models: list[Model]) -> dict[str, Model]:
    """Models by id, ordered by how many provider routes serve them (then name)."""
    return {m.id: m for m in sorted(models, key=lambda m: (-len(m.routes), m.name))}


async def open_catalog(path: Path, progress: Progress | None = None) -> Catalog:
    """Open the database at ``path``, building it from the shipped data on first use, and load it.

    The catalog is derived data: a damaged, foreign or newer-schema file is moved aside (kept, renamed
    ``….damaged-<time>``, with the price history it held) and rebuilt from the shipped data, with one log line.
    ``UnusableLocation`` (read-only folder, full disk, a folder in the way) reaches the caller to be said in one
    line: there is nothing to rebuild into."""
    try:
        store = await Store.connect(path, verify=True)
    except DamagedDatabase as exc:
        moved = move_aside(path)
        log.warning(
            "catalog database %s is %s: moved it to %s (its price history goes with it) and rebuilt it from the "
            "shipped data", path, exc.reason, moved.name,
        )  # fmt: skip
        store = await Store.connect(path, verify=True)
    try:
        if progress is None:
            await ensure_built(store)
        else:
            await ensure_built(store, progress)
        return await load_catalog(store)
    except sqlite3.DatabaseError as exc:  # the disk filled up or failed while building: nothing half-loaded
        raise UnusableLocation(path, plain(exc)) from None
    finally:
        await store.close()
