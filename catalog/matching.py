"""Finding models in what people type: ``resolve`` (command arguments), ``mentions`` (free chat) and
``suggest`` (autocomplete). Pure and synchronous; one in-memory index built once at start-up.

Deterministic before fuzzy: exact id -> alias -> normalised key -> rapidfuzz, and never a model whose
family, tier or version differs from what was typed (the version guard).
"""

from __future__ import annotations

import bisect
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from catalog.errors import AmbiguousModel, ModelNotFound
from catalog.identity import VENDOR_TOKENS, is_size_token
from catalog.models import Model
from catalog.text import Tok, joined, key_of, lower_same_length, mask, span_tokens

#: Words that, alone or with a version, name a tier rather than a model family.
TIER_WORDS = frozenset(
    {
        "mini", "nano", "micro", "pro", "max", "plus", "lite", "flash", "turbo", "fast", "thinking",
        "reasoning", "preview", "exp", "instant", "air", "ultra", "large", "medium", "small", "tiny",
        "opus", "sonnet", "haiku", "codex", "spark", "coder", "vl", "vision", "omni", "chat", "base",
        "high", "low", "nemo", "scout", "maverick", "search", "audio", "realtime", "image", "tts",
    }
)  # fmt: skip
#: Family names that are also ordinary English words: reported as a family hint only when capitalised.
ENGLISH_FAMILIES = frozenset(
    {"gemini", "mistral", "opus", "sonnet", "haiku", "flash", "command", "nova", "sonar", "phi", "jamba",
     "aurora", "spark", "ring", "ling", "seed", "hermes", "titan", "arcee", "lucid", "runway", "auto"}
)  # fmt: skip
#: Family names that are everyday words: with a bare integer they are ordinary chat ("step 3").
WEAK_FAMILIES = frozenset(
    {"step", "ring", "seed", "nova", "command", "sonar", "auto", "lucid", "morph", "runway", "titan", "aura",
     "mercury", "liquid", "solar", "venice", "stable", "hermes", "trinity", "north", "ray", "smart", "big",
     "text", "model", "alpha", "phase", "sprint", "release", "version", "api"}
)  # fmt: skip
_STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "is", "it", "we", "i", "you", "my", "by"}
)
#: models.dev family ids that are generic words, not names anyone uses for a model family.
_GENERIC_FAMILIES = frozenset({"model", "text", "big", "smart", "alpha", "auto", "mm", "hy", "north", "ray"})
_MAX_NGRAM = 7
#: Shorter words are too close to ordinary ones ("last" is one edit from "fast").
_TYPO_MIN = 5
_MAX_SCAN_CHARS = 4000
_FUZZY_CUTOFF = 82.0


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index keeps per model: enough to answer without touching the database."""

    id: str
    name: str
    routes: int
    brand: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """One model named in a message, with its span in the original text."""

    start: int
    end: int
    text: str
    model_id: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Mentions:
    """Every model a message names, plus family names mentioned without a specific model."""

    mentions: tuple[Mention, ...] = ()
    families: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """A query resolved to one model, and how."""

    model_id: str
    name: str
    how: str
    """exact | alias | normalised | fuzzy"""
    score: float = 100.0


@dataclass(slots=True)
class MatchIndex:
    """The in-memory index behind resolve, mentions and suggest."""

    entries: dict[str, Entry]
    exact: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    chat_keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    vocab: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)
    brands: set[str] = field(default_factory=set)
    typos: dict[str, str] = field(default_factory=dict)
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_ids: list[tuple[str, ...]] = field(default_factory=list)
    prefixes: list[tuple[str, str]] = field(default_factory=list)
    """(normalised spelling, model id), sorted, for autocomplete by prefix."""
    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Word -> models whose display name contains it."""
    name_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _rank: dict[tuple[str, ...], int] = field(default_factory=dict)
    _chat_rank: dict[tuple[str, ...], int] = field(default_factory=dict)

    # -- building ------------------------------------------------------------------------------------

    @classmethod
    def build(cls, models: Iterable[Model]) -> MatchIndex:
        """Index every model's name, id and aliases."""
        models = list(models)
        index = cls(entries={})
        brand_counts: dict[str, int] = defaultdict(int)
        for m in models:
            words = [t.text for t in span_tokens(lower_same_length(_bare(m.name)))]
            brand = next((w for w in _strip_vendors(words) if w.isalpha() and w not in TIER_WORDS), None)
            if brand:
                brand_counts[brand] += 1
            index.entries[m.id] = Entry(m.id, m.name, len(m.routes), brand)
        families = {m.family.split("-", 1)[0].lower() for m in models if m.family}
        index.brands = {b for b in brand_counts if b in families and b not in _GENERIC_FAMILIES}
        for m in models:
            index._add(m)
        index._finish()
        return index

    def _add(self, m: Model) -> None:
        entry = self.entries[m.id]
        spellings = {r.spelling for r in m.routes} | {a for a in m.aliases if not _looks_like_id(a)}
        ranked = [(m.name, 0), *((s, 1) for s in spellings), *((a, 2) for a in (m.id, *m.aliases))]
        for spelling, rank in ranked:
            self.exact[spelling.strip().lower()].add(m.id)
            words = [t.text for t in span_tokens(lower_same_length(_bare(spelling)))]
            key = key_of(words)
            if not key:
                continue
            _claim(self.keys, self._rank, key, m.id, rank)
            if rank == 0:
                self.name_keys[m.id] = key
                for w in key:
                    self.postings[w].add(m.id)
            if rank <= 1 and _chat_worthy(key, words, rank):
                _claim(self.chat_keys, self._chat_rank, key, m.id, rank)
                self.vocab.update(key)
                self.anchors.update(w for w in key if w in self.brands or any(c.isdigit() for c in w))
                # "sonnet 4.5" for "Claude Sonnet 4.5": the family word may be left out in chat
                if entry.brand and entry.brand in key:
                    short = tuple(w for w in key if w != entry.brand)
                    if _distinctive_without_brand(short):
                        _claim(self.chat_keys, self._chat_rank, short, m.id, rank + 3)
                        self.anchors.update(w for w in short if w in TIER_WORDS)
            if rank < 2:
                self.prefixes.append((" ".join(words), m.id))

    def _finish(self) -> None:
        by_text: dict[str, set[str]] = defaultdict(set)
        for key, ids in self.keys.items():
            by_text[" ".join(key)].update(ids)
        self.fuzzy_keys = list(by_text)
        self.fuzzy_ids = [tuple(sorted(by_text[k])) for k in self.fuzzy_keys]
        self.prefixes = sorted(set(self.prefixes))
        for word in self.vocab:
            if word.isalpha() and len(word) >= _TYPO_MIN:
                for variant in _deletions(word):
                    self.typos.setdefault(variant, word)
        for word in self.vocab:  # a real word never "corrects" to another
            self.typos.pop(word, None)

    def memory_bytes(self) -> int:
        """Approximate size of the index's containers (shallow sizes of every element)."""
        total = 0
        for obj in (self.exact, self.keys, self.chat_keys, self.typos, self.entries):
            total += sys.getsizeof(obj)
            for k, v in obj.items():
                total += sys.getsizeof(k) + sys.getsizeof(v)
        for seq in (self.fuzzy_keys, self.fuzzy_ids, self.prefixes):
            total += sys.getsizeof(seq) + sum(sys.getsizeof(x) for x in seq)
        return total

    # -- resolve ---------------------------------------------------------------------------------------

    def resolve(self, query: str) -> Resolved:
        """One model for a command argument, or ``AmbiguousModel`` / ``ModelNotFound`` with candidates."""
        q = query.strip()
        if not q:
            raise ModelNotFound(query, self._popular(3))
        if (ids := self.exact.get(q.lower())) is not None:
            return self._one(q, ids, "alias" if q.lower() not in self.entries else "exact")
        words = [t.text for t in span_tokens(lower_same_length(_bare(mask(q))))]
        key = key_of(words)
        corrected = tuple(sorted({self._correct(w) for w in key}))
        for candidate in (key, corrected):
            if candidate and (ids := self.keys.get(candidate) or self.chat_keys.get(candidate)):
                return self._one(q, ids, "normalised")
        wider = self._supersets(corrected)
        if wider:
            if len(wider) == 1:
                (mid,) = wider
                return Resolved(mid, self.entries[mid].name, "normalised", 95.0)
            ranked = sorted(wider, key=lambda i: _popularity(self.entries[i]))
            raise AmbiguousModel(q, [(i, self.entries[i].name) for i in ranked[:25]])
        return self._fuzzy(q, corrected)

    def _supersets(self, key: tuple[str, ...]) -> set[str]:
        """Models whose name holds every typed word and adds no tier word ("codex spark" -> the one
        Codex Spark; "gemini 2.5" -> every Gemini 2.5 tier, for the caller to disambiguate)."""
        if not key or not any(w in self.brands or w[0].isdigit() for w in key):
            return set()
        sets = [self.postings.get(w, set()) for w in key]
        found = set.intersection(*sets) if sets else set()
        if len(found) == 1:
            (mid,) = found
            adds_tier = any(w in TIER_WORDS and w not in key for w in self.name_keys[mid])
            return set() if adds_tier else found
        return found

    def _one(self, query: str, ids: set[str], how: str) -> Resolved:
        if len(ids) == 1:
            (mid,) = ids
            return Resolved(mid, self.entries[mid].name, how)
        ranked = sorted(ids, key=lambda i: (-self.entries[i].routes, self.entries[i].name))
        raise AmbiguousModel(query, [(i, self.entries[i].name) for i in ranked[:25]])

    def _fuzzy(self, query: str, key: tuple[str, ...]) -> Resolved:
        text = " ".join(key)
        hits = process.extract(
            text,
            self.fuzzy_keys,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            score_cutoff=60,
            limit=12,
        )
        guarded = [(self.fuzzy_ids[i], score) for _, score, i in hits if _guard(key, self.fuzzy_keys[i])]
        good = [(ids, s) for ids, s in guarded if s >= _FUZZY_CUTOFF]
        if good:
            best_ids, best = good[0]
            rivals = {i for ids, s in good if best - s < 4 for i in ids}
            if len(rivals) == 1:
                return Resolved(best_ids[0], self.entries[best_ids[0]].name, "fuzzy", best)
            ranked = sorted(rivals, key=lambda i: (-self.entries[i].routes, self.entries[i].name))
            raise AmbiguousModel(query, [(i, self.entries[i].name) for i in ranked[:25]])
        suggestions = [self.entries[ids[0]].name for ids, _ in guarded[:3]] or [
            self.entries[self.fuzzy_ids[i][0]].name for _, _, i in hits[:3]
        ]
        raise ModelNotFound(query, list(dict.fromkeys(suggestions)))

    def _popular(self, n: int) -> list[str]:
        ranked = sorted(self.entries.values(), key=lambda e: (-e.routes, e.name))
        return [e.name for e in ranked[:n]]

    def _correct(self, word: str) -> str:
        """A one-edit typo of a known word ("sonet" -> "sonnet"); other words pass unchanged."""
        if word in self.vocab or len(word) < _TYPO_MIN or not word.isalpha():
            return word
        if word in self.typos:
            return self.typos[word]
        for variant in _deletions(word):
            if variant in self.vocab and len(variant) >= _TYPO_MIN:
                return variant
            if variant in self.typos:
                return self.typos[variant]
        return word

    # -- mentions ------------------------------------------------------------------------------------

    def mentions(self, text: str) -> Mentions:
        """Every specific model a chat message names, with spans; family names alone become hints."""
        original = text[:_MAX_SCAN_CHARS]
        masked = mask(lower_same_length(original))
        toks = span_tokens(masked)
        if not toks:
            return Mentions()
        words = [self._correct(t.text) if t.text not in self.vocab else t.text for t in toks]
        found: list[Mention] = []
        used = [False] * len(toks)
        i = 0
        while i < len(toks):
            if words[i] not in self.vocab:
                i += 1
                continue
            end = i + 1
            while end < len(toks) and end - i < _MAX_NGRAM and words[end] in self.vocab:
                if not joined(masked, toks[end - 1], toks[end]):
                    break
                end += 1
            match = self._longest(words, toks, i, end, original)
            if match is None:
                i += 1
                continue
            mention, stop = match
            found.append(mention)
            for j in range(i, stop):
                used[j] = True
            i = stop
        families = self._families(original, toks, words, used)
        return Mentions(tuple(found), families)

    def _longest(
        self, words: list[str], toks: list[Tok], start: int, end: int, original: str
    ) -> tuple[Mention, int] | None:
        if not any(w in self.anchors for w in words[start:end]):
            return None
        for stop in range(end, start, -1):
            run = words[start:stop]
            key = key_of(run)
            ids = self.chat_keys.get(key)
            if not ids or len(ids) != 1:
                continue
            (mid,) = ids
            exact = [t.text for t in toks[start:stop]] == run
            s, e = toks[start].start, toks[stop - 1].end
            return Mention(s, e, original[s:e], mid, self.entries[mid].name, 100.0 if exact else 90.0), stop
        return None

    def _families(
        self, original: str, toks: list[Tok], words: list[str], used: list[bool]
    ) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for j, (tok, word) in enumerate(zip(toks, words, strict=True)):
            if used[j] or word not in self.brands:
                continue
            if word in ENGLISH_FAMILIES and not _capitalised_mid_sentence(original, tok):
                continue
            out[word] = None
        return tuple(out)

    # -- suggest ---------------------------------------------------------------------------------------

    def suggest(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """Up to ``limit`` (≤ 25) ranked (name, model id) choices for autocomplete, from memory."""
        limit = min(limit, 25)
        words = [self._correct(t.text) for t in span_tokens(lower_same_length(_bare(prefix)))]
        if not words:
            return [(_clip(e.name), e.id) for e in sorted(self.entries.values(), key=_popularity)[:limit]]
        norm = " ".join(words)
        lo = bisect.bisect_left(self.prefixes, (norm, ""))
        hits: dict[str, None] = {}
        for spelled, mid in self.prefixes[lo : lo + 400]:
            if not spelled.startswith(norm):
                break
            hits[mid] = None
        ranked = sorted(hits, key=lambda i: _popularity(self.entries[i]))
        if len(ranked) < limit:
            extra = process.extract(
                norm, self.fuzzy_keys, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit,
                score_cutoff=70,
            )  # fmt: skip
            for _, _, i in extra:
                for mid in self.fuzzy_ids[i]:
                    if mid not in hits and _guard(tuple(words), self.fuzzy_keys[i], partial=True):
                        hits[mid] = None
                        ranked.append(mid)
        return [(_clip(self.entries[i].name), i) for i in ranked[:limit]]


def _popularity(e: Entry) -> tuple[int, int, str]:
    return (-e.routes, len(e.name), e.name)


def _clip(name: str) -> str:
    return name if len(name) <= 100 else name[:99] + "…"


def _bare(spelling: str) -> str:
    """Drop "Vendor: " prefixes and path prefixes ("qwen/", "accounts/fireworks/models/")."""
    s = spelling
    if ": " in s[:42]:
        s = s.split(": ", 1)[1]
    return s.rsplit("/", 1)[-1]


def _strip_vendors(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i] in VENDOR_TOKENS:
        i += 1
    return words[i:]


def _claim(
    table: dict[tuple[str, ...], set[str]], ranks: dict[tuple[str, ...], int], key: tuple[str, ...], mid: str, rank: int
) -> None:
    """Record ``key -> mid``; a display name outranks a provider spelling, which outranks an id alias."""
    best = ranks.get(key)
    if best is None or rank < best:
        ranks[key] = rank
        table[key] = {mid}
    elif rank == best:
        table[key].add(mid)


def _looks_like_id(alias: str) -> bool:
    return "/" in alias or (alias == alias.lower() and " " not in alias and "-" in alias)


def _chat_worthy(key: tuple[str, ...], words: list[str], rank: int) -> bool:
    """Keys that may fire in free chat: specific enough that ordinary sentences do not contain them.

    A key needs a number ("gpt 4o", "qwen 2 7b") or, without one, at least two words none of which is a
    stopword ("mistral large"). A single word fires only when it is the model's own name ("o3"), and a
    family that is an everyday word needs more than a bare integer ("step 3" is a runbook, "step 3.5
    flash" a model). "latest" aliases move, so they never fire.
    """
    if "latest" in words or not any(w.isalpha() or w[0].isalpha() for w in key):
        return False
    if len(key) == 1:
        return rank == 0 and any(c.isdigit() for c in key[0]) and key[0][0].isalpha()
    if any(c.isdigit() for w in key for c in w):
        weak = any(w in WEAK_FAMILIES for w in key)
        return not weak or len(key) >= 3 or any("." in w or is_size_token(w) for w in key)
    return len(key) >= 2 and not any(w in _STOPWORDS for w in key)


def _distinctive_without_brand(short: tuple[str, ...]) -> bool:
    """"sonnet 4.5" is specific; "4.5" or "pro" alone is not."""
    has_version = any(w[0].isdigit() for w in short)
    has_tier = any(w in TIER_WORDS for w in short)
    return len(short) >= 2 and has_version and has_tier


def _guard(query: tuple[str, ...], candidate: str, partial: bool = False) -> bool:
    """Version guard: numbers and tier words typed must all be in the candidate (and, unless partial,
    the candidate may add no number or tier word the query lacks)."""
    cand = set(candidate.split())
    q_nums = {w for w in query if any(c.isdigit() for c in w)}
    c_nums = {w for w in cand if any(c.isdigit() for c in w)}
    q_tiers = {w for w in query if w in TIER_WORDS}
    c_tiers = {w for w in cand if w in TIER_WORDS}
    if partial:
        return all(any(c.startswith(n) for c in c_nums) for n in q_nums) and q_tiers <= c_tiers
    return q_nums == c_nums and q_tiers == c_tiers


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _capitalised_mid_sentence(original: str, tok: Tok) -> bool:
    if not original[tok.start : tok.start + 1].isupper():
        return False
    before = original[: tok.start].rstrip()
    return bool(before) and before[-1] not in ".!?\n"
