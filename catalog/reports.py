"""Text and JSON views of the merged catalog for the command line: identity, doubts, sources, disagreements."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from catalog.identity.doubts import doubts
from catalog.identity.observations import disagreement
from catalog.models import Model
from catalog.store.db import SourceInfo


def identity_records(models: list[Model]) -> list[dict[str, Any]]:
    """Every model with id, name, aliases and routes; each route says which rule or overlay entry placed it."""
    return [
        {
            "id": m.id,
            "name": m.name,
            "aliases": list(m.aliases),
            "routes": [
                {
                    "provider": r.provider_id,
                    "route_id": r.provider_model_id,
                    "source": r.provenance.source,
                    "quantization": r.quantization,
                    "region": r.region,
                    "placed_by": r.placed_by,
                }
                for r in m.routes
            ],
        }
        for m in sorted(models, key=lambda m: m.id)
    ]


def identity_report(models: list[Model], as_json: bool) -> str:
    records = identity_records(models)
    if as_json:
        return json.dumps(records, indent=1, ensure_ascii=False)
    lines = []
    for rec in records:
        lines.append(f"{rec['id']}  {rec['name']}  ({len(rec['routes'])} routes)")
        lines += [f"    {r['provider']}/{r['route_id']}  [{r['placed_by']}]" for r in rec["routes"]]
    return "\n".join(lines)


def doubts_report(models: list[Model]) -> str:
    found = doubts(models)
    lines = [
        f"{d.kind:<16} {', '.join(d.models)}: {d.detail}" + (f"  [explained: {d.explained}]" if d.explained else "")
        for d in found
    ]
    open_ = [d for d in found if d.explained is None]
    counts = {k: sum(1 for d in open_ if d.kind == k) for k in ("wrong-merge", "split", "placeholder-date")}
    lines.append(
        f"{len(open_)} open doubts ({', '.join(f'{n} {k}' for k, n in counts.items())}); "
        f"{len(found) - len(open_)} explained by curated entries"
    )
    return "\n".join(lines)


def sources_records(infos: list[SourceInfo], models: list[Model]) -> list[dict[str, Any]]:
    """Each source: version or date, records, routes it prices or describes, when it was imported."""
    routes: Counter[str] = Counter()
    headline: Counter[str] = Counter()
    for m in models:
        for r in m.routes:
            seen = {o.source for o in r.observations} or {r.provenance.source}
            routes.update(seen)
            headline[r.provenance.source] += 1
    return [
        {
            "name": s.name,
            "version": s.version,
            "data_date": s.source_date,
            "records": s.record_count,
            "routes": routes[s.name],
            "routes_priced_from_it": headline[s.name],
            "imported_at": s.imported_at,
            "file": s.file_name,
        }
        for s in infos
    ]


def sources_report(infos: list[SourceInfo], models: list[Model], as_json: bool) -> str:
    rows = sources_records(infos, models)
    if as_json:
        return json.dumps(rows, indent=1)
    lines = [f"{'source':<14} {'version':<10} {'data date':<11} {'records':>8} {'routes':>7} {'priced':>7}  imported"]
    lines += [
        f"{r['name']:<14} {r['version'] or '-':<10} {r['data_date'] or '-':<11} {r['records']:>8,} {r['routes']:>7,} "
        f"{r['routes_priced_from_it']:>7,}  {r['imported_at']}"
        for r in rows
    ]
    lines.append("priced: routes whose shown price comes from that source (the freshest source that prices the route)")
    return "\n".join(lines)


def disagreements_report(models: list[Model], model_id: str | None = None) -> str:
    """Routes whose sources disagree on price (> 2 %) or context, and model facts sources disagree on."""
    lines = []
    for m in sorted(models, key=lambda m: m.id):
        if model_id is not None and m.id != model_id:
            continue
        for r in m.routes:
            if (note := disagreement(r)) is not None:
                lines.append(f"{m.id}  {r.provider_id}/{r.provider_model_id}: {note}")
        if model_id is not None:
            for d in m.disagreements:
                counts = Counter(d.values.values())
                seen = ", ".join(f"{v} ({n} records)" for v, n in counts.most_common())
                lines.append(f"{m.id}  {d.field}: kept {d.kept}; sources say {seen}")
    routes = sum(1 for line in lines if "/" in line.split(":", 1)[0])
    lines.append(f"{routes} routes where sources disagree" + (f" for {model_id}" if model_id else ""))
    return "\n".join(lines)
