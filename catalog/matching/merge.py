"""How the chat passes' names combine: the strict pass's, the second (lenient) pass's, and squashed runs.

A longer name that holds a shorter one wins only when it extends it in a way the shorter one cannot mean
otherwise; a name that crosses another's edge never replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping

from catalog.matching.lenient import Hit
from catalog.matching.lexicon import Lexicon
from catalog.matching.results import Entry, Mention
from catalog.matching.text import Tok

Found = list[tuple[int, int, Mention]]


def merged(
    strict: Found,
    hits: list[Hit],
    toks: list[Tok],
    original: str,
    words: list[str],
    entries: Mapping[str, Entry],
    lexicon: Lexicon,
) -> Found:
    """Strict mentions, each replaced by a longer second-pass name that holds it (``extends``: "qwen coder" in
    "qwen coder 480b"), plus second-pass names where the strict pass found nothing."""
    out = list(strict)
    for hit in hits:
        overlap = [k for k, (a, b, _) in enumerate(out) if a < hit.stop and hit.start < b]
        if overlap and not all(extends(hit, out[k][0], out[k][1], words, lexicon) for k in overlap):
            continue
        if overlap and max(out[k][1] - out[k][0] for k in overlap) >= hit.stop - hit.start:
            continue
        s, e = toks[hit.start].start, toks[hit.stop - 1].end
        name = entries[hit.model_id].name
        mention = Mention(s, e, original[s:e], hit.model_id, name, 95.0 if hit.exact else 85.0)
        out = [x for k, x in enumerate(out) if k not in overlap] + [(hit.start, hit.stop, mention)]
    return out


def extends(hit: Hit, start: int, stop: int, words: list[str], lexicon: Lexicon) -> bool:
    """A second-pass name replaces a strict one it holds when it goes on to the right, or to the left only by
    its own family word ("phi" + "3.5 mini"; "I think" + "opus 4.6" stays Opus 4.6)."""
    if not (hit.start <= start and stop <= hit.stop):
        return False
    vendor = lexicon.vendor_of.get(hit.model_id)
    return all(lexicon.vendor_words.get(w) == vendor for w in words[hit.start : start])
