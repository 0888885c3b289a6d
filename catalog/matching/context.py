"""Context for names made of everyday words ("nova lite", "sonar pro", "command a"): they count as a model only
when the message talks about models, or the family word is capitalised mid-sentence ("we tried Nova Lite").

Also the family hints: a family named without a specific model ("is claude any good?").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Set
from dataclasses import dataclass

from catalog.matching.lexicon import Lexicon
from catalog.matching.results import Mention
from catalog.matching.rules import ENGLISH_FAMILIES, STOPWORDS, WEAK_FAMILIES, capitalised_mid_sentence
from catalog.matching.text import Tok

#: Words that show a message is about models (any one is enough).
MODEL_TALK = frozenset(
    {
        *("model", "models", "llm", "llms", "api", "token", "tokens", "context", "prompt", "prompts", "fallback"),
        *(
            "eval",
            "evals",
            "benchmark",
            "benchmarks",
            "latency",
            "pricing",
            "price",
            "cost",
            "inference",
            "provider",
            "endpoint",
        ),
        *("rag", "agent", "completion", "completions", "hallucinated", "hallucinates", "finetune", "embeddings"),
        *("summaries", "classifier", "router", "picker", "deployment", "temperature", "throughput", "vision"),
        *("cheap", "cheaper", "expensive", "pricey", "tool", "tools", "reasoning", "coding", "vs", "versus"),
        *("run", "trial", "try", "tried", "trying", "use", "using", "switch", "switched", "timing", "timeout"),
        *("default", "gateway", "costs", "prices", "endpoints", "providers", "agents", "deprecated", "prod"),
        # what a team asks about a model: volume, its bill, its license, where it runs, how it scores
        *("requests", "monthly", "input", "output", "license", "licensed", "weights", "1m", "gpqa", "mmlu"),
        *("humaneval", "bedrock", "azure", "vertex", "openrouter", "groq"),
        # what a team says a model did, or asks it to do: it wrote, answered, hallucinated, handled the migration
        *("wrote", "writes", "answered", "answers", "answer", "replied", "responses", "outputs", "generated"),
        *("json", "function", "calling", "citations", "refactor", "migration", "summarizer", "summariser"),
        *("chatbot", "bot", "playground", "baseline", "bakeoff", "drafting", "drafts", "quality", "one-shotted"),
        *("shotted", "moving", "migrate", "migrated", "better", "worse", "smarter", "dumber", "faster", "slower"),
        *("rerun", "compare", "compared", "comparing", "cutoff", "fine-tuned", "finetuned", "self-host", "hosted"),
        # the jobs a team gives a model: "just use 2.5 flash for the OCR cleanup"
        *("ocr", "tagging", "classification", "summarization", "summarisation", "translation", "transcription"),
        *("extraction", "captioning", "moderation", "browsing", "multimodal", "autocomplete", "copilot"),
        # what a lab ships: "the new checkpoint", "an agentic one"
        *("checkpoint", "checkpoints", "agentic", "finetunes", "quantised", "quants", "tested", "evaluated"),
    }
)
#: How a served model behaves in operations (slow, down, timing out): model talk for names of two words or more,
#: but a region, a room or a server is just as often down ("r1 region outage"), so never for a short name.
OPERATIONS_TALK = frozenset(
    {
        *("slow", "down", "outage", "timeouts", "errors", "429s", "500s", "rate-limited", "limits", "logs"),
        *("ignores", "ignoring", "deploy", "deployed", "self-hosted", "serving", "served", "quantized", "prompted"),
        # what a team says of a tool it tried: good at this, solid, handles it, struggles
        *("good", "great", "decent", "solid", "impressive", "fine", "works", "worked", "handles", "handled"),
        *("struggles", "struggled", "nailed", "fails", "failed", "carried", "accurate", "reliable", "flaky"),
    }
)


def context_worthy(key: tuple[str, ...], words: list[str], rank: int, brands: Set[str]) -> bool:
    """A digitless name of two or more words with a family that is an everyday word: a match only in context."""
    return (
        rank <= 1
        and "latest" not in words
        and len(key) >= 2
        and not any(c.isdigit() for w in key for c in w)
        and not any(w in STOPWORDS and w != NAME_LETTER for w in key)
        and any(w in brands and w in WEAK_FAMILIES | ENGLISH_FAMILIES for w in key)
    )


#: A stopword that is also a model's letter ("Command A"): read as the name only as ``letter_as_named`` allows.
NAME_LETTER = "a"


def letter_as_named(original: str, toks: list[Tok], words: list[str], start: int, stop: int) -> bool | None:
    """How "a" reads in an everyday-word name. None: the name has no such letter. True: written as the name writes
    it, capitals after a space ("Command A"), which is context enough. False: a lowercase "a" in a two-word name
    ("run command a few times") or a shortcut ("Command-A", "Cmd+A"); with a third word ("command a vision") the
    letter is only part of a longer name, and the name's own context rules apply (None)."""
    if NAME_LETTER not in words[start:stop]:
        return None
    j = start + words[start:stop].index(NAME_LETTER)
    if j == start:
        return False  # "open a command prompt": the article before the family word, never the name's letter
    capital = j > start and original[toks[j].start] == "A" and original[toks[j - 1].end : toks[j].start] == " "
    if capital and original[toks[start].start].isupper():
        return True
    if capital or stop - start >= 3:
        return None
    # lowercase "command a" is the model when what follows cannot go on the article's noun phrase ("command a for
    # drafts", "command a did great", "command a vs …"); "command a few times" is English
    after = words[stop] if stop < len(words) else ""
    ends = stop >= len(toks) or original[toks[stop - 1].end : toks[stop].start].strip() != ""
    return None if ends or after in STOPWORDS or after in MODEL_TALK or after in _AFTER_A_NAME else False


#: Verbs a name is the subject of, which never follow the article "a" ("a did" is no English), and the
#: prepositions of a question about it ("command a per 1M?").
_AFTER_A_NAME = frozenset(
    {"did", "does", "do", "was", "has", "had", "gave", "got", "can", "could", "would", "will", "per", "at", "via"}
)  # fmt: skip


def _inflected(words: frozenset[str]) -> frozenset[str]:
    """Each talk word with its common inflections ("refactor": "refactored", "refactoring", "refactors")."""
    out = set(words)
    for w in words:
        if w.isalpha() and len(w) >= 4:
            stem = w[:-1] if w.endswith("e") else w
            out |= {f"{w}s", f"{stem}ed", f"{stem}ing"}
    return frozenset(out)


MODEL_TALK = _inflected(MODEL_TALK)
OPERATIONS_TALK = _inflected(OPERATIONS_TALK)
#: Every talk word: none is ever typo-corrected into a model word ("slow" is not a slip of "low").
ANY_TALK = MODEL_TALK | OPERATIONS_TALK


def talks_about_models(words: list[str]) -> int:
    """2: the message talks about models; 1: only about how something is served (``OPERATIONS_TALK``); 0: neither."""
    return 2 if not MODEL_TALK.isdisjoint(words) else int(not OPERATIONS_TALK.isdisjoint(words))


def in_context(original: str, toks: list[Tok], words: list[str], start: int, brands: Set[str]) -> bool:
    """Whether a context-only name starting at ``start`` counts without model talk: a capitalised family."""
    return any(
        w in brands and capitalised_mid_sentence(original, t) for w, t in zip(words[start:], toks[start:], strict=False)
    )


def titled(original: str, toks: list[Tok]) -> bool:
    """Every word after the first capitalised, as a product's name is written ("Sonar Pro Search is the agentic
    one" at the start of a sentence, where the family's own capital says nothing)."""
    later = toks[1:]
    return bool(later) and all(original[t.start].isupper() and original[t.start : t.end].isalpha() for t in later)


@dataclass(frozen=True, slots=True)
class Run:
    """A run of a message's tokens that reads as an everyday-word name, with what surrounds it."""

    original: str
    toks: list[Tok]
    words: list[str]
    start: int
    stop: int


def counts_in_context(run: Run, mid: str, talk: bool, lex: Lexicon) -> bool:
    """Whether an everyday-word name ("nova pro", "command a") is the model here: "Command A" as the name writes
    it, or lowercase beside its lab ("cohere's command a"); else model talk or a capitalised family, and never
    right after another maker's capitalised word ("Arctis Nova Pro")."""
    original, toks, words, start = run.original, run.toks, run.words, run.start
    letter = letter_as_named(original, toks, words, start, run.stop)
    if letter is False:
        letter = lex.vendor_named(" ".join(words), mid)
    if letter is None:  # model talk, a capitalised family, or the model's own lab named ("cohere command light")
        letter = (
            talk
            or in_context(original, toks, words, start, lex.hint_words)
            or titled(original, toks[start : run.stop])
            or lex.vendor_named(" ".join(words), mid)
        )
    ok = letter
    return ok and not another_brand_before(original, toks, words, start, lex.vocab, lex.vendor_set)


def another_brand_before(
    original: str, toks: list[Tok], words: list[str], start: int, known: Set[str], vendors: Set[str]
) -> bool:
    """A capitalised word no name or vendor holds right before an everyday-word name: another maker's product
    ("Arctis Nova Pro" headphones, a "Deeper Sonar Pro" fish finder), not the model ("Amazon Nova Pro")."""
    if start == 0 or words[start - 1] in known or words[start - 1] in vendors:
        return False
    return capitalised_mid_sentence(original, toks[start - 1]) and original[toks[start - 1].end] == " "


def families(original: str, toks: list[Tok], words: list[str], used: list[bool], brands: Set[str]) -> tuple[str, ...]:
    """Family names mentioned without a specific model; everyday-word families only when capitalised."""
    out: dict[str, None] = {}
    for j, (tok, word) in enumerate(zip(toks, words, strict=True)):
        if used[j] or word not in brands:
            continue
        if word in ENGLISH_FAMILIES and not capitalised_mid_sentence(original, tok):
            continue
        out[word] = None
    return tuple(out)


def short_tier_typo(word: str, tiers: Set[str]) -> str:
    """A four-letter typo of a tier word next to a model name: one letter doubled or added ("proo", "maxx"), one
    dropped ("flsh") or two swapped ("mnii"). A changed letter is not a typo here: "last" is a word, not "fast"."""
    fixed = _extra_or_swapped(word, tiers)
    return fixed if fixed != word else _dropped_letter_index(frozenset(tiers)).get(word, word)


def _extra_or_swapped(word: str, tiers: Set[str]) -> str:
    candidates = {word[:i] + word[i + 1 :] for i in range(len(word))}  # one letter too many
    candidates |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}  # swapped
    found = sorted(c for c in candidates if c in tiers)
    return found[0] if len(found) == 1 else word


@functools.cache
def _dropped_letter_index(tiers: frozenset[str]) -> dict[str, str]:
    """Each word a tier becomes with one letter dropped ("flsh" -> "flash"), when only one tier does; built once
    rather than scanning every tier for every short word of every message."""
    owners: dict[str, set[str]] = {}
    for tier in tiers:
        for i in range(len(tier)):
            owners.setdefault(tier[:i] + tier[i + 1 :], set()).add(tier)
    return {variant: next(iter(ts)) for variant, ts in owners.items() if len(ts) == 1 and variant not in tiers}


#: A short name ("o3", "r1") written as a compiler flag or a line item: "-O3", "(O3)", "R1:".
_FLAGGED = frozenset("-(+=")
SHORT_NAME = 3


def short_names_in_context(
    found: list[Mention], masked: str, context: bool, vendor_named: Callable[[str, str], bool]
) -> list[Mention]:
    """Names of three characters or fewer ("o3", "r1", "k2") are also rooms, flags and molecules: they count only
    when the message talks about models, names another one or the model's vendor ("ds v3"), and never right after
    "-", "(", "+" or "="."""
    out = []
    for m in found:
        if len(m.text) <= SHORT_NAME:
            flagged = m.start > 0 and masked[m.start - 1] in _FLAGGED
            flagged = flagged and not (masked[m.start - 1] == "-" and masked[m.start - 2 : m.start - 1].isalpha())
            glued = _letters_before(masked, m.start)  # "dsr1": its vendor's word glued before it
            by_vendor = vendor_named(masked, m.model_id) or (bool(glued) and vendor_named(glued, m.model_id))
            if flagged or _other_sense(m.text.lower(), masked) or not (context or by_vendor):
                continue
        out.append(m)
    return out


def _letters_before(text: str, end: int, most: int = 12) -> str:
    """The letters written against position ``end`` (at most ``most``: vendor words are short)."""
    start = end
    while start > 0 and end - start < most and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


#: Words of the other domains short names live in: compiler flags ("gcc o3"), chemistry ("ozone (o3)").
OTHER_SENSES = frozenset(
    {"gcc", "clang", "compiler", "compile", "cflags", "optimization", "optimisation", "ozone", "oxygen", "molecule",
     "chemistry", "atmosphere", "motorbike", "motorcycle", "bmw", "yamaha", "mountain", "summit", "skis"}
)  # fmt: skip
_SHORT_CODE = re.compile(r"\b([a-z])(\d{1,2})\b")


def _other_sense(name: str, masked: str) -> bool:
    """A short name among words of another domain, or beside a sibling no model has ("o3 vs o2", "r1 and r2"):
    a series of flags or parts, not models."""
    if not OTHER_SENSES.isdisjoint(re.findall(r"[a-z]+", masked)):
        return True
    siblings = {f"{a}{b}" for a, b in _SHORT_CODE.findall(masked) if a == name[:1]} - {name}
    return any(s not in _MODEL_SHORT_CODES for s in siblings)


#: Letter-and-number names that are models ("o1", "o3", "o4", "r1", "k2"): a sibling that is one is no series.
_MODEL_SHORT_CODES = frozenset({"o1", "o3", "o4", "r1", "k2", "v3", "v2", "m1", "m2", "k1", "r2"})


#: Everyday-word families and the words of their other senses: "opus 3 of beethoven's trios" is music, "a sonnet
#: by shakespeare" poetry, "mercury in retrograde" astrology. Among these words a name is that sense unless the
#: message talks about models.
OTHER_DOMAINS: dict[str, frozenset[str]] = {
    "opus": frozenset({"beethoven", "mozart", "bach", "brahms", "chopin", "symphony", "sonata", "concerto", "piano",
                       "composer", "quartet", "trio", "trios", "orchestra", "violin", "cello", "movement"}),
    "sonnet": frozenset({"poem", "poems", "poetry", "poet", "shakespeare", "verse", "stanza", "rhyme", "iambic",
                         "petrarch", "petrarchan", "lines"}),
    "haiku": frozenset({"poem", "poems", "poetry", "poet", "syllables", "verse", "stanza", "basho"}),
    "mercury": frozenset({"planet", "thermometer", "retrograde", "orbit", "toxic", "element", "astronauts",
                          "freddie", "queen", "venus", "mars"}),
    "gemini": frozenset({"zodiac", "horoscope", "astrology", "constellation", "twins", "taurus", "cancer"}),
    "nova": frozenset({"scotia", "supernova", "telescope", "star", "stars", "galaxy", "astronomy"}),
}  # fmt: skip


def other_domain(name: str, words: Set[str]) -> bool:
    """Whether ``name`` (a mention's lower-cased words) holds a family whose other sense the message speaks of."""
    return any(f in OTHER_DOMAINS and not OTHER_DOMAINS[f].isdisjoint(words) for f in name.split())
