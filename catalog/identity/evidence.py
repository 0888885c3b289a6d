"""The rules that say two route ids (or an id and a display name) may name one model.

Pure functions over identity keys, prices and release dates; ``cluster`` applies them in order of strength.
"""

from __future__ import annotations

from datetime import date

from catalog.identity.keys import is_size_token
from catalog.identity.route_ids import is_snapshot

#: Tokens that make a different product: a key that adds or drops one of them is a different model.
PRODUCT_TOKENS = frozenset(
    {
        *("plus", "pro", "mini", "nano", "lite", "flash", "turbo", "max", "ultra", "micro", "small", "medium"),
        *("large", "thinking", "reasoning", "reasoner", "non", "coder", "code", "vision", "image", "audio"),
        *("realtime", "search", "embed", "embedding", "rerank", "guard", "distill", "fast", "latest", "preview"),
        *("exp", "experimental", "deep", "research", "translate", "omni", "air", "haiku", "sonnet", "opus", "vl"),
        *("instant", "highspeed", "flex", "multi", "agent", "uncensored", "abliterated", "base", "ocr", "tts"),
    }
)
#: Tokens that only describe the serving of a sized open model.
SOFT = frozenset({"instruct", "it", "chat", "hf"})
#: How far apart two prices may be and still be one product (resellers differ; snapshots differ more).
SNAPSHOT_PRICE_RATIO = 3.0
NAME_PRICE_RATIO = 2.0
#: An undated id and a dated snapshot released further apart than this are different releases.
SNAPSHOT_MAX_DAYS = 45


def _sizes_only(extra: set[str]) -> bool:
    return bool(extra) and all(is_size_token(t) or t == "a" or (t[:-1].isdigit() and t.endswith("e")) for t in extra)


def _diff(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[set[str], set[str]]:
    return {t for t in set(a) - set(b) if t not in SOFT}, {t for t in set(b) - set(a) if t not in SOFT}


def stem(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key without parameter counts and serving words: ids that may differ only in those share a stem."""
    return tuple(t for t in key if t not in SOFT and not _sizes_only({t}))


def less_specific(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` is ``b`` without its parameter counts ("Llama 4 Scout" vs "... 17B 16E"; "Qwen3 Coder 480B" vs "...
    480B A35B"): one model when ``b`` is the only such id."""
    extra_a, extra_b = _diff(a, b)
    has_size_a = any(is_size_token(t) for t in a)
    return not extra_a and _sizes_only(extra_b) and (not has_size_a or "a" in extra_b)


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether route id key ``a`` and the key ``b`` of a display name can be one model."""
    extra_a, extra_b = _diff(a, b)
    if not extra_a and not extra_b:
        return True
    if (extra_a | extra_b) & PRODUCT_TOKENS:
        return False
    if less_specific(a, b) or less_specific(b, a):
        return True
    if any(is_size_token(t) for t in extra_a | extra_b):
        return False
    if not extra_a and all(t.isalpha() for t in extra_b):
        return True  # the id leaves out the family word: "k2p5" is "Kimi K2.5"
    snap_a = {t for t in extra_a if is_snapshot(t)}
    snap_b = {t for t in extra_b if is_snapshot(t)}
    # A dated id whose display name gives the version instead ("mistral-large-2512" is "Mistral Large 3").
    return bool(snap_a and not snap_b and extra_b and extra_a == snap_a and all(_version(t) for t in extra_b))


def _version(token: str) -> bool:
    return token.replace(".", "").isdigit()


def similar_price(a: float | None, b: float | None, ratio: float) -> bool:
    """Unknown prices do not object; known ones must be within ``ratio`` of each other."""
    return a is None or b is None or max(a, b) <= ratio * min(a, b)


def same_release(a: str | None, b: str | None) -> bool:
    """Release dates within ``SNAPSHOT_MAX_DAYS`` (unknown dates do not object; "YYYY-MM" is its first day)."""
    da, db = _day(a), _day(b)
    return da is None or db is None or abs((da - db).days) <= SNAPSHOT_MAX_DAYS


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None
