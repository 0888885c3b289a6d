"""What an importer hands to the merge: source records, before identity merging.

Importers only parse and validate; deciding which records are the same model is ``merge``'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catalog.models import Provenance, Route


@dataclass(frozen=True, slots=True)
class ModelRecord:
    """Model-level facts one source gives, keyed by the spellings it uses for the model."""

    spellings: tuple[str, ...]
    """Names to match on, best display name first."""
    facts: dict[str, Any]
    """Model field name -> value; only facts the source actually states."""
    provenance: Provenance
    creates: bool = True
    """False when the record may only enrich an existing model, never create one."""


@dataclass(frozen=True, slots=True)
class RouteRecord:
    """One provider route plus the route-level model facts it states (context, capabilities...)."""

    route: Route
    facts: dict[str, Any] = field(default_factory=dict)
    matches: Callable[[str], bool] | None = None
    """For sources that price a model under a pattern (genai-prices' match clauses): whether another route id
    of the same provider is this record's model. None: only the exact route id."""


@dataclass(slots=True)
class SourceBatch:
    """Everything one source file contributes."""

    source: str
    file_name: str
    source_date: str | None
    version: str | None = None
    """The source's release, where it has one (LiteLLM 1.110.2; a genai-prices commit)."""
    models: list[ModelRecord] = field(default_factory=list)
    routes: list[RouteRecord] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return len(self.models) + len(self.routes)
