"""The /models filter options shared by the CLI and the console (``--open-weights`` ...)."""

from __future__ import annotations

import argparse
from decimal import Decimal

from bot.answers.filters import ModelFilter
from catalog.models import CAPABILITY_LABELS


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--open-weights", action="store_true")
    p.add_argument("--min-context", type=int, default=None)
    p.add_argument("--capability", action="append", default=[], choices=sorted(CAPABILITY_LABELS))
    p.add_argument("--max-output-price", type=Decimal, default=None, help="USD per 1M output tokens")
    p.add_argument("--provider", default=None)


def filter_from_args(args: argparse.Namespace) -> ModelFilter:
    return ModelFilter(
        open_weights=args.open_weights or None,
        min_context=args.min_context,
        capabilities=tuple(args.capability),
        max_output_price=args.max_output_price,
        provider=args.provider,
    )
