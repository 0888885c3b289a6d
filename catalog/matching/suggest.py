"""Autocomplete: ranked names for what has been typed so far, from the index in memory."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from catalog.matching.results import Entry
from catalog.matching.rules import bare
from catalog.matching.text import lower_same_length, span_tokens

if TYPE_CHECKING:
    from catalog.matching.index import MatchIndex


def suggest_names(self: MatchIndex, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
    """Up to ``limit`` (≤ 25) ranked (name, model id) choices for autocomplete, from memory."""
    limit = min(limit, 25)
    words = [self._correct(t.text) for t in span_tokens(lower_same_length(bare(prefix)))]
    if not words:
        return [(_clip(e.name), e.id) for e in sorted(self.entries.values(), key=popularity)[:limit]]
    norm = " ".join(words)
    lo = bisect.bisect_left(self.prefixes, (norm, ""))
    spelled_hits = set()
    for spelled, mid in self.prefixes[lo : lo + 400]:  # typing a name from its start
        if not spelled.startswith(norm):
            break
        spelled_hits.add(mid)
    ranked = sorted(spelled_hits, key=lambda i: popularity(self.entries[i]))
    if len(ranked) < limit:  # the words in any order, the last one still being typed
        more = _token_prefix(self, words) - spelled_hits
        ranked += sorted(more, key=lambda i: popularity(self.entries[i]))
    if not ranked:  # nothing fits: closest display names (typos beyond one edit)
        hits = process.extract(norm, self.display_keys, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=60)
        ranked = [self.display_ids[i] for _, _, i in hits]
    return [(_clip(self.entries[i].name), i) for i in ranked[:limit]]


def _token_prefix(self: MatchIndex, words: list[str]) -> set[str]:
    """Models whose name holds every complete word typed and a word starting with the last one."""
    *complete, last = words
    found: set[str] | None = None
    for w in complete:
        posting = self.postings.get(w)
        if not posting:
            return set()
        found = set(posting) if found is None else found & posting
    lo = bisect.bisect_left(self.sorted_words, last)
    tail: set[str] = set()
    for w in self.sorted_words[lo : lo + 60]:
        if not w.startswith(last):
            break
        tail |= self.postings[w]
    return tail if found is None else found & tail


def popularity(e: Entry) -> tuple[int, int, str]:
    """Most widely served first, then the shorter name."""
    return (-e.routes, len(e.name), e.name)


def _clip(name: str) -> str:
    return name if len(name) <= 100 else name[:99] + "…"
