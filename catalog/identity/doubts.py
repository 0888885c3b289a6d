"""The curation worklist: what identity may have got wrong, for a person (or an overlay entry) to settle.

- wrong merge: routes in one model whose output prices differ more than 4x, not explained by a free route,
  a quantised route or a regional endpoint; or a route id whose product words the model's other ids lack;
- split: two models whose names reduce to the same key and whose ids name the same snapshot (or none);
- placeholder date: a release date of 1 January that no other source confirms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from catalog.identity.evidence import PRODUCT_TOKENS
from catalog.identity.keys import spelling
from catalog.identity.route_ids import parse_route_id
from catalog.models import Model

PRICE_SPREAD = 4.0


@dataclass(frozen=True, slots=True)
class Doubt:
    kind: str
    """wrong-merge, split or placeholder-date"""
    models: tuple[str, ...]
    detail: str
    explained: str | None = None
    """The curated decision that already settles it (an overlay entry, or models.dev's own base-model link)."""


def is_placeholder_date(value: str | None) -> bool:
    """1 January is what sources write when they only know the year."""
    return bool(value) and str(value).endswith("-01-01")


def doubts(models: list[Model]) -> list[Doubt]:
    out: list[Doubt] = []
    for m in models:
        out += _price_spread(m) + _odd_ids(m)
        if is_placeholder_date(m.release_date):
            out.append(Doubt("placeholder-date", (m.id,), f"release date {m.release_date} is a placeholder"))
    by_key: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for m in models:
        if not m.moving_alias:  # a -latest pointer is its own record by rule, not a missed merge
            by_key[spelling(m.name).key].append(m.id)
    snapshots = {
        m.id: frozenset(s for r in m.routes if (s := parse_route_id(r.provider_model_id).snapshot)) for m in models
    }
    for key, ids in by_key.items():
        # Dated snapshots of one name are different releases by rule; two records of one generation are a split.
        same_generation = [i for i in ids if sum(snapshots[j] == snapshots[i] for j in ids) > 1]
        if same_generation:
            out.append(Doubt("split", tuple(same_generation), f"names reduce to {' '.join(key)}"))
    by_id = {m.id: m for m in models}
    return sorted((_explain(d, by_id) for d in out), key=lambda d: (d.explained is not None, d.kind, d.models))


def _explain(doubt: Doubt, models: dict[str, Model]) -> Doubt:
    """A wrong-merge doubt whose odd routes were placed by a curated decision is explained, not open."""
    if doubt.kind != "wrong-merge":
        return doubt
    placed = {r.placed_by for mid in doubt.models for r in models[mid].routes if r.provider_model_id in doubt.detail}
    curated = sorted(p for p in placed if p and (p.startswith("overlay:") or p == "base-link"))
    if curated and len(curated) == len(placed):
        return Doubt(doubt.kind, doubt.models, doubt.detail, ", ".join(curated))
    return doubt


def _price_spread(m: Model) -> list[Doubt]:
    """Median output prices of the model's differently-spelled ids, more than 4x apart.

    Resellers of one id charge what they like; a spread *between ids* is the sign of two products in one record.
    """
    groups: dict[tuple[str, ...], list[tuple[float, str]]] = defaultdict(list)
    for r in m.routes:
        if r.price is not None and r.price.output and not r.quantization and not r.region and not r.deprecated:
            ref = f"{r.provider_id}/{r.provider_model_id}"
            groups[parse_route_id(r.provider_model_id).key].append((float(r.price.output), ref))
    medians = [(sorted(v)[len(v) // 2], k) for k, v in groups.items()]
    if len(medians) < 2:
        return []
    low, high = min(medians), max(medians)
    if high[0][0] <= PRICE_SPREAD * low[0][0]:
        return []
    detail = (
        f"ids {'-'.join(low[1])} (${low[0][0]:g}, {low[0][1]}) vs {'-'.join(high[1])} (${high[0][0]:g}, {high[0][1]})"
    )
    return [Doubt("wrong-merge", (m.id,), detail)]


def _odd_ids(m: Model) -> list[Doubt]:
    """A product word (pro, mini, thinking ...) in some of the model's ids but not in most of them."""
    keys = [set(parse_route_id(r.provider_model_id).key) & PRODUCT_TOKENS for r in m.routes]
    if len(keys) < 3:
        return []
    counts = Counter(t for k in keys for t in k)
    odd = sorted(t for t, n in counts.items() if 0 < n <= len(keys) // 4)
    if not odd:
        return []
    ids = [r.provider_model_id for r, k in zip(m.routes, keys, strict=True) if k & set(odd)]
    return [Doubt("wrong-merge", (m.id,), f"ids with {', '.join(odd)} that most ids lack: {', '.join(ids[:4])}")]
