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

from catalog.identity.cluster import cluster, identities
from catalog.identity.curated import Curated, base_classes, load_curated
from catalog.identity.doubts import is_placeholder_date
from catalog.identity.evidence import compatible
from catalog.identity.keys import fold, spelling
from catalog.identity.observations import SOURCE_RANK, combine
from catalog.identity.route_ids import parse_route_id
from catalog.models import Capabilities, Disagreement, License, Model, Provenance
from catalog.sources.providers import load_providers
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
_SLUG = re.compile(r"[^a-z0-9.]+")


@dataclass(slots=True)
class _Cluster:
    """Everything known about one model while merging."""

    spellings: Counter[str] = field(default_factory=Counter)
    models: list[ModelRecord] = field(default_factory=list)
    routes: dict[tuple[str, str], RouteRecord] = field(default_factory=dict)


def merge(batches: list[SourceBatch], curated: Curated | None = None) -> list[Model]:
    """Merge every batch into canonical models; deterministic for the same input.

    Routes define which models exist (``cluster`` decides which routes are one model); model-level records
    (models.dev's lab records, LLM-Stats, the overlay) then attach to the model their lab id or names point at.
    """
    curated = load_curated() if curated is None else curated
    ordered = sorted(batches, key=lambda b: SOURCE_RANK.get(b.source, 9))
    records = combine(ordered)
    refs = list(records)
    ids = identities(
        refs,
        [records[r].route.spelling for r in refs],
        [_identity_facts(records[r]) for r in refs],
        curated,
    )
    groups, placed = cluster(ids, curated)
    clusters: list[_Cluster] = []
    finder = _Finder()
    for group in sorted(groups, key=lambda g: min(refs[i] for i in g)):
        c = _Cluster()
        idx = len(clusters)
        clusters.append(c)
        for i in group:
            rr, ident = records[refs[i]], ids[i]
            route = rr.route.model_copy(
                update={
                    "quantization": ident.rid.quantization,
                    "region": rr.route.region or ident.rid.region,
                    "placed_by": placed[i],
                }
            )
            c.routes[refs[i]] = RouteRecord(route=route, facts=rr.facts)
            c.spellings[rr.route.spelling] += 1
            finder.claim(ident.rid.key, idx, strong=True)
            finder.claim(ident.name_key, idx, strong=False)
            if ident.base:
                finder.bases.setdefault(ident.base, idx)
    lab_classes = base_classes(curated)
    for batch in ordered:
        for mr in batch.models:
            lab = mr.provenance.record.removeprefix("models.") if mr.provenance.source == "models-dev" else None
            found = finder.bases.get(lab_classes.get(lab or "", "")) if lab else None
            found = found if found is not None else finder.find(mr.spellings)
            if found is None:
                if not mr.creates:
                    continue
                found = len(clusters)
                clusters.append(_Cluster())
                for name in mr.spellings:
                    finder.claim(spelling(name).key, found, strong=True)
            clusters[found].spellings[mr.spellings[0]] += 1
            clusters[found].models.append(mr)
    kept = _same_name_joined([c for c in clusters if c.routes or c.models])
    models = _distinct_names([_build(c) for c in kept])
    return _unique_aliases(_unique_ids(models))


def _same_name_joined(clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters that end with one display name and no snapshot of their own are one model (a host's listing
    under an id the keys could not place: "grok-code", "...-Instruct-HF") and join the most widely served one;
    one with a snapshot the other lacks, or one a provider lists beside it under another id ("command-r" and
    "command-r-08-2024" on GitHub Models: two releases), stays apart for ``_distinct_names`` to tell apart."""
    built = [_build(c) for c in clusters]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(built):
        groups[m.name.casefold()].append(i)
    dropped: set[int] = set()
    for members in (sorted(g, key=lambda i: (-len(built[i].routes), built[i].id)) for g in groups.values()):
        leader, snaps = clusters[members[0]], _snapshots_of(built[members[0]])
        for i in members[1:]:
            if not (_snapshots_of(built[i]) - snaps or _listed_apart(leader, clusters[i])):
                leader.routes.update(clusters[i].routes)
                leader.spellings.update(clusters[i].spellings)
                leader.models.extend(clusters[i].models)
                dropped.add(i)
    return [c for i, c in enumerate(clusters) if i not in dropped]


def _identity_facts(rr: RouteRecord) -> tuple[float | None, str | None]:
    """(output price, release date) of a route: what tells two snapshots apart."""
    out = rr.route.price.output if rr.route.price is not None else None
    return (float(out) if out else None), rr.facts.get("release_date")


class _Finder:
    """Identity key -> cluster: route-id keys always; a display-name key only while one cluster uses it."""

    def __init__(self) -> None:
        self.strong: dict[tuple[str, ...], int] = {}
        self.weak: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.bases: dict[str, int] = {}

    def claim(self, key: tuple[str, ...], idx: int, strong: bool) -> None:
        if strong:
            self.strong.setdefault(key, idx)
        else:
            self.weak[key].add(idx)

    def find(self, names: tuple[str, ...]) -> int | None:
        for name in names:
            key = spelling(name).key
            if key in self.strong:
                return self.strong[key]
            if len(self.weak.get(key, ())) == 1:
                return next(iter(self.weak[key]))
        return None


def _build(cluster: _Cluster) -> Model:
    records = sorted(cluster.models, key=lambda m: SOURCE_RANK.get(m.provenance.source, 9))
    routes = sorted(cluster.routes.values(), key=lambda r: (r.route.provider_name.lower(), r.route.provider_model_id))
    values: dict[str, Any] = {}
    facts: dict[str, Provenance] = {}
    disagreements: list[Disagreement] = []
    for name in SCALARS:
        stated = [(m.facts[name], m.provenance) for m in records if name in m.facts]
        from_routes = [(r.facts[name], r.route.provenance) for r in routes if name in r.facts]
        if name == "release_date":  # "2025-01-01" means "some time in 2025": never shown as a date
            stated = [(v, p) for v, p in stated if not is_placeholder_date(v)]
            from_routes = [(v, p) for v, p in from_routes if not is_placeholder_date(v)]
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
    table = load_providers()
    vendor = table.vendor_of(values.get("creator")) or table.vendor_serving({r.route.provider_id for r in routes})
    values["vendor"] = vendor
    routes = [
        RouteRecord(route=r.route.model_copy(update={"role": table.role(r.route.provider_id, vendor)}), facts=r.facts)
        for r in routes
    ]
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
    moving = bool(routes) and all("latest" in parse_route_id(r.route.provider_model_id).key for r in routes)
    if moving and "latest" not in name.lower():
        name = f"{name} (latest)"
    return Model(
        id=_slug(name),
        name=name,
        moving_alias=moving,
        aliases=tuple(sorted(_aliases(cluster, records, routes) - {name})),
        facts=facts,
        disagreements=tuple(disagreements),
        routes=tuple(r.route for r in routes),
        **values,
    )


def _aliases(cluster: _Cluster, records: list[ModelRecord], routes: list[RouteRecord]) -> set[str]:
    """Route ids, the names model-level records use, and each host's label where it agrees with that host's id
    (Vercel's "GPT 5.2" label on its gpt-5.2-pro route is no name for GPT-5.2 Pro)."""
    labels = {
        rr.route.spelling
        for rr in routes
        if compatible(parse_route_id(rr.route.provider_model_id).key, spelling(rr.route.spelling).key)
    }
    return {r.route.provider_model_id for r in routes} | {s for m in records for s in m.spellings} | labels


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
    if records:  # a lab record's "(latest)" tag comes back only if every route is a moving alias
        return _readable(records[0].spellings[0])

    names: Counter[str] = Counter()
    for spelled, n in cluster.spellings.items():
        names[_readable(spelled)] += n

    def score(name: str) -> tuple[int, int, int]:
        clean = not any(ch in name for ch in ":/()[]") and not name.islower()
        return (int(clean), names[name], -len(name))

    return max(names, key=score)


_VENDOR_COLON = re.compile(r"^[^:/]{1,40}:\s+")
_FREE_TAG = re.compile(r"\s*\((free|latest)\)\s*$", re.IGNORECASE)


def _readable(spelled: str) -> str:
    """A provider's label as a model name: no "Vendor: " prefix (OpenRouter style), no "(free)" tag, no "(latest)"
    (a moving alias is told by its id, and gets the tag back then)."""
    name = _FREE_TAG.sub("", _VENDOR_COLON.sub("", spelled.strip())).strip()
    return name or spelled.strip()


def _slug(name: str) -> str:
    return _SLUG.sub("-", fold(name).replace("+", " plus")).strip("-.") or "model"


def _distinct_names(models: list[Model]) -> list[Model]:
    """Two models that ended with one display name (a name reused by two generations, or one host's listing
    whose snapshot is unknown) are told apart: the most widely served keeps the name, the other gains its
    snapshot ("Ministral 3B (2512)") or the host that lists it ("Command R+ (GitHub Models listing)")."""
    groups: dict[str, list[Model]] = defaultdict(list)
    for m in models:
        groups[m.name.casefold()].append(m)
    out: list[Model] = []
    for group in groups.values():
        group.sort(key=lambda m: (-len(m.routes), m.id))
        out.append(group[0])
        leader_snaps = _snapshots_of(group[0])
        for m in group[1:]:
            snaps = sorted(_snapshots_of(m) - leader_snaps)
            hosts = sorted({r.provider_name for r in m.routes})
            if snaps:
                suffix = snaps[0]
            elif len(hosts) == 1:
                suffix = f"{hosts[0]} listing"
            else:
                suffix = "other listing"
            name = f"{m.name} ({suffix})"
            out.append(m.model_copy(update={"name": name, "id": _slug(name), "aliases": (*m.aliases, m.name)}))
    return out


def _listed_apart(a: _Cluster, b: _Cluster) -> bool:
    return not {p for p, _ in a.routes}.isdisjoint(p for p, _ in b.routes)  # one provider sells both


def _snapshots_of(m: Model) -> set[str]:
    return {s for r in m.routes if (s := parse_route_id(r.provider_model_id).snapshot)}


def _unique_aliases(models: list[Model]) -> list[Model]:
    """An alias names one model: a spelling several models carry (a display name reused by two generations)
    is dropped from all of them, so every alias resolves to exactly one model."""
    owners: Counter[str] = Counter(a.casefold() for m in models for a in set(m.aliases))
    ids = {m.id.casefold() for m in models} | {m.name.casefold() for m in models}

    def unique(alias: str) -> bool:
        return owners[alias.casefold()] == 1 and alias.casefold() not in ids

    return [
        m.model_copy(
            update={"aliases": tuple(a for a in m.aliases if owners[a.casefold()] == 1 and a.casefold() not in ids)}
        )
        for m in models
    ]


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
