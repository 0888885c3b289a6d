"""Model-like names the catalog does not have ("gpt-7", "claude opus 7", "kimi k5", "o7-mini"), and names the
matcher read only part of ("mistral large 5" is not Mistral Large; "pixtral 3 large" is not Mistral Large 3).

A team that asks about a model the catalog lacks must hear "not in the catalog" with the nearest names, never an
answer about a different model. The catalog's own vocabulary decides what looks like a model name: a family word
the index knows (``brands``), an optional word that some model name uses ("opus", "large"), and a version.
"""

from __future__ import annotations

import itertools
import re

from catalog.errors import AmbiguousModel, ModelNotFound
from catalog.matching.results import Mention, Resolved
from catalog.matching.rules import TIER_WORDS
from catalog.service import Catalog

Unknown = tuple[tuple[int, int], str, tuple[str, ...]]
"""(span in the message, the name as written, the nearest names; led by "?" when the name could mean several)."""

#: (never the first word of an attribute: "glm-9 max output tokens" asks the max output of "glm-9")
_TIER_AFTER = (
    r"(?:pro|mini|max(?! (?:output|context|tokens))|ultra|flash|opus|sonnet|haiku|nano|lite|plus|turbo|\d{1,4}b)"
)
#: family, an optional word between ("claude opus 7"), a version ("5", "4.5", "k5", "r3", "v4"), a tier after.
_MODEL_LIKE = re.compile(
    rf"\b([a-z]{{1,12}})(?:[ -]([a-z]{{3,10}}))?[ -]?([a-z]?\d{{1,2}}(?:\.\d{{1,2}})?[a-z]?)\b((?:[ -]{_TIER_AFTER})?)"
)
#: A capitalised family and a capitalised word after it ("Mistral Everest", "Nova Colossal").
_TITLED = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,12})[ -]([A-Z][a-z]{2,14})\b(?![ -]?\d)")
#: A capitalised word and a parameter count ("Falcon 500B", "Titan 70b"), not money ("$500B").
_SIZED = re.compile(r"(?<![$\w])([A-Z][a-z]{2,12})[ -](\d{1,4}(?:\.\d)?[bB])\b")
#: A name in quotes or backticks ("Orion-2", `nimbus 3`), and a capitalised name with a hyphened version.
_QUOTED = re.compile(r"[\"“'`]([A-Za-z][A-Za-z0-9]{1,15}(?:[-. ][A-Za-z0-9]{1,10}){0,3})[\"”'`]")
_HYPHENED = re.compile(r"(?<![$\w-])([A-Z][a-z]{2,12}-\d{1,2}(?:\.\d)?)(?![\w.-])")
#: A family and one or two tier words ("sonar ultra max", "command z"), read when nothing matched them.
_TIERED = re.compile(r"\b([a-z]{2,12})((?:[ -][a-z]{1,8}){1,2})\b")
#: A one-letter version after a family ("command r", "command z"); "a" and "i" are words.
_VERSION_LETTER = re.compile(r"[b-hj-z]")
#: Words model names share with English: never the middle of a model-like name ("deepseek for 3 weeks").
_NOT_MIDDLE = frozenset({"the", "for", "with", "new", "next", "and", "now", "than", "from", "into", "over", "all"})
#: English words that are never a product's middle name, even in a question ("is claude for 3 seats …").
_PROSE = _NOT_MIDDLE | frozenset(
    {"was", "are", "has", "had", "have", "per", "via", "costs", "cost", "uses", "takes", "gets", "got", "about",
     "under", "after", "since", "plus", "runs", "ran", "scored", "scores", "did", "does", "can", "will", "just",
     "still", "also", "only", "like", "says", "said", "one", "two", "three", "four", "five", "six", "seven",
     "eight", "nine", "ten", "more", "less", "top", "best", "last", "first", "old", "our", "its", "their", "your",
     "any", "some", "each", "every", "these", "those", "this", "that", "what", "which", "version", "release",
     "model", "models", "gives", "needs", "handles", "supports", "beats", "vs", "versus", "across", "between"}
)  # fmt: skip
#: Line names one lab uses alone ("sonnet 7.2" is a Claude): Anthropic names its tiers Haiku, Sonnet and Opus.
_LINE_OF = {"sonnet": "claude", "opus": "claude", "haiku": "claude"}
#: A bare version right after a matched name ("mistral large 5"), not a count ("gpt-4o 2k requests", "3 times").
_TRAILING_VERSION = re.compile(r"[ -](\d{1,2}(?:\.\d{1,2})?)(?![\w.%$]|,\d)(?!\s*(?:x\b|times|tokens?|req|requests|%))")
_TRAILING_LETTER = re.compile(r"[ -][b-hj-z](?![\w./'&])")
_WORD_BEFORE = re.compile(r"\b([a-z]{2,12})[ -]$")
#: A tier word right after a matched name, not the start of an attribute ("gpt-5 max output" asks its output).
_TRAILING_TIER = re.compile(
    r"[ -]([a-z]{2,10})\b(?![ -](?:output|tokens?|context|window|length|price|pricing|cost|limit|effort|mode"
    r"|\d+(?:[.,]\d+)? ?(?:m|k|mio|million|mtok)|million|mtok)\b)"
)  # "GPT-5.1 pro 1M Tokens" is German for "per 1M tokens", not a GPT-5.1 Pro


def _other_tier(word: str, mention: Mention, catalog: Catalog) -> bool:
    """``word`` is a tier the mentioned model lacks but some model named with the words typed has ("nova 3 pro":
    Nova Pro exists; "haiku 4.5 fast": no Haiku is Fast, so that asks whether it is fast)."""
    if word not in TIER_WORDS or word in re.findall(r"[a-z]+", mention.name.lower()):
        return False
    typed = {*re.findall(r"[a-z]{2,}", mention.text.lower()), word}
    postings = catalog.index.postings
    return bool(set.intersection(*(postings.get(w, set()) for w in typed)))


def unknown_names(rest: str, catalog: Catalog, original: str = "", asked: bool = False) -> list[Unknown]:
    """Family words with a version that no model matched, in ``rest`` (the message with matched names blanked;
    ``original``: the same text as written, for its capitals). A family the index does not know is no model name
    ("python 3.11"); a one-letter series ("o7") counts with a tier after it ("o7-mini"), or alone when ``asked``
    (the message asks for a model's attribute: "how much does o5 cost?"), since "r3" alone is as often a part
    number."""
    out: list[Unknown] = []
    brands, vocab = catalog.index.brands, catalog.index.lexicon.vocab
    series = _letter_series(vocab)
    pos = 0
    while (m := _MODEL_LIKE.search(rest, pos)) is not None:
        family, middle, tier = m.group(1), m.group(2), m.group(4)
        pos = m.end(1)  # a rejected start ("is gpt-7") must not swallow the name after it
        # a middle word no name has counts only written as an id ("Falcon-Omega-2T"), not in prose ("python for 3")
        as_id = "-" in rest[m.start(1) : m.end(3)] and " " not in rest[m.start(1) : m.end(3)]
        # ... or written as a product's name, each word capitalised ("Mistral Colossal 2")
        titled = middle is not None and original[m.start(1) : m.start(1) + 1].isupper()
        titled = titled and original[m.start(2) : m.start(2) + 1].isupper()
        # ... or asked about ("what does claude verse 2 cost?"), where it is no English word
        spoken = asked and middle not in _PROSE and family in brands
        unread = middle in _NOT_MIDDLE or (middle not in vocab and not as_id and not titled)
        if middle is not None and unread and not spoken:
            continue
        alone = asked and family in _named_series(catalog)  # "how much does o5 cost?": o1, o3, o4-mini exist
        series_name = len(family) == 1 and family in series and (bool(tier) or alone) and middle is None
        line = _LINE_OF.get(family) if asked and middle is None else None  # "does sonnet 7.2 …?"
        if family not in brands and not series_name and line is None:
            continue
        pos = m.end()
        name = m.group(0).strip()
        if (hit := _lookup(f"{line} {name}" if line else name, catalog)) is not None:
            out.append((m.span(), name, _same_family(hit, line or family, catalog)))
    for m in _SIZED.finditer(original):  # "Falcon 500B": a capitalised name with a size, whatever its family
        if rest[m.start() : m.end()].lower() != m.group().lower() or any(
            a < m.end() and m.start() < b for (a, b), _, _ in out
        ):
            continue  # part of a name already read
        if (hit := _lookup(m.group(), catalog)) is not None and hit[:1] != ("?",):
            out.append((m.span(), m.group(), hit))
    if asked:  # "Mistral Everest — context window?": a family and a capitalised word no name has, asked about
        for m in _TITLED.finditer(original):
            family, word = m.group(1).lower(), m.group(2).lower()
            if family not in brands or word in vocab or word in _PROSE or word in TIER_WORDS:
                continue
            if rest[m.start() : m.end()].lower() != m.group().lower() or any(
                a < m.end() and m.start() < b for (a, b), _, _ in out
            ):
                continue  # part of a name already read
            if (hit := _lookup(m.group(), catalog)) is not None:
                out.append((m.span(), m.group(), _same_family(hit[1:] if hit[:1] == ("?",) else hit, family, catalog)))
    if asked:  # "is Orion-2 open source?", 'any info on "Nimbus 3" pricing?': a product name, asked about
        for m in itertools.chain(_QUOTED.finditer(original), _HYPHENED.finditer(original)):
            start, end = m.span(1)
            if not any(c.isdigit() for c in m.group(1)) or rest[start:end].lower() != m.group(1).lower():
                continue  # part of a name already matched, or no version
            if any(a < end and start < b for (a, b), _, _ in out):
                continue
            if (hit := _lookup(m.group(1), catalog)) is not None and hit[:1] != ("?",):
                out.append(((start, end), m.group(1), hit))
    taken = [span for span, _, _ in out]
    pos = 0
    while (m := _TIERED.search(rest, pos)) is not None:  # "sonar ultra max": a family and tier words no model has
        pos = m.end(1)  # each word may start a name: "what about nova ultra" is read from "nova" too
        family, words = m.group(1), re.split(r"[ -]", m.group(2).strip(" -"))
        tiers = list(itertools.takewhile(lambda t: t in TIER_WORDS or bool(_VERSION_LETTER.fullmatch(t)), words))
        if family not in brands or not tiers:
            continue  # ("nova ultra monthly …": the tiers end where the name does)
        kept = re.match(rf"(?:[ -][a-z]{{1,8}}){{{len(tiers)}}}", m.group(2))  # the tier words, as written
        end = m.start(2) + (kept.end() if kept else 0)
        if any(a < end and m.start() < b for a, b in taken):
            continue
        name = rest[m.start() : end]
        hit = _lookup(name, catalog)
        if hit is not None and hit[:1] == ("?",) and all(len(t) == 1 for t in tiers):
            hit = hit[1:4]  # "command z": a letter no model has, near several that do
        if hit is not None and hit[:1] != ("?",):
            out.append(((m.start(), end), name, _same_family(hit, family, catalog)))
    return out


def _same_family(near: tuple[str, ...], family: str, catalog: Catalog) -> tuple[str, ...]:
    """The nearest names of the family asked about ("gemini 7 ultra": Gemini models, not "Imagen 4 Ultra"); the
    family's most widely served models when the spelling-nearest are all of other families."""
    if near[:1] == ("?",):
        return near
    if len(family) < 2:  # "o5": the series' own models ("o3", "o4-mini"), not names that merely start with "o"
        return tuple(n for n in near if re.match(rf"{family}\d", n.lower())) or _series_names(family, catalog)[:3]
    kin = tuple(n for n in near if family in n.lower())
    if kin:
        return kin
    served = [m.name for m in catalog.models.values() if m.name.lower().startswith(family)]
    return tuple(served[:3]) or near


def checked_mentions(
    lower: str, mentions: tuple[Mention, ...], catalog: Catalog
) -> tuple[list[Mention], list[Unknown]]:
    """``mentions`` without the ones a neighbouring version or family word turns into another name: "mistral
    large 5" (Mistral Large has no 5) and "pixtral 3 large" (Mistral Large 3 is no Pixtral) are names the
    catalog lacks, answered as such, not as the model the matcher read part of."""
    kept: list[Mention] = []
    unknown: list[Unknown] = []
    for mention in mentions:
        mention = _without_asking_tail(mention, catalog)
        start, end = mention.start, mention.end
        after = _TRAILING_VERSION.match(lower, end) if not lower[end - 1 : end].isdigit() else None
        lettered = False
        if after is None and not any(c.isdigit() for c in mention.text):
            after = _TRAILING_LETTER.match(lower, end)  # "command z": Cohere has no Command Z
            lettered = after is not None
        tier = _TRAILING_TIER.match(lower, end) if after is None else None
        if tier is not None and _other_tier(tier.group(1), mention, catalog):
            after = tier  # "nova 3 pro": Deepgram's Nova 3 has no Pro, but Nova models do
        if after is not None:
            end = after.end()
        before = _WORD_BEFORE.search(lower[max(0, start - 14) : start])
        name_words = set(re.findall(r"[a-z]+", mention.name.lower()))
        if before is not None and before.group(1) in catalog.index.brands and before.group(1) not in name_words:
            start -= len(before.group(0))
        if (start, end) == (mention.start, mention.end):
            kept.append(mention)
            continue
        name = lower[start:end]
        try:
            found = catalog.index.resolve(name)
        except ModelNotFound as exc:
            unknown.append(((start, end), name, tuple(exc.suggestions[:3])))
        except AmbiguousModel as exc:
            near = tuple(n for _, n in exc.candidates[:5])
            unknown.append(((start, end), name, near[:3] if lettered else ("?", *near)))  # a letter names none
        else:
            if found.how == "fuzzy":  # a near name is a guess: say what the catalog has instead
                unknown.append(((start, end), name, (found.name,)))
            else:
                kept.append(mention if found.model_id == mention.model_id else _renamed(mention, found.model_id))
    return kept, unknown


#: Words that ask about a model rather than name it, though some listing's name ends in one ("DeepSeek R1 Cheaper").
_ASKING_TAIL = frozenset({"cheaper", "cheapest", "pricier", "price", "pricing", "license", "licensed"})


def _without_asking_tail(mention: Mention, catalog: Catalog) -> Mention:
    """ "is deepseek r1 cheaper than o3?" asks about DeepSeek-R1, not a reseller's "DeepSeek R1 Cheaper"."""
    head, _, tail = mention.text.rpartition(" ")
    if not head or tail.lower() not in _ASKING_TAIL:
        return mention
    try:
        found = catalog.index.resolve(head)
    except (ModelNotFound, AmbiguousModel):
        return mention
    if found.how == "fuzzy":
        return mention
    return Mention(mention.start, mention.start + len(head), head, found.model_id, found.name, mention.score)


_SIBLING = re.compile(r"\s*(?:,|and|&|or|/|vs\.?)\s*(?:the\s+)?([a-z]+)\b")


def elided_siblings(lower: str, mentions: list[Mention], catalog: Catalog) -> list[Mention]:
    """ "gpt-4.1 mini and nano": the second model is the first's name with the tier word swapped (or added:
    "gpt-5 and mini"), when the catalog has exactly that model."""
    out: list[Mention] = []
    taken = {(m.start, m.end) for m in mentions}
    for mention in mentions:
        hit = _SIBLING.match(lower, mention.end)
        if hit is None or hit.group(1) not in TIER_WORDS or any(a < hit.end() and hit.start(1) < b for a, b in taken):
            continue
        words = mention.name.split()
        tiers = [i for i, w in enumerate(words) if w.lower() in TIER_WORDS]
        name = [*words[: tiers[-1]], hit.group(1), *words[tiers[-1] + 1 :]] if tiers else [*words, hit.group(1)]
        try:
            found = catalog.index.resolve(" ".join(name))
        except (ModelNotFound, AmbiguousModel):
            continue
        if found.how != "fuzzy" and found.model_id != mention.model_id:
            out.append(Mention(hit.start(1), hit.end(1), hit.group(1), found.model_id, found.name, mention.score))
    return out


_WORDS = re.compile(r"[a-z0-9][a-z0-9.+-]*")


def family_led(lower: str, families: tuple[str, ...], catalog: Catalog) -> list[Mention]:
    """A name the chat matcher let pass but the command resolver knows exactly, starting at a family word the
    message names ("ministral 8b instruct license?"): read only in questions, longest run first, never a guess."""
    out: list[Mention] = []
    words = list(_WORDS.finditer(lower))
    known: dict[str, Resolved | None] = {}  # a run asked twice is looked up once ("… ERNIE 4.5 …" pasted 60 times)
    for i, w in enumerate(words):
        if w.group(0) not in families:
            continue
        for n in range(min(MAX_RUN, len(words) - i), 0, -1):  # down to the family word alone ("codestral")
            start, end = w.start(), words[i + n - 1].end()
            run = lower[start:end]
            if run not in known:
                if len(known) >= MAX_LOOKUPS:
                    return out  # hostile text: a bounded number of look-ups per message
                try:
                    known[run] = catalog.index.resolve(run)
                except (ModelNotFound, AmbiguousModel):
                    known[run] = None
            found = known[run]
            if found is not None and found.how != "fuzzy":
                out.append(Mention(start, end, run, found.model_id, found.name, found.score))
                break
    return out


#: Most distinct runs one message may look up (each is a resolver call, ~100 µs).
MAX_LOOKUPS = 60


#: Words a family-led name may run to ("ministral 8b instruct 2410").
MAX_RUN = 5


def _renamed(mention: Mention, model_id: str) -> Mention:
    return Mention(mention.start, mention.end, mention.text, model_id, mention.name, mention.score)


def _lookup(name: str, catalog: Catalog) -> tuple[str, ...] | None:
    """The nearest names when ``name`` is no one model (None when it is one)."""
    try:
        found = catalog.index.resolve(name)
    except ModelNotFound as exc:
        return tuple(exc.suggestions[:3])
    except AmbiguousModel as exc:
        return ("?", *(n for _, n in exc.candidates[:5]))
    return (found.name,) if found.how == "fuzzy" else None


_SERIES: dict[int, frozenset[str]] = {}


def _letter_series(vocab: set[str]) -> frozenset[str]:
    """Letters some model family is a letter plus a number of ("o1", "o3": "o"); worked out once per loaded
    index, not on every message (the vocabulary has ~1,200 words)."""
    key = id(vocab)
    if key not in _SERIES:
        _SERIES.clear()
        _SERIES[key] = frozenset(
            w[0] for w in vocab if len(w) <= 3 and w[0].isalpha() and w[1:].isdigit() and w[0] != "v"
        )
    return _SERIES[key]


_NAMED_SERIES: dict[int, dict[str, tuple[str, ...]]] = {}
#: A letter series is a family when this many models are named by it ("o1", "o3", "o4-mini" …).
MIN_SERIES_MODELS = 5


def _series_names(letter: str, catalog: Catalog) -> tuple[str, ...]:
    key = id(catalog.models)
    if key not in _NAMED_SERIES:
        table: dict[str, list[str]] = {}
        for m in sorted(catalog.models.values(), key=lambda m: m.release_date or "", reverse=True):
            if re.match(r"[A-Za-z]\d", m.name):
                table.setdefault(m.name[0].lower(), []).append(m.name)
        _NAMED_SERIES.clear()
        _NAMED_SERIES[key] = {k: tuple(v) for k, v in table.items()}
    return _NAMED_SERIES[key].get(letter, ())


def _named_series(catalog: Catalog) -> frozenset[str]:
    """Letters whose models are named by the letter and a number (o1, o3, o4-mini), newest first."""
    _series_names("", catalog)
    return frozenset(k for k, v in _NAMED_SERIES[id(catalog.models)].items() if len(v) >= MIN_SERIES_MODELS)


__all__ = ["Unknown", "checked_mentions", "elided_siblings", "family_led", "unknown_names"]
