"""The second chat pass: generated forms (``lexicon``), one-edit typos on every word, and context.

Runs over the words the strict pass left unused. A typo is corrected only when the corrected run is a known
form, so ordinary words never turn into model names; a run followed by a word that is one edit from a tier
word ("flsh") answers nothing rather than the model without that tier. Forms that are not specific alone (a
family dropped, a name without a number) need context: the model's vendor named nearby, the message talking
about models, or another model named in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from itertools import product

from rapidfuzz.distance import OSA

from catalog.identity.keys import is_size_token
from catalog.matching.lexicon import EXACT, SHORT, Lexicon, specific
from catalog.matching.rules import MAX_NGRAM, STOPWORDS, TIER_WORDS, capitalised_mid_sentence
from catalog.matching.text import Tok, joined, key_of

#: Tokens either side of a name in which a vendor word counts as naming that name's vendor.
VENDOR_WINDOW = 4
MAX_CORRECTIONS = 3


@dataclass(frozen=True, slots=True)
class Hit:
    """A run of tokens ``[start, stop)`` that names ``model_id``; ``exact`` when no word was corrected."""

    start: int
    stop: int
    model_id: str
    exact: bool


def corrections(word: str, deletes: Mapping[str, Set[str]]) -> list[str]:
    """Known words one edit from ``word``. Short words only by a dropped or swapped letter ("lte", "gml")."""
    if not word.isalpha() or len(word) < 3:
        return []
    found: set[str] = set(deletes.get(word, ()))
    for i in range(len(word)):
        found |= deletes.get(word[:i] + word[i + 1 :], set())
    out = []
    for cand in sorted(found):
        if cand == word or OSA.distance(word, cand) != 1:
            continue
        if len(word) <= 4 and len(cand) == len(word) and sorted(cand) != sorted(word):
            continue  # a changed letter in a short word is another word ("last" is not "fast")
        out.append(cand)
    return out[:MAX_CORRECTIONS]


def scan(
    lex: Lexicon,
    strict: Set[tuple[str, ...]],
    deletes: Mapping[str, Set[str]],
    original: str,
    masked: str,
    toks: list[Tok],
    words: list[str],
    used: list[bool],
    context: bool,
) -> list[Hit]:
    """Mentions among the unused tokens; ``context`` when the message talks about models or names one."""
    n = len(toks)
    options = [_options(w, lex, deletes) for w in words]
    vendor_at = [lex.vendor_words.get(w) for w in words]
    hits: list[Hit] = []
    i = 0
    while i < n:
        if used[i] or not options[i] or words[i] in STOPWORDS:
            i += 1
            continue
        end = i + 1
        while end < n and end - i < MAX_NGRAM and not used[end] and options[end]:
            if not joined(masked, toks[end - 1], toks[end]):
                break
            end += 1
        hit = _longest(lex, strict, original, toks, words, options, i, end, vendor_at, context)
        if hit is None:
            i += 1
            continue
        after = hit.stop < n and joined(masked, toks[hit.stop - 1], toks[hit.stop])
        if after and (_tier_typo(words[hit.stop], options[hit.stop]) or words[hit.stop][0].isdigit()):
            i = hit.stop + 1  # "gemini 2.5 flsh", "sonnet 5.9": not the model without that tier or version
            continue
        before = hit.start > 0 and joined(masked, toks[hit.start - 1], toks[hit.start])
        vendor_before = vendor_at[hit.start - 1] if before else None
        if vendor_before and lex.vendor_of.get(hit.model_id) != vendor_before:
            i = hit.stop  # "phi-3.5-mini" is not another vendor's "3.5 mini"
            continue
        hits.append(hit)
        i = hit.stop
    return hits


def _options(word: str, lex: Lexicon, deletes: Mapping[str, Set[str]]) -> list[str]:
    if word in lex.vocab:
        return [word]
    return corrections(word, deletes)


def _tier_typo(word: str, options: list[str]) -> bool:
    return bool(options) and options[0] != word and any(o in TIER_WORDS for o in options)


def _runs(options: list[list[str]], words: list[str]) -> Iterator[tuple[list[str], bool]]:
    for combo in product(*options):
        yield list(combo), list(combo) == words


def _longest(
    lex: Lexicon,
    strict: Set[tuple[str, ...]],
    original: str,
    toks: list[Tok],
    words: list[str],
    options: list[list[str]],
    start: int,
    end: int,
    vendor_at: list[str | None],
    context: bool,
) -> Hit | None:
    for stop in range(end, start, -1):
        around = vendor_at[max(0, start - VENDOR_WINDOW) : start] + vendor_at[stop : stop + VENDOR_WINDOW]
        vendors = {v for v in around if v}
        for run, exact in _runs(options[start:stop], words[start:stop]):
            key = key_of(run)
            if exact and key in strict:
                continue  # the strict pass knew this key and said no
            found = lex.lookup(key, vendors)
            if found is None:
                continue
            mid, level = found
            if not exact and (level == SHORT or (len(key) < 2 and len(run[0]) < 6)):
                continue  # a corrected word needs the family named, or to be long, to be trusted
            if _fires(key, level, lex.vendor_of.get(mid) in vendors, context, original, toks[start:stop]):
                return Hit(start, stop, mid, exact)
    return None


def _fires(key: tuple[str, ...], level: int, near_vendor: bool, context: bool, original: str, toks: list[Tok]) -> bool:
    """Whether a form counts here: specific enough alone, or backed by its vendor or the message's context."""
    if level == SHORT:  # the family left out: a lettered version ("v3.1", "k2") and its vendor or model talk
        lettered = any(any(c.isalpha() for c in w) and not is_size_token(w) for w in key)
        return lettered and (near_vendor or (context and len(key) >= 2))
    if len(key) == 1:
        return specific(key, EXACT) and (near_vendor or context)
    if any(c.isdigit() for w in key for c in w):
        return specific(key, level) or near_vendor or context
    if context or near_vendor:
        return True
    capital = any(capitalised_mid_sentence(original, t) for t in toks)
    return capital and not any(w in STOPWORDS or len(w) == 1 for w in key)
