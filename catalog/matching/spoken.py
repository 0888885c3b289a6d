"""Versions written in words: "gemini two point five flash", "gpt five nano", "llama three point three seventy b".

Voice dictation and casual chat spell numbers out. A number word becomes its digits only where a version or size
stands: right after a family word (or a number already read that way), so "we use two models" and "point five
of the plan" stay words. One pass over the tokens; spans cover the words read.
"""

from __future__ import annotations

from collections.abc import Set

from catalog.matching.text import Tok

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_TRIGGERS = NUMBER_WORDS | {"point"}


def spoken_numbers(toks: list[Tok], families: Set[str], tiers: Set[str] = frozenset()) -> list[Tok]:
    """``toks`` with number words after a family word, or a family and a tier word ("claude sonnet four point
    five"), read as a version ("two point five" -> "2.5") or a size ("seventy b" -> "70b"); everything else as it
    was."""
    if _TRIGGERS.isdisjoint([t.text for t in toks]):  # one C-level pass: most chat spells no number
        return toks
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        led = bool(out) and (
            out[-1].text in families
            or _read(out[-1])
            or (len(out) > 1 and out[-1].text in tiers and out[-2].text in families)
        )
        if led and tok.text.isdigit() and i + 2 < len(toks) and toks[i + 1].text == "point":
            after = toks[i + 2].text  # "llama 3 point 3 70b": a dot said as a word between digits
            if after.isdigit() or after in _UNITS:
                minor = after if after.isdigit() else str(_UNITS[after])
                out.append(Tok(f"{tok.text}.{minor}", tok.start, toks[i + 2].end))
                i += 3
                continue
        lettered = (  # "kimi k two point six": a series letter, then its number in words
            len(tok.text) == 1 and tok.text.isalpha() and bool(out) and out[-1].text in families
            and i + 1 < len(toks) and toks[i + 1].text in NUMBER_WORDS
        )  # fmt: skip
        if lettered:
            out.append(tok)
            i += 1
            continue
        if tok.text not in NUMBER_WORDS or not (led or (len(out[-1:]) == 1 and _series(out, families))):
            out.append(tok)
            i += 1
            continue
        value, end = _number_at(toks, i)
        text, last = str(value), toks[end - 1].end
        if end + 1 < len(toks) and toks[end].text == "point" and toks[end + 1].text in _UNITS:
            text, last, end = f"{value}.{_UNITS[toks[end + 1].text]}", toks[end + 1].end, end + 2
        elif end < len(toks) and toks[end].text == "b":
            text, last, end = f"{value}b", toks[end].end, end + 1  # "seventy b": a parameter count
        if _series(out, families):  # "k" + "2.6" -> "k2.6", read as one token the way it is written
            letter = out.pop()
            text, start = f"{letter.text}{text}", letter.start
        else:
            start = tok.start
        out.append(Tok(text, start, last))
        i = end
    return out


def _number_at(toks: list[Tok], i: int) -> tuple[int, int]:
    """The number spelt from ``i`` ("seventy", "twenty one", "five") and where it ends."""
    word = toks[i].text
    if word in _TENS and i + 1 < len(toks) and toks[i + 1].text in _UNITS and _UNITS[toks[i + 1].text] < 10:
        return _TENS[word] + _UNITS[toks[i + 1].text], i + 2
    return (_TENS[word] if word in _TENS else _UNITS[word]), i + 1


def _series(out: list[Tok], families: Set[str]) -> bool:
    """The last token read is a series letter right after a family word ("kimi k …")."""
    return len(out) > 1 and len(out[-1].text) == 1 and out[-1].text.isalpha() and out[-2].text in families


def _read(tok: Tok) -> bool:
    """A token this pass made (digits spanning words): a size may follow a version ("three point three seventy")."""
    return tok.end - tok.start > len(tok.text) and tok.text[:1].isdigit()


__all__ = ["NUMBER_WORDS", "spoken_numbers"]
