"""Surface forms of one spelling, closest first: the key itself, loosened keys, the family left out, nicknames.

Pure functions of a spelling's words, kept apart from the ``Lexicon`` that claims them per model and picks
between models that share one. Levels: ``EXACT`` (the spelling's key), ``LOOSE`` (snapshot dates, active
parameters, serving words left out; "2" for "2.0"; an Ollama size), ``SHORT`` (the family left out while a
version stays) and ``NICK`` (no version at all).
"""

from __future__ import annotations

import re

from catalog.identity.keys import ROUTE_NOISE, VENDOR_TOKENS, is_size_token
from catalog.matching.rules import SHARED_TIERS, STOPWORDS, TIER_WORDS, WEAK_FAMILIES
from catalog.matching.text import key_of

EXACT, LOOSE, SHORT, NICK = 0, 1, 2, 3
#: Snapshot tags ("20250514", "2506", "0711") and active-parameter counts ("a3b", "a22b").
_DATE = re.compile(r"^(?:20\d{6}|\d{4})$")
_ACTIVE = re.compile(r"^a\d+(?:\.\d+)?b$")
_LETTERED = re.compile(r"^[kvmr]\d+(?:\.\d+)?$")
VERSION = re.compile(r"^\d+(?:\.\d+)?$")
#: A release's status, and the size tiers a beta may be named with.
_STATUS = frozenset({"beta", "alpha"})
_SIZE_TIERS = frozenset({"mini", "small", "medium", "large", "tiny", "nano", "micro"})
#: How a model is served or packaged, not which model it is.
SERVING = frozenset({"instruct", "it", "hf", "preview", "exp", "gguf", "mlx", "q4", "q8"})


def form_key(words: list[str]) -> tuple[str, ...]:
    """``key_of`` that keeps "latest": "codestral-latest" typed out names the pointer, not any Codestral."""
    key = key_of(words)
    return tuple(sorted((*key, "latest"))) if "latest" in words and key else key


def variants(words: list[str], brand: str | None, size: str | None = None) -> list[tuple[tuple[str, ...], int]]:
    """The keys one spelling answers to, loosest last."""
    exact = form_key(words)
    if not exact:
        return []
    out = [(exact, EXACT)]
    named = key_of(words)
    if named != exact:  # "Mistral Small (latest)" is also what "Mistral Small" means
        out.append((named, EXACT))
    bases = {named}
    # each of dates, active parameters and serving words left out (or several), and "2" for "2.0"; never down to
    # the family alone ("gemini-exp-1206" is not what "gemini" means)
    for loose in _loosened(words) | _plain_versions(named):
        if loose and loose != named and loose != (brand,):
            out.append((loose, LOOSE))
            bases.add(loose)
    sizes = size.split() if size else []
    for base in list(bases) if sizes else []:  # "phi4:14b": the size Ollama tags add
        if not any(is_size_token(w) for w in base):
            out.extend((tuple(sorted({*base, s})), LOOSE) for s in sizes)
    for base in bases:
        out.extend(_shortened(base, brand))
    # "claude35sonnet", "gpt41mini", "gemini25pro": a one-digit point release written without its dot, only with
    # another word of the name beside it (a bare "45" is a number)
    out += [(dotless, level) for key, level in out if len(key) >= 2 and (dotless := _dotless(key))]
    # "mercury coder" for "Mercury Coder Small Beta": a beta's name without its status and the size tier before it
    beta_named = len(words) >= 4 and words[-3].isalpha() and words[-3] not in _SIZE_TIERS  # "coder", not "3"
    if beta_named and words[-1] in _STATUS and words[-2] in _SIZE_TIERS:
        out.append((key_of(words[:-2]), LOOSE))
    # "llamaguard4", "dalle3": the family glued to the word after it, as hosts write "LlamaGuard" beside "Llama Guard"
    pair = _family_pair(words, brand)
    if pair:
        out += [
            (tuple(sorted({*key, "".join(pair)} - set(pair))), level) for key, level in out if set(pair) <= set(key)
        ]
    return out


def _family_pair(words: list[str], brand: str | None) -> tuple[str, str] | None:
    """The family word and the word after it when that word is letters and no tier ("guard", "e"), else None."""
    if not brand or brand not in words[:-1]:
        return None
    after = words[words.index(brand) + 1]
    return (brand, after) if after.isalpha() and after not in TIER_WORDS | STOPWORDS - {"a"} else None


_POINT_RELEASE = re.compile(r"^\d\.\d$")


def _dotless(key: tuple[str, ...]) -> tuple[str, ...] | None:
    if not any(_POINT_RELEASE.match(w) for w in key):
        return None
    return tuple(sorted(w.replace(".", "") if _POINT_RELEASE.match(w) else w for w in key))


def unsized(key: tuple[str, ...], brand: str | None) -> tuple[tuple[str, ...], int] | None:
    """``key`` with its size left out ("llama guard 4" for Llama Guard 4 12B, "nemotron 3 nano" for its 30B
    A3B), for the lexicon to give only to a model no other shares it with. With a sub-family or tier word kept
    it reads as a name; a family and version alone ("gemma 3") only in context."""
    if not any(is_size_token(w) for w in key):
        return None
    kept = tuple(w for w in key if not is_size_token(w) and not _ACTIVE.match(w))
    if len(kept) < 2 or not any(VERSION.match(w) or _LETTERED.match(w) for w in kept):
        return None
    named = any(w.isalpha() and w != brand and w not in VENDOR_TOKENS for w in kept)
    return kept, LOOSE if named else SHORT


def _loosened(words: list[str]) -> set[tuple[str, ...]]:
    dates = {i for i, w in enumerate(words) if _DATE.match(w)}
    active = {i for i, w in enumerate(words) if _ACTIVE.match(w)}
    active |= {i for i in range(len(words) - 1) if words[i] == "a" and is_size_token(words[i + 1])}
    active |= {i + 1 for i in active if i + 1 < len(words) and words[i] == "a"}
    serving = {i for i, w in enumerate(words) if w in SERVING}
    # "deepseek-r1:32b" (Ollama) for "DeepSeek R1 Distill Qwen 32B": the distill and its base left out, size kept
    serving |= {j for i, w in enumerate(words) if w == "distill" for j in (i, i + 1) if j < len(words)}
    out = set()
    for drop in (dates, active, serving, dates | active, dates | serving, active | serving, dates | active | serving):
        if drop:
            out.add(key_of([w for i, w in enumerate(words) if i not in drop]))
    return out


def _plain_versions(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A ".0" version written without it ("Gemini 2 Flash" for 2.0, "ERNIE 5" for 5.0)."""
    if not any(w.endswith(".0") and VERSION.match(w) for w in key):
        return set()
    return {tuple(sorted(w[:-2] if w.endswith(".0") and VERSION.match(w) else w for w in key))}


def size_word(params_b: float | None) -> str | None:
    """The sizes an Ollama tag may give a model of ``params_b`` billion parameters ("3.8b"; "14.7b 14b")."""
    if params_b is None or params_b <= 0:
        return None
    if params_b >= 1000:
        return f"{params_b / 1000:g}t"
    sizes = {f"{params_b:g}b", f"{round(params_b, 1):g}b"}  # 3.84 -> "3.84b" and Ollama's "3.8b"
    if params_b >= 10:
        sizes.add(f"{int(params_b)}b")  # 14.7 -> "14b" (phi4:14b)
    return " ".join(sorted(sizes))


def _shortened(base: tuple[str, ...], brand: str | None) -> list[tuple[tuple[str, ...], int]]:
    if not brand or brand not in base:
        return []
    out = []
    # "kimi 2.5" for "kimi k2.5": the version letter left out while the family is named
    unlettered = tuple(sorted({w[1:] if _LETTERED.match(w) else w for w in base}))
    if unlettered != base:
        out.append((unlettered, LOOSE))
        plain = tuple(w for w in unlettered if w != brand)  # "ds 3.1": the family left out too, by its vendor only
        if plain and all(VERSION.match(w) for w in plain):
            out.append((plain, SHORT))
    if len(base) >= 2:
        short = tuple(w for w in base if w != brand and w not in VENDOR_TOKENS)
        if short and any(any(c.isdigit() for c in w) for w in short) and not set(short) <= ROUTE_NOISE:
            out.append((short, SHORT))
        # "qwen coder 480b" for "qwen3 coder 480b": the family's version left out when the size says which
        versions = [w for w in base if VERSION.match(w)]
        if len(versions) == 1 and any(is_size_token(w) for w in base):
            out.append((tuple(w for w in base if w != versions[0]), SHORT))
            # "nemotron ultra 253b" for "Llama 3.1 Nemotron Ultra 253B": the family and its version both left out
            rest = tuple(w for w in short if w != versions[0])
            if len(rest) >= 2 and any(w.isalpha() and w not in TIER_WORDS for w in rest):
                out.append((rest, SHORT))
        # "glm air", "codex max", "terminus": the version left out (and the family too), a distinctive word kept
        unversioned = tuple(w for w in base if not any(c.isdigit() for c in w))
        lettered = any(_LETTERED.match(w) for w in base)  # "speciale" for DeepSeek V3.2 Speciale
        if (versions or lettered) and unversioned != base:
            if len(unversioned) >= 2:  # "glm air": the family and a tier
                out.append((unversioned, NICK))
            brandless = tuple(w for w in unversioned if w != brand)
            if brandless and any(w not in SHARED_TIERS and len(w) >= 4 for w in brandless):  # "codex max"
                out.append((brandless, NICK))
    return out


def specific(key: tuple[str, ...], level: int) -> bool:
    """Whether a form may fire in chat on its own, with no vendor named nearby.

    A single word is too common unless it mixes letters and digits and is a record's own spelling ("o3", "r1");
    a bare number never is; two or more words need a number or a tier word and no stopword."""
    sized = any(is_size_token(w) for w in key)
    if any(w in STOPWORDS and not (w == "a" and sized) for w in key):  # "a" of "a22b" is active parameters
        return False
    has_digit = [any(c.isdigit() for c in w) for w in key]
    if len(key) == 1:
        (w,) = key
        mixed = has_digit[0] and any(c.isalpha() for c in w) and not w[0].isdigit()
        return mixed and level < SHORT
    if not any(has_digit):
        return (level < SHORT and any(w in TIER_WORDS for w in key)) or len(key) >= 3
    if all(w[0].isdigit() for w in key):
        return False  # "3 7b" is a number, not a model
    if any(w in WEAK_FAMILIES for w in key):  # "step 3" is a runbook; "step 3.5 flash" a model
        return len(key) >= 3 or any("." in w or is_size_token(w) for w in key)
    return True
