"""Identity merging: source records -> one ``Model`` per real model, with all its routes.

Precedence for a model-level fact: the curated overlay, then model-level records (models.dev's
provider-agnostic records, LLM-Stats), then the most common value among the model's routes. Where
sources disagree on a key fact the kept value is stated and the disagreement recorded, never hidden.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from catalog.identity.keys import fold, is_size_token, spelling
from catalog.models import Capabilities, Disagreement, License, Model, Provenance, Route
from catalog.sources.records import ModelRecord, RouteRecord, SourceBatch

#: Facts whose disagreement is worth recording (the ones answers quote).
TRACKED = ("context_window", "openness", "release_date", "knowledge_cutoff", "max_output")
#: Model-level facts taken as-is from the highest-precedence record that states them.
SCALARS = (
    "creator",
    "family",
    "release_date",
    "knowledge_cutoff",
    "context_window",
    "max_output",
    "params_total_b",
    "params_active_b",
    "architecture",
    "openness",
    "commercial_use",
    "product_type",
    "best_for",
    "decision_fit",
    "input_modalities",
    "output_modalities",
    "last_reviewed",
)
_SOURCE_RANK = {"overlay": 0, "models-dev": 1, "llm-stats": 2, "openrouter": 3, "litellm": 4}
_SLUG = re.compile(r"[^a-z0-9.]+")


@dataclass(slots=True)
class _Cluster:
    """Everything known about one model while merging."""

    spellings: Counter[str] = field(default_factory=Counter)
    models: list[ModelRecord] = field(default_factory=list)
    routes: dict[tuple[str, str], RouteRecord] = field(default_factory=dict)


def merge(batches: list[SourceBatch]) -> list[Model]:
    """Merge every batch into canonical models; deterministic for the same input."""
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, ...], int] = {}

    def find(names: tuple[str, ...]) -> int | None:
        for name in names:
            idx = by_key.get(spelling(name).key)
            if idx is not None:
                return idx
        return None

    def claim(names: tuple[str, ...], idx: int) -> None:
        for name in names:
            by_key.setdefault(spelling(name).key, idx)

    def new_cluster() -> int:
        clusters.append(_Cluster())
        return len(clusters) - 1

    owner: dict[tuple[str, str], int] = {}
    ordered = sorted(batches, key=lambda b: _SOURCE_RANK.get(b.source, 9))
    for batch in ordered:  # routes first: they define which models exist
        for rr in batch.routes:
            names = (rr.route.spelling,)
            idx = find(names)
            idx = new_cluster() if idx is None else idx
            claim(names, idx)
            key = route_key(rr.route)
            if key in owner and owner[key] != idx:  # a later source re-spelled a known route: it moves
                del clusters[owner[key]].routes[key]
            owner[key] = idx
            clusters[idx].spellings[rr.route.spelling] += 1
            clusters[idx].routes[key] = rr
    _fold_active_params(clusters, by_key)
    for batch in ordered:
        for mr in batch.models:
            idx = find(mr.spellings)
            if idx is None:
                if not mr.creates:
                    continue
                idx = new_cluster()
            claim(mr.spellings, idx)
            clusters[idx].spellings[mr.spellings[0]] += 1
            clusters[idx].models.append(mr)
    unique = list({id(c): c for c in clusters}.values())
    models = [_build(c) for c in unique if c.routes or c.models]
    return _unique_ids(models)


def _fold_active_params(clusters: list[_Cluster], by_key: dict[tuple[str, ...], int]) -> None:
    """Merge a spelling that leaves out the active-parameter count ("Qwen3 Coder 480B") into the one
    model that states it ("Qwen3 Coder 480B A35B") — only when exactly one such model exists."""
    fuller: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for key, idx in by_key.items():
        if "a" not in key:
            continue
        for token in key:
            if is_size_token(token):
                fuller[tuple(t for t in key if t not in ("a", token))].add(idx)
    for key, idx in list(by_key.items()):
        targets = fuller.get(key, set()) - {idx}
        if "a" in key or len(targets) != 1:
            continue
        (target,) = targets
        src, dst = clusters[idx], clusters[target]
        if src is dst or not src.routes:
            continue
        dst.spellings.update(src.spellings)
        dst.routes.update(src.routes)
        dst.models.extend(src.models)
        clusters[idx] = dst
        for k, i in by_key.items():
            if i == idx:
                by_key[k] = target


def _build(cluster: _Cluster) -> Model:
    records = sorted(cluster.models, key=lambda m: _SOURCE_RANK.get(m.provenance.source, 9))
    routes = sorted(cluster.routes.values(), key=lambda r: (r.route.provider_name.lower(), r.route.provider_model_id))
    values: dict[str, Any] = {}
    facts: dict[str, Provenance] = {}
    disagreements: list[Disagreement] = []
    for name in SCALARS:
        stated = [(m.facts[name], m.provenance) for m in records if name in m.facts]
        from_routes = [(r.facts[name], r.route.provenance) for r in routes if name in r.facts]
        kept = stated[0] if stated else _from_routes(name, from_routes)
        if kept is None:
            continue
        values[name], facts[name] = kept
        if name in TRACKED:
            seen = {p.record: str(v) for v, p in stated + from_routes}
            if len(set(seen.values())) > 1:
                disagreements.append(Disagreement(field=name, kept=str(kept[0]), values=seen))
    if "creator" not in values and (creator := _creator_from_ids(routes)):
        values["creator"], facts["creator"] = creator
    values["capabilities"] = _capabilities(records, routes)
    lic = next((m for m in records if "license_name" in m.facts), None)
    if lic is not None:
        values["license"] = License(name=lic.facts["license_name"], osi_approved=lic.facts.get("license_osi"))
        facts["license"] = lic.provenance
    values["benchmarks"] = tuple(b for m in records for b in m.facts.get("benchmarks", ()))
    if values.get("max_output") and values.get("context_window") and values["max_output"] > values["context_window"]:
        disagreements.append(
            Disagreement(
                field="max_output",
                kept="unknown",
                values={
                    "max_output": str(values["max_output"]),
                    "context_window": str(values["context_window"]),
                },
            )
        )
        del values["max_output"]
    name = _display_name(cluster, records)
    return Model(
        id=_slug(name),
        name=name,
        aliases=tuple(sorted(set(cluster.spellings) | {r.route.provider_model_id for r in routes} - {name})),
        facts=facts,
        disagreements=tuple(disagreements),
        routes=tuple(r.route for r in routes),
        **values,
    )


def _from_routes(name: str, pairs: list[tuple[Any, Provenance]]) -> tuple[Any, Provenance] | None:
    """A model-level value from what its routes say.

    Most common value wins. Ties: the earliest release date (a release is its first appearance), the
    largest context/output (a route may cut the model's limit down, rarely up), else the newest record.
    Open weights: one host that says the weights are public outweighs hosts that leave the flag at its
    default, so any "open weights" wins (the disagreement is still recorded).
    """
    if not pairs:
        return None
    if name == "openness":
        opened = [vp for vp in pairs if vp[0] == "open weights"]
        if opened:
            return opened[0]
    counts = Counter(_hashable(v) for v, _ in pairs)
    top = max(counts.values())
    tied = [vp for vp in pairs if counts[_hashable(vp[0])] == top]
    if name == "release_date":
        return min(tied, key=lambda vp: str(vp[0]))
    if name in ("context_window", "max_output"):
        return max(tied, key=lambda vp: int(vp[0]))
    return max(tied, key=lambda vp: vp[1].source_date or "")


#: First path segments of route ids that name a host's namespace, not the model's creator.
_NOT_CREATORS = frozenset({"accounts", "@cf", "pro", "tee", "route", "public", "hf:", "models", "workers-ai"})


def _creator_from_ids(routes: list[RouteRecord]) -> tuple[str, Provenance] | None:
    """The lab from aggregator ids like "inclusionai/ling-2.6-flash" (most common first segment)."""
    prefixes = [
        (rid.split("/", 1)[0].lower(), r.route.provenance) for r in routes if "/" in (rid := r.route.provider_model_id)
    ]
    prefixes = [(p, prov) for p, prov in prefixes if p not in _NOT_CREATORS and not p.startswith("hf:")]
    if not prefixes:
        return None
    counts = Counter(p for p, _ in prefixes)
    best = counts.most_common(1)[0][0]
    return best, next(prov for p, prov in prefixes if p == best)


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _capabilities(records: list[ModelRecord], routes: list[RouteRecord]) -> Capabilities:
    flags: dict[str, str] = {}
    for cap in Capabilities.model_fields:
        stated = [m.facts["capabilities"][cap] for m in records if cap in m.facts.get("capabilities", {})]
        if stated:
            flags[cap] = stated[0]
            continue
        votes = Counter(r.facts["capabilities"][cap] for r in routes if cap in r.facts.get("capabilities", {}))
        if votes:
            flags[cap] = votes.most_common(1)[0][0] if len(votes) == 1 or _clear(votes) else "unknown"
    return Capabilities(**flags)


def _clear(votes: Counter[str]) -> bool:
    """A route vote counts only with a clear majority; an even split stays unknown."""
    (_, first), (_, second) = votes.most_common(2)
    return first > second


def _display_name(cluster: _Cluster, records: list[ModelRecord]) -> str:
    if records:
        return records[0].spellings[0].strip()

    def score(name: str) -> tuple[int, int, int]:
        clean = not any(ch in name for ch in ":/()[]") and not name.islower()
        return (int(clean), cluster.spellings[name], -len(name))

    return max(cluster.spellings, key=score).strip()


def _slug(name: str) -> str:
    return _SLUG.sub("-", fold(name)).strip("-.") or "model"


def _unique_ids(models: list[Model]) -> list[Model]:
    """Slugs must be unique; a clash gets the next free numeric suffix, deterministically."""
    seen: set[str] = set()
    out: list[Model] = []
    for model in sorted(models, key=lambda m: (m.id, -len(m.routes), m.name)):
        slug, n = model.id, 2
        while slug in seen:
            slug, n = f"{model.id}-{n}", n + 1
        seen.add(slug)
        out.append(model if slug == model.id else model.model_copy(update={"id": slug}))
    return out


def route_key(route: Route) -> tuple[str, str]:
    """Routes are identified by provider and the provider's model id."""
    return (route.provider_id, route.provider_model_id)
