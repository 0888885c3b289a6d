"""Resolving a command argument to one model: exact spellings, keys, identity, generated forms, then fuzzy.

Deterministic before fuzzy, and never a model whose family, tier or version differs from what was typed (the
version guard); ambiguous -> candidates, unknown -> "not found" with suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from catalog.errors import AmbiguousModel, ModelNotFound
from catalog.matching.lenient import whole as whole_name
from catalog.matching.results import Resolved
from catalog.matching.rules import FUZZY_CUTOFF, TIER_WORDS, TYPO_MIN_ARGUMENT, bare, guard
from catalog.matching.spoken import spoken_numbers
from catalog.matching.squashed import squash
from catalog.matching.suggest import most_popular
from catalog.matching.text import key_of, lower_same_length, mask, span_tokens

if TYPE_CHECKING:
    from catalog.matching.index import MatchIndex

#: ``exact`` strength of a spelling that only one provider's display name gives.
HOST_LABEL = 3


def resolve_argument(index: MatchIndex, query: str) -> Resolved:
    """One model for a command argument, or ``AmbiguousModel`` / ``ModelNotFound`` with candidates.

    A ``-latest`` pointer answers only when "latest" is typed: "grok" or "claude opus" names a family, and the
    team picks a model from its candidates rather than whatever the pointer serves today."""
    resolved = _resolve(index, query)
    if resolved.model_id in index.lexicon.moving and "latest" not in query.lower():
        words = [w for w in index.name_keys.get(resolved.model_id, ()) if w != "latest"]
        family = set.intersection(*(index.postings.get(w, set()) for w in words)) if words else set()
        ranked = most_popular(index, family | {resolved.model_id}, 25)
        raise AmbiguousModel(query.strip(), [(i, index.entries[i].name) for i in ranked])
    return resolved


def _resolve(index: MatchIndex, query: str) -> Resolved:
    q = query.strip()
    if not q:
        raise ModelNotFound(query, _popular(index, 3))
    if (hits := index.exact.get(q.lower())) is not None:
        best = min(hits.values())
        strongest = {mid for mid, strength in hits.items() if strength == best}
        if len(strongest) == 1 or best < HOST_LABEL:  # hosts' labels that clash fall through to names
            return _one(index, q, strongest, "alias" if q.lower() not in index.entries else "exact")
    toks = index.glued.split(span_tokens(lower_same_length(bare(mask(q)))))
    words = [t.text for t in spoken_numbers(toks, index.brands, TIER_WORDS)]  # "gemini two point five flash"
    key = key_of(words)
    corrected = tuple(sorted({index._correct(w, TYPO_MIN_ARGUMENT) for w in key}))
    for candidate in (key, corrected):
        if candidate and (ids := index.keys.get(candidate) or index.chat_keys.get(candidate)):
            preferred = index.lexicon.lookup(candidate, set()) if len(ids) > 1 else None
            if preferred is not None and preferred[0] in ids:  # one pinned model among its pointers
                ids = {preferred[0]}
            return _one(index, q, ids, "normalised")
    if (mid := index.by_identity(q)) is not None:
        return Resolved(mid, index.entries[mid].name, "normalised", 98.0)
    if (mid := index.squashed.get(squash(bare(q)))) is not None:  # "Qwen330BA3B": every separator left out
        return Resolved(mid, index.entries[mid].name, "normalised", 96.0)
    if (mid := whole_name(index.lexicon, index.deletes, words)) is not None:
        return Resolved(mid, index.entries[mid].name, "normalised", 92.0)
    if (mid := _past_its_maker(index, words)) is not None:
        return Resolved(mid, index.entries[mid].name, "normalised", 90.0)
    wider = _supersets(index, corrected)
    if wider:
        if len(wider) == 1:
            (mid,) = wider
            return Resolved(mid, index.entries[mid].name, "normalised", 95.0)
        ranked = most_popular(index, wider, 25)
        raise AmbiguousModel(q, [(i, index.entries[i].name) for i in ranked[:25]])
    if (sized := _unit_left_out(index, words)) is not None:
        return Resolved(sized, index.entries[sized].name, "normalised", 90.0)
    return _fuzzy(index, q, corrected)


def _unit_left_out(index: MatchIndex, words: list[str]) -> str | None:
    """ "hermes 4 405": a parameter count written without its "b" after a versioned name, read as the size when
    exactly one model has it that way."""
    if (
        len(words) < 3
        or not (words[-1].isdigit() and len(words[-1]) <= 4)  # never int() a pasted run of digits
        or not 7 <= int(words[-1]) <= 2000
        or not any(w in index.brands for w in words)
    ):
        return None
    key = key_of([*words[:-1], f"{words[-1]}b"])
    ids = index.keys.get(key) or index.chat_keys.get(key)
    if ids is not None and len(ids) == 1:
        return next(iter(ids))
    return whole_name(index.lexicon, index.deletes, [*words[:-1], f"{words[-1]}b"])


def _past_its_maker(index: MatchIndex, words: list[str]) -> str | None:
    """ "anthracite magnum v4 72b", "thedrummer skyfall 36b": a maker's name the catalog does not hold, then a
    whole versioned name; the word is left out only when it is nothing the index knows and the rest names one
    model with a number in it."""
    first, rest = (words[0], words[1:]) if words else ("", [])
    unknown = first.isalpha() and len(first) >= 4 and first not in index.lexicon.vocab and first not in index.vocab
    if not unknown or len(rest) < 2 or not any(c.isdigit() for w in rest for c in w):
        return None
    if not any(w.isalpha() and w in index.lexicon.vocab and w not in TIER_WORDS for w in rest):
        return None  # "foobar-13b-chat": a size and a tier alone name no model
    return whole_name(index.lexicon, index.deletes, rest)


def _supersets(index: MatchIndex, key: tuple[str, ...]) -> set[str]:
    """Models whose name holds every typed word and adds no tier word ("codex spark" -> the one
    Codex Spark; "gemini 2.5" -> every Gemini 2.5 tier, for the caller to disambiguate)."""
    if not key or (len(key) < 2 and not any(w in index.brands or w[0].isdigit() for w in key)):
        return set()
    sets = [index.postings.get(w, set()) for w in key]
    found = set.intersection(*sets) if sets else set()
    if len(found) == 1:
        (mid,) = found
        adds_tier = any(w in TIER_WORDS and w not in key for w in index.name_keys[mid])
        return set() if adds_tier else found
    return found


def _one(index: MatchIndex, query: str, ids: set[str], how: str) -> Resolved:
    if len(ids) == 1:
        (mid,) = ids
        return Resolved(mid, index.entries[mid].name, how)
    ranked = most_popular(index, ids, 25)
    raise AmbiguousModel(query, [(i, index.entries[i].name) for i in ranked])


def _fuzzy(index: MatchIndex, query: str, key: tuple[str, ...]) -> Resolved:
    text = " ".join(key)
    choices = {i: index.fuzzy_keys[i] for i in index.fuzzy_grams.candidates(text)}
    hits = process.extract(text, choices, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=60, limit=12)
    families = {w for w in key if w in index.brands}  # "gemini 4 ultra" is never Imagen 4 Ultra
    guarded = [
        (index.fuzzy_ids[i], score)
        for _, score, i in hits
        if guard(key, index.fuzzy_keys[i]) and families <= set(index.fuzzy_keys[i].split())
    ]
    good = [(ids, s) for ids, s in guarded if s >= FUZZY_CUTOFF]
    if good:
        best_ids, best = good[0]
        rivals = {i for ids, s in good if best - s < 4 for i in ids}
        if len(rivals) == 1:
            return Resolved(best_ids[0], index.entries[best_ids[0]].name, "fuzzy", best)
        ranked = most_popular(index, rivals, 25)
        raise AmbiguousModel(query, [(i, index.entries[i].name) for i in ranked])
    suggestions = [index.entries[ids[0]].name for ids, _ in guarded[:3]] or [
        index.entries[index.fuzzy_ids[i][0]].name for _, _, i in hits[:3]
    ]
    raise ModelNotFound(query, list(dict.fromkeys(suggestions)))


def _popular(index: MatchIndex, n: int) -> list[str]:
    return [index.entries[i].name for i in index.popular[:n]]
