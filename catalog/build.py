"""Building and importing: parse every source, merge identities, write the result in one transaction."""

from __future__ import annotations

import asyncio
import gzip
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from catalog.errors import ImportFormatError, ShrinkRefused
from catalog.identity.curated import rules_version
from catalog.identity.merge import merge
from catalog.models import Model
from catalog.sources import IMPORTERS, parser_for
from catalog.sources.records import SourceBatch
from catalog.sources.sanity import MAX_FILE_BYTES
from catalog.store.db import SourceFile, Store
from catalog.store.history import PriceChange

#: The data shipped in the repo: (source, file in catalog/data). A fresh machine builds from these.
SHIPPED: tuple[tuple[str, str], ...] = (
    ("models-dev", "models-dev-catalog.json.gz"),
    ("llm-stats", "llm-stats-leaderboard.json.gz"),
    ("litellm", "litellm-model-prices.json.gz"),
    ("genai-prices", "genai-prices-data.json.gz"),
    ("overlay", "overlay.json"),
)

Progress = Callable[[str, int, int], None]
log = logging.getLogger(__name__)
#: ``build_meta`` key: the identity rules (code and curated data) the derived tables were merged with.
RULES_KEY = "identity_rules"
#: ``build_meta`` key prefix: the digest of each source file the release shipped when the catalog was built.
SHIPPED_KEY = "shipped:"
#: The largest share of models or routes an import or refresh may remove unless forced (``CATALOG_MAX_SHRINK``).
DEFAULT_MAX_SHRINK = 0.2


def _no_progress(step: str, done: int, total: int) -> None:
    """Default progress callback: silent."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build or import did."""

    models: int
    routes: int
    changed: bool
    sources: tuple[str, ...]
    price_changes: tuple[PriceChange, ...] = ()


def shipped_files() -> list[SourceFile]:
    """The shipped sources as ``SourceFile``s (decompressed)."""
    root = resources.files("catalog.data")
    files = []
    for source, name in SHIPPED:
        raw = root.joinpath(name).read_bytes()
        data = gzip.decompress(raw) if name.endswith(".gz") else raw
        files.append(SourceFile(name=source, file_name=name.removesuffix(".gz"), data=data))
    return files


def parse_one(f: SourceFile) -> SourceBatch:
    """One file through its source's checked parser; a refusal names the source too ("openrouter
    api-v1-models.json, record ...": refreshed files have generic names)."""
    try:
        return parser_for(f.name)(f.data, f.file_name)
    except ImportFormatError as exc:
        if exc.file.startswith(f"{f.name} "):
            raise
        raise ImportFormatError(f"{f.name} {exc.file}", exc.message, exc.record, exc.field) from None


def parse_all(files: list[SourceFile], progress: Progress = _no_progress) -> tuple[list[Model], list[SourceFile]]:
    """Parse and validate every file, then merge; raises before anything is written."""
    batches: list[SourceBatch] = []
    parsed: list[SourceFile] = []
    for i, f in enumerate(files):
        progress(f"parse {f.name}", i, len(files) + 1)
        batch = parse_one(f)
        batches.append(batch)
        parsed.append(SourceFile(f.name, f.file_name, f.data, batch.source_date, batch.record_count, batch.version))
    progress("merge identities", len(files), len(files) + 1)
    models = merge(batches)
    progress("done", len(files) + 1, len(files) + 1)
    return models, parsed


async def build(
    store: Store,
    files: list[SourceFile] | None = None,
    progress: Progress = _no_progress,
    *,
    max_shrink: float | None = None,
) -> BuildResult:
    """(Re)build the catalog from ``files`` (default: the shipped data) in one transaction. With ``max_shrink``,
    a result that would remove a larger share of the current models or routes is refused (``ShrinkRefused``)."""
    files = shipped_files() if files is None else files
    # parsing and merging is seconds of CPU: a worker thread, so a running bot keeps answering during a refresh
    models, parsed = await asyncio.to_thread(parse_all, files, progress)
    if max_shrink is not None:
        refuse_shrink(await store.catalog_keys(), models, max_shrink)
    meta = {RULES_KEY: rules_version(), **{f"{SHIPPED_KEY}{f.name}": f.sha256 for f in shipped_files()}}
    changes = await store.replace_catalog(models, parsed, meta)
    return BuildResult(
        len(models), sum(len(m.routes) for m in models), True, tuple(f.name for f in parsed), tuple(changes)
    )


def refuse_shrink(current: tuple[set[str], set[tuple[str, str]]], models: list[Model], max_share: float) -> None:
    """``ShrinkRefused`` when ``models`` would remove more than ``max_share`` of the ``current`` model ids or
    routes: an empty but well-formed upstream file (``{"data": []}``) must not empty the catalog."""
    old_models, old_routes = current
    gone_models = len(old_models - {m.id for m in models})
    gone_routes = len(old_routes - {(r.provider_id, r.provider_model_id) for m in models for r in m.routes})
    if gone_models > max_share * len(old_models) or gone_routes > max_share * len(old_routes):
        raise ShrinkRefused((gone_models, len(old_models)), (gone_routes, len(old_routes)), max_share)


def read_capped(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refused before it is read when over ``max_bytes`` (the refresh download cap); the read
    itself stops past the cap, for a file that grows or is no regular file."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportFormatError(path.name, f"{size:,} bytes is over the {max_bytes:,}-byte cap; nothing was read")
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportFormatError(path.name, f"more than the {max_bytes:,}-byte cap; nothing was imported")
    return data


async def import_file(
    store: Store,
    source: str,
    path: Path,
    progress: Progress = _no_progress,
    *,
    max_shrink: float | None = DEFAULT_MAX_SHRINK,
    max_bytes: int = MAX_FILE_BYTES,
) -> BuildResult:
    """Import one file for ``source``; it replaces that source's previous file. Same file twice: no change.
    Refused, with nothing written: a file over ``max_bytes``, bad data, or a result that would remove more than
    ``max_shrink`` of the catalog's models or routes (None: the owner forced it)."""
    parser_for(source)  # unknown SOURCE fails before the file is read
    new = SourceFile(name=source, file_name=path.name, data=await asyncio.to_thread(read_capped, path, max_bytes))
    existing = await store.source_files()
    if not existing:
        existing = shipped_files()
    current = {f.name: f for f in existing}
    if source in current and current[source].sha256 == new.sha256:
        counts = await store.counts()
        return BuildResult(counts["models"], counts["routes"], False, tuple(current))
    current[source] = new
    ordered = sorted(current.values(), key=lambda f: list(IMPORTERS).index(f.name))
    return await build(store, ordered, progress, max_shrink=max_shrink)


async def ensure_built(store: Store, progress: Progress = _no_progress) -> bool:
    """Build from the shipped data when the database has never been built. After an upgrade, re-merge: a source
    file that came with the old release is replaced by the new release's (a file the team imported or refreshed
    is kept), new shipped sources are added, and everything is merged by the current identity rules. True if it
    built."""
    kept = {f.name: f for f in await store.source_files()}
    if not kept:
        await build(store, None, progress)
        return True
    files = dict(kept)
    for f in shipped_files():
        was_shipped = await store.build_meta(f"{SHIPPED_KEY}{f.name}")
        if was_shipped is None and f.name in kept and kept[f.name].file_name == f.file_name:
            was_shipped = kept[f.name].sha256  # built before digests were kept: the shipped file's own name
        if f.name not in kept or (kept[f.name].sha256 == was_shipped and was_shipped != f.sha256):
            files[f.name] = f
    if files == kept and await store.build_meta(RULES_KEY) == rules_version():
        return False
    log.info("catalog data or identity rules changed since this catalog was built: re-merging")
    await build(store, sorted(files.values(), key=lambda f: list(IMPORTERS).index(f.name)), progress)
    return True
