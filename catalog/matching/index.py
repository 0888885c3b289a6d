"""Finding models in what people type: ``resolve`` (command arguments), ``mentions`` (free chat) and
``suggest`` (autocomplete). Pure and synchronous; one in-memory index built once at start-up.

Deterministic before fuzzy: exact id -> alias -> normalised key -> rapidfuzz, and never a model whose
family, tier or version differs from what was typed (the version guard).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.identity.keys import VENDOR_TOKENS, is_size_token
from catalog.matching.chat_names import vendor_aliases
from catalog.matching.context import (
    ANY_TALK,
    Run,
    context_worthy,
    counts_in_context,
    other_domain,
    short_names_in_context,
    short_tier_typo,
    talks_about_models,
)
from catalog.matching.context import families as find_families
from catalog.matching.glued import GluedSplitter, fewest_pieces
from catalog.matching.grams import GramIndex
from catalog.matching.ids import id_keys, id_mentions, query_keys
from catalog.matching.lenient import MAX_CACHED
from catalog.matching.lenient import scan as lenient_scan
from catalog.matching.lenient import whole as whole_name
from catalog.matching.lexicon import Lexicon
from catalog.matching.merge import merged
from catalog.matching.resolve import resolve_argument
from catalog.matching.results import Entry, Mention, Mentions, Resolved, unique_mentions
from catalog.matching.rules import (
    CHAT_SHORTHAND,
    GENERIC_FAMILIES,
    MAX_NGRAM,
    MAX_SCAN_CHARS,
    TIER_WORDS,
    TYPO_MIN,
    TYPO_MIN_ARGUMENT,
    bare,
    chat_worthy,
    claim,
    deletions,
    distinctive_without_brand,
    looks_like_id,
    names_nothing,
    strip_vendors,
)
from catalog.matching.spoken import spoken_numbers
from catalog.matching.squashed import MIN_LETTERS_ALONE, squashed_forms, with_squashed
from catalog.matching.suggest import popularity, suggest_names
from catalog.matching.text import Tok, joined, key_of, lower_same_length, mask, span_tokens
from catalog.matching.typos import known_words
from catalog.models import Model

#: ``exact`` strength of a spelling that only one provider's display name gives.
HOST_LABEL = 3
#: The answer for most chat: one shared empty result rather than one built per message.
NOTHING = Mentions()


@dataclass(slots=True)
class MatchIndex:
    """The in-memory index behind resolve, mentions and suggest."""

    entries: dict[str, Entry]
    exact: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    """Lower-cased spelling -> {model id: how strongly it names it}: 0 model id, 1 display name, 2 alias (route
    ids and curated spellings), 3 one provider's display name. An exact id never loses to a provider's label."""
    keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    id_keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    """Identity keys of every route id and name (the catalog's own normaliser): what a pasted or typed id means."""
    loose_keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    glued: GluedSplitter = field(default_factory=lambda: GluedSplitter(set(), set()))
    """The same keys without serving words ("instruct", "chat"), consulted when no exact key answers."""
    chat_keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    vocab: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)
    brands: set[str] = field(default_factory=set)
    typos: dict[str, str] = field(default_factory=dict)
    _fixed: dict[tuple[str, int], str] = field(default_factory=dict)  # chat repeats its words: corrections cached
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_ids: list[tuple[str, ...]] = field(default_factory=list)
    prefixes: list[tuple[str, str]] = field(default_factory=list)
    """(normalised spelling, model id), sorted, for autocomplete by prefix."""
    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Word -> models whose display name contains it."""
    name_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sorted_words: list[str] = field(default_factory=list)
    display_ids: list[str] = field(default_factory=list)
    display_keys: list[str] = field(default_factory=list)
    _rank: dict[tuple[str, ...], int] = field(default_factory=dict)
    _chat_rank: dict[tuple[str, ...], int] = field(default_factory=dict)
    context_keys: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    _context_rank: dict[tuple[str, ...], int] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)
    deletes: dict[str, set[str]] = field(default_factory=dict)
    _strict_keys: set[tuple[str, ...]] = field(default_factory=set)
    _pointed: set[tuple[str, ...]] = field(default_factory=set)
    """Unversioned keys a lab's own pointer answers: the lexicon's preferences decide them, not the strict pass."""
    popular: list[str] = field(default_factory=list)
    """Model ids, most widely served first; ``rank`` is each id's place in it."""
    rank: dict[str, int] = field(default_factory=dict)
    fuzzy_grams: GramIndex = field(default_factory=lambda: GramIndex([]))
    squashed: dict[str, str] = field(default_factory=dict)
    """Every separator left out ("qwen330ba3b") -> the one model whose name or route id it squashes."""
    display_grams: GramIndex = field(default_factory=lambda: GramIndex([]))

    # -- building ------------------------------------------------------------------------------------

    @classmethod
    def build(cls, models: Iterable[Model]) -> MatchIndex:
        """Index every model's name, id and aliases."""
        models = list(models)
        index = cls(entries={})
        brand_counts: dict[str, int] = defaultdict(int)
        for m in models:
            words = [t.text for t in span_tokens(lower_same_length(bare(m.name)))]
            brand = next((w for w in strip_vendors(words) if w.isalpha() and w not in TIER_WORDS), None)
            if brand:
                brand_counts[brand] += 1
            index.entries[m.id] = Entry(m.id, m.name, len(m.routes), brand)
        families = {m.family.split("-", 1)[0].lower() for m in models if m.family}
        index.brands = {b for b in brand_counts if b in families and b not in GENERIC_FAMILIES}
        for m in models:
            index._add(m)
            for key, loose in id_keys(m):
                (index.loose_keys if loose else index.id_keys)[key].add(m.id)
        index._finish()
        index.squashed = squashed_forms(models, index.brands)
        for mid, (word,) in ((i, k) for i, k in index.name_keys.items() if len(k) == 1 and k[0] not in index.brands):
            if (pieces := fewest_pieces(word, index.vocab, index.brands)) and pieces[0] in index.brands:
                claim(index.chat_keys, index._chat_rank, key_of(list(pieces)), mid, 0)  # "HunyuanOCR": "hunyuan ocr"
        index.lexicon = Lexicon.build(models, {m.id: index.entries[m.id].brand for m in models}, vendor_aliases())
        index.deletes = dict(known_words(index.lexicon.vocab))
        index.lexicon.hint(index.brands)
        # a long word that squashes to one model's name is worth a scan ("nanobananapro nailed the sign")
        glued_alone = {f for f in index.squashed if f.isalpha() and len(f) >= MIN_LETTERS_ALONE}
        index.lexicon.instant = index.lexicon.instant | glued_alone
        index.glued.pairs, index.glued.vendors = index.lexicon.pairs, index.lexicon.curated_vendor_words
        # keys the strict pass decides (one model each); a key it found ambiguous, or an unversioned one a lab's
        # pointer answers ("mistral large"), is left to the forms' preferences
        index._pointed = {k for k, form in index.lexicon.forms.items() if _pointed(k, form, index.lexicon.current)}
        tables = (index.chat_keys, index.context_keys)
        index._strict_keys = {k for t in tables for k, ids in t.items() if len(ids) == 1 and k not in index._pointed}
        return index

    def _add(self, m: Model) -> None:
        entry = self.entries[m.id]
        spellings = {s for s in {r.spelling for r in m.routes} | set(m.aliases) if not looks_like_id(s)}
        ranked = [(m.name, 0), *((s, 1) for s in spellings), *((a, 2) for a in (m.id, *m.aliases))]
        strength = {m.id.lower(): 0, m.name.strip().lower(): 1, **{a.strip().lower(): 2 for a in m.aliases}}
        for spelling, rank in ranked:
            text = spelling.strip().lower()
            self.exact[text][m.id] = min(self.exact[text].get(m.id, 9), strength.get(text, 3))
            words = [t.text for t in span_tokens(lower_same_length(bare(spelling)))]
            key = key_of(words)
            if not key or names_nothing(key):
                continue  # "Perplexity: Pro" reduces to "pro", which names no model on its own
            claim(self.keys, self._rank, key, m.id, rank)
            if rank == 0:
                self.name_keys[m.id] = key
                for w in key:
                    self.postings[w].add(m.id)
            if context_worthy(key, words, rank, self.brands):
                claim(self.context_keys, self._context_rank, key, m.id, rank)
                self.vocab.update(key)
            # "Reka: Flash 3" or a host's "Flash 3 (free)": without the family, "3 flash" names no one vendor's model
            stripped = (bool(words) and words[0] in VENDOR_TOKENS) or ": " in spelling[:42]  # what bare() dropped
            familyless = bool(entry.brand) and entry.brand not in key and rank >= 1  # a host's "Flash 3 (free)"
            no_family = not any(w in self.brands for w in key)
            if (stripped or familyless) and no_family and not distinctive_without_brand(key):
                continue
            if rank <= 1 and chat_worthy(key, words, rank, self.brands):
                claim(self.chat_keys, self._chat_rank, key, m.id, rank)
                self.vocab.update(key)
                self.anchors.update(w for w in key if w in self.brands or any(c.isdigit() for c in w))
                # "sonnet 4.5" for "Claude Sonnet 4.5": the family word may be left out in chat
                if entry.brand and entry.brand in key:
                    short = tuple(w for w in key if w != entry.brand)
                    if distinctive_without_brand(short):
                        claim(self.chat_keys, self._chat_rank, short, m.id, rank + 3)
                        self.anchors.update(w for w in short if w in TIER_WORDS)
            if rank < 2:
                self.prefixes.append((" ".join(words), m.id))

    def _finish(self) -> None:
        self.glued = GluedSplitter(self.vocab, self.brands)
        by_text: dict[str, set[str]] = defaultdict(set)
        for key, ids in self.keys.items():
            by_text[" ".join(key)].update(ids)
        self.fuzzy_keys = list(by_text)
        self.fuzzy_ids = [tuple(sorted(by_text[k])) for k in self.fuzzy_keys]
        self.prefixes = sorted(set(self.prefixes))
        self.sorted_words = sorted(self.postings)
        self.display_ids = list(self.name_keys)
        self.display_keys = [" ".join(self.name_keys[i]) for i in self.display_ids]
        self.popular = sorted(self.entries, key=lambda i: popularity(self.entries[i]))
        self.rank = {mid: n for n, mid in enumerate(self.popular)}
        self.fuzzy_grams = GramIndex(self.fuzzy_keys)
        self.display_grams = GramIndex(self.display_keys)
        for word in sorted(self.vocab):  # sorted: the same typo map in every process
            if word.isalpha() and len(word) >= TYPO_MIN_ARGUMENT:
                for variant in sorted(deletions(word)):
                    self.typos.setdefault(variant, word)
        for word in self.vocab:  # a real word never "corrects" to another
            self.typos.pop(word, None)

    # -- resolve ---------------------------------------------------------------------------------------

    def resolve(self, query: str) -> Resolved:
        """One model for a command argument, or ``AmbiguousModel`` / ``ModelNotFound`` with candidates."""
        return resolve_argument(self, query)

    def _correct(self, word: str, shortest: int = TYPO_MIN) -> str:
        """A one-edit typo of a known word ("sonet" -> "sonnet"); other words pass unchanged. Command arguments
        name a model, so four-letter tier words are corrected there too ("minii", "fats"); chat keeps five."""
        if word in self.vocab or len(word) < shortest or not word.isalpha() or word in CHAT_SHORTHAND:
            return word
        if word in self.typos:
            return self.typos[word]
        if (known := self._fixed.get((word, shortest))) is None:
            if len(self._fixed) >= MAX_CACHED:
                self._fixed.clear()
            found = (
                v if v in self.vocab and len(v) >= shortest else self.typos.get(v) for v in sorted(deletions(word))
            )
            known = self._fixed[word, shortest] = next((f for f in found if f is not None), word)
        return known

    # -- mentions ------------------------------------------------------------------------------------

    def mentions(self, text: str, in_talk: bool = False) -> Mentions:
        """Every specific model a chat message names, with spans; family names alone become hints. ``in_talk``:
        the channel was just talking about models, so "and o3?" is model talk though the line alone is not."""
        original = text[:MAX_SCAN_CHARS]
        pasted = [
            Mention(s, e, original[s:e], mid, self.entries[mid].name, 100.0)
            for s, e, mid in id_mentions(original, self._pasted_id)
        ]
        masked = mask(lower_same_length(original))
        # fast path: most chat holds nothing a name is made of (``Lexicon.worth_scanning``), nor a typo of one
        if not self.lexicon.worth_scanning(masked):
            return Mentions(tuple(unique_mentions(pasted))) if pasted else NOTHING
        toks = spoken_numbers(self.glued.split(span_tokens(masked)), self.brands, TIER_WORDS)  # "gemini two point five"
        words = self._corrected_near_anchors([t.text for t in toks])
        level = 2 if in_talk else talks_about_models(words)  # 1: operations talk only, not for "r1" or "o3"
        talk, spoken = level > 0, level > 1
        strict: list[tuple[int, int, Mention]] = []
        waiting: list[tuple[int, int, Mention]] = []  # everyday-word names that only want context
        i = 0
        while i < len(toks):
            before_family = (  # "2  Solar Pro 3": a row number; "the 405b llama 3.1" keeps its size
                words[i][0].isdigit() and i + 1 < len(toks) and words[i + 1] in self.brands
            ) and not is_size_token(words[i])
            if words[i] not in self.vocab or before_family:  # "2  Solar Pro 3": a name starts at its family
                i += 1
                continue
            end = i + 1
            while end < len(toks) and end - i < MAX_NGRAM and words[end] in self.vocab:
                if not joined(masked, toks[end - 1], toks[end]) or words[end] in words[i:end]:
                    break  # a name never repeats a word: "1 1 1 …" is no run to try every length of
                end += 1
            match = self._longest(words, toks, i, end, original, talk)
            if match is None:
                i += 1
                continue
            mention, stop, waits = match
            (waiting if waits else strict).append((i, stop, mention))
            i = stop
        # another model named is context for an everyday-word name ("qwen max and sonar pro"), and two such names
        # are context for each other ("nova lite for triage, nova premier for the rest")
        if strict or pasted or len({m.model_id for _, _, m in waiting}) >= 2:
            strict = sorted(strict + waiting, key=lambda f: f[0])
        context = talk or bool(strict) or bool(pasted)
        read = [False] * len(toks)
        for start, stop, _ in strict:
            read[start:stop] = [True] * (stop - start)
        hits = lenient_scan(self.lexicon, self._strict_keys, self.deletes, original, masked, toks, words, context, read)
        if hits and not context:  # a name the second pass trusts is context for the others ("… 78%, Arcee Blitz 71%")
            hits = lenient_scan(
                self.lexicon, self._strict_keys, self.deletes, original, masked, toks, words, True, read
            )
            strict = sorted(strict + waiting, key=lambda f: f[0])  # "nova micro for intents → nova premier"
        found = merged(strict, hits, toks, original, words, self.entries, self.lexicon)
        found = with_squashed(found, self.squashed, original, masked, toks, lambda mid: self.entries[mid].name)
        used = [False] * len(toks)  # a pasted id is named: nothing inside it is a family hint
        for p in pasted:
            used = [u or (p.start <= t.start and t.end <= p.end) for u, t in zip(used, toks, strict=True)]
        for start, stop, _ in found:
            used[start:stop] = [True] * (stop - start)
        families = find_families(original, toks, words, used, self.brands)
        mentions = [m for _, _, m in found if not self.lexicon.other_vendor_before(masked, m.start, m.model_id)]
        if not spoken and mentions:  # "opus 3 of beethoven's trios": music, unless the message talks about models
            present = set(words)
            mentions = [m for m in mentions if not other_domain(self.entries[m.model_id].name.lower(), present)]
        context = spoken or len(mentions) + len(pasted) > 1
        mentions = short_names_in_context(mentions, masked, context, self.lexicon.vendor_named)
        # a pasted id is read whole: nothing found inside its span stands beside it ("Qwen3-30B-A3B" in "…-2507")
        mentions = [m for m in mentions if not any(p.start <= m.start and m.end <= p.end for p in pasted)]
        return Mentions(tuple(unique_mentions(mentions + pasted)), families)

    def by_identity(self, text: str) -> str | None:
        """The one model whose route ids or names reduce to the same identity key as ``text`` (or None)."""
        for table, loose in ((self.id_keys, False), (self.loose_keys, True)):
            for key in query_keys(text, loose):
                if len(key) < 2 and not any(ch.isdigit() for t in key for ch in t):
                    continue  # a bare family word ("claude") names no one model
                ids = table.get(key)
                if ids and len(ids) == 1:
                    return next(iter(ids))
        return None

    def _exact_id(self, spelling: str) -> str | None:
        """The one model an id, name or alias names exactly (a host's label alone is not enough)."""
        hits = self.exact.get(spelling)
        if not hits:
            return None
        best = min(hits.values())
        ids = [mid for mid, strength in hits.items() if strength == best]
        return ids[0] if len(ids) == 1 and best < HOST_LABEL else None

    def _pasted_id(self, token: str) -> str | None:
        """A pasted id: exactly a spelling, else (for id-shaped tokens) the same identity key as one model's, else
        (with a number) the one model whose generated forms it spells."""
        exact = self._exact_id(token)
        if exact is not None or not any(ch in token for ch in "-/:._"):
            return exact
        if (mid := self.by_identity(token)) is not None or not any(ch.isdigit() for ch in token):
            return mid
        # an Ollama tag or id no source spells ("deepseek-r1:70b", "phi4:14b"): one generated form, typos allowed
        words = [t.text for t in self.glued.split(span_tokens(lower_same_length(bare(token))))]
        return whole_name(self.lexicon, self.deletes, words)

    def _corrected_near_anchors(self, words: list[str]) -> list[str]:
        """Typo-correct only words next to a number or family name: the rest cannot start a mention,
        and correcting every long word of a message would cost more than the whole scan."""
        out = list(words)
        anchors, slips = self.anchors, self.lexicon.family_typos
        near = [w in anchors or w[0].isdigit() or w in slips for w in words]
        if not any(near):
            return out
        for j, word in enumerate(words):
            # "prod" is production, not a slip of "pro"; "dalle" is a form's own word, not "dall"
            known = word in self.vocab or word in ANY_TALK or word in self.lexicon.neighbours or word in CHAT_SHORTHAND
            if not known and len(word) >= TYPO_MIN_ARGUMENT and any(near[max(0, j - 2) : j + 3]):
                long_enough = len(word) >= TYPO_MIN
                out[j] = self._correct(word, TYPO_MIN_ARGUMENT) if long_enough else short_tier_typo(word, TIER_WORDS)
        return out

    def _longest(
        self, words: list[str], toks: list[Tok], start: int, end: int, original: str, talk: bool
    ) -> tuple[Mention, int, bool] | None:
        """The longest name starting at ``start``, and whether it still waits for context (another model named)."""
        if not any(w in self.anchors for w in words[start:end]):
            return None
        for stop in range(end, start, -1):
            run = words[start:stop]
            key = key_of(run)
            if key in self._pointed:
                continue
            ids, waits = self.chat_keys.get(key), False
            if not ids and (context_ids := self.context_keys.get(key)):  # "nova pro": in context only
                span, first = Run(original, toks, words, start, stop), next(iter(context_ids))
                ids = context_ids if counts_in_context(span, first, talk, self.lexicon) else None
                if ids is None and not talk and counts_in_context(span, first, True, self.lexicon):
                    ids, waits = context_ids, True
            if not ids or len(ids) != 1:
                continue
            (mid,) = ids
            if self._goes_on_with_a_number(words, toks, stop, original, mid):
                return None  # "nemotron ultra 253b": not the Ultra that lacks that size
            exact = [t.text for t in toks[start:stop]] == run
            s, e = toks[start].start, toks[stop - 1].end
            return Mention(s, e, original[s:e], mid, self.entries[mid].name, 100.0 if exact else 90.0), stop, waits
        return None

    def _goes_on_with_a_number(self, words: list[str], toks: list[Tok], stop: int, original: str, mid: str) -> bool:
        """The name is followed, as part of it, by a size the model's name does not have (a version after a name
        is left to the question layer, which calls "mistral large 5" an unknown model)."""
        size = stop < len(toks) and is_size_token(words[stop]) and words[stop].endswith("b")  # "253b", not "2k"
        if not size or not joined(original, toks[stop - 1], toks[stop]):
            return False
        return words[stop] not in self.name_keys.get(mid, ()) and words[stop] not in self.lexicon.name_key.get(mid, ())

    # -- suggest ---------------------------------------------------------------------------------------

    def suggest(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """Up to ``limit`` (≤ 25) ranked (name, model id) choices for autocomplete, from memory."""
        return suggest_names(self, prefix, limit)


def _pointed(key: tuple[str, ...], form: dict[str, int], current: set[str]) -> bool:
    return not any(c.isdigit() for c in "".join(key)) and any(i in current for i, v in form.items() if v <= 1)
