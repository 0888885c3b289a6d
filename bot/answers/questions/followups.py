"""Follow-ups resolved against a channel's memory, and the lab a filter question names.

"and opus?" (the Opus the channel named, else the model just discussed with its tier swapped, else a picker),
"the lite one?", "and v3?", "and the 20b one?", "the cheaper one": each turns a short follow-up into the model it
means, only when the catalog has exactly that model (never a fuzzy guess).
"""

from __future__ import annotations

import re
from collections import Counter

from bot.answers.costs import TrafficProfile, estimate
from bot.answers.faq import FaqAnswer
from bot.answers.filters import name_words
from bot.answers.format import join_and
from catalog.errors import AmbiguousModel, CatalogError
from catalog.matching.rules import STOPWORDS, TIER_WORDS
from catalog.service import Catalog


def vendor_named(text: str, catalog: Catalog) -> str | None:
    """The one lab a filter question names ("which anthropic models…", "z.ai models", "claude models"), as the
    catalog keys vendors."""
    words = lab_words(catalog)
    found = re.findall(r"[a-z0-9][a-z0-9.]*", text.lower())
    named = {words[w] for w in (*found, *(w.replace(".", "") for w in found)) if w in words}
    return named.pop() if len(named) == 1 else None


#: The words right before "models" ("which qwen coder models…", "gpt-5 family models", "amazon nova text models").
_BEFORE_MODELS = re.compile(r"((?:[a-z0-9][a-z0-9.]{0,15}[ -]){1,4})(?:family |series |line )?models\b")
#: Words between a family and "models" that describe the kind, not the name ("nova text models").
_KIND_WORDS = frozenset(
    {"text", "chat", "coding", "open", "weight", "weights", "cheap", "cheaper", "llm", "ai", "family", "series", "line"}
)


def family_asked(text: str, catalog: Catalog) -> tuple[str, ...]:
    """The family a filter question asks about by name ("perplexity sonar models" -> sonar, "qwen coder models"
    -> qwen coder, "gpt-5 family models" -> gpt 5): the words before "models" from the first family word on,
    kind words left out; empty when no family word stands there."""
    m = _BEFORE_MODELS.search(re.sub(r"[()]", "", text.lower()))  # "moonshot (kimi) models"
    if m is None:
        return ()
    words = name_words(m.group(1))
    brands = catalog.index.brands
    first = next((i for i, w in enumerate(words) if w in brands), None)
    if first is None:
        return ()
    kept = [w for w in words[first:] if w not in _KIND_WORDS]
    if not all(w in brands or w in TIER_WORDS or w[0].isdigit() for w in kept):
        return ()  # "which claude models do you recommend" stops at the family; anything else is prose
    return tuple(kept)


def family_filter(family: tuple[str, ...], catalog: Catalog) -> tuple[str, ...]:
    """The name words a family filter keeps: none for a lab's own word alone ("mistral models", "sonar models":
    the lab's models, which its vendor filter asks for)."""
    return () if len(family) == 1 and family[0] in lab_words(catalog) else family


_LAB_WORDS: dict[int, dict[str, str]] = {}


def lab_words(catalog: Catalog) -> dict[str, str]:
    """Word -> the lab most of the models it heads come from: a family word is its lab's ("claude" is Anthropic's,
    though Bedrock lists "anthropic.claude-instant-v1" under Amazon); the matcher's vendor words fill the rest."""
    key = id(catalog.models)
    if key not in _LAB_WORDS:
        votes: dict[str, Counter[str]] = {}
        for m in catalog.models.values():
            if m.vendor:
                head = re.split(r"[\s\-_/.]", m.name.lower())[0]
                votes.setdefault(head, Counter())[m.vendor] += 1
                votes.setdefault(m.vendor, Counter())[m.vendor] += 1_000  # a lab's own key names it
        makers = {m.vendor for m in catalog.models.values() if m.vendor}
        table = {w: v for w, v in catalog.index.lexicon.vendor_words.items() if v in makers and w not in _KIND_WORDS}
        table.update(
            {w: c.most_common(1)[0][0] for w, c in votes.items() if len(w) >= 3 and w not in _KIND_WORDS | STOPWORDS}
        )  # a name's first word, when it is no everyday word ("in", "the")
        _LAB_WORDS.clear()
        _LAB_WORDS[key] = table
    return _LAB_WORDS[key]


_LEAD = re.compile(r"^\s*(?:and|what about|how about|ok and|also|then|now)\b\s*(?:the\s+|for\s+)?")


_ONE_WORDS = frozenset({"one", "version", "model", "variant"})


def family_completed(text: str, remembered: tuple[str, ...], catalog: Catalog) -> list[str]:
    """ "and v3?" after a question on DeepSeek-R1: the words typed, led by the family of the model just
    discussed ("DeepSeek v3"), when that names exactly one model."""
    words = _LEAD.sub("", text.lower()).strip(" ?!.").split()
    rest = " ".join(words[:-1] if words[-1:] and words[-1] in _ONE_WORDS else words)  # "the 20b one": "20b"
    if not rest or len(rest.split()) > 3:
        return []
    for mid in remembered:
        name = catalog.models[mid].name
        family = re.split(r"[\s-]", name)[0]
        tries = [f"{family} {rest}"]
        if re.fullmatch(r"\d{1,4}(?:\.\d)?b", rest):  # "and the 20b one?" after GPT OSS 120B: the other size
            tries.insert(0, re.sub(r"\b\d{1,4}(?:\.\d)?[bB]\b", rest, name))
        for attempt in tries:
            try:
                found = catalog.index.resolve(attempt)
            except CatalogError:
                continue
            if found.how != "fuzzy" and found.model_id != mid:
                return [found.model_id]
    return []


def _typed_tiers(text: str) -> list[str]:
    """Tier words typed, compound ones whole and hyphenated ("flash lite" and "flash-lite" are "flash-lite")."""
    out: list[str] = []
    joined = False  # the previous tier word stands right before this one, with only " " or "-" between
    for m in re.finditer(r"[a-z]+|[^a-z]", text.lower()):
        word = m.group()
        if word in TIER_WORDS:
            out[-1:] = [f"{out[-1]}-{word}"] if joined and out else [*out[-1:], word]
            joined = True
        else:
            joined = joined and word in (" ", "-")
    return out


_NAME_WORDS = re.compile(r"[a-z]+")


def seen_with_tier(text: str, seen: tuple[str, ...], catalog: Catalog) -> list[str]:
    """ "and opus?" after the channel named Opus 4.1: the one model named lately whose name has the typed tier."""
    typed = {part for t in _typed_tiers(text) for part in t.split("-")}  # every typed tier ("flash lite": both)
    hits = [
        mid
        for mid in seen
        if mid in catalog.models and typed and typed <= set(_NAME_WORDS.findall(catalog.models[mid].name.lower()))
    ]
    return hits[:1] if len(hits) == 1 else []


def tier_swapped(text: str, remembered: tuple[str, ...], catalog: Catalog) -> list[str]:
    """ "and opus?" after a question on Claude Sonnet 4.5: the remembered model with its tier word swapped for the
    one typed (Claude Opus 4.5), or added where it has none ("and the nano version?" after GPT-5: GPT-5 nano),
    when the catalog has exactly that model."""
    typed = _typed_tiers(text)
    out: list[str] = []
    for mid in remembered:
        words = catalog.models[mid].name.split()
        tiers = [i for i, w in enumerate(words) if w.lower() in TIER_WORDS]
        for t in typed:
            # swap the tier ("sonnet" -> "opus"), extend it ("flash" -> "flash lite"), or add one ("gpt-5" -> "nano")
            swaps = [[*words[:i], t, *words[i + 1 :]] for i in tiers if words[i].lower() != t]
            tries = [*swaps, *([*words[: i + 1], t, *words[i + 1 :]] for i in tiers)] if tiers else [[*words, t]]
            for attempt in tries:
                try:
                    found = catalog.index.resolve(" ".join(attempt))
                except CatalogError:
                    continue
                if found.how != "fuzzy":
                    out.append(found.model_id)
    return list(dict.fromkeys(out))


THE_ONE = re.compile(
    r"\bthe (cheaper|cheapest|bigger|larger|longer|pricier|dearer|more expensive|smaller|shorter) "
    r"(?:one|model|option|of (?:the|them|those|both)(?: two| three| models)?)\b"
)  # "the cheaper one", "the pricier of the two"
#: "the first one", "the latter", "the second model", "and the second?": a model just compared, by position.
ORDINAL = re.compile(
    r"\bthe (former|latter)\b"
    r"|\bthe (first|second|third|fourth|last|1st|2nd|3rd|4th)(?: (?:one|model|option|pick)\b| of (?:the|them|those)\b"
    r"|(?='s)|(?=\W*$))"
)
_OTHER = re.compile(r"\bthe other(?: one| model)?\b")
_POSITION = {"former": 0, "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "last": -1, "latter": -1}  # fmt: skip


def the_one(which: str, remembered: tuple[str, ...], catalog: Catalog, profile: TrafficProfile) -> str:
    """ "the cheaper one" / "the bigger one" among the models the channel just compared."""
    models = [catalog.models[i] for i in remembered]
    if which.startswith(("cheap", "pric", "dear", "more")):
        costs = {m.id: estimate(m, profile).per_month for m in models}
        priced = [m for m in models if costs[m.id] is not None]
        if not priced:
            return models[0].id
        pick = max if which.startswith(("pric", "dear", "more")) else min
        return pick(priced, key=lambda m: costs[m.id] or 0).id
    pick = min if which in ("smaller", "shorter") else max
    return pick(models, key=lambda m: m.context_window or 0).id


def by_position(text: str, remembered: tuple[str, ...], last: tuple[str, ...] = ()) -> list[str]:
    """ "the second one" among the models the channel just compared, in the order they were named; none when
    there is no such position ("the third one" after two). "the other one" is the compared model not ``last``
    discussed."""
    if len(remembered) == 2 and len(last) == 1 and _OTHER.search(text.lower()) and last[0] in remembered:
        return [i for i in remembered if i != last[0]]
    m = ORDINAL.search(text.lower())
    if m is None or len(remembered) < 2:
        return []
    at = _POSITION[m.group(1) or m.group(2)]
    return [remembered[at]] if -len(remembered) <= at < len(remembered) else []


def which(text: str, catalog: Catalog) -> FaqAnswer | None:
    """A follow-up naming a tier no remembered model swaps to ("and opus?" after GPT-4o): the models the family
    and tier could mean, to pick from, instead of a guess."""
    typed = [w for w in re.findall(r"[a-z]+", text.lower()) if w in TIER_WORDS]
    if not typed:
        return None
    tier = typed[0]
    families = Counter(m.name.split()[0].lower() for m in catalog.models.values() if tier in m.name.lower().split())
    if not families:
        return None
    family, n = families.most_common(1)[0]
    if n < 0.8 * sum(families.values()):
        return None  # "mini" is every family's: no one family to offer (a fine-tune named "… Opus" is not one)
    try:
        found = catalog.index.resolve(f"{family} {tier}")
    except AmbiguousModel as exc:
        choices = list(exc.candidates[:25])
    except CatalogError:
        return None
    else:
        choices = [(found.model_id, found.name)]
    names = join_and([name for _, name in choices[:5]]) + (f" and {len(choices) - 5} more" if len(choices) > 5 else "")
    return FaqAnswer(
        intent="pick",
        question=text,
        title=f"Which {tier.title()}?",
        lines=[f"Which one do you mean: {names}? Pick one and I'll answer the same question for it."],
        model_ids=[],
        sources=[],
        choices=choices,
    )


__all__ = [
    "THE_ONE",
    "by_position",
    "family_completed",
    "lab_words",
    "seen_with_tier",
    "the_one",
    "tier_swapped",
    "vendor_named",
    "which",
]
