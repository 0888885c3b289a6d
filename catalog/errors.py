"""Catalog errors. They carry data (file, record, query, candidates), never Discord wording."""

from __future__ import annotations

from collections.abc import Sequence


class CatalogError(Exception):
    """Base of every error the catalog raises on purpose."""


class ImportFormatError(CatalogError):
    """A source file that cannot be imported; names the file, the record and the field."""

    def __init__(self, file: str, message: str, record: str | None = None, field: str | None = None):
        self.file = file
        self.record = record
        self.field = field
        self.message = message
        where = "".join(
            part for part in (f", record {record!r}" if record else "", f", field {field!r}" if field else "")
        )
        super().__init__(f"{file}{where}: {message}")


class ShrinkRefused(CatalogError):
    """An import or refresh that would remove more of the catalog than allowed (an empty or cut-short upstream
    file looks well-formed); nothing was written. Counts are (removed, before)."""

    def __init__(self, models: tuple[int, int], routes: tuple[int, int], max_share: float):
        self.models = models
        self.routes = routes
        self.max_share = max_share
        super().__init__(
            f"would remove {_share(models, 'models')} and {_share(routes, 'routes')}; more than "
            f"{max_share * 100:g} % may not go at once, so nothing was changed"
        )


def _share(counts: tuple[int, int], what: str) -> str:
    removed, before = counts
    return f"{removed:,} of {before:,} {what} ({removed / before * 100 if before else 0:.0f} %)"


class UnknownSource(CatalogError):
    """An import SOURCE that no importer handles."""

    def __init__(self, source: str, known: Sequence[str]):
        self.source = source
        self.known = tuple(known)
        super().__init__(f"unknown source {source!r}; expected one of: {', '.join(known)}")


class ModelNotFound(CatalogError):
    """No model matches the query; ``suggestions`` are the closest names."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()):
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no model matches {query!r}{hint}")


class AmbiguousModel(CatalogError):
    """Several models match the query equally well; ``candidates`` are (id, name) pairs, best first."""

    def __init__(self, query: str, candidates: Sequence[tuple[str, str]]):
        self.query = query
        self.candidates = tuple(candidates)
        names = ", ".join(name for _, name in self.candidates[:8])
        more = f", and {len(self.candidates) - 8} more" if len(self.candidates) > 8 else ""
        super().__init__(f"{query!r} could mean several models: {names}{more}")
