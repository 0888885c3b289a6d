"""The rules behind matching: which words are tiers, families and noise, which keys may fire in chat,
and the version guard. Kept apart from the index so the policy can be read (and argued with) in one place.
"""

from __future__ import annotations

import re

from catalog.identity.keys import VENDOR_TOKENS, is_size_token
from catalog.matching.text import Tok

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
#: Words that number the steps of a process: glued to a number ("step3", "phase2") they are a step, not a model.
SEQUENCE_WORDS = frozenset({"step", "phase", "sprint", "release", "version", "stage", "part", "round"})
STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "is", "it", "we", "i", "you", "my", "by"}
)
#: Chat shorthand: never a typo of a model word ("pls" is please, not "plus"; "thx" is not "tts").
CHAT_SHORTHAND = frozenset(
    {"pls", "plz", "thx", "tbh", "imo", "imho", "fyi", "btw", "lol", "idk", "ngl", "asap", "afaik", "iirc", "ofc",
     "smh", "brb", "omg", "wtf", "rn", "tho", "nvm", "lmk", "eod", "wip", "pto", "ooo"}
)  # fmt: skip
#: models.dev family ids that are generic words, not names anyone uses for a model family.
GENERIC_FAMILIES = frozenset({"model", "text", "big", "smart", "alpha", "auto", "mm", "hy", "north", "ray", "ai"})
DIGIT = re.compile(r"\d")
WORD = re.compile(r"[a-z]+")
MAX_NGRAM = 7
#: Shorter words are too close to ordinary ones ("last" is one edit from "fast").
TYPO_MIN = 5
#: Shortest word typo-corrected in a command argument (which is always a model name).
TYPO_MIN_ARGUMENT = 4
MAX_SCAN_CHARS = 4000
FUZZY_CUTOFF = 82.0


def bare(spelling: str) -> str:
    """Drop "Vendor: " prefixes and path prefixes ("qwen/", "accounts/fireworks/models/")."""
    s = spelling
    if ": " in s[:42]:
        s = s.split(": ", 1)[1]
    return s.rsplit("/", 1)[-1]


def strip_vendors(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i] in VENDOR_TOKENS:
        i += 1
    return words[i:]


def claim(
    table: dict[tuple[str, ...], set[str]],
    ranks: dict[tuple[str, ...], int],
    key: tuple[str, ...],
    mid: str,
    rank: int,
) -> None:
    """Record ``key -> mid``; a display name outranks a provider spelling, which outranks an id alias."""
    best = ranks.get(key)
    if best is None or rank < best:
        ranks[key] = rank
        table[key] = {mid}
    elif rank == best:
        table[key].add(mid)


def looks_like_id(alias: str) -> bool:
    return "/" in alias or (alias == alias.lower() and " " not in alias and "-" in alias)


def chat_worthy(key: tuple[str, ...], words: list[str], rank: int, brands: set[str]) -> bool:
    """Keys that may fire in free chat: specific enough that ordinary sentences do not contain them.

    A key needs a number ("gpt 4o", "qwen 2 7b") or, without one, a family name and at least two words
    none of which is a stopword ("mistral large"). A single word fires only when it is the model's own
    name ("o3"), and a family that is an everyday word needs more than a bare integer ("step 3" is a
    runbook, "step 3.5 flash" a model). "latest" aliases move, so they never fire.
    """
    if "latest" in words or not any(w.isalpha() or w[0].isalpha() for w in key):
        return False
    if len(key) == 1:
        return rank == 0 and any(c.isdigit() for c in key[0]) and key[0][0].isalpha()
    if any(c.isdigit() for w in key for c in w):
        weak = any(w in WEAK_FAMILIES for w in key)
        return not weak or len(key) >= 3 or any("." in w or is_size_token(w) for w in key)
    return (
        len(key) >= 2
        and not any(w in STOPWORDS for w in key)
        and any(w in brands and w not in WEAK_FAMILIES for w in key)
    )


#: Tier words many families share: with a whole number ("3 pro", "4 mini") they name no one family's model.
SHARED_TIERS = frozenset(
    {"mini", "nano", "micro", "pro", "max", "plus", "lite", "turbo", "fast", "preview", "exp", "air", "ultra",
     "large", "medium", "small", "tiny", "chat", "base", "high", "low", "vision", "vl", "instant", "flash"}
)  # fmt: skip


def distinctive_without_brand(short: tuple[str, ...]) -> bool:
    """ "sonnet 4.5" and "2.5 flash" are specific; "4.5" or "pro" alone is not, nor "3 pro" (whose 3 Pro?)."""
    versions = [w for w in short if w[0].isdigit()]
    tiers = [w for w in short if w in TIER_WORDS]
    if len(short) < 2 or not versions or not tiers:
        return False
    distinct_version = any("." in v or v[-1].isalpha() for v in versions)  # "4.5", "4o"; not "3"
    return distinct_version or any(t not in SHARED_TIERS for t in tiers)


def guard(query: tuple[str, ...], candidate: str, partial: bool = False) -> bool:
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


def names_nothing(key: tuple[str, ...]) -> bool:
    """A key of one tier word or one bare number or size ("pro", "5", "32b"): no model's name on its own."""
    if len(key) != 1:
        return False
    (word,) = key
    return word in TIER_WORDS or not any(c.isalpha() for c in word) or is_size_token(word)


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def capitalised_mid_sentence(original: str, tok: Tok) -> bool:
    if not original[tok.start : tok.start + 1].isupper():
        return False
    before = original[: tok.start].rstrip()
    return bool(before) and before[-1] not in ".!?\n"


#: Words that describe what a model does or is for (a language, a modality, a role, an adjective): part of many
#: names ("Command R7B Arabic", "GLM-4 Assistant"), never a nickname on their own ("the Arabic street signs",
#: "the onboarding assistant"), and a name made only of them and talk words ("Model Router") is read only as an id.
DESCRIPTIVE = frozenset(
    {"arabic", "english", "chinese", "japanese", "korean", "french", "german", "spanish", "hindi", "multilingual",
     "assistant", "audio", "image", "text", "edit", "apply", "build", "generate", "predict", "transcribe",
     "translate", "transfer", "search", "research", "reasoning", "math", "medical", "finance", "productivity",
     "utility", "context", "open", "original", "older", "extended", "experimental", "basic", "classic", "heavy",
     "light", "long", "short", "tall", "dense", "live", "next", "note", "zero", "cyber", "canvas", "clip", "coder",
     "guard", "guardian", "instruct", "omni", "super", "prime", "premier", "router", "auto", "model", "swift",
     "embedding", "reranker", "multimodal", "realtime", "highspeed", "flex", "beta"}
)  # fmt: skip
