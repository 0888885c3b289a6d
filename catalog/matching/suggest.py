"""Autocomplete: ranked names for what has been typed so far, from the index in memory."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Collection
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
    if not words:  # the empty value Discord sends on focus: the most widely served, ranked once at build
        return [(_clip(self.entries[i].name), i) for i in self.popular[:limit]]
    norm = " ".join(words)
    lo = bisect.bisect_left(self.prefixes, (norm, ""))
    spelled_hits = set()
    for spelled, mid in self.prefixes[lo : lo + 400]:  # typing a name from its start
        if not spelled.startswith(norm):
            break
        spelled_hits.add(mid)
    ranked = most_popular(self, spelled_hits, limit)
    if len(ranked) < limit:  # the words in any order, the last one still being typed
        more = _token_prefix(self, words) - spelled_hits
        ranked += most_popular(self, more, limit - len(ranked))
    if not ranked:  # nothing fits: closest display names (typos beyond one edit), among trigram candidates
        choices = {i: self.display_keys[i] for i in self.display_grams.candidates(norm)}
        hits = process.extract(norm, choices, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=60)
        ranked = [self.display_ids[i] for _, _, i in hits]
    return [(_clip(self.entries[i].name), i) for i in ranked[:limit]]


def _token_prefix(self: MatchIndex, words: list[str]) -> set[str]:
    """Models whose name holds every complete word typed and a word starting with the last one."""
    *complete, last = words
    postings = []
    for w in complete:
        posting = self.postings.get(w)
        if not posting:
            return set()
        postings.append(posting)
    found = set.intersection(*sorted(postings, key=len)) if postings else None
    lo = bisect.bisect_left(self.sorted_words, last)
    tails = []
    for w in self.sorted_words[lo : lo + 60]:
        if not w.startswith(last):
            break
        tails.append(self.postings[w])
    if found is None:
        return set().union(*tails)
    if len(found) < sum(len(t) for t in tails):  # cheaper to test the few models already found
        return {mid for mid in found if any(w.startswith(last) for w in self.name_keys[mid])}
    return found & set().union(*tails)


#: How far down the popularity order ``most_popular`` walks before it sorts the set instead.
WALK = 1500


def most_popular(index: MatchIndex, ids: Collection[str], n: int) -> list[str]:
    """The ``n`` most widely served of ``ids``: a walk down the popularity order when ``ids`` is large (a family
    of thousands at 16x the catalog), a heap when it is small."""
    if n <= 0:
        return []
    if len(ids) > 8 * n:  # most of a big set's best are near the top: walk a bounded stretch of it
        out = []
        for mid in index.popular[:WALK]:
            if mid in ids:
                out.append(mid)
                if len(out) == n:
                    return out
    return heapq.nsmallest(n, ids, key=index.rank.__getitem__)


def popularity(e: Entry) -> tuple[int, int, str]:
    """Most widely served first, then the shorter name."""
    return (-e.routes, len(e.name), e.name)


def _clip(name: str) -> str:
    return name if len(name) <= 100 else name[:99] + "…"
