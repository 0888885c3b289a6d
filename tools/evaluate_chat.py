"""``python -m tools.evaluate_chat [--set dev|heldout|unseen|PATH] [--errors]``: the chat matcher by category.

Rows name models by a route (``[provider, route id]``), so they hold whatever the records are called:
``kind: mention`` rows are chat lines (``mentions``; ``expect: []`` must stay silent), ``kind: resolve`` rows are
command arguments (``resolve``; ``expect: []`` must come back ambiguous or not found, never a model, and doing
so counts as right). Top-1 is right answers over all rows; ``wrong`` counts a different model or a model where none
was expected, ``abstained`` an ambiguous or not-found answer where one model was expected.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.errors import CatalogError
from catalog.matching.index import MatchIndex
from catalog.models import Model
from tools.evaluate_identity import load_rows, shipped_models
from tools.evaluate_matching import share

SETS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "chat"


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    wrong: int = 0
    abstained: int = 0
    rows: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return share(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.fn)


def _expected(row: dict[str, Any], owner: dict[tuple[str, str], str]) -> set[str] | None:
    """Model ids the row names; None when a route is not in the catalog (the row cannot be scored)."""
    refs = [tuple(r) for r in row["expect"]]
    if any(r not in owner for r in refs):
        return None
    return {owner[r] for r in refs}


def evaluate(models: list[Model], rows: list[dict[str, Any]]) -> dict[str, Counts]:
    owner = {(r.provider_id, r.provider_model_id): m.id for m in models for r in m.routes}
    index = MatchIndex.build(models)
    out: dict[str, Counts] = defaultdict(Counts)
    for row in rows:
        expect = _expected(row, owner)
        if expect is None:
            continue
        c = out[row["category"]]
        c.rows += 1
        if row.get("kind") == "resolve":
            try:
                got = index.resolve(row["text"]).model_id
            except CatalogError:
                if not expect:  # a name the catalog lacks: "not found" (or candidates) is the right answer
                    c.right += 1
                    continue
                c.abstained += 1
                c.errors.append(f"{row['id']} {row['text']!r}: no answer (want {sorted(expect)})")
                continue
            if got in expect:
                c.right += 1
            else:
                c.wrong += 1
                c.errors.append(f"{row['id']} {row['text']!r}: {got} (want {sorted(expect) or 'no model'})")
            continue
        found = {m.model_id for m in index.mentions(row["text"]).mentions}
        c.tp += len(found & expect)
        c.fp += len(found - expect)
        c.fn += len(expect - found)
        if found != expect:
            c.errors.append(f"{row['id']} {row['text']!r}: got {sorted(found)} want {sorted(expect)}")
    return dict(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_chat", description=__doc__)
    parser.add_argument("--set", default="dev", help="dev, heldout, unseen, or a path to a JSONL file")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    path = SETS / f"{args.set}.jsonl" if (SETS / f"{args.set}.jsonl").exists() else Path(args.set)
    report = evaluate(shipped_models(), load_rows(path))
    for cat, c in sorted(report.items()):
        if c.right or c.wrong or c.abstained:
            top1 = c.right / max(1, c.right + c.wrong + c.abstained)
            print(f"{cat:<16} rows {c.rows:>5}  top-1 {top1:.3f}  wrong {c.wrong}  abstained {c.abstained}")
        else:
            print(f"{cat:<16} rows {c.rows:>5}  precision {c.precision:.3f}  recall {c.recall:.3f}")
    tp, fp, fn = (sum(getattr(c, k) for c in report.values()) for k in ("tp", "fp", "fn"))
    print(json.dumps({"precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4)}))
    if args.errors:
        print("\n".join(e for c in report.values() for e in c.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
