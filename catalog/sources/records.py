"""What an importer hands to the merge: source records, before identity merging.

Importers only parse and validate; deciding which records are the same model is ``merge``'s job.
"""

from __future__ import annotations

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


@dataclass(slots=True)
class SourceBatch:
    """Everything one source file contributes."""

    source: str
    file_name: str
    source_date: str | None
    models: list[ModelRecord] = field(default_factory=list)
    routes: list[RouteRecord] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return len(self.models) + len(self.routes)
