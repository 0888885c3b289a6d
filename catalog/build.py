"""Building and importing: parse every source, merge identities, write the result in one transaction."""

from __future__ import annotations

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
    models, parsed = parse_all(files, progress)
    changes = await store.replace_catalog(models, parsed, {RULES_KEY: rules_version()})
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
    """Build from the shipped data when the database has never been built, and re-merge its kept source files
    when they were merged by other identity rules (an upgrade). True if it built."""
    if not await store.sources():
        await build(store, None, progress)
        return True
    if await store.build_meta(RULES_KEY) == rules_version():
        return False
    log.info("identity rules changed since this catalog was built: re-merging its kept source files")
    await build(store, await store.source_files(), progress)
    return True
