"""One chat message's tokens as the second pass reads them, and what surrounds a run in it: the vendors named
nearby, how the run is written (as an id, glued to its number, inside a path)."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.matching.rules import SEQUENCE_WORDS, WEAK_FAMILIES
from catalog.matching.text import Tok, joined

#: How many words either side of a name a vendor's word still vouches for it.
VENDOR_WINDOW = 6


@dataclass(frozen=True, slots=True)
class Message:
    """One message's tokens and what surrounds a run in it."""

    original: str
    masked: str
    toks: list[Tok]
    words: list[str]
    vendor_at: list[str | None]
    context: bool
    read: list[bool]
    """Tokens the strict pass already read as part of a name."""

    def vendors_around(self, start: int, stop: int, key: tuple[str, ...], window: int = VENDOR_WINDOW) -> set[str]:
        """Vendors named near ``[start, stop)`` by words that are not part of the name itself."""
        lo, hi = max(0, start - window), min(len(self.words), stop + window)
        return {v for j in range(lo, hi) if (v := self.vendor_at[j]) and self.words[j] not in key}

    def vendor_next_to(self, start: int, stop: int, vendor: str | None, key: tuple[str, ...]) -> bool:
        """The name's own vendor written right before it ("Perplexity Sonar", "Perplexity's Sonar") or inside it
        ("Amazon Nova", the family word of a two-word name). A one-word name's own word is no evidence
        ("gemini/gemini")."""
        if vendor is None:
            return False
        alone = len(key) == 1
        if any(self.vendor_at[j] == vendor and not (alone and self.words[j] in key) for j in range(start, stop - 1)):
            return True
        before = start - 1
        if before >= 1 and self.words[before] == "s" and self.masked[self.toks[before].start - 1] in "'’":
            before -= 1  # the vendor's possessive: "Perplexity's Sonar"
            return self.vendor_at[before] == vendor and self.masked[self.toks[start - 1].end] == " "
        if before < 0 or self.vendor_at[before] != vendor or (alone and self.words[before] in key):
            return False
        return self.joined(before, start)

    def strong_vendor_near(self, start: int, stop: int, vendor: str | None) -> bool:
        """The vendor named nearby by a word that is not an everyday one ("glm 5", not "step 3 of the runbook")."""
        lo, hi = max(0, start - VENDOR_WINDOW), min(len(self.words), stop + VENDOR_WINDOW)
        return any(self.vendor_at[j] == vendor and self.words[j] not in WEAK_FAMILIES for j in range(lo, hi))

    def in_path(self, start: int) -> bool:
        """The run follows a "/" after a word that names no vendor ("api/v3.1", not "deepseek/v3.1")."""
        at = self.toks[start].start
        return at > 0 and self.masked[at - 1] == "/" and (start == 0 or self.vendor_at[start - 1] is None)

    def standalone(self, start: int, stop: int) -> bool:
        """Spaces (or the message's edge) on both sides: not part of a path, a file name or a tag."""
        before = self.original[self.toks[start].start - 1 : self.toks[start].start]
        after = self.original[self.toks[stop - 1].end : self.toks[stop - 1].end + 1]
        return before in ("", " ") and after in ("", " ", ",", "?", "!", ".")

    def joined(self, left: int, right: int) -> bool:
        return joined(self.masked, self.toks[left], self.toks[right])

    def glued(self, start: int, stop: int) -> bool:
        """Every word of the run written against the next, with no separator at all ("mercury2")."""
        return stop - start >= 2 and all(self.toks[j].start == self.toks[j - 1].end for j in range(start + 1, stop))

    def glued_number(self, start: int, stop: int) -> bool:
        """A name glued to its number ("mercury2"), not a count glued to a word ("2xlarge"), nor a numbered step
        ("step3", "phase2": how runbooks count)."""
        first, last = self.words[start], self.words[stop - 1]
        return self.glued(start, stop) and first.isalpha() and first not in SEQUENCE_WORDS and last[:1].isdigit()

    def written_as_id(self, start: int, stop: int) -> bool:
        """A name typed without spaces ("sonar-pro-search", "grokcodefast"): how ids are written, not prose."""
        return all(self.toks[j].start - self.toks[j - 1].end <= 1 for j in range(start + 1, stop)) and all(
            self.masked[self.toks[j - 1].end : self.toks[j].start] in ("", "-", "_", ".")
            for j in range(start + 1, stop)
        )
