"""Every way a model is called, generated from the data, and who a form names when several models share it.

Each record's names, aliases and route ids give its surface forms (``forms``: exact, loose, short, nickname).
A form several records share goes to the model whose display name it is, then to a pinned model over its
``-latest`` pointer (what a pointer serves changes), then to a written name over an id-like one and to the most
widely served, and with a vendor named nearby to that vendor's models first; a nickname several share goes to
nobody, because a wrong model is worse than silence. Vendor words come from the data (vendor keys and family
words) plus the curated chat names in ``catalog/data/chat_names.json``. ``worth_scanning`` is the fast path.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.identity.keys import ROUTE_NOISE, VENDOR_TOKENS, is_size_token
from catalog.matching.forms import LOOSE, NICK, SERVING, VERSION, size_word, unsized, variants
from catalog.matching.rules import GENERIC_FAMILIES, STOPWORDS, TIER_WORDS, TYPO_MIN, WEAK_FAMILIES, bare
from catalog.matching.text import key_of, lower_same_length, span_tokens
from catalog.matching.typos import MAX_REMEMBERED, any_judged, one_edit, slips
from catalog.matching.vendors import route_org, vendor_words_of
from catalog.models import Model

_WORD_OR_NUMBER = re.compile(r"[a-z]+|\d+(?:\.\d+)*[a-z]?")
#: Letters glued to a number, either way round ("qwen3", "4o-mini"), as model names are written.
#: Each byte of a lower-cased message as its shape: "a" for a letter, "0" for a digit, a space otherwise.
_SHAPE = bytes(0x61 if 97 <= b <= 122 else 0x30 if 48 <= b <= 57 else 0x20 for b in range(256))
#: Words a key drops or keeps apart (vendor prefixes, route noise): never a reason to end a run.
_FREE = VENDOR_TOKENS | ROUTE_NOISE | {"instruct", "it", "latest"}
#: The word that ends right before a mention, joined to it by a hyphen, underscore or nothing.
_TRAILING_WORD = re.compile(r"([a-z]+)[-_]?$")


@dataclass(slots=True)
class Lexicon:
    """Generated surface forms for every model, with vendors for disambiguation."""

    forms: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    """Key -> {model id: the closest level at which the model answers to it}."""
    vocab: set[str] = field(default_factory=set)
    vendor_of: dict[str, str] = field(default_factory=dict)
    """Model id -> vendor key (or its family word when no vendor is known)."""
    vendor_words: dict[str, str] = field(default_factory=dict)
    """A word that names a vendor in chat ("moonshot", "qwen") -> vendor key."""
    name_key: dict[str, tuple[str, ...]] = field(default_factory=dict)
    typed_names: dict[str, str] = field(default_factory=dict)
    """A display name's words as typed ("ministral 8b instruct") -> its model, when only one model has it: a
    name typed out in full picks its model among those its key would also fit ("Ministral 8B")."""
    called: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Model id -> its name's key without the leading vendor words and serving words: "v3" is what DeepSeek V3
    and "k2" what Kimi K2 Instruct is called, but not what K2-Think is (a trailing family word stays)."""
    moving: set[str] = field(default_factory=set)
    current: set[str] = field(default_factory=set)  # a lab's own pointer: what its unversioned name means today
    lab_served: set[str] = field(default_factory=set)  # a first-party route: the lab's own record of a name
    routes: dict[str, int] = field(default_factory=dict)
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    pairs: frozenset[tuple[str, str]] = frozenset()
    """Every (word, word) that stand in one form, stopwords left out: two neighbours in a message, one set test."""
    """Word -> every word that stands with it in some form (prunes runs before any key is built)."""
    org_words: frozenset[str] = frozenset()
    """Words that name an organisation (vendor keys, route orgs, curated chat names), not a family ("deep")."""
    curated_vendor_words: frozenset[str] = frozenset()
    pair_heads: frozenset[str] = frozenset()
    """First words of two-word vendor names ("z" of "z ai"): only these start a pair worth looking up."""
    """Chat names of vendors (``chat_names.json``): they say whose model follows and are never part of its name."""
    vendor_set: frozenset[str] = frozenset()
    family_heads: frozenset[str] = frozenset()  # first four letters of every family word: glued families
    hint_words: frozenset[str] = frozenset()
    """Family names the reply hints at when no model is named (set by ``hint``: the index's ``brands``)."""
    instant: frozenset[str] = frozenset()  # one-word names, hinted families, their slips: worth scanning
    anchor_set: frozenset[str] = frozenset()
    """Vendor words, and vendor words with tier words: the words a typo of a family stands next to."""
    family_deletes: dict[str, set[str]] = field(default_factory=dict)
    family_typos: frozenset[str] = frozenset()
    """Family words of five letters or more with one letter dropped, doubled or swapped ("comand", "sonarr",
    "commnad"): a message holding one is worth scanning though no anchor stands by it."""
    typo_cache: dict[str, bool] = field(default_factory=dict)
    typo_yes: set[str] = field(default_factory=set)
    glued_no: set[str] = field(default_factory=set)  # words ``_any_glued`` judged (as typo_no, typo_yes)
    glued_yes: set[str] = field(default_factory=set)
    typo_no: set[str] = field(default_factory=set)
    """Family, vendor and tier words with each one-letter deletion: a cheap first test for a typo of one."""
    word_vendors: dict[str, set[str]] = field(default_factory=dict)
    """Word of a display name -> the vendors whose models' names hold it ("maverick": only Meta's)."""
    labelled: set[str] = field(default_factory=set)
    """Models whose vendor the data states (not inferred from a host's path or a family word)."""
    family: dict[str, str] = field(default_factory=dict)
    """Model id -> its family word ("llama" for Llama 4 Scout): a one-word nickname's other anchor."""
    sibling_nicks: frozenset[str] = frozenset()
    """One-word nicknames of a family's models ("maverick", "scout"): two in one message are worth scanning."""
    nick_words: frozenset[str] = frozenset()
    """One-word nicknames of one vendor's models ("terminus", "scout"): a name only beside that vendor's word."""
    singles: set[str] = field(default_factory=set)
    """Words that are a whole form on their own ("codestral", "o3", "4o"); bare numbers and sizes are not."""
    corrections: dict[str, list[str]] = field(default_factory=dict)
    """Typo candidates already worked out, per word (filled and bounded by ``lenient``)."""
    id_like: set[str] = field(default_factory=set)
    """Models whose display name is only an id ("cohere.command-latest"): a name people write wins over it."""

    @classmethod
    def build(cls, models: Iterable[Model], brands: dict[str, str | None], vendor_aliases: dict[str, str]) -> Lexicon:
        """``brands``: model id -> its family word; ``vendor_aliases``: curated chat names of vendors ("ds")."""
        lex = cls()
        models = list(models)
        lex.family = {mid: b for mid, b in brands.items() if b}
        # vendors first: a family word names the vendor most of whose models carry it ("llama": Meta, though
        # NVIDIA's "Llama 3.1 Nemotron" carry it too)
        named = ((w, m.vendor) for m in models if m.vendor for w in {*vendor_words_of(m.vendor), brands.get(m.id)} if w)
        votes = Counter(named)
        for (word, vendor), _ in sorted(votes.items(), key=lambda wv: (-wv[1], wv[0])):
            if word and word not in TIER_WORDS | STOPWORDS | GENERIC_FAMILIES and len(word) >= 2:
                lex.vendor_words.setdefault(word, vendor)
        orgs = {m.id: org for m in models if not m.vendor and (org := route_org(m))}
        sizeless: dict[tuple[str, ...], dict[str, int]] = {}
        for org in orgs.values():  # "arcee-ai/coder-large": Arcee's model; before brands, so that every
            for word in vendor_words_of(org):  # word of one organisation names one vendor key ("arcee": "arcee-ai")
                lex.vendor_words.setdefault(word, org)
        for m in models:
            brand = brands.get(m.id)
            if not m.vendor and brand and brand not in TIER_WORDS | STOPWORDS | GENERIC_FAMILIES and len(brand) >= 2:
                lex.vendor_words.setdefault(brand, orgs.get(m.id, brand))
        lex.vendor_words.update(vendor_aliases)
        lex.curated_vendor_words = frozenset(vendor_aliases)
        lex.pair_heads = frozenset(w.split(" ", 1)[0] for w in lex.vendor_words if " " in w)
        vendors = {m.vendor for m in models if m.vendor} | set(orgs.values())
        lex.org_words = frozenset(w for v in vendors for w in vendor_words_of(v)) | lex.curated_vendor_words
        for m in models:
            brand = brands.get(m.id)
            fallback = orgs.get(m.id) or lex.vendor_words.get(brand or "", brand or "")
            lex.vendor_of[m.id] = m.vendor or fallback
            if m.vendor:
                lex.labelled.add(m.id)
            lex.routes[m.id] = len(m.routes)
            first_party = any(r.role == "first-party" for r in m.routes)
            if first_party:
                lex.lab_served.add(m.id)
            if m.moving_alias:
                lex.moving.add(m.id)
                if first_party:
                    lex.current.add(m.id)
            lex.name_key[m.id] = key_of(_words(m.name))
            lex.called[m.id] = _called(_words(m.name), lex.vendor_words)
            typed = " ".join(_words(m.name))
            if not (m.name == m.name.lower() and " " not in m.name):  # an id shown as a name is nobody's typing
                lex.typed_names[typed] = "" if typed in lex.typed_names else m.id  # "": a name two models share
            for word in lex.name_key[m.id]:
                lex.word_vendors.setdefault(word, set()).add(lex.vendor_of[m.id])
            if m.name == m.name.lower() and " " not in m.name:
                lex.id_like.add(m.id)
            spellings = {m.name, m.id, *m.aliases, *(r.provider_model_id for r in m.routes)}
            for spelling in spellings:
                for key, level in variants(_words(spelling), brand, size_word(m.params_total_b)):
                    if m.moving_alias and len(key) == 1 and key[0] in lex.org_words:
                        continue  # "deepseek-latest" is not what "deepseek" (a lab) means; "codestral" is a line
                    if level == NICK and all(w in lex.vendor_words for w in key):
                        continue  # a family or vendor word alone is nobody's nickname
                    lex._claim(key, m.id, level)
                    if (short := unsized(key, brand)) is not None:
                        sizeless.setdefault(short[0], {}).setdefault(m.id, short[1])
        for key, owners in sizeless.items():  # a size left out names the one model that has no other size
            if len(owners) == 1:
                ((mid, level),) = owners.items()
                lex._claim(key, mid, level)
        for key in lex.forms:
            lex.vocab.update(key)
            for word in key:
                lex.neighbours.setdefault(word, set()).update(key)
            (word,) = key if len(key) == 1 else ("",)
            ordinary = word in TIER_WORDS | STOPWORDS or bool(VERSION.match(word)) or is_size_token(word)
            if word and not ordinary and min(lex.forms[key].values()) <= LOOSE:
                lex.singles.add(word)
        singles = (w for (w,) in (k for k in lex.forms if len(k) == 1) if w.isalpha() and len(w) >= 5)
        lex.nick_words = frozenset(w for w in singles if w not in lex.vendor_words and w not in TIER_WORDS | STOPWORDS)
        lex.sibling_nicks = frozenset(k[0] for k, f in lex.forms.items() if len(k) == 1 and NICK in f.values())
        lex.pairs = frozenset(
            (a, b) for a, near in lex.neighbours.items() if a not in STOPWORDS for b in near if b not in STOPWORDS
        )
        lex.vendor_set = frozenset(lex.vendor_words)
        lex.family_heads = frozenset(w[:4] for w in lex.vendor_set if len(w) >= 2)  # "yi", "gpt" whole
        lex.anchor_set = lex.vendor_set | TIER_WORDS
        for word in {*lex.vendor_words, *lex.singles, *TIER_WORDS}:
            if word.isalpha() and len(word) >= 3:
                for variant in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                    lex.family_deletes.setdefault(variant, set()).add(word)
        slipped = {t for w in lex.vendor_set if w.isalpha() and len(w) >= TYPO_MIN for t in slips(w)}
        lex.family_typos = frozenset(slipped - lex.vocab - STOPWORDS)
        return lex

    def hint(self, families: set[str]) -> None:
        """Family names to hint at, which a message holding one is worth scanning for."""
        self.hint_words = frozenset(families)
        self.instant = frozenset(self.singles) | self.hint_words | self.family_typos

    def worth_scanning(self, masked: str) -> bool:
        """Whether a message may name a model at all: a one-word name ("codestral", "o3"), letters glued to a
        number ("qwen3"), a vendor word with a number ("z.ai ... 5.1"), two neighbours that stand in one form
        ("sonnet 4.5"), or an unknown word one edit from a family next to a number, tier, vendor or hyphen
        ("gml 4.6", "deepseek-caht"). Set operations first, so most chat costs one regex pass and a few
        C-level set tests."""
        tokens = _WORD_OR_NUMBER.findall(masked)
        present = set(tokens)
        if not present.isdisjoint(self.instant):
            return True  # a one-word name, a family to hint at ("thoughts on qwen?"), a slip of one ("commnad r+")
        shape = masked.encode().translate(_SHAPE)  # letters "a", digits "0": two substring tests, not two regexes
        digit = b"0" in shape
        if digit and (b"a0" in shape or b"0a" in shape):
            return True  # letters glued to a number ("qwen3", "4o")
        vendor = not present.isdisjoint(self.vendor_set)
        if vendor and (digit or not present.isdisjoint(self.nick_words) or not present.isdisjoint(self.sibling_nicks)):
            return True  # "z.ai ... 5.1", "terminus on deepseek"
        known = present & self.vocab
        if len(known) >= 2 and (self._neighbours_in_one_form(tokens) or len(known & self.sibling_nicks) >= 2):
            return True  # the pairs hold no stopword; two siblings' nicknames: "maverick vs scout"
        hyphens = "-" in masked or "_" in masked
        anchored = digit or hyphens or not present.isdisjoint(self.anchor_set)
        # only a vendor word or an unknown word one edit from a name can make the walk below succeed: a few
        # cached look-ups decide most chat without it
        if anchored and vendor and self._typo_by_anchor(tokens, known, masked, hyphens):
            return True
        slip = anchored and not vendor and self._any_typo(present - known - STOPWORDS)
        if slip and self._typo_beside_anchor(tokens, masked, hyphens):
            return True
        if digit:
            return False  # letters glued to a number were caught above
        return self._any_glued(present - known)

    def _any_glued(self, words: set[str]) -> bool:
        """Whether any word is a family glued to more ("grokcodefast"), judged once per word like ``_any_typo``."""

        def glued(w: str) -> bool:
            head = w[:4] in self.family_heads or w[:3] in self.family_heads or w[:2] in self.family_heads
            return len(w) >= 6 and ((head and self._glued_family(w)) or self._glued_pair(w))

        return any_judged(words, self.glued_yes, self.glued_no, glued)

    def _typo_by_anchor(self, tokens: list[str], known: set[str], masked: str, hyphens: bool) -> bool:
        """An unknown word before a number, by a tier or vendor word, or hyphenated, that may be a typo."""
        anchors = self.anchor_set
        for j, other in enumerate(tokens):
            number = other[0].isdigit()
            if not (number or other in anchors or hyphens):
                continue
            for i in (j - 1,) if number else (j - 1, j + 1):
                if not 0 <= i < len(tokens) or tokens[i] in known or tokens[i] in STOPWORDS:
                    continue
                word = tokens[i]
                if other in self.vendor_set and word.isalpha() and len(word) >= 3:
                    return True  # "deepseek caht", "qwen mxa": anything unknown by a family may be a typo'd tier
                if (number or other in anchors or self._hyphenated(word, other, masked)) and self._typo(word):
                    return True
        return False

    def _typo_beside_anchor(self, tokens: list[str], masked: str, hyphens: bool) -> bool:
        """``_typo_by_anchor`` without a vendor word: only a word judged a typo can succeed, so the walk starts
        from those few words rather than from every anchor of the message."""
        anchors, slips, last = self.anchor_set, self.typo_yes, len(tokens) - 1
        for i, word in enumerate(tokens):
            if word not in slips:
                continue
            if i < last and (tokens[i + 1][0].isdigit() or tokens[i + 1] in anchors):
                return True  # "gml 4.6", "opuss max"
            if i > 0 and tokens[i - 1] in anchors:
                return True
            near = [tokens[j] for j in (i - 1, i + 1) if 0 <= j <= last and not tokens[j][0].isdigit()]
            if hyphens and any(self._hyphenated(word, other, masked) for other in near):
                return True  # "deepseek-caht"
        return False

    @staticmethod
    def _hyphenated(word: str, other: str, masked: str) -> bool:
        return f"{word}-{other}" in masked or f"{other}-{word}" in masked or f"{word}_{other}" in masked

    def _glued_family(self, word: str) -> bool:
        """A long unknown word that starts with a family ("grokcodefast", "deepseekv")."""
        return word.isalpha() and any(word[:n] in self.vendor_set for n in range(2, 9))

    def _glued_pair(self, word: str) -> bool:
        """Two words that stand together in a name, glued ("nanobanana")."""
        return any((word[:i], word[i:]) in self.pairs for i in range(2, len(word) - 1))

    def _neighbours_in_one_form(self, tokens: list[str]) -> bool:
        """Two tokens in a row that stand in one form: one C-level set test over the message's pairs."""
        return not self.pairs.isdisjoint(itertools.pairwise(tokens))

    def _any_typo(self, words: set[str]) -> bool:
        """Whether any of ``words`` is one edit from a name, judged once per word (``typos.any_judged``)."""
        return any_judged(words, self.typo_yes, self.typo_no, self._typo)

    def _typo(self, word: str) -> bool:
        """``word`` is one edit from a family, one-word name or tier word ("gml" for "glm", "opuss").
        Remembered per word (chat repeats its words), in a cache emptied when full."""
        known = self.typo_cache.get(word)
        if known is None:
            if len(self.typo_cache) >= MAX_REMEMBERED:
                self.typo_cache.clear()
            known = self.typo_cache[word] = self._one_edit_from_family(word)
        return known

    def _one_edit_from_family(self, word: str) -> bool:
        if not word.isalpha() or len(word) < 3:
            return False
        index = self.family_deletes
        for variant in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            for family in index.get(variant, ()):
                if one_edit(word, family):
                    return True
        return False

    def together(self, left: list[str], right: list[str]) -> bool:
        """Whether some spelling of ``left`` and some of ``right`` stand in one form (or one is noise a key
        drops): a run holding two words no form holds together is no name, however it goes on."""
        for a in left:
            if a in _FREE:
                return True
            near = self.neighbours.get(a, ())
            if any(b in near or b in _FREE for b in right):
                return True
        return False

    def _claim(self, key: tuple[str, ...], mid: str, level: int) -> None:
        if not key or (len(key) == 1 and key[0].isdigit()):
            return  # a bare whole number ("1" of "whisper-1") is a count in chat; "5.1" after "z.ai" is a version

        form = self.forms.setdefault(key, {})
        form[mid] = min(level, form.get(mid, level))

    def lookup(self, key: tuple[str, ...], vendors: set[str], typed: str = "") -> tuple[str, int] | None:
        """The one model ``key`` names (and at which level), preferring as the module says; else None.
        ``typed``: the words as written, which pick a model whose display name they spell out."""
        form = self.forms.get(key)
        if form is None:
            return None
        if (mid := self.typed_names.get(typed)) and mid in form and not self._lab_over(mid, form, key):
            return mid, form[mid]
        if len(form) > 1 and vendors:  # the vendor named nearby first, at whatever level its models answer
            form = {i: lv for i, lv in form.items() if self.vendor_of.get(i) in vendors} or form
        best = min(form.values())
        ids = [i for i, lv in form.items() if lv == best]
        if len(ids) > 1 and best == NICK:
            return None  # a nickname several models share is nobody's
        if len(ids) > 1:
            ids.sort(key=lambda i: self._preference(i, key), reverse=True)
            if self._preference(ids[0], key) == self._preference(ids[1], key):
                return None
        return ids[0], best

    def vendor_named(self, masked: str, mid: str) -> bool:
        """Whether the message names ``mid``'s vendor by one of its words ("ds", "moonshot", "kimi")."""
        vendor = self.vendor_of.get(mid)
        words = _WORD_OR_NUMBER.findall(masked)
        return vendor is not None and any(self.vendor_words.get(w) == vendor and w not in WEAK_FAMILIES for w in words)

    def other_vendor_before(self, masked: str, start: int, mid: str) -> bool:
        """A mention glued to another vendor's family word ("phi-3.5-mini" is not Aion's "3.5 mini")."""
        head = masked[max(0, start - 24) : start]
        m = _TRAILING_WORD.search(head)
        if m is None:
            return False
        vendor = self.vendor_words.get(m.group(1))
        return vendor is not None and vendor != self.vendor_of.get(mid)

    def _lab_over(self, mid: str, form: dict[str, int], key: tuple[str, ...]) -> bool:
        """A host's label typed out ("Mistral Large") while the lab serves its own model of that unversioned name."""
        if mid in self.lab_served or any(c.isdigit() for w in key for c in w):
            return False
        return any(i in self.lab_served and lv <= form[mid] for i, lv in form.items())

    def _preference(self, mid: str, key: tuple[str, ...]) -> tuple[bool, bool, bool, bool, int]:
        """For a name without a version, a model its lab serves itself ("mistral large": Mistral's own pointer,
        at its list price, not hosts' undated label of unknown snapshot); then the name typed, a pinned model
        over a pointer of the same versioned name (what it serves changes), a written name over an id, then the
        most routes."""
        lab = mid in self.lab_served and not any(c.isdigit() for w in key for c in w)
        named = self.name_key.get(mid, ()) == key or self.called.get(mid) == key  # "v3": DeepSeek V3
        return (lab, named, mid not in self.moving, mid not in self.id_like, self.routes[mid])


def _called(words: list[str], vendor_words: dict[str, str]) -> tuple[str, ...]:
    i = 0
    while i < len(words) - 1 and words[i] in vendor_words:
        i += 1
    return tuple(w for w in key_of(words[i:]) if w not in SERVING)


def _words(spelling: str) -> list[str]:
    return [t.text for t in span_tokens(lower_same_length(bare(spelling)))]
