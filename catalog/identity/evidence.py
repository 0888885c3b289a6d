"""The rules that say two route ids (or an id and a display name) may name one model.

Pure functions over identity keys, prices and release dates; ``cluster`` applies them in order of strength.
"""

from __future__ import annotations

import re
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
#: Among several dated snapshots, the one an undated id serves must match its price this closely.
SNAPSHOT_CLOSE_RATIO = 1.1
SIZE_PRICE_RATIO = 4.0
#: An undated id and a dated snapshot released further apart than this are different releases.
SNAPSHOT_MAX_DAYS = 45


_PARAMS = re.compile(r"^\d+(?:\.\d+)?[bmt]$")
_EXPERTS = re.compile(r"^\d+e$")


def is_params(token: str) -> bool:
    """A parameter count ("70b", "1t"), not a context size ("16k")."""
    return bool(_PARAMS.match(token))


def _sizes_only(extra: set[str]) -> bool:
    return bool(extra) and all(is_params(t) or t == "a" or _EXPERTS.match(t) for t in extra)


def _diff(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """Tokens only ``a`` has and only ``b`` has. Serving words count only where no parameter count is given
    ("GPT-3.5 Turbo Instruct" is a product; "Llama 3.3 70B Instruct" is the 70B model); a "preview" of a
    snapshot both name is that snapshot."""
    sized = any(is_params(t) for t in (*a, *b))
    shared_snapshot = any(is_snapshot(t) for t in set(a) & set(b))
    ignore = (SOFT if sized else frozenset()) | ({"preview"} if shared_snapshot else frozenset())
    return {t for t in set(a) - set(b) if t not in ignore}, {t for t in set(b) - set(a) if t not in ignore}


def generations_differ(keys: set[tuple[str, ...]]) -> bool:
    """Ids that name different snapshots or parameter counts are different generations (two "Ministral 3B"s)."""
    snaps = {s for k in keys if (s := tuple(sorted(t for t in k if is_snapshot(t))))}
    sizes = {s for k in keys if (s := tuple(sorted(t for t in k if is_params(t))))}
    return len(snaps) > 1 or len(sizes) > 1


def stem(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key without parameter counts and serving words: ids that may differ only in those share a stem."""
    return tuple(t for t in key if t not in SOFT and not _sizes_only({t}))


def less_specific(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` is ``b`` without its parameter counts ("Llama 4 Scout" vs "... 17B 16E"; "Qwen3 Coder 480B" vs "...
    480B A35B"): one model when ``b`` is the only such id."""
    extra_a, extra_b = _diff(a, b)
    if extra_a or not _sizes_only(extra_b):
        return False
    has_params_a = any(is_params(t) for t in a)
    return not has_params_a or "a" in extra_b or all(_EXPERTS.match(t) for t in extra_b)


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
    if (not extra_a and all(t.isalpha() for t in extra_b)) or (not extra_b and all(t.isalpha() for t in extra_a)):
        return True  # one side leaves out a family or host word: "k2p5" is "Kimi K2.5"
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
