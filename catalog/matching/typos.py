"""One-edit typos: the test the matcher trusts, the deletion index behind its candidates, and a finger's slips.

Kept apart from ``lexicon`` (which claims the forms) because both passes and the argument resolver use them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz.distance import OSA

#: Words a memo judges before it is emptied (hostile chat cannot grow it without bound).
MAX_REMEMBERED = 20_000


def one_edit(typed: str, known: str) -> bool:
    """One letter added, dropped, changed or two swapped; in words of four letters or fewer a changed letter
    makes another word ("last" is not "fast"), so only the others count there."""
    if typed == known or OSA.distance(typed, known) != 1:
        return False
    return len(typed) > 4 or len(known) != len(typed) or sorted(known) == sorted(typed)


def known_words(vocab: Iterable[str]) -> dict[str, set[str]]:
    """Symmetric-deletion index over the lexicon's alphabetic words, for one-edit typo candidates."""
    out: dict[str, set[str]] = defaultdict(set)
    for word in vocab:
        if word.isalpha() and len(word) >= 3:
            out[word].add(word)
            for i in range(len(word)):
                out[word[:i] + word[i + 1 :]].add(word)
    return out


def slips(word: str) -> set[str]:
    """The slips of a finger on ``word``: one letter dropped, doubled, or swapped with the next."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return out - {word}


def any_judged(words: set[str], yes: set[str], no: set[str], test: Callable[[str], bool]) -> bool:
    """Whether ``test`` holds for any of ``words``: set differences against the words already judged, so chat
    that repeats its words costs no Python loop; both memories are emptied when full."""
    fresh = words - no - yes
    if fresh:
        if len(no) + len(yes) >= MAX_REMEMBERED:
            no.clear()
            yes.clear()
        for word in fresh:
            (yes if test(word) else no).add(word)
    return not words.isdisjoint(yes)
