"""Formatting facts for people: token counts, prices, money, lists. One place, so every answer agrees."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal


def tokens_short(n: int | None) -> str:
    """131072 -> "131k", 262144 -> "262k", 1000000 -> "1M"; unknown -> "-"."""
    if n is None:
        return "-"
    if n >= 1_000_000:
        return f"{round(n / 1_000_000, 2):g}M"
    if n >= 1000:
        return f"{round(n / 1000):d}k"
    return str(n)


def usd_per_m(price: Decimal | None) -> str:
    """A unit price: "$0.01/1M tokens"; unknown -> "-"."""
    return "-" if price is None else f"{usd_unit(price)}/1M tokens"


def usd_unit(price: Decimal) -> str:
    """At least two decimals, more only when the price has them: $0.01, $2.50, $0.075, $14.00. Six significant
    digits at most: a source's float noise ("14.993999999999998") is not a price anyone quoted."""
    text = f"{Decimal(format(price, '.6g')).normalize():f}"
    whole, _, frac = text.partition(".")
    frac = (frac + "00")[: max(2, len(frac))]
    return f"${whole}.{frac}"


def usd(amount: Decimal) -> str:
    """Money to the cent with separators: $15.50, $1,234.56 (half-up rounding)."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"${cents:,.2f}"


def usd_small(amount: Decimal) -> str:
    """Per-request amounts are tiny: keep four significant digits ($0.0000155)."""
    if amount == 0:
        return "$0"
    if amount >= Decimal("0.01"):
        return usd(amount)
    significant = amount.quantize(Decimal(1).scaleb(amount.adjusted() - 3), rounding=ROUND_HALF_UP)
    return f"${significant.normalize():f}"


def join_and(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B, and C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def join_or(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " or ".join(items)
    return ", ".join(items[:-1]) + f", or {items[-1]}"


def year(date: str | None) -> str:
    return date[:4] if date else "year unknown"
