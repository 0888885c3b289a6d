"""Traffic options shared by the CLI and the console (``--requests-per-day`` ...), with clear errors."""

from __future__ import annotations

import argparse

from bot.answers.costs import TrafficError, TrafficProfile, apply_traffic

_FIELDS = (
    "input_tokens",
    "output_tokens",
    "cache_hit",
    "cache_write",
    "cache_write_1h",
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
    p.add_argument("--cache-write", type=float, default=None, help="share of input written to cache, 0..1")
    p.add_argument("--cache-write-1h", type=float, default=None, help="share written to the 1-hour cache, 0..1")
    p.add_argument("--long-context-share", type=float, default=None, help="share of requests above a tier, 0..1")
    p.add_argument("--batch-share", type=float, default=None, help="share of requests sent via batch, 0..1")
    p.add_argument("--days-per-month", type=int, default=None)


def given(args: argparse.Namespace) -> bool:
    """Whether any traffic option was given at all."""
    return any(getattr(args, k, None) is not None for k in (*_FIELDS, "requests_per_day"))


def profile_from_args(args: argparse.Namespace, base: TrafficProfile | None = None) -> TrafficProfile:
    """``base`` (default traffic when None) with the options given; bad values raise ``ValueError``
    naming the flag, e.g. "--cache-hit: Input should be less than or equal to 1"."""
    fields = {k: getattr(args, k, None) for k in _FIELDS}
    try:
        return apply_traffic(base, requests_per_day=getattr(args, "requests_per_day", None), **fields)
    except TrafficError as exc:
        sep = " " if exc.message.startswith("must") else ": "  # "--x must be ...", "--y: Input should be ..."
        raise ValueError(f"--{exc.field.replace('_', '-')}{sep}{exc.message}") from None
