"""Tokenising what people type, with character spans, for matching model names in chat.

Separate from ``identity`` (which reduces provider spellings) because chat needs spans and must be fast:
one regex pass, no Unicode normalisation of the whole message.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from catalog.identity.keys import ROUTE_NOISE, SIZED_ONLY_NOISE, VENDOR_TOKENS, is_size_token

#: A word, or a number with an optional one-letter unit ("70b", "4o", "128k", "2.6").
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?![\d,])"  # "1,000": a count written with thousands separators is one token, no version
    r"|[a-z]+|\d+(?:\.\d+)*(?:[a-z](?![a-z]))?|(?<=[a-z0-9])\+(?![a-z0-9])"
)
#: Spans that never hold a model mention: code, URLs, Discord mentions/channels/emoji, :shortcodes:.
_MASK = re.compile(
    r"```.*?(?:```|$)|`[^`]*`|https?://\S+|www\.\S+|<[@#][!&]?\d+>|<a?:\w+:\d+>|:[a-z0-9_+\-]+:|@(?:everyone|here)",
    re.DOTALL | re.IGNORECASE,
)
#: A key stroke after a keyboard verb ("hit Command-A", "press ctrl+c"): no model, whatever the key is called.
_KEYS = re.compile(
    r"(\b(?:hit|hitting|press|pressing|pressed|hold|holding|tap|tapping)\s{1,3})"
    r"(?:ctrl|cmd|command|alt|shift|option|opt|super|meta|win)[-+ ][a-z0-9]\b",
    re.IGNORECASE,
)
_PREFIX_LETTERS = frozenset("vkrmo")
_COUNT = re.compile(r"\d{1,4}(?:\.\d)?$")
_DATE8 = re.compile(r"^20\d{6}$")
#: What may stand between two tokens of one model name: spaces, hyphens, dots, slashes, underscores, an Ollama
#: tag's colon ("gemma3:27b"; a colon and a space end a label: "command a: 90k requests") and a snapshot date's
#: parenthesis ("GPT-4o (2024-08-06)").
_JOINER = re.compile(r"^(?:[\s\-./_]{0,2}|:|\s?\()$")


class Tok(NamedTuple):
    """A token and where it stands in the original text (a named tuple: a message makes dozens of them)."""

    text: str
    start: int
    end: int


def lower_same_length(text: str) -> str:
    """Lower-case without changing the length, so spans stay valid on the original text."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def mask(text: str) -> str:
    """Blank out code, URLs, user mentions, emoji and key strokes ("hit Command-A") with spaces (same length)."""
    if "hit" in text or "press" in text or "hold" in text or "tap" in text:  # substring tests, not a regex pass
        text = _KEYS.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), text)
    if not ("`" in text or "http" in text or "www." in text or "<" in text or ":" in text or "@" in text):
        return text
    return _MASK.sub(lambda m: " " * (m.end() - m.start()), text)


_new_tok = tuple.__new__  # a named tuple built without its Python-level ``__new__``: tokenising is the hot path


def span_tokens(text: str) -> list[Tok]:
    """Tokens with spans: "gpt5.3-codex" -> gpt, 5.3, codex; "claude-opus-4-5" -> claude, opus, 4.5; "r+" -> r, plus."""
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        # "+" ending a name is the word "plus" ("Command R+" is "Command R Plus", never "Command R"; "Command+R" a key)
        if word == "+":
            word = "plus"
        elif out:
            prev = out[-1]
            if len(prev[0]) == 1 and word[0].isdigit():
                # "k2" / "v2" / "o3": a one-letter prefix glued to a number is one version word
                if prev[2] == start and prev[0] in _PREFIX_LETTERS:
                    out[-1] = _new_tok(Tok, (prev[0] + word, prev[1], end))
                    continue
                # "4-5" in ids is version 4.5
                if start - prev[2] == 1 and len(word) == 1 and prev[0].isdigit() and text[prev[2]] in "-_":
                    out[-1] = _new_tok(Tok, (f"{prev[0]}.{word}", prev[1], end))
                    continue
            if start - prev[2] == 3 and len(word) <= 2 and len(prev[0]) <= 2 and text[prev[2] : start] == " . ":
                if word.isdigit() and prev[0].isdigit():  # "qwen 2 . 5": a version with spaces around its dot
                    out[-1] = _new_tok(Tok, (f"{prev[0]}.{word}", prev[1], end))
                    continue
            elif word == "b" and start - prev[2] == 1 and text[start - 1] == " " and _COUNT.match(prev[0]):
                out[-1] = _new_tok(Tok, (prev[0] + "b", prev[1], end))  # "70 b": a size written with a space
                continue
        append(_new_tok(Tok, (word, start, end)))
    return out


def joined(text: str, left: Tok, right: Tok) -> bool:
    """True when ``left`` and ``right`` are adjacent parts of one name (no comma, no sentence break)."""
    return bool(_JOINER.match(text[left.end : right.start]))


def key_of(words: list[str]) -> tuple[str, ...]:
    """The matching key of a token run: sorted distinct tokens without vendor prefix and route noise.

    Snapshot dates stay: a dated snapshot is its own model ("Qwen3 Max 20260123" is not "Qwen3 Max").
    Remembered per run: a scan asks for the keys of the same few runs many times."""
    return _key_of(tuple(words))


@functools.lru_cache(maxsize=1 << 15)
def _key_of(words: tuple[str, ...]) -> tuple[str, ...]:
    i = 0
    while i < len(words) - 1 and words[i] in VENDOR_TOKENS:
        i += 1
    rest = words[i:]
    has_size = any(is_size_token(w) for w in rest)
    return tuple(sorted({w for w in rest if w not in ROUTE_NOISE and not (has_size and w in SIZED_ONLY_NOISE)}))
