"""Character-trigram candidates for the fuzzy fallbacks: score a few hundred names, never every name.

rapidfuzz over every key is linear in the catalog (about 1 ms for 20,000 keys, 17 ms at 16x). A name within a
typo or two of the query shares most of its trigrams, so counting shared trigrams over the query's rarest
ones and scoring only the best-counted candidates keeps the fallback bounded as the catalog grows.
"""

from __future__ import annotations

from collections import Counter, defaultdict

#: Rarest query trigrams counted, longest posting list read, and candidates handed to rapidfuzz.
RAREST = 6
MAX_POSTING = 600
CANDIDATES = 256


def trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class GramIndex:
    """Trigram -> positions of the strings that hold it."""

    def __init__(self, strings: list[str]):
        self.strings = strings
        postings: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(strings):
            for gram in trigrams(s):
                postings[gram].append(i)
        self.postings = dict(postings)

    def candidates(self, query: str, limit: int = CANDIDATES) -> list[int]:
        """Positions of the strings sharing the most of the query's rarest trigrams (at most ``limit``)."""
        lists = sorted((p for g in trigrams(query) if (p := self.postings.get(g))), key=len)
        counts: Counter[int] = Counter()
        for posting in lists[:RAREST]:
            if len(posting) > MAX_POSTING and counts:
                break
            counts.update(posting[:MAX_POSTING])  # counted in C
        if len(counts) <= limit:
            return list(counts)
        return [i for i, _ in counts.most_common(limit)]
