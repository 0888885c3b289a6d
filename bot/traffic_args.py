"""Traffic options shared by the CLI and the console (``--requests-per-day`` ...), with clear errors."""

from __future__ import annotations

import argparse
from typing import Any

from pydantic import ValidationError

from bot.answers.costs import TrafficProfile

_FIELDS = (
    "input_tokens",
    "output_tokens",
    "cache_hit",
    "long_context_share",
    "batch_share",
    "days_per_month",
    "requests_per_month",
)


def add_traffic_args(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--requests-per-month", type=int, default=None)
    group.add_argument("--requests-per-day", type=int, default=None)
    p.add_argument("--input-tokens", type=int, default=None, help="prompt tokens per request (default 500)")
    p.add_argument("--output-tokens", type=int, default=None, help="completion tokens per request (default 350)")
    p.add_argument("--cache-hit", type=float, default=None, help="share of input served from cache, 0..1")
    p.add_argument("--long-context-share", type=float, default=None, help="share of requests above a tier, 0..1")
    p.add_argument("--batch-share", type=float, default=None, help="share of requests sent via batch, 0..1")
    p.add_argument("--days-per-month", type=int, default=None)


def given(args: argparse.Namespace) -> bool:
    """Whether any traffic option was given at all."""
    return any(getattr(args, k, None) is not None for k in (*_FIELDS, "requests_per_day"))


def profile_from_args(args: argparse.Namespace, base: TrafficProfile | None = None) -> TrafficProfile:
    """``base`` (default traffic when None) with the options given; bad values raise ``ValueError``."""
    values: dict[str, Any] = (base or TrafficProfile()).model_dump()
    values.update({k: getattr(args, k) for k in _FIELDS if getattr(args, k, None) is not None})
    try:
        if getattr(args, "requests_per_day", None) is not None:
            if args.requests_per_day < 0:
                raise ValueError("--requests-per-day must be 0 or more")
            values["requests_per_month"] = args.requests_per_day * values["days_per_month"]
        return TrafficProfile.model_validate(values)
    except ValidationError as exc:
        raise ValueError(traffic_error(exc)) from None


def traffic_error(exc: ValidationError) -> str:
    """One line naming the bad option and its allowed range."""
    parts = []
    for err in exc.errors():
        field = ".".join(str(x) for x in err["loc"])
        parts.append(f"--{field.replace('_', '-')}: {err['msg']}" if field else err["msg"])
    return "; ".join(parts)
