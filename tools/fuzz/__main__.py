"""``python -m tools.fuzz [--size small|large] [--seed N]``: exits 1 on any crash, limit violation, ping, message
over the CPU budget, or a super-linear pattern nobody has listed; prints every problem and a JSON summary."""

from __future__ import annotations

import argparse
import asyncio
import json

from tools.evaluate_questions import shipped_catalog
from tools.fuzz.run import BUDGET_MS, SIZES, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fuzz", description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="small", help="small runs in CI; large on demand")
    parser.add_argument("--seed", type=int, default=17, help="the same seed makes the same inputs")
    parser.add_argument("--budget-ms", type=float, default=BUDGET_MS, help="CPU budget per message")
    args = parser.parse_args(argv)
    report = run(asyncio.run(shipped_catalog()), args.size, args.seed, args.budget_ms)
    for line in report.problems():
        print(line)
    print(json.dumps({"size": args.size, "seed": args.seed, **report.summary()}, indent=2))
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
