"""Numbers said in words ("two thousand requests a day", "twelve hundred tokens in", "fifty thousand calls"), as
digits, so a dictated or carefully written message is read like a typed one.

Only a run of number words holding a scale word (hundred, thousand, million, billion) is rewritten: "the second
one", "two models" and "seventy b" (a size the matcher reads itself) stay as written.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MOST = 10**13  # past any traffic or token count
_WORD = rf"(?:{'|'.join(_UNITS)}|hundred|{'|'.join(_SCALES)}|a)"
#: A run of number words joined by spaces, hyphens or "and" ("one hundred and twenty thousand").
_RUN = re.compile(rf"\b{_WORD}(?:(?:[ -]|\sand\s){_WORD})*\b", re.IGNORECASE)


def _value(words: list[str]) -> int | None:
    """The number a run of words says, or None when it is no number ("a", "and")."""
    total = current = 0
    said = False
    for i, w in enumerate(words):
        if w == "a":
            if i + 1 < len(words) and words[i + 1] in ("hundred", *_SCALES):
                current = 1  # "a million requests"
                continue
            return None
        if w in _UNITS:
            current += _UNITS[w]
            said = True
        elif w == "hundred":
            current = (current or 1) * 100
            said = True
        else:
            total += (current or 1) * _SCALES[w]
            current = 0
            said = True
        if total + current > _MOST:
            return None  # "hundred hundred hundred …": no count anyone means
    return total + current if said else None


def short_count(value: int) -> str:
    """ "2m", "50k", "1200": the way chat writes a count, which every rule downstream reads ("a million tokens of
    context" is a 1m filter)."""
    if value and value % 1_000_000 == 0:
        return f"{value // 1_000_000}m"
    if value and value % 1_000 == 0:
        return f"{value // 1_000}k"
    return str(value)


def spoken_numbers(text: str) -> str:
    """``text`` with each run of number words that holds a scale word written in digits."""

    def one(m: re.Match[str]) -> str:
        words = [w for w in re.split(r"[\s-]+", m.group().lower()) if w != "and"]
        if not any(w == "hundred" or w in _SCALES for w in words) or words[0] in ("hundred", *_SCALES):
            return m.group()  # no scale, or a scale alone ("a few thousand users" says no number)
        while words and words[0] == "a" and (len(words) < 2 or words[1] not in ("hundred", *_SCALES)):
            words = words[1:]  # "a" before the number that is not "a million"
        value = _value(words)
        if value is None:
            return m.group()
        return short_count(value)

    return _RUN.sub(one, text)
