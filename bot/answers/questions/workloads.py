"""Several workloads, each with its own volume and tokens: a pasted CSV or markdown table of traffic per feature,
or prose that gives each customer or model its own numbers ("Acme 20,000 req/day (1,200 in / 300 out), Globex 5,000
req/day (3,000 in / 800 out)"). One request shape cannot price these: each workload is priced on its own and the
total is their sum, the way a finance sheet adds them up.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from bot.answers.costs import MAX_REQUESTS_PER_MONTH, MAX_TOKENS_PER_REQUEST, TrafficProfile, estimate
from bot.answers.format import usd
from bot.answers.questions.traffic import read_traffic
from catalog.models import Model

#: The most workloads one message is read for (a longer table is someone's spreadsheet, not a question).
MAX_WORKLOADS = 12


class Workload(BaseModel):
    """One line of traffic: what it is called, its volume a month and its tokens per request."""

    model_config = ConfigDict(frozen=True)

    label: str
    requests_per_month: int
    input_tokens: int
    output_tokens: int
    at: int = -1
    """Where it is written in the message (for pairing it with the model named beside it)."""


_NUMBER = re.compile(r"^\s*(\d{1,3}(?:,\d{3}){1,3}|\d{1,10}(?:\.\d{1,4})?)\s*([km])?\s*$", re.IGNORECASE)
_RATE_HEAD = re.compile(r"req|request|calls|queries|volume|traffic|count|rpd|per_?day|/day|daily|month", re.I)
_IN_HEAD = re.compile(r"(?:^|[\s_/-])(?:in|input|prompt)(?:[\s_/-]|$)|tokens?_?in|in_?tokens?", re.I)
_OUT_HEAD = re.compile(r"(?:^|[\s_/-])(?:out|output|completion)(?:[\s_/-]|$)|tokens?_?out|out_?tokens?", re.I)
_MONTHLY_HEAD = re.compile(r"month|/mo\b|_mo\b|per_?mo|mau", re.I)
_WEEKLY_HEAD = re.compile(r"week|/wk", re.I)


def _value(cell: str) -> int | None:
    m = _NUMBER.match(cell)
    if m is None:
        return None
    scale = {"k": 1_000, "m": 1_000_000}.get((m.group(2) or "").lower(), 1)
    return int(Decimal(m.group(1).replace(",", "")) * scale)


def _rows(text: str) -> list[list[str]]:
    """The cells of each CSV or markdown-table line (separator rows left out)."""
    rows = []
    for line in text.splitlines():
        line = line.strip().strip("`")
        if line.count("|") >= 3:
            cells = [c.strip() for c in line.strip("|").split("|")]
        elif line.count(",") >= 2 and ", " not in line:  # a CSV line, not a sentence
            cells = [c.strip() for c in line.split(",")]
        else:
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue  # "|---|---|"
        rows.append(cells)
    return rows


def table_workloads(text: str) -> tuple[Workload, ...]:
    """Workloads from a pasted table whose header names a volume, an input and an output column."""
    rows = _rows(text)
    if len(rows) < 3:
        return ()
    head, body = rows[0], rows[1:]
    rate = next((i for i, h in enumerate(head) if _RATE_HEAD.search(h)), None)
    inp = next((i for i, h in enumerate(head) if _IN_HEAD.search(h) and i != rate), None)
    out = next((i for i, h in enumerate(head) if _OUT_HEAD.search(h) and i not in (rate, inp)), None)
    if rate is None or inp is None or out is None:
        return ()
    per_month = 1.0 if _MONTHLY_HEAD.search(head[rate]) else 30 / 7 if _WEEKLY_HEAD.search(head[rate]) else 30.0
    label_at = next((i for i in range(len(head)) if i not in (rate, inp, out)), None)
    found: list[Workload] = []
    for cells in body[:MAX_WORKLOADS]:
        if len(cells) != len(head):
            continue
        volume, tokens_in, tokens_out = _value(cells[rate]), _value(cells[inp]), _value(cells[out])
        if (
            volume is None
            or tokens_in is None
            or tokens_out is None
            or not _plausible(volume * per_month, tokens_in, tokens_out)
        ):
            continue
        label = cells[label_at] if label_at is not None else f"row {len(found) + 1}"
        found.append(Workload(label=label, requests_per_month=int(volume * per_month), input_tokens=tokens_in,
                              output_tokens=tokens_out))  # fmt: skip
    return tuple(found) if len(found) >= 2 else ()


#: A volume with its period ("20,000 req/day", "1.5M requests a month", "8k conversations/day").
_RATE = re.compile(
    r"(?<![\d,.])\d[\d,.]{0,14}\s?(?:k|m|thousand|million)?\s?(?:requests?|req|reqs|calls|conversations|chats|queries"
    r"|messages|tickets)"
    r"\s?(?:/|per|a|an|each|every)\s?(?:day|month|mo|week|hour)\b",
    re.IGNORECASE,
)
#: Where one workload's words end and the next one's begin when no volume starts it (". customer Contoso:").
_LABEL = re.compile(
    r"(?:customer|client|team|feature|tenant|workload|app)\s+([A-Z][\w-]{1,30})|([A-Z][\w-]{1,30})\s*:?\s*$"
)


def prose_workloads(lower: str, original: str) -> tuple[Workload, ...]:
    """Workloads from prose that gives two or more volumes, each followed by its own tokens per request."""
    starts = [m.start() for m in _RATE.finditer(lower)][:MAX_WORKLOADS]
    if len(starts) < 2:
        return ()
    found: list[Workload] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lower)
        part = read_traffic(lower[start:end])
        if (
            part.requests_per_month is None
            or part.input_tokens is None
            or part.output_tokens is None
            or not _plausible(part.requests_per_month, part.input_tokens, part.output_tokens)
        ):
            return ()  # one volume without its own tokens: the shared-shape reading (``volume_lines``) applies
        before = original[max(0, (starts[n - 1] if n else 0)) : start]
        label = _label(before.split(".")[-1] if "." in before else before)
        found.append(Workload(label=label or f"workload {n + 1}", requests_per_month=part.requests_per_month,
                              input_tokens=part.input_tokens, output_tokens=part.output_tokens, at=start))  # fmt: skip
    shapes = {(w.input_tokens, w.output_tokens) for w in found}
    return tuple(found) if len(shapes) > 1 else ()


def _plausible(requests: float, tokens_in: int, tokens_out: int) -> bool:
    """Within what one month and one request can hold (a pasted row of nonsense prices nothing)."""
    return (
        0 < requests <= MAX_REQUESTS_PER_MONTH
        and 0 <= tokens_in <= MAX_TOKENS_PER_REQUEST
        and (0 <= tokens_out <= MAX_TOKENS_PER_REQUEST)
    )


def _label(before: str) -> str:
    """The name written just before a volume ("Acme", "customer Northwind:"), if any."""
    tail = before.strip(" ,;:(—-\n")[-40:]
    m = _LABEL.search(tail)
    return (m.group(1) or m.group(2)) if m else ""


def workload_lines(models: list[Model], workloads: tuple[Workload, ...]) -> list[str]:
    """Each workload priced on its own and the total: per model when each workload names its model (the model
    named right before its volume), else every workload on every model asked about."""
    owners = _owners(models, workloads)
    lines = []
    if owners is not None:
        total = Decimal(0)
        parts = []
        for w, m in zip(workloads, owners, strict=True):
            cost = _cost(m, w)
            if cost is None:
                return [f"Can't total it: {m.name} has no complete list price on record."]
            total += cost
            parts.append(f"{m.name} at {w.requests_per_month:,} requests × {w.input_tokens:,}/{w.output_tokens:,}"
                         f" tokens: {usd(cost)}")  # fmt: skip
        return [f"By workload: {'; '.join(parts)}. Total: {usd(total)}/month."]
    for m in models:
        costs = [_cost(m, w) for w in workloads]
        if any(c is None for c in costs):
            lines.append(f"{m.name}: no complete list price on record, so no total.")
            continue
        each = "; ".join(
            f"{w.label} {w.requests_per_month:,} req × {w.input_tokens:,}/{w.output_tokens:,}: {usd(c)}"
            for w, c in zip(workloads, costs, strict=True)
            if c is not None
        )
        total = sum((c for c in costs if c is not None), Decimal(0))
        lines.append(f"{m.name}, total {usd(total)}/month by workload: {each}.")
    return lines


def _owners(models: list[Model], workloads: tuple[Workload, ...]) -> list[Model] | None:
    """The model each workload belongs to, when prose names one model per workload, in the same order ("30k
    req/day on gpt-4.1 mini (…) plus 2k req/day on claude opus 4.7 (…)"); a table's rows run on every model."""
    if len(models) < 2 or len(models) != len(workloads) or any(w.at < 0 for w in workloads):
        return None
    return list(models)


def _cost(model: Model, w: Workload) -> Decimal | None:
    profile = TrafficProfile(
        requests_per_month=w.requests_per_month, input_tokens=w.input_tokens, output_tokens=w.output_tokens
    )
    return estimate(model, profile).per_month
