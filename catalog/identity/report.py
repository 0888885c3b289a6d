"""Text and JSON views of identity for ``python -m catalog identity`` and ``python -m catalog doubts``."""

from __future__ import annotations

import json
from typing import Any

from catalog.identity.doubts import doubts
from catalog.models import Model


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
