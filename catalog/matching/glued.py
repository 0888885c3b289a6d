"""Glued spellings split into known words: "claudeopus4.8", "mistrallarge3", "qwen3coderplus", "kimik2.6".

A word the index does not know is split into words it does (fewest pieces), only when one piece is a family
name (an anchor), so ordinary long words never turn into model names. A one-letter version prefix left at the
end ("kimi" + "k") joins the number that follows ("k2.6"), as the tokeniser does for "k2.6" written apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Set

from catalog.matching.text import Tok

_PREFIX_LETTERS = frozenset("vkrmo")
MIN_GLUED = 5
MAX_GLUED = 40
MAX_PIECE = 16
MAX_CACHED = 10_000


class GluedSplitter:
    """Splits glued words against one index's vocabulary (results cached per word, bounded)."""

    def __init__(self, vocab: Set[str], brands: Set[str], pairs: Set[tuple[str, str]] = frozenset()):
        self.vocab = vocab
        self.brands = brands
        self.pairs = pairs
        """Words that stand together in some name: "nanobanana" splits though neither piece is a family."""
        self.vendors: Set[str] = frozenset()
        """Chat names of vendors ("ds"): one glued to a version letter splits like a family ("dsr1")."""
        self._cache: dict[str, tuple[str, ...] | None] = {}

    def split(self, toks: list[Tok]) -> list[Tok]:
        """``toks`` with each unknown glued word replaced by its known pieces (spans on the original text)."""
        toks = list(toks)
        out: list[Tok] = []
        for i, tok in enumerate(toks):
            word = tok.text
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            versioned = nxt is not None and nxt.start == tok.end and nxt.text[:1].isdigit()
            if versioned and word[-1:] in _PREFIX_LETTERS and (word[:-1] in self.brands or word[:-1] in self.vendors):
                pieces: tuple[str, ...] | None = (word[:-1], word[-1])  # "kimik2.6": the family glued to "k2.6"
            elif not word or word in self.vocab or not word.isalpha() or not 4 <= len(word) <= MAX_GLUED:
                out.append(tok)
                continue
            else:
                # "gpt5.1codexmax": words glued to a version need no family among them, the family came before it
                after_version = bool(out) and out[-1].end == tok.start and out[-1].text[-1:].isdigit()  # "o4minihigh"
                pieces = self._pieces(word, after_version)
                if not pieces and after_version and (lettered := f"{out[-1].text}{word[0]}") in self.vocab:
                    rest = word[1:]  # "gpt4omini": "4o" + "mini"; "glm4.6vflash": "4.6v" + "flash"
                    tail = (rest,) if rest in self.vocab else self._pieces(rest, True)
                    if tail:
                        prev = out.pop()
                        out.append(Tok(lettered, prev.start, tok.start + 1))
                        tok, pieces = Tok(rest, tok.start + 1, tok.end), tail
            if not pieces:
                out.append(tok)
                continue
            start = tok.start
            for piece in pieces:
                out.append(Tok(piece, start, start + len(piece)))
                start += len(piece)
            last = out[-1]
            if len(last.text) == 1 and nxt is not None and nxt.start == last.end and nxt.text[:1].isdigit():
                out[-1] = Tok(last.text + nxt.text, last.start, nxt.end)
                toks[i + 1] = Tok("", nxt.start, nxt.start)  # consumed by the version letter
        return [t for t in out if t.text]

    def _pieces(self, word: str, after_version: bool) -> tuple[str, ...] | None:
        cache_key = f"{word}+" if after_version else word
        if cache_key not in self._cache:
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
            self._cache[cache_key] = fewest_pieces(word, self.vocab, self.brands, not after_version, self.pairs)
        return self._cache[cache_key]


def fewest_pieces(
    word: str, vocab: Set[str], brands: Set[str], need_family: bool = True, pairs: Set[tuple[str, str]] = frozenset()
) -> tuple[str, ...] | None:
    """The fewest known pieces that make ``word`` (a trailing version letter allowed), a family among them or
    every two neighbours standing together in some name ("nano" + "banana")."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_PIECE), end):
            prev = best[start]
            if prev is None:
                continue
            piece = word[start:end]
            # a trailing version letter, unless it only doubles the letter before it ("grokk", "sonarr": typos)
            letter = end == n and piece in _PREFIX_LETTERS and word[start - 1 : start] != piece
            if (len(piece) >= 2 and piece in vocab) or letter:
                current = best[end]
                if current is None or len(prev) + 1 < len(current):
                    best[end] = (*prev, piece)
    found = best[n]
    if found is None or len(found) < 2:
        return None
    named = any(p in brands for p in found) or all(pair in pairs for pair in itertools.pairwise(found))
    return found if named or not need_family else None
