"""Names written with every separator left out: "Qwen330BA3B", "Llama3.1405BInstruct", "CommandAVision".

The glued splitter reads words glued to words; it cannot tell where "330" ends and "ba3b" begins. A whole
glued run is instead compared with every record's names and route ids squashed the same way (separators
dropped). A squashed form counts only when it comes from a name of three or more words (short ones, "gpt4o",
"mercury2", are read word by word with their own context rules) and only one record has it, so the look-up
never guesses between twins.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Set

from catalog.matching.merge import Found
from catalog.matching.results import Mention
from catalog.matching.rules import bare
from catalog.matching.text import Tok, lower_same_length, span_tokens
from catalog.models import Model

#: Separators a squashed spelling drops; a dot stays only between digits ("granite4.18b" keeps "4.1").
_DROPPED = re.compile(r"[^a-z0-9.]+|(?<![0-9])\.|\.(?![0-9])")
#: The fewest words a name needs before its squashed form is distinctive, and the shortest squashed form.
MIN_WORDS = 3
MIN_CHARS = 6
#: A single all-letter word is read as a squashed name only from this length ("commandavision").
MIN_LETTERS_ALONE = 10


def squash(spelling: str) -> str:
    """``spelling`` lower-cased with separators dropped ("Qwen3 30B A3B" -> "qwen330ba3b"); "+" is the word
    "plus" ("Command A+" is "commandaplus", never "commanda")."""
    return _DROPPED.sub("", lower_same_length(spelling).replace("+", "plus"))


def squashed_forms(models: Iterable[Model], families: Set[str] = frozenset()) -> dict[str, str]:
    """Squashed spelling -> the one model whose name, alias or route id gives it (ambiguous spellings dropped).
    A two-word name counts too when it has no number and starts with a family word ("CommandA", "NovaPro"):
    the splitter cannot read its one-letter or everyday second word."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in models:
        spellings = {m.name, *m.aliases, *(r.provider_model_id for r in m.routes)}
        for s in spellings:
            plain = bare(s).split(":", 1)[0]  # an Ollama tag's size is a word of its own name already
            toks = span_tokens(lower_same_length(plain))
            family_pair = len(toks) == 2 and toks[0].text in families and toks[1].text.isalpha()
            if (len(toks) < MIN_WORDS and not family_pair) or any(t.text == "latest" for t in toks):
                continue  # a "-latest" pointer is never read from chat
            for form in {squash(plain), "".join(t.text for t in toks)}:
                if len(form) >= MIN_CHARS:
                    owners[form].add(m.id)
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}


#: A run of letters, digits and dots with no space or separator in it: where a squashed name can stand.
_RUN = re.compile(r"(?<![a-z0-9.])[a-z0-9][a-z0-9.]{4,}[a-z0-9]")


def glued_runs(masked: str) -> list[re.Match[str]]:
    """Runs written without a space or separator, worth a squashed look-up: a number among letters, or one long
    word of letters. One regex pass over the message."""
    runs = []
    for m in _RUN.finditer(masked):
        text = m.group()
        if (len(text) >= MIN_LETTERS_ALONE or not text.isalpha()) and not text.isdigit() and ".." not in text:
            runs.append(m)
    return runs


def with_squashed(
    found: Found, forms: dict[str, str], original: str, masked: str, toks: list[Tok], name_of: Callable[[str], str]
) -> Found:
    """``found`` (token ranges and mentions) with each glued run that squashes to one model's name read as that
    model; names found inside the run give way to it, a name that crosses its edge keeps its place."""
    if not forms:
        return found
    for run in _RUN.finditer(masked):
        mid = forms.get(run.group())  # a run holds letters, digits and dots only: squashed as it stands
        if mid is None:
            continue
        a = bisect.bisect_left(toks, run.start(), key=lambda t: t.start)
        b = bisect.bisect_right(toks, run.end(), key=lambda t: t.end)
        inside = [f for f in found if a <= f[0] and f[1] <= b]
        if a >= b or any(f[0] < b and a < f[1] for f in found if f not in inside):
            continue
        if any(f[2].model_id == mid for f in inside):
            continue
        s, e = toks[a].start, toks[b - 1].end
        found = [f for f in found if f not in inside] + [(a, b, Mention(s, e, original[s:e], mid, name_of(mid), 95.0))]
    return found
