"""Provider spellings -> one canonical identity key.

Providers spell the same model many ways ("Llama-3.3-70B-Instruct", "Meta: Llama 3.3 70B Instruct",
"llama-3.3-70b-instruct-fp8"). The key keeps every token that tells models apart (family, tier, version,
size, "thinking"/"fast"/date-snapshot variants) and drops only what a *route* adds: vendor prefixes,
regions, quantisation, "latest", free-tier markers and Anthropic-style 8-digit snapshot dates.

The key is a sorted token tuple, so word order ("Claude 4.6 Opus" / "Claude Opus 4.6") does not matter; dates
are joined into one token first ("05-06" -> "0506", "(09/2025)" -> "202509"), so a snapshot's day and month never
swap. "+" is the word "plus" (Command R+ is Command R Plus, a different product from Command R).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Leading words that name the vendor, not the model ("Google Gemini 3 Pro" is "Gemini 3 Pro").
VENDOR_TOKENS = frozenset(
    {
        "anthropic",
        "openai",
        "google",
        "meta",
        "xai",
        "baidu",
        "amazon",
        "nvidia",
        "microsoft",
        "cohere",
        "perplexity",
        "mistralai",
        "moonshotai",
        "inclusionai",
        "alibaba",
        "zai",
        "zhipu",
        "ibm",
        "azure",
        "databricks",
        "cf",
        "workers",
        "novita",
        "hf",
        "accounts",
        "fireworks",
        "models",
        "deepseekai",
        "moonshot",
        "bytedance",
    }
)

#: Two-token vendor spellings that tokenisation splits ("x-ai", "z.ai", "workers-ai").
VENDOR_PAIRS = frozenset({("x", "ai"), ("z", "ai"), ("workers", "ai"), ("deepseek", "ai")})

#: Vendors whose name is part of the model name when the rest is bare ("R1", "V3").
NAME_VENDORS = frozenset({"deepseek"})

#: Words a route adds that do not change the model: regions, quantisation, moving aliases.
ROUTE_NOISE = frozenset(
    {
        "latest",
        "eu",
        "us",
        "global",
        "au",
        "jp",
        "apac",
        "tee",
        "fp8",
        "fp16",
        "bf16",
        "int4",
        "int8",
        "awq",
        "versatile",
        "free",
        "default",
    }
)

#: Dropped only beside a parameter size: "Llama 3.3 70B Instruct" is the chat model every host serves,
#: while "GPT-3.5 Turbo Instruct" is a different product from "GPT-3.5 Turbo".
SIZED_ONLY_NOISE = frozenset({"instruct", "it"})

#: Tokens that mark a free-tier route (kept as a route flag, dropped from the model key).
FREE_MARKERS = frozenset({"free"})

_COLON_PREFIX = re.compile(r"^[^:/]{1,40}:\s+")
_PAREN = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_VERSION_P = re.compile(r"(?<=\d)p(?=\d)")
_SINGLE_DIGIT_PAIR = re.compile(r"(?<![\d.])(\d)[-_](\d)(?![\d.]|[a-z])")
_SPLIT = re.compile(r"[^a-z0-9.]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
_LOOSE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SIZE = re.compile(r"^\d+(?:\.\d+)?[bmkt]$")


@dataclass(frozen=True, slots=True)
class Spelling:
    """What one provider spelling says: the model key plus route-level markers."""

    key: tuple[str, ...]
    free: bool


def fold(text: str) -> str:
    """Lower-case, strip accents and width variants so look-alike characters compare equal."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


#: Dates in the shapes providers write them; each becomes one token so its parts never reorder.
_DATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(20\d\d)[-_./](\d\d)[-_./](\d\d)(?!\d)"), r" \1\2\3 "),  # 2024-05-13
    (re.compile(r"(?<!\d)(\d\d)[-/](20\d\d)(?!\d)"), r" \2\1 "),  # 08-2024, 09/2025
    (re.compile(r"(?<![\d.])(\d\d)[-_](\d\d)(?![\d.]|[a-z])"), r" \1\2 "),  # preview-05-06
    (re.compile(r"(?<![\d.])(\d\d)\.(\d\d)(?![\d.])"), r" \1\2 "),  # Mistral's "(25.05)"
)
#: One word written two ways by different providers.
_SYNONYMS = {"think": "thinking"}
_MINOR_PAIR = re.compile(r"(?<![\d.])(\d)-(\d\d)(?![\d.]|[a-z])")
_DOT_ZERO = re.compile(r"(?<![\d.])(\d+)\.0(?![\d.])")


def tokens(text: str) -> list[str]:
    """Split a spelling into comparable tokens: "gpt5.3-codex" -> ["gpt", "5.3", "codex"]."""
    s = fold(text).replace("+", " plus ")
    for pattern, joined in _DATES:
        s = pattern.sub(joined, s)
    s = _VERSION_P.sub(".", s)
    s = _SINGLE_DIGIT_PAIR.sub(r"\1.\2", s)
    s = _SINGLE_DIGIT_PAIR.sub(r"\1.\2", s)  # "4-5-1" style chains need a second pass
    s = _MINOR_PAIR.sub(r"\1.\2", s)  # "grok-4-20" is Grok 4.20
    s = _DOT_ZERO.sub(r"\1", s)  # "Opus 4.0" is "Opus 4"
    s = _LOOSE_DOT.sub(" ", s)
    out: list[str] = []
    for raw in _SPLIT.split(s):
        if not raw:
            continue
        for part in _split_letter_digit(raw):
            part = part.strip(".")
            if part:
                out.append(_SYNONYMS.get(part, part))
    return out


_V_DOTTED = re.compile(r"^v(\d+\.\d+)$")
_V_MAJOR = re.compile(r"^v([2-9]|\d\d)$")  # "v1" stays: a deployment's first version, often left out


def _split_letter_digit(token: str) -> list[str]:
    """ "gpt5" -> ["gpt", "5"], but keep "v2", "k2", "r1", "m2" style version words whole."""
    if _V_DOTTED.match(token) or _V_MAJOR.match(token):  # "V3.2" is version 3.2, "V4" version 4 ("deepseek-4-flash")
        return [token[1:]]
    if len(token) > 1 and token[0] in "vkrmo" and token[1:2].isdigit():
        return [token]
    return _LETTER_DIGIT.sub(" ", token).split()


@lru_cache(maxsize=1 << 16)
def spelling(text: str) -> Spelling:
    """Reduce one provider spelling (display name or route id) to its identity key."""
    s = text.strip()
    s = _COLON_PREFIX.sub(_colon_prefix, s)
    s = _PAREN.sub(lambda m: m.group(0).replace("/", "-"), s)  # "(09/2025)" is a date, not a namespace
    s = s.rsplit("/", 1)[-1]
    kept_parens: list[str] = []

    def _paren(match: re.Match[str]) -> str:
        kept_parens.append(match.group(1) or match.group(2) or "")
        return " "

    s = _PAREN.sub(_paren, s)
    s = s + " " + " ".join(kept_parens)
    toks = tokens(s.replace(":", " ").replace("@", " "))
    free = any(t in FREE_MARKERS for t in toks)
    toks = strip_vendor(toks)
    has_size = any(is_size_token(t) for t in toks)
    key = tuple(sorted({t for t in toks if t not in ROUTE_NOISE and not (has_size and t in SIZED_ONLY_NOISE)}))
    if not key:  # a spelling that is nothing but noise keeps its own tokens
        key = tuple(sorted(set(toks)))
    return Spelling(key=key, free=free)


def _colon_prefix(match: re.Match[str]) -> str:
    """Drop "Vendor: " but keep a vendor word the model name needs ("DeepSeek: R1" is DeepSeek R1)."""
    prefix = fold(match.group(0)).strip(" :")
    return prefix + " " if prefix in NAME_VENDORS else ""


def strip_vendor(toks: list[str]) -> list[str]:
    """Drop leading vendor words while something model-like remains after them."""
    i = 0
    while i < len(toks) - 1:
        if toks[i] in VENDOR_TOKENS or (toks[i] == "doubao" and toks[i + 1] == "seed"):
            i += 1
        elif i + 2 < len(toks) and (toks[i], toks[i + 1]) in VENDOR_PAIRS:
            i += 2
        else:
            break
    return toks[i:]


def identity_key(text: str) -> tuple[str, ...]:
    """Identity key of a spelling; equal keys mean the same model."""
    return spelling(text).key


def is_size_token(token: str) -> bool:
    """True for parameter/context size tokens such as "70b", "1.5b", "22m", "1t"."""
    return token[:1].isdigit() and token[-1:] in "bmkt" and bool(_SIZE.match(token))  # most words fail the first test
