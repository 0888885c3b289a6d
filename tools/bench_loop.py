"""``python -m tools.bench_loop``: does a chat answer wait while a cost chart is drawn?

Issue 15: a chat question must be answered within 100 ms while a ``/compare`` chart is being drawn. Charts draw
in a worker thread (``Attachment.drawn``); this measures the chat answers' latency on the event loop alone (the
baseline), then while charts for new model pairs draw one after another, and reports both and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time

from bot.answers.costs import TrafficProfile, estimate
from bot.flows.lookup import ChatSession
from bot.render.charts import chart_attachment
from tools.bench_answers import QUESTIONS
from tools.evaluate_questions import shipped_catalog

#: Issue 15: the longest a chat answer may wait while a chart draws.
BUDGET_MS = 100.0


async def _answers(session: ChatSession, rounds: int) -> list[float]:
    """Latency of each chat answer, measured from when it was asked to when the loop finished it."""
    out = []
    for i in range(rounds):
        asked = time.perf_counter()
        await asyncio.sleep(0)  # the answer is scheduled on the loop like a gateway event would be
        session.reply(QUESTIONS[i % len(QUESTIONS)], now=0.0)
        out.append((time.perf_counter() - asked) * 1000)
        await asyncio.sleep(0.005)
    return out


async def run(rounds: int) -> dict[str, float]:
    catalog = await shipped_catalog()
    session = ChatSession(catalog, TrafficProfile())
    models = list(catalog.models.values())
    baseline = await _answers(session, rounds)
    charts_drawn = 0

    async def draw_charts(stop: asyncio.Event) -> None:
        nonlocal charts_drawn
        for i in range(0, 400, 2):
            if stop.is_set():
                return
            pair = models[i : i + 2]
            att = chart_attachment(pair, [estimate(m, TrafficProfile()) for m in pair], TrafficProfile())
            if att is not None:
                await att.drawn()
                charts_drawn += 1

    stop = asyncio.Event()
    drawer = asyncio.create_task(draw_charts(stop))
    during = await _answers(session, rounds)
    stop.set()
    await drawer
    p99 = statistics.quantiles(during, n=100)[98]
    return {
        "answers": rounds,
        "charts_drawn_meanwhile": charts_drawn,
        "baseline_p99_ms": round(statistics.quantiles(baseline, n=100)[98], 2),
        "while_drawing_p99_ms": round(p99, 2),
        "while_drawing_max_ms": round(max(during), 2),
        "budget_ms": BUDGET_MS,
        "ratio_to_baseline": round(p99 / max(statistics.quantiles(baseline, n=100)[98], 1e-6), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_loop", description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(run(args.rounds)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
