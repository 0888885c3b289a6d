"""Which routes serve one model: union-find over routes, strongest evidence first, with cannot-link constraints.

Evidence, in order (each union records the rule that made it):
1. ``overlay:<id>``  a curated identity entry (``catalog/data/identity.json``);
2. ``base-link``     models.dev's own route -> lab-model link (a dated and an undated lab id of one release are one);
3. ``route-id``      the same normalised route id (namespaces, regions, deployment suffixes, quantisation removed);
4. ``snapshot``      an undated id whose only dated snapshot is that one (``claude-opus-4-1`` -> ``...-20250805``);
5. ``name``          a display name that equals another route id's key, only when nothing product-like differs
                     and exactly one other id carries that name (so "Ministral 3B", used by two generations,
                     merges nothing).
6. ``dotless``       a point release written without its dot ("gpt-35-turbo", "qwen25-coder-32b") joins the one id
                     that writes it with the dot, at a similar price;
7. ``only-version``  an id without its weights' "v0.x" joins the one id that has it, when no other v0.x exists
                     ("mixtral-8x22b-instruct" is "…-Instruct-v0.1": no v0.2 was released).
Two routes linked to different lab models, or kept apart by a curated ``separate`` entry, never meet.
A ``-latest`` id is never merged by name: it joins a snapshot only where a curated ``alias`` entry says which.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from catalog.identity.curated import Curated, RouteRef, base_classes, ref
from catalog.identity.evidence import (
    NAME_PRICE_RATIO,
    SIZE_PRICE_RATIO,
    SNAPSHOT_CLOSE_RATIO,
    SNAPSHOT_PRICE_RATIO,
    compatible,
    generations_differ,
    less_specific,
    same_release,
    similar_price,
    stem,
)
from catalog.identity.keys import spelling
from catalog.identity.route_ids import RouteId, is_snapshot, parse_route_id

Join = Callable[[list[int], str], None]


@dataclass(frozen=True, slots=True)
class RouteIdentity:
    """The identity evidence of one route."""

    ref: RouteRef
    rid: RouteId
    name_key: tuple[str, ...]
    base: str | None
    output_price: float | None = None
    """USD per 1M output tokens (None when unknown or free): snapshots and names only merge at similar prices."""
    release: str | None = None
    """The release date the route states: an undated id only joins a snapshot released at the same time."""


class _Sets:
    """Union-find whose components carry the lab-model classes they hold (at most one)."""

    def __init__(self, n: int, labels: list[str | None], blocked: set[frozenset[int]]):
        self.parent = list(range(n))
        self.labels: list[set[str]] = [{lab} if lab else set() for lab in labels]
        self.members: list[set[int]] = [{i} for i in range(n)]
        self.blocked = blocked

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.labels[ra] and self.labels[rb] and self.labels[ra] != self.labels[rb]:
            return False
        if any(frozenset((x, y)) in self.blocked for x in self.members[ra] for y in self.members[rb]):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.labels[ra] |= self.labels[rb]
        self.members[ra] |= self.members[rb]
        return True


def identities(
    refs: list[RouteRef], names: list[str], facts: list[tuple[float | None, str | None]], curated: Curated
) -> list[RouteIdentity]:
    """The evidence of every route; ``facts`` are (output price, release date) per route."""
    bases = base_classes(curated)
    # An unlink entry drops a wrong link; a same/alias entry decides its routes itself (the link would veto it).
    unlinked = {ref(t) for e in curated.entries if e.kind in ("unlink", "same", "alias") for t in e.routes}
    return [
        RouteIdentity(
            r,
            parse_route_id(r[1]),
            spelling(n).key,
            None if r in unlinked else bases.get(curated.links.get(r, "")),
            price,
            release,
        )
        for r, n, (price, release) in zip(refs, names, facts, strict=True)
    ]


def cluster(ids: list[RouteIdentity], curated: Curated) -> tuple[list[list[int]], list[str]]:
    """Groups of route indices (one per model) and, per route, the rule that placed it."""
    index = {r.ref: i for i, r in enumerate(ids)}
    blocked: set[frozenset[int]] = set()
    for e in curated.entries:
        if e.kind == "separate":
            members = [index[ref(t)] for t in e.routes if ref(t) in index]
            blocked |= {frozenset((a, b)) for a in members for b in members if a != b}
    sets = _Sets(len(ids), [r.base for r in ids], blocked)
    placed = ["own id"] * len(ids)

    def join(group: list[int], why: str) -> None:
        for other in group[1:]:
            if sets.union(group[0], other):
                for i in (group[0], other):
                    placed[i] = placed[i] if placed[i] != "own id" else why

    for e in curated.entries:
        if e.kind in ("same", "alias"):
            targets = [*e.routes, *([e.target] if e.target else [])]
            join([index[ref(t)] for t in targets if ref(t) in index], f"overlay:{e.id}")
    by_base: dict[str, list[int]] = defaultdict(list)
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(ids):
        if r.base:
            by_base[r.base].append(i)
        by_key[r.rid.key].append(i)
    for group in by_base.values():
        join(group, "base-link")
    for group in by_key.values():
        join(_majority_first(group, ids), "route-id")
    _snapshots(ids, by_key, join)
    _less_specific(ids, by_key, join, sets)
    _names(ids, by_key, join, sets)
    _dotless(ids, by_key, join)
    _only_version(ids, by_key, join)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ids)):
        groups[sets.find(i)].append(i)
    return list(groups.values()), placed


def _majority_first(group: list[int], ids: list[RouteIdentity]) -> list[int]:
    """Routes sharing an id join the lab model most of them are linked to; a lone contrary link stays apart."""
    votes = Counter(ids[i].base for i in group if ids[i].base)
    if not votes:
        return group
    top = votes.most_common(1)[0][0]
    return sorted(group, key=lambda i: ids[i].base != top)


def _price(group: list[int], ids: list[RouteIdentity]) -> float | None:
    prices = sorted(p for i in group if (p := ids[i].output_price))
    return prices[len(prices) // 2] if prices else None


def _beside(group: list[int], other: list[int], ids: list[RouteIdentity]) -> list[int]:
    """The routes of ``group`` sold by a provider that also sells ``other``: a price to compare like with like
    (OCI sells Command A Reasoning dated and undated at $1.56 while Cohere asks $10), else the whole group."""
    sellers = {ids[i].ref[0] for i in other}
    return [i for i in group if ids[i].ref[0] in sellers] or group


def _release(group: list[int], ids: list[RouteIdentity]) -> str | None:
    """The date most routes state (ties: the earliest, as a release is its first appearance)."""
    votes = Counter(d for i in group if (d := ids[i].release))
    return min(votes, key=lambda d: (-votes[d], d)) if votes else None


def _snapshots(ids: list[RouteIdentity], by_key: dict[tuple[str, ...], list[int]], join: Join) -> None:
    """An undated id is the alias of a dated snapshot when that snapshot is the only one, at a similar price and
    release; or, among several, the only one at the same price (within 10 %) and release. Otherwise it moves."""
    dated: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in by_key:
        if any(is_snapshot(t) for t in key):
            dated[tuple(t for t in key if not is_snapshot(t))].append(key)
    for undated, snaps in dated.items():
        if undated not in by_key:
            continue
        a = by_key[undated]
        price, release = _price(a, ids), _release(a, ids)
        ratio = SNAPSHOT_PRICE_RATIO if len(snaps) == 1 else SNAPSHOT_CLOSE_RATIO
        fits = [
            s
            for s in snaps
            if similar_price(price, _price(_beside(by_key[s], a, ids), ids), ratio)
            and same_release(release, _release(by_key[s], ids))
        ]
        if len(fits) == 1 and (len(snaps) == 1 or (price is not None and release is not None)):
            join([_majority_first(by_key[fits[0]], ids)[0], a[0]], "snapshot")


def _less_specific(ids: list[RouteIdentity], by_key: dict[tuple[str, ...], list[int]], join: Join, sets: _Sets) -> None:
    """An id without parameter counts joins the ids that add only them, when those are one model or one generation
    (the same parameter count: "Llama 4 Scout" is the 17B model however its experts are written)."""
    by_stem: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for b in by_key:
        by_stem[stem(b)].append(b)
    for a in by_key:
        if any(is_snapshot(t) for t in a):
            continue
        fuller = [b for b in by_stem[stem(a)] if b != a and less_specific(a, b)]
        fuller = [b for b in fuller if similar_price(_price(by_key[a], ids), _price(by_key[b], ids), SIZE_PRICE_RATIO)]
        if fuller and (len({sets.find(by_key[b][0]) for b in fuller}) == 1 or not generations_differ(set(fuller))):
            for b in sorted(fuller):
                join([by_key[b][0], by_key[a][0]], "parameters")


_TWO_DIGITS = re.compile(r"^[1-9]\d$")


def _dotless(ids: list[RouteIdentity], by_key: dict[tuple[str, ...], list[int]], join: Join) -> None:
    """Azure's "gpt-35-turbo", Lambda's "qwen25-coder-32b-instruct": a two-digit number that reads as a point
    release joins the id written with the dot, when priced alike. A size ("32b") or a date ("0711") is never two
    bare digits."""
    for key, group in by_key.items():
        spots = [i for i, t in enumerate(key) if _TWO_DIGITS.match(t)]
        if len(spots) != 1:
            continue
        (spot,) = spots
        dotted = tuple(sorted((*key[:spot], f"{key[spot][0]}.{key[spot][1]}", *key[spot + 1 :])))
        if dotted in by_key and _priced_alike(group, by_key[dotted], ids):
            join([_majority_first(by_key[dotted], ids)[0], group[0]], "dotless")


def _priced_alike(a: list[int], b: list[int], ids: list[RouteIdentity]) -> bool:
    """Some host of one sells at a price like some host of the other: open weights sell from $0.20 to $6 across
    hosts, so medians of two host sets say little; a spelling of another model is rarely within 2x of any."""
    unknown: list[float | None] = [None]
    pa: list[float | None] = [p for i in a if (p := ids[i].output_price)] or unknown
    pb: list[float | None] = [p for i in b if (p := ids[i].output_price)] or unknown
    return any(similar_price(x, y, NAME_PRICE_RATIO) for x in pa for y in pb)


_WEIGHTS_VERSION = re.compile(r"^0\.\d$")


def _only_version(ids: list[RouteIdentity], by_key: dict[tuple[str, ...], list[int]], join: Join) -> None:
    """Hugging Face repos carry a weights version ("Mixtral-8x22B-Instruct-v0.1") that API ids leave out; with one
    such version in the data the two are one model, with several ("Mistral-7B-Instruct" v0.1–v0.3) the bare id
    stays apart, as which one it serves is not said."""
    versions: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in by_key:
        marks = [t for t in key if _WEIGHTS_VERSION.match(t)]
        if len(marks) == 1:
            versions[tuple(t for t in key if t != marks[0])].append(key)
    for bare, versioned in versions.items():
        if bare in by_key and len(versioned) == 1:
            (key,) = versioned
            if _priced_alike(by_key[bare], by_key[key], ids):
                join([_majority_first(by_key[key], ids)[0], by_key[bare][0]], "only-version")


def _names(ids: list[RouteIdentity], by_key: dict[tuple[str, ...], list[int]], join: Join, sets: _Sets) -> None:
    """A display name that is another id's key joins the two, when compatible, alike in price, and unique."""
    carriers: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for r in ids:
        b = r.name_key
        if b == r.rid.key or b not in by_key or "latest" in r.rid.key or not compatible(r.rid.key, b):
            continue
        if similar_price(_price(by_key[r.rid.key], ids), _price(by_key[b], ids), NAME_PRICE_RATIO):
            carriers[b].add(r.rid.key)
    for b, keys in carriers.items():
        if not generations_differ(keys):
            for k in sorted(keys):
                join([by_key[b][0], by_key[k][0]], "name")
