"""``python -m tools.evaluate_matching``: precision and recall of chat-mention detection on a labelled set.

Each row is ``{"text": ..., "expect": [model ids]}``; ``[]`` marks ordinary chat that must stay silent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path

from catalog.matching.index import MatchIndex
from catalog.paths import default_db_path
from catalog.service import open_catalog

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mention_eval.jsonl"


def share(hits: int, misses: int) -> float:
    """hits / (hits + misses); 1.0 when there was nothing to find (no false claim, no miss)."""
    return hits / (hits + misses) if hits + misses else 1.0


@dataclass(slots=True)
class Report:
    """Counts over every row, plus the rows that went wrong."""

    rows: int = 0
    positives: int = 0
    negatives: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return share(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.fn)

    def summary(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "positive_rows": self.positives,
            "negative_rows": self.negatives,
            "true_positives": self.tp,
            "false_positives": self.fp,
            "false_negatives": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def load_rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predicted(index: MatchIndex, text: str) -> set[str]:
    return {m.model_id for m in index.mentions(text).mentions}


def evaluate(index: MatchIndex, rows: list[dict[str, object]]) -> Report:
    report = Report()
    for row in rows:
        expect = set(row["expect"])  # type: ignore[call-overload]
        got = predicted(index, str(row["text"]))
        report.rows += 1
        if expect:
            report.positives += 1
        else:
            report.negatives += 1
        report.tp += len(got & expect)
        report.fp += len(got - expect)
        report.fn += len(expect - got)
        if got != expect:
            report.errors.append({"text": row["text"], "expect": sorted(expect), "got": sorted(got)})
    return report


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_matching", description=__doc__)
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="labelled JSONL file")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--errors", action="store_true", help="also list every wrong row")
    args = parser.parse_args()
    catalog = asyncio.run(open_catalog(args.db or default_db_path()))
    report = evaluate(catalog.index, load_rows(args.set))
    out: dict[str, object] = report.summary()
    if args.errors:
        out["errors"] = report.errors
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
