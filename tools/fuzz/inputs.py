"""Seeded hostile inputs: chat messages and model names as an attacker, a careless paster and a busy team write them.

Every input comes from one ``random.Random(seed)``, so a failure is reproduced by its seed and index. Messages
mix real questions with unicode (RTL overrides, zero-width joiners, emoji, combining marks), markdown and code
fences, every kind of Discord mention, huge numbers, repeated trigger words, model names with typos, very long
words, and messages at and just past the length budgets.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.limits import ADDRESSED_TEXT, PASSIVE_TEXT

RTL = ("\u202e", "\u202b", "\u200f", "שלום עולם", "مرحبا بالعالم", "\u2067gpt-4o\u2069")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad")
EMOJI = ("🤖", "🔥", "👍🏽", "🧑‍💻", "👨‍👩‍👧‍👦", "🇺🇸", "❤️", "🫠", "💸", "<:pepe:123456789012345678>")
COMBINING = ("e\u0301", "a\u0308", "Z\u0335\u0322\u0327\u0310\u0314", "n\u0303", "\u0336" * 8)
MARKDOWN = ("**", "__", "~~", "||", "> ", "# ", "- ", "`", "[docs](https://example.com/x)", "\\", "*", "_")
MENTIONS = ("@everyone", "@here", "<@123456789012345678>", "<@!123>", "<@&456>", "<#789>", "@gpt-4o", "<@>")
TRIGGERS = (
    "best", "under", "context", "1m", "per", "cheapest", "open weights", "open source", "vs", "compare", "price",
    "cost", "tokens", "k", "x", "max output", "released after", "tool use", "vision", "and", "what about", "?",
    "requests a day", "input", "output", "$", "/", "-", ".", ",", "license", "benchmark", "mmlu",
)  # fmt: skip
NUMBERS = (
    "0", "1", "3.5", "128k", "1m", "2M", "1e308", "1e-308", "NaN", "inf", "-5", "$-0.04", "9" * 40, "10" * 200,
    "1,000,000,000", "0.000000001", "٣", "¹²³", "1_000", "0x10", "1.2.3.4", "$1/$15", "200k+", "999999999999k",
)  # fmt: skip
TEMPLATES = (
    "is {m} open source?", "{m} vs {m}", "compare {m} and {m}", "how much is {m} per 1m tokens?",
    "best models under ${n} with {n}k context", "what's the context window of {m}?", "and {m}?",
    "{m} or {m} for {n} requests a day?", "which is cheaper, {m} or {m}?", "cheapest model with vision under ${n}",
    "does {m} support tool use?", "what about the {n}b one?", "{m} max output?", "we're going with {m}",
    "open weights models released after {n} with {n} context", "priced at ${n} in / ${n} out", "{m}",
    "what license is {m}?", "{m} benchmark mmlu?", "same traffic on {m}", "@bot {m} price",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sample:
    """One generated input, with what made it (so a report line says how to make it again)."""

    kind: str
    text: str

    def label(self, limit: int = 80) -> str:
        shown = self.text if len(self.text) <= limit else f"{self.text[:limit]}…"
        return f"[{self.kind}, {len(self.text)} chars] {shown!r}"


def typo(rng: random.Random, word: str) -> str:
    """One or two random edits: a swap, a dropped, doubled or replaced character, a case or separator change."""
    for _ in range(rng.randint(1, 2)):
        if len(word) < 2:
            return word + rng.choice("abcxyz1")
        i = rng.randrange(len(word) - 1)
        edit = rng.randrange(6)
        if edit == 0:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif edit == 1:
            word = word[:i] + word[i + 1 :]
        elif edit == 2:
            word = word[:i] + word[i] + word[i:]
        elif edit == 3:
            word = word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") + word[i + 1 :]
        elif edit == 4:
            word = word.upper() if rng.random() < 0.5 else word.title()
        else:
            word = word.replace(" ", rng.choice(["-", "", "  ", "_", "."])).replace("-", rng.choice([" ", "", "--"]))
    return word


class Inputs:
    """The generators, over the catalog's own model names (so names are real, then damaged)."""

    def __init__(self, seed: int, names: Sequence[str]):
        self.rng = random.Random(seed)
        self.names = list(names)

    def name(self) -> str:
        """A model name as someone types it: real, misspelt, decorated, or hostile."""
        rng = self.rng
        real = rng.choice(self.names)
        pick = rng.random()
        if pick < 0.35:
            return real if rng.random() < 0.3 else typo(rng, real)
        if pick < 0.5:
            return real[: rng.randint(0, len(real))]  # autocomplete: every prefix
        if pick < 0.65:
            return self._decorate(real)
        if pick < 0.75:
            return rng.choice(MENTIONS + NUMBERS + TRIGGERS) + rng.choice(["", " ", "-"]) + typo(rng, real)
        if pick < 0.85:
            return self._run(rng.randint(90, 6_000))
        return "".join(rng.choice(self._atoms()) for _ in range(rng.randint(1, 12)))

    def message(self) -> Sample:
        """A chat message or /ask question; the kind names the generator that made it."""
        rng = self.rng
        kinds: list[tuple[str, Callable[[], str]]] = [
            ("question", self._question),
            ("decorated", lambda: self._decorate(self._question())),
            ("noise", lambda: " ".join(rng.choice(self._atoms()) for _ in range(rng.randint(1, 60)))),
            ("run", lambda: self._run(rng.choice([500, 1_999, 2_000, 2_001, 3_999, 4_000, 4_001, 6_000]))),
            ("repeated", self._repeated),
            ("long-word", lambda: rng.choice(["", "is ", "best "]) + self._word(rng.randint(300, 4_000))),
            ("wall", self._wall),
            ("fence", self._fence),
        ]
        kind, make = rng.choice(kinds)
        return Sample(kind, make())

    def _atoms(self) -> tuple[str, ...]:
        return (
            RTL
            + ZERO_WIDTH
            + EMOJI
            + COMBINING
            + MARKDOWN
            + MENTIONS
            + TRIGGERS
            + NUMBERS
            + (
                typo(self.rng, self.rng.choice(self.names)),
                self.rng.choice(self.names),
            )
        )

    def _question(self) -> str:
        rng = self.rng
        text = rng.choice(TEMPLATES)
        while "{m}" in text:
            name = rng.choice(self.names)
            text = text.replace("{m}", name if rng.random() < 0.6 else typo(rng, name), 1)
        while "{n}" in text:
            text = text.replace("{n}", rng.choice(NUMBERS), 1)
        return text

    def _decorate(self, text: str) -> str:
        """Unicode and markdown sprinkled between and inside the words."""
        rng = self.rng
        out = []
        for ch in text:
            if rng.random() < 0.15:
                out.append(rng.choice(ZERO_WIDTH + COMBINING + MARKDOWN + EMOJI + RTL[:3]))
            out.append(ch)
        if rng.random() < 0.5:
            out.insert(0, rng.choice(MENTIONS) + " ")
        return "".join(out)

    def _run(self, size: int) -> str:
        """A long run of one unit: a digit, a space, a trigger word, a mention, an emoji, a name."""
        rng = self.rng
        units: list[str] = [*"1 .-,kx~/$*`\n", *(t + " " for t in TRIGGERS), *MENTIONS, *EMOJI, *ZERO_WIDTH,
                            rng.choice(self.names) + " ", "1 ", "1m ", "$1 ", "a/", "@everyone "]  # fmt: skip
        unit = rng.choice(units)
        prefix = rng.choice(["", "best models ", "is gpt-4o open source? ", "<@999> ", "under $1 "])
        return prefix + (unit * (size // len(unit) + 1))[: max(0, size - len(prefix))]

    def _repeated(self) -> str:
        rng = self.rng
        phrase = rng.choice([self._question(), rng.choice(TRIGGERS) + " ", rng.choice(self.names) + " "])
        return (phrase + " ") * rng.randint(2, max(2, ADDRESSED_TEXT // max(1, len(phrase) + 1)))

    def _word(self, size: int) -> str:
        return "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-._/") for _ in range(size))

    def _wall(self) -> str:
        """A pasted wall of text at (or just past) a budget: words, names and numbers up to the length."""
        rng = self.rng
        target = rng.choice([PASSIVE_TEXT, PASSIVE_TEXT + 1, ADDRESSED_TEXT, ADDRESSED_TEXT + 1, 4_000])
        parts: list[str] = []
        size = 0
        while size < target:
            part = rng.choice([self._question(), *self._atoms()])
            parts.append(part)
            size += len(part) + 1
        return " ".join(parts)[:target]

    def _fence(self) -> str:
        rng = self.rng
        body = "\n".join(rng.choice([self._question(), rng.choice(self.names), "x = 1", "```"]) for _ in range(9))
        return f"{rng.choice(['', 'why does this fail? '])}```{rng.choice(['', 'py', 'json'])}\n{body}\n```"
