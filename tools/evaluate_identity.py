"""``python -m tools.evaluate_identity [--set dev|heldout|PATH] [--errors]``: identity probes on the shipped data.

Each probe is written from the raw sources, in route terms (``[provider, route id]``), so it holds whatever the
records are called: ``same`` routes must sit in one model, ``different`` routes in pairwise different models, and
a ``resolve`` query must resolve to the model holding ``expect`` and none of ``reject``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.build import shipped_files
from catalog.errors import CatalogError
from catalog.identity.merge import merge
from catalog.matching.index import MatchIndex
from catalog.models import Model
from catalog.sources import parser_for

SETS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "identity"


@dataclass(slots=True)
class Report:
    passed: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(self.passed.values()) / max(1, sum(self.total.values()))


def shipped_models() -> list[Model]:
    return merge([parser_for(f.name)(f.data, f.file_name) for f in shipped_files()])


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(row: dict[str, Any], owner: dict[tuple[str, str], str], index: MatchIndex) -> str | None:
    """None when the probe holds, else what went wrong."""
    if row["kind"] in ("same", "different"):
        routes = [tuple(r) for r in row["routes"]]
        missing = [r for r in routes if r not in owner]
        if missing:
            return f"routes not in the catalog: {missing}"
        found = [owner[r] for r in routes]
        if row["kind"] == "same" and len(set(found)) != 1:
            return f"split over {sorted(set(found))}"
        if row["kind"] == "different" and len(set(found)) != len(found):
            return f"merged: {[f for f, n in Counter(found).items() if n > 1]}"
        return None
    expect = owner.get(tuple(row["expect"]))
    try:
        got = index.resolve(row["query"]).model_id
    except CatalogError as exc:
        return f"{row['query']!r}: {type(exc).__name__} (want {expect})"
    if got != expect:
        return f"{row['query']!r} -> {got} (want {expect})"
    wrong = [r for r in row.get("reject", []) if owner.get(tuple(r)) == got]
    return f"{row['query']!r} -> {got} also holds {wrong}" if wrong else None


def evaluate(models: list[Model], rows: list[dict[str, Any]]) -> Report:
    owner = {(r.provider_id, r.provider_model_id): m.id for m in models for r in m.routes}
    index = MatchIndex.build(models)
    report = Report()
    for row in rows:
        report.total[row["category"]] += 1
        problem = check(row, owner, index)
        if problem is None:
            report.passed[row["category"]] += 1
        else:
            report.errors.append(f"{row['id']} [{row['category']}/{row['kind']}] {problem}  ({row.get('why', '')})")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_identity", description=__doc__)
    parser.add_argument("--set", default="dev", help="dev, heldout, or a path to a JSONL file")
    parser.add_argument("--errors", action="store_true", help="list every failing probe")
    args = parser.parse_args(argv)
    path = SETS / f"{args.set}.jsonl" if args.set in ("dev", "heldout") else Path(args.set)
    report = evaluate(shipped_models(), load_rows(path))
    for cat in sorted(report.total):
        print(f"{cat:<22} {report.passed[cat]:>4}/{report.total[cat]:<4}")
    print(f"{'all':<22} {sum(report.passed.values()):>4}/{sum(report.total.values()):<4} = {report.score:.3f}")
    if args.errors:
        print("\n".join(report.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
