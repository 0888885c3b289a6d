"""``python -m tools.evaluate_questions [--set dev|heldout|PATH] [--errors]``: team questions, scored on the reply.

Rows (``tests/fixtures/questions/README.md``) hold a message, the channel lines sent just before it (``thread``)
and what the reply must show: whether there is one, its opening yes/no, numbers (within a tolerance), models
(named by a route, so the row holds whatever the record is called), models it must not name, and phrases. A row
is right when every check holds. Threads run through the same channel memory a Discord channel has, and the
reply is checked as the console prints it: what a team member reads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bot.answers.costs import TrafficProfile
from bot.flows.lookup import ChatSession
from bot.render.reply_text import render_reply
from catalog.build import build
from catalog.service import Catalog, load_catalog
from catalog.store.db import Store

SETS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "questions"
_NUMBER = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?([kKmMbB](?![a-zA-Z]))?")
_SCALE = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}


@dataclass(slots=True)
class Score:
    rows: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)


def numbers_in(text: str) -> list[Decimal]:
    """Every number a reader sees: "$4,750.00" -> 4750, "128k" -> 128000, "1M" -> 1000000, "53.6%" -> 53.6."""
    out = []
    for whole, frac, scale in _NUMBER.findall(text):
        try:
            value = Decimal(whole.replace(",", "") + (frac or ""))
        except InvalidOperation:
            continue
        out.append(value)
        if scale:
            out.append(value * _SCALE[scale.lower()])
    return out


def _has_number(found: list[Decimal], value: float, tolerance: float) -> bool:
    want = Decimal(str(value))
    slack = max(abs(want) * Decimal(str(tolerance)), Decimal("0.005"))
    return any(abs(v - want) <= slack for v in found)


def check(
    row: dict[str, Any], text: str | None, ids: list[str], owner: dict[tuple[str, str], str], names: dict[str, str]
) -> list[str]:
    """What is wrong with the reply ``text`` (None: silence) for ``row``; empty when it is right."""
    exp = row["expect"]
    if not exp.get("reply", True):
        return [] if text is None else ["replied where silence was expected"]
    if text is None:
        return ["silent"]
    problems = []
    lower = text.lower()
    if first := exp.get("first"):
        opening = re.sub(r"^[^a-z]+", "", lower.split("\n", 1)[-1] if lower.startswith("──") else lower)
        if not opening.startswith(first):
            problems.append(f"does not open with {first!r}")
    found = numbers_in(text)
    for value, tolerance in exp.get("numbers", []):
        if not _has_number(found, value, tolerance):
            problems.append(f"no {value}")
    for ref in exp.get("models", []):
        mid = owner.get(tuple(ref))
        if mid is None:
            problems.append(f"unknown route {ref}")
        elif mid not in ids and names[mid].lower() not in lower:
            problems.append(f"does not name {names[mid]}")
    for ref in exp.get("absent_models", []):
        mid = owner.get(tuple(ref))
        if mid is not None and mid in ids:
            problems.append(f"names {names[mid]}")
    for group in exp.get("phrases", []):
        if not any(p.lower() in lower for p in group):
            problems.append(f"none of {group}")
    return problems


def evaluate(catalog: Catalog, rows: list[dict[str, Any]]) -> dict[str, Score]:
    owner: dict[tuple[str, str], str] = {}
    for m in catalog.models.values():
        for r in m.routes:
            owner[(r.provider_id, r.provider_model_id)] = m.id
            owner.setdefault((r.provider_name, r.provider_model_id), m.id)
    names = {mid: m.name for mid, m in catalog.models.items()}
    out: dict[str, Score] = defaultdict(Score)
    for row in rows:
        session = ChatSession(catalog, TrafficProfile())
        for line in row.get("thread", []):
            session.reply(line)
        reply = session.reply(row["text"])
        text = None if reply is None else render_reply(reply)
        ids = [] if reply is None else session.last_model_ids
        problems = check(row, text, ids, owner, names)
        score = out[row["category"]]
        score.rows += 1
        if problems:
            score.errors.append(f"{row['id']} {row['text']!r}: {'; '.join(problems)}\n    {text!r}")
        else:
            score.right += 1
    return out


async def shipped_catalog() -> Catalog:
    with tempfile.TemporaryDirectory() as tmp:
        async with Store.open(Path(tmp) / "eval.sqlite3") as store:
            await build(store)
            return await load_catalog(store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_questions", description=__doc__)
    parser.add_argument("--set", default="dev", help="dev, heldout, or a path to a JSONL file")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    path = SETS / f"{args.set}.jsonl" if args.set in ("dev", "heldout") else Path(args.set)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = evaluate(asyncio.run(shipped_catalog()), rows)
    for cat, s in sorted(report.items()):
        print(f"{cat:<18} rows {s.rows:>4}  right {s.right / max(1, s.rows):.3f}")
    total = sum(s.rows for s in report.values())
    print(json.dumps({"rows": total, "right": round(sum(s.right for s in report.values()) / max(1, total), 4)}))
    if args.errors:
        print("\n".join(e for s in report.values() for e in s.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
