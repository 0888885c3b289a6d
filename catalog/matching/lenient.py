"""The second chat pass: generated forms (``lexicon``), one-edit typos on every word, and context.

Reads every token; a name it finds replaces a strict one only when it extends it (``merge.merged``). A typo
is corrected only when the corrected run is a known form, so ordinary words never turn into model names; a run
followed by a word one edit from a tier word ("flsh"), or by a version the catalog lacks, answers nothing rather
than the model without that tier or version. Forms that are not specific alone (a family left out, a name without
a number, a nickname) need context: the model's vendor named nearby, the message talking about models or naming
another, a capitalised or id-like spelling. ``whole`` resolves a command argument through the same forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from itertools import product

from catalog.identity.keys import is_size_token
from catalog.matching.forms import EXACT, LOOSE, NICK, SHORT, form_key, specific
from catalog.matching.lexicon import Lexicon
from catalog.matching.message import VENDOR_WINDOW, Message
from catalog.matching.rules import (
    CHAT_SHORTHAND,
    DESCRIPTIVE,
    ENGLISH_FAMILIES,
    MAX_NGRAM,
    SEQUENCE_WORDS,
    SHARED_TIERS,
    STOPWORDS,
    TIER_WORDS,
    WEAK_FAMILIES,
    capitalised_mid_sentence,
    distinctive_without_brand,
    names_nothing,
)
from catalog.matching.text import Tok, joined
from catalog.matching.typos import one_edit

#: Tokens either side of a name in which a vendor word counts as naming that name's vendor.
#: A version with its letter: "k2", "v3.1", "r1", "m2.5".
_LETTERED_VERSION = re.compile(r"^[a-z]\d+(?:\.\d+)?$")
#: Lettered versions every field uses ("v3" of an API, Apple's "M2"): never a model by themselves alone.
_GENERIC_LETTERS = frozenset("vm")


def _model_code(word: str) -> bool:
    """A letter-and-number code that is a model's whole name once its vendor is left out ("k2", "r1")."""
    return bool(_LETTERED_VERSION.match(word)) and word[0] not in _GENERIC_LETTERS


MAX_CORRECTIONS = 3
#: Words whose corrections are remembered (chat repeats its words); the cache is emptied when full.
MAX_CACHED = 20_000


@dataclass(frozen=True, slots=True)
class Hit:
    """A run of tokens ``[start, stop)`` that names ``model_id``; ``exact`` when no word was corrected."""

    start: int
    stop: int
    model_id: str
    exact: bool


def corrections(word: str, deletes: Mapping[str, Set[str]], families: Set[str] = frozenset()) -> list[str]:
    """Known words one edit from ``word``. Short words only by a dropped or swapped letter ("lte", "gml"), or
    by a changed letter into one of ``families`` that is no everyday word ("quen" is "qwen"; "need" is not "seed")."""
    if not word.isalpha() or len(word) < 3 or word in CHAT_SHORTHAND:
        return []
    found: set[str] = set(deletes.get(word, ()))
    for i in range(len(word)):
        found |= deletes.get(word[:i] + word[i + 1 :], set())
    out = [cand for cand in sorted(found) if one_edit(word, cand) or _family_typo(word, cand, families)]
    return out[:MAX_CORRECTIONS]


def _family_typo(word: str, cand: str, families: Set[str]) -> bool:
    return (
        len(word) == len(cand) == 4
        and cand in families
        and cand not in WEAK_FAMILIES | ENGLISH_FAMILIES
        and word[0] == cand[0]
        and sum(a != b for a, b in zip(word, cand, strict=True)) == 1
    )


def scan(
    lex: Lexicon,
    strict: Set[tuple[str, ...]],
    deletes: Mapping[str, Set[str]],
    original: str,
    masked: str,
    toks: list[Tok],
    words: list[str],
    context: bool,
    used: list[bool],
) -> list[Hit]:
    """Mentions among the unused tokens; ``context`` when the message talks about models or names one."""
    n = len(toks)
    curated = lex.curated_vendor_words  # "ds" in "ds r1" names the vendor, not MAI-DS-R1
    options = [[] if w in curated else word_options(w, lex, deletes) for w in words]
    vendor_at: list[str | None] = [lex.vendor_words.get(w) for w in words]
    heads = lex.pair_heads
    for j in range(n - 1):  # two-word vendor names ("z.ai" reads as "z ai")
        if words[j] in heads and vendor_at[j] is None and (pair := lex.vendor_words.get(f"{words[j]} {words[j + 1]}")):
            vendor_at[j] = vendor_at[j + 1] = pair
    msg = Message(original, masked, toks, words, vendor_at, context or "vs" in words or "versus" in words, used)
    # every form that can fire holds a number, a family or vendor word, or a corrected word
    # a name holds a vendor or family word, a number, a typo'd word or a tier only some families have ("codex")
    # a one-word nickname ("terminus", "scout") starts a name only beside an organisation's or a family's word
    vendored = any(w in lex.org_words or w in lex.hint_words for w in words)
    anchor = [
        bool(v)
        or w not in lex.vocab
        or not w.isalpha()  # a token with a digit ("4o", "2.5", "70b"); tokens hold letters, digits, "." and ","
        or (w in TIER_WORDS and w not in SHARED_TIERS)
        or (vendored and w in lex.nick_words)
        for w, v in zip(words, vendor_at, strict=True)
    ]
    hits: list[Hit] = []
    i = 0
    while i < n:
        # a name starts at its family, number, vendor or typo, one word before one ("nano banana 2"), or right
        # after its vendor ("Arcee Coder Large": tier words only, anchored by the vendor before them)
        after_vendor = i > 0 and words[i - 1] in lex.org_words and vendor_at[i] is None
        # a number right before a family word is not the name's ("2  Solra Pro 3" in a table: row 2)
        family_next = words[i][:1].isdigit() and i + 1 < n and any(o in lex.hint_words for o in options[i + 1])
        if not options[i] or words[i] in STOPWORDS or family_next:
            i += 1
            continue
        if not (anchor[i] or (i + 1 < n and anchor[i + 1]) or after_vendor):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < MAX_NGRAM and options[end]:
            if not joined(masked, toks[end - 1], toks[end]) or not lex.together(options[end - 1], options[end]):
                break
            if words[end] in words[i:end]:
                break  # a name never repeats a word
            end += 1
        if not (any(anchor[i:end]) or after_vendor) or all(used[i:end]):  # nothing anchors it, or strict read it
            i = end
            continue
        hit = _longest(lex, strict, msg, options, i, end)
        if hit is None:
            i += 1
            continue
        after = hit.stop < n and msg.joined(hit.stop - 1, hit.stop)
        version_after = words[hit.stop][0].isdigit() if after else False  # "71%" after a name is its score
        version_after = version_after and masked[toks[hit.stop].end : toks[hit.stop].end + 1] != "%"
        version_after = version_after and "," not in words[hit.stop]  # "… flash 1,000 requests" is a count
        if after and (_tier_typo(words[hit.stop], options[hit.stop]) or version_after):
            i = hit.stop + 1  # "gemini 2.5 flsh", "sonnet 5.9": not the model without that tier or version
            continue
        before = hit.start > 0 and msg.joined(hit.start - 1, hit.start)
        if before and used[hit.start - 1] and msg.written_as_id(hit.start - 1, hit.start + 1):
            i = hit.stop  # "claudeopus4.5_v2.jsonl": a suffix of the name before it, not a name of its own
            continue
        vendor_before = vendor_at[hit.start - 1] if before else None
        if vendor_before and lex.vendor_of.get(hit.model_id) != vendor_before:
            i = hit.stop  # "phi-3.5-mini" is not another vendor's "3.5 mini"
            continue
        hits.append(hit)
        i = hit.stop
    return hits


def word_options(word: str, lex: Lexicon, deletes: Mapping[str, Set[str]]) -> list[str]:
    """The word itself when known, else its one-edit corrections (remembered per word)."""
    if word in lex.vocab:
        return [word]
    cache = lex.corrections
    if (known := cache.get(word)) is None:
        if len(cache) >= MAX_CACHED:
            cache.clear()
        known = cache[word] = corrections(word, deletes, lex.vendor_set)
    return known


def _tier_typo(word: str, options: list[str]) -> bool:
    return bool(options) and options[0] != word and any(o in TIER_WORDS for o in options)


#: Most corrected words in one name: more than two typos in one name is a different name.
MAX_TYPOS = 2


def _runs(options: list[list[str]], words: list[str]) -> Iterator[tuple[list[str], bool]]:
    typos = sum(1 for o, w in zip(options, words, strict=True) if o != [w])
    if typos > MAX_TYPOS:
        return
    for combo in product(*options):
        run = list(combo)
        yield run, run == words


def _longest(
    lex: Lexicon,
    strict: Set[tuple[str, ...]],
    msg: Message,
    options: list[list[str]],
    start: int,
    end: int,
) -> Hit | None:
    for stop in range(end, start, -1):
        for run, exact in _runs(options[start:stop], msg.words[start:stop]):
            key = form_key(run)
            strict_says = exact and key in strict and not msg.written_as_id(start, stop)  # an id is read here too
            if key not in lex.forms or strict_says or ("latest" in key and run[-1] != "latest"):
                continue  # unknown, the strict pass's to decide, or "the latest Kimi" (prose, not an id)
            vendors = msg.vendors_around(start, stop, key)
            if len(key) == 1 and key[0] in TIER_WORDS:  # "search", "coder": a tier many vendors use names nobody;
                users = lex.word_vendors.get(key[0], set())  # "maverick" by "meta" names Meta's
                if not (len(users) == 1 or (len(users) == 2 and users & vendors)):
                    continue
            found = lex.lookup(key, vendors, " ".join(run))
            if found is None:
                continue
            mid, level = found
            if level == NICK and len(key) == 1 and key[0] in DESCRIPTIVE:
                continue  # "arabic", "assistant": words that describe a model name none alone
            if all(w in DESCRIPTIVE for w in key) and not msg.written_as_id(start, stop):
                continue  # "the tiny router model" is no "Model Router"; "model-router" is
            if level == NICK and len(key) == 1:  # "terminus" names DeepSeek's model only beside "deepseek" (not
                if not _by_its_lab(lex, msg, start, stop, mid):  # "deep research", "sonar"); "scout" beside "llama"
                    continue
                if exact:
                    return Hit(start, stop, mid, exact)
            if level >= SHORT and msg.in_path(start):
                continue  # "api/v3.1/chat": a path segment, not a name with its family left out
            if not exact and (level >= SHORT or (len(key) < 2 and len(run[0]) < 6)):
                continue  # a corrected word needs the family named, or to be long, to be trusted
            called = len(key) == 1 and lex.called.get(mid) == key and _model_code(key[0])
            # the family named elsewhere in the message stands for a sibling's ("gpt 5 pro for review, 5 nano for tags")
            kin = level == SHORT and lex.family.get(mid) in msg.words
            # a family capitalised mid-sentence is written as a product's name ("is Mercury 2 still in beta")
            titled = any(
                msg.words[j] in lex.hint_words and capitalised_mid_sentence(msg.original, msg.toks[j])
                for j in range(start, stop)
            )
            if _fires(key, level, lex.vendor_of.get(mid), vendors, msg, start, stop, called or kin, titled):
                return Hit(start, stop, mid, exact)
            if level <= LOOSE and len(key) >= 3:
                return None  # a full name read but not trusted here: never the shorter name of another model
    return None


def _by_its_lab(lex: Lexicon, msg: Message, start: int, stop: int, mid: str) -> bool:
    """An organisation's own word for ``mid``'s lab, or the model's family word standing alone ("scout from
    llama", not the "glm" of a GLM model named beside "assistant"), within the window (a stated lab, not an
    inferred one); in model talk, a sibling's nickname does too."""
    if mid not in lex.labelled:
        return False
    vendor, family = lex.vendor_of.get(mid), lex.family.get(mid)
    lo, hi = max(0, start - VENDOR_WINDOW), min(len(msg.words), stop + VENDOR_WINDOW)
    org = lex.org_words
    if any(
        (w == family and not msg.read[j]) or (w in org and lex.vendor_words.get(w) == vendor)
        for j, w in enumerate(msg.words[lo:hi], lo)
    ):
        return True
    # in model talk, a sibling's nickname beside it stands for the family ("maverick vs scout": both Llama 4)
    own = msg.words[start:stop]
    return msg.context and any(w not in own and _nickname_in(lex, w, family, mid) for w in msg.words[lo:hi])


def _nickname_in(lex: Lexicon, word: str, family: str | None, mid: str) -> bool:
    """Whether ``word`` alone is the nickname of another model of ``family``."""
    form = lex.forms.get((word,), {})
    return family is not None and any(i != mid and lv == NICK and lex.family.get(i) == family for i, lv in form.items())


def _fires(
    key: tuple[str, ...],
    level: int,
    vendor: str | None,
    vendors: set[str],
    msg: Message,
    start: int,
    stop: int,
    named: bool = False,
    titled: bool = False,
) -> bool:
    """Whether a form counts here: specific enough alone, or backed by its vendor or the message's context.
    ``named``: the model is called just this code once its vendor word is left out ("k2" for Kimi K2)."""
    near_vendor = vendor in vendors
    if level == NICK:  # "codex max", "meta maverick": with the vendor, or two words in model talk or as an id
        return near_vendor or (len(key) >= 2 and (msg.context or msg.written_as_id(start, stop)))
    if level == SHORT:  # the family left out
        versioned = any(_LETTERED_VERSION.match(w) for w in key)
        sized = any(is_size_token(w) for w in key) and any(w.isalpha() and w not in TIER_WORDS for w in key)
        others = [w for w in key if not _LETTERED_VERSION.match(w) and not is_size_token(w)]
        if len(key) >= 2 and (sized or (versioned and any(w not in SHARED_TIERS for w in others))):
            return True  # "oss 120b", "k2 thinking"; "k2 base" (a camp) or "k2 turbo" need more
        if not any(c.isalpha() for w in key for c in w):  # "openai 5.4": a bare version alone, by its vendor
            return msg.standalone(start, stop) and msg.strong_vendor_near(start, stop, vendor)
        # "fable 5" (a sub-family and its number), "k2.6" or "4o" alone: in model talk
        subfamily = len(key) >= 2 and any(w.isalpha() and w not in TIER_WORDS for w in key)
        word = key[0]
        dotted = len(key) == 1 and versioned and "." in word and not word.startswith("v")  # v3.1: any software
        dotted = dotted or (len(key) == 1 and word[0].isdigit() and word[-1].isalpha() and not is_size_token(word))
        glued = len(key) >= 2 and msg.glued_number(start, stop)  # "sonnet45": written as one word, as ids are
        specific_short = len(key) >= 2 and (versioned or distinctive_without_brand(key))  # "k2 thinking", "2.5 flash"
        return near_vendor or (msg.context and (subfamily or dotted or named or glued or specific_short))
    if len(key) == 1:
        if not any(c.isdigit() for c in key[0]):  # "Perplexity Sonar": one word only with its vendor
            return msg.vendor_next_to(start, stop, vendor, key) and len(key[0]) >= 4
        return specific(key, EXACT) and (near_vendor or msg.context)
    if any(c.isdigit() for w in key for c in w):  # "mercury2" glued is no "mercury 2" in prose
        if len(key) == 2 and not SEQUENCE_WORDS.isdisjoint(key) and any(w.isdigit() for w in key):
            # "step3 failed": a numbered step, unless its lab is named ("stepfun step 3") or it is written as the
            # model's id in model talk ("moved the agent to step-3")
            hyphened = stop - start == 2 and msg.masked[msg.toks[start].end : msg.toks[start + 1].start] == "-"
            return near_vendor or (msg.context and hyphened)
        return specific(key, level) or near_vendor or msg.context or msg.glued_number(start, stop) or titled
    if msg.context or near_vendor or msg.vendor_next_to(start, stop, vendor, key):
        return True
    if msg.written_as_id(start, stop) and (len(key) >= 3 or all(len(w) > 1 for w in key)):
        return True
    run = msg.toks[start:stop]
    titled = len(run) >= 2 and all(msg.original[t.start].isupper() for t in run)  # "Mercury Coder", "Nova Premier"
    capital = titled or any(capitalised_mid_sentence(msg.original, t) for t in run)
    return capital and not any(w in STOPWORDS or (len(w) == 1 and len(key) < 3) for w in key)


def whole(lex: Lexicon, deletes: Mapping[str, Set[str]], words: list[str]) -> str | None:
    """The one model a command argument names when every word (typos corrected) makes one known form.

    A command argument is always a model name, so any form counts, the family left out included; a form that
    several models share still answers nothing."""
    if not words or len(words) > MAX_NGRAM:
        return None
    options = [word_options(w, lex, deletes) or [w] for w in words]
    for run, _ in _runs(options, words):
        key = form_key(run)
        found = lex.lookup(key, set())
        if found is not None and _names_alone(lex, key, found):
            return found[0]
    vendor = lex.vendor_words.get(words[0])
    if len(words) >= 2 and vendor and words[0] not in lex.hint_words:  # "sakana fugu": a vendor, then its model
        # (a family word is never dropped: "gemini 4 ultra" is no Gemini, not Google's Imagen 4 Ultra)
        mid = whole(lex, deletes, words[1:])
        if mid is not None and lex.vendor_of.get(mid) == vendor:
            return mid
    return None


def _names_alone(lex: Lexicon, key: tuple[str, ...], found: tuple[str, int]) -> bool:
    """Whether a form names its model on its own: not a bare number, size or tier word ("5", "32b", "pro"), not a
    family word ("gemini", "grok") unless the model is called just that ("Fugu")."""
    mid, level = found
    if len(key) > 1:
        return True
    (word,) = key
    if names_nothing(key):
        return False
    if word in lex.vendor_words and lex.name_key.get(mid) != key:
        return False
    return level < SHORT or bool(_LETTERED_VERSION.match(word)) or (word[0].isdigit() and word[-1].isalpha())
