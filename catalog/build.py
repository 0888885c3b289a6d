"""Building and importing: parse every source, merge identities, write the result in one transaction."""

from __future__ import annotations

import asyncio
import gzip
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from catalog.identity.curated import rules_version
from catalog.identity.merge import merge
from catalog.models import Model
from catalog.sources import IMPORTERS, parser_for
from catalog.sources.records import SourceBatch
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


def parse_all(files: list[SourceFile], progress: Progress = _no_progress) -> tuple[list[Model], list[SourceFile]]:
    """Parse and validate every file, then merge; raises before anything is written."""
    batches: list[SourceBatch] = []
    parsed: list[SourceFile] = []
    for i, f in enumerate(files):
        progress(f"parse {f.name}", i, len(files) + 1)
        batch = parser_for(f.name)(f.data, f.file_name)
        batches.append(batch)
        parsed.append(SourceFile(f.name, f.file_name, f.data, batch.source_date, batch.record_count, batch.version))
    progress("merge identities", len(files), len(files) + 1)
    models = merge(batches)
    progress("done", len(files) + 1, len(files) + 1)
    return models, parsed


async def build(store: Store, files: list[SourceFile] | None = None, progress: Progress = _no_progress) -> BuildResult:
    """(Re)build the catalog from ``files`` (default: the shipped data) in one transaction."""
    files = shipped_files() if files is None else files
    # parsing and merging is seconds of CPU: a worker thread, so a running bot keeps answering during a refresh
    models, parsed = await asyncio.to_thread(parse_all, files, progress)
    meta = {RULES_KEY: rules_version(), **{f"{SHIPPED_KEY}{f.name}": f.sha256 for f in shipped_files()}}
    changes = await store.replace_catalog(models, parsed, meta)
    return BuildResult(
        len(models), sum(len(m.routes) for m in models), True, tuple(f.name for f in parsed), tuple(changes)
    )


async def import_file(store: Store, source: str, path: Path, progress: Progress = _no_progress) -> BuildResult:
    """Import one file for ``source``; it replaces that source's previous file. Same file twice: no change."""
    parser_for(source)  # unknown SOURCE fails before the file is read
    new = SourceFile(name=source, file_name=path.name, data=path.read_bytes())
    existing = await store.source_files()
    if not existing:
        existing = shipped_files()
    current = {f.name: f for f in existing}
    if source in current and current[source].sha256 == new.sha256:
        counts = await store.counts()
        return BuildResult(counts["models"], counts["routes"], False, tuple(current))
    current[source] = new
    ordered = sorted(current.values(), key=lambda f: list(IMPORTERS).index(f.name))
    return await build(store, ordered, progress)


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
