"""A conversation turn: parse the message, borrow from the channel's memory for a follow-up, answer every ask.

``converse`` is what the chat listener, /ask, the console and the CLI call (through the flows); ``answer`` is the
same turn without memory. The per-intent wording lives in ``bot.answers.faq``.
"""

from __future__ import annotations

import re

from bot.answers.costs import TrafficProfile
from bot.answers.facts import prices_checked, sources
from bot.answers.faq import FaqAnswer, decline, family_hint, filter_answer
from bot.answers.filters import asks_for_models, parse_filter, vendor_filter
from bot.answers.intents import INTENT_RULES, blank_spans, is_question
from bot.answers.questions.followups import (
    THE_ONE,
    by_position,
    family_asked,
    family_completed,
    family_filter,
    seen_with_tier,
    the_one,
    tier_swapped,
    vendor_named,
    which,
)
from bot.answers.questions.memory import ChannelMemory
from bot.answers.questions.parts import PER_TOKEN, PRICED, TURNED, answer_parts, priced
from bot.answers.questions.per_unit import per_unit_asked
from bot.answers.questions.providers import provider_tables
from bot.answers.questions.query import Query, parse_query
from bot.answers.questions.respond import (
    traffic_line,
    unknown_lines,
)
from bot.answers.questions.scores import benchmark_table
from bot.answers.questions.stated import StatedTraffic
from bot.answers.questions.traffic import TrafficError, read_traffic
from bot.answers.questions.units import budget_said
from catalog.matching.text import mask
from catalog.service import Catalog


def answer(
    text: str, catalog: Catalog, profile: TrafficProfile | None = None, addressed: bool = False
) -> FaqAnswer | None:
    """The reply to a chat message with no channel memory, or None to stay silent."""
    return converse(text, catalog, profile, addressed)[0]


#: "is that bigger or smaller?": a measure against the model just discussed.
_MEASURED = re.compile(r"\b(?:bigger|smaller|larger|longer|shorter|more|less|fewer)\b", re.IGNORECASE)
#: "the lite one", "the mini version", "the pro model": a sibling of the model just discussed, by its tier.
_THE_TIER = re.compile(r"\bthe ([a-z]{2,10}) (?:one|version|model|variant|tier)\b")


def converse(
    text: str,
    catalog: Catalog,
    profile: TrafficProfile | None = None,
    addressed: bool = False,
    memory: ChannelMemory | None = None,
    now: float = 0.0,
    saved_profile: bool = False,
) -> tuple[FaqAnswer | None, ChannelMemory | None]:
    """The reply to a chat message (None: stay silent) and what the channel remembers afterwards.

    ``addressed`` is True when the message mentions the bot (or is a DM / /ask): then it always answers.
    ``memory`` is the channel's last question: a follow-up ("and opus?", "same traffic on X") borrows from it.
    """
    quoted, own = _split_quote(text)
    rate = StatedTraffic()
    if quoted and own:  # "> GPT-4.1: $2.00/1M input …\nand o4-mini?": the quote is what the follow-up follows
        memory = converse(quoted, catalog, profile, True, memory, now, saved_profile)[1]
        text = own
        rate = read_traffic(quoted)  # "> we'd need about 50 requests per minute\nat that rate, … monthly?"
    base = profile or TrafficProfile()
    words, provider_names = provider_tables(catalog)
    recall = memory if memory is not None and memory.fresh(now) else None
    in_talk = recall is not None and bool(recall.asks)  # the channel was just answered about a model
    q = parse_query(text, catalog, words, benchmark_table(catalog), in_talk=in_talk)
    if q.model_ids:
        memory = (recall or ChannelMemory()).saw(q.model_ids, now)
    if q.to_team and not addressed:
        return None, memory  # "@chen can you send me the claude prices?": a colleague's to answer
    model_ids, asks, traffic = list(q.model_ids), list(q.asks), q.traffic
    if rate.requests_per_month is not None and traffic.requests_per_month is None:
        traffic = rate.merged(traffic)
    borrowed = chosen = False
    pronoun = _PRONOUN.search(q.text.lower()) is not None
    if recall is not None and (q.follow_up or not model_ids or not asks or pronoun) and (q.asking or q.follow_up):
        together = recall.compared if len(recall.compared) > 1 else recall.model_ids
        if not model_ids and len(together) > 1 and (pick := THE_ONE.search(q.text.lower())):
            model_ids, borrowed, chosen = [the_one(pick.group(1), together, catalog, base)], True, True
            asks = [a for a in asks if a not in ("cheaper", "cheapest_route")]  # "cheaper" chose the model
        if not model_ids and (placed := by_position(q.text, together, recall.model_ids)):
            model_ids, borrowed = placed, True  # "the second one's max output?"
        the_tier = not model_ids and _THE_TIER.search(q.text.lower()) is not None  # "whats the lite one cost"
        if the_tier and (swapped := tier_swapped(q.text, recall.model_ids, catalog)):
            model_ids, borrowed = swapped, True
        if not model_ids and q.follow_up and (recall.model_ids or recall.seen):
            # "and opus?": Opus 4.1 if the channel named it, else Sonnet 4.5 with its tier swapped
            model_ids = (
                seen_with_tier(q.text, recall.seen, catalog)
                or tier_swapped(q.text, recall.model_ids, catalog)
                or family_completed(q.text, (*recall.model_ids, *recall.seen), catalog)  # "and v3?" after R1
            )
            borrowed = bool(model_ids)
            if not model_ids and (picker := which(q.text, catalog)) is not None:
                return picker, memory  # "and opus?" after GPT-4o: which Opus? (memory kept for the answer)
        if not model_ids and not q.unknown and recall.model_ids and (asks or q.providers or not q.traffic.empty):
            # "what about its context window?", "is it on azure?", "same but 20k a day"
            model_ids, borrowed = list(recall.model_ids), True
            both = set(asks) & {"cheaper", "compare"} or _BOTH.search(q.text.lower()) is not None
            if len(model_ids) == 1 and both:  # "which is cheaper?", "which of them …?" after two asked one by one
                model_ids[:0] = [i for i in recall.seen if i not in model_ids][:1]  # the one before, first
        elif len(model_ids) == 1 and pronoun and (set(asks) & {"cheaper", "compare"} or _MEASURED.search(q.text)):
            # "is that cheaper than gpt-5 mini?": "that" is the model just discussed, and it is compared in the place
            # it is written ("is gpt-5's context bigger than that?" asks about GPT-5)
            before = [i for i in recall.model_ids if i not in model_ids]
            model_ids = [*model_ids, *before] if _THAN_IT.search(q.text.lower()) else [*before, *model_ids]
        if borrowed and not chosen and q.follow_up and asks == ["price"] and "cheaper" in recall.asks:
            asks = ["cheaper"]  # "and per input token?" after "which is cheaper per output token, A or B?"
        if model_ids and not asks and not q.providers and (q.follow_up or len(q.text.split()) <= 6):
            asks, borrowed = list(recall.asks), True  # "and opus?" ("the former on groq?" asks only where)
            if _BOTH_ASKS.search(q.text.lower()):  # "same two for o4-mini": the two questions asked last
                asks = list(dict.fromkeys([*recall.earlier_asks, *asks]))
            if q.traffic.requests_per_month is not None and not set(asks) & PRICED:
                asks = ["monthly_cost"]  # "what about both at 5k requests a day?" after a license question
            if not q.benchmarks and recall.benchmarks:
                q = q.model_copy(update={"benchmarks": recall.benchmarks})
            if not q.providers and recall.providers:
                q = q.model_copy(update={"providers": recall.providers})
            if not q.periods and recall.periods:
                q = q.model_copy(update={"periods": recall.periods})
            if recall.budget and not budget_said(q.text):
                q = q.model_copy(update={"budget": recall.budget})
        if (q.same_traffic or borrowed or q.follow_up) and not recall.traffic.empty:
            traffic = recall.traffic.merged(q.traffic)
        if chosen:  # "the cheaper one" named the model: what it costs is the ask left, not which is cheaper
            asks = list(dict.fromkeys("monthly_cost" if a in ("cheaper", "cheapest_route") else a for a in asks))
    if not asks and model_ids and q.traffic.requests_per_month is not None:
        asks = ["monthly_cost"]  # "o3 at 500 requests a day, 6k in 2k out"
    if not asks and len(model_ids) > 1:
        asks = ["compare"]  # "gpt-4o vs gpt-4o mini?"
    if not traffic.empty and "price" in asks:
        if "monthly_cost" not in asks:
            asks[asks.index("price")] = "monthly_cost"  # a price at a stated traffic is a monthly cost
        elif not PER_TOKEN.search(q.text.lower()):
            asks.remove("price")  # "how much per month at 1M requests" asks one thing: the bill
    q = q.model_copy(update={"model_ids": tuple(model_ids), "asks": tuple(asks), "traffic": traffic})
    try:
        profile = traffic.applied(base)
    except TrafficError as exc:
        return decline(text, f"a usable traffic figure ({exc.message})", []), memory
    said = mask(q.text)  # the parser's English (``gloss``), code and links blanked: what filters read
    family = family_asked(said, catalog)  # "gpt-5 family models under $0.50": a filter, not GPT-5's price
    if family and (filt := parse_filter(said)) is not None and (addressed or q.asking or is_question(said)):
        vendor = vendor_named(q.text, catalog)
        filt = filt.model_copy(update={"name_words": family_filter(family, catalog), "vendor": vendor})
        listed = filter_answer(said, catalog, filt, profile if q.traffic.requests_per_month is not None else base)
        return listed, _shortlisted(listed, memory, now)
    models = [catalog.models[i] for i in model_ids]
    seen = memory.seen if memory is not None else ()
    remembered = ChannelMemory(
        model_ids=tuple(model_ids),
        asks=tuple(asks),
        traffic=traffic,
        benchmarks=q.benchmarks,
        providers=q.providers,
        periods=q.periods,
        budget=budget_said(q.text) or q.budget,
        earlier_asks=recall.asks if recall is not None and tuple(asks) != recall.asks else (),
        seen=seen,
        compared=tuple(model_ids) if len(model_ids) > 1 else (recall.compared if recall is not None else ()),
        at=now,
    )
    if not models:
        if q.unknown and (addressed or q.asking):
            return _unknown(text, q, catalog), memory
        filt = parse_filter(said)
        vendor = vendor_named(q.text, catalog)
        asked = addressed or is_question(said) or q.asking
        # "cheapest anthropic model?", "anthropic models with 64k+ max output": a lab with something asked of its
        # models, never a lab just mentioned ("saw the news about the new qwen model")
        if filt is None and vendor is not None and (asked or (bool(q.asks) and asks_for_models(said))):
            filt = vendor_filter(said, vendor)
        if filt is not None and (asked or asks_for_models(said)):
            filt = filt.model_copy(update={"vendor": vendor}) if vendor else filt
            # token counts in a filter are constraints ("can output 128k tokens"), not the team's traffic
            shown = profile if q.traffic.requests_per_month is not None else base
            listed = filter_answer(said, catalog, filt, shown)
            return listed, _shortlisted(listed, memory, now)
        if addressed:
            return decline(text, "that", [], hint=family_hint(found_families(q))), memory
        return None, memory
    if not (addressed or q.asking or borrowed):
        return None, memory
    if not (addressed or borrowed or asks or q.unknown or q.providers or q.unknown_topic) and not _wants_overview(q):
        return None, memory  # "anyone tried kimi k2?" asks the team, not the bot
    if q.unknown_topic is not None and not asks and not q.providers:
        return decline(text, q.unknown_topic, models), remembered
    lines, title, about = answer_parts(q, models, profile, provider_names)
    if q.unknown_topic is not None:  # "is it on bedrock? need it in Frankfurt": where it runs, then what is unknown
        unknown_line = f"I don't know the {q.unknown_topic}: the catalog has no data on it, and I won't guess."
        lines.insert(len(lines) if q.yes_no else 0, unknown_line)  # "what's its latency on azure?" asks that first
    if q.unknown and (set(q.asks) & {"cheaper", "compare"} or q.yes_no or models):  # "is o5-mini cheaper …?",
        # "how does Nova Colossal compare to Nova Pro?": the name the catalog lacks is said first
        lines[:0] = unknown_lines(q, _data_date(catalog))
    elif q.unknown:
        lines += unknown_lines(q, _data_date(catalog))
    per_turns = per_unit_asked(q.text.lower()) is not None and TURNED.search(q.text.lower()) is not None
    if priced(q) and not q.workloads and not per_turns:  # a unit's turns are no month's traffic
        lines.append(traffic_line(q, profile, saved_profile, base))
    return (
        FaqAnswer(
            intent=q.asks[0] if q.asks else "overview",
            question=text,
            title=title,
            lines=lines,
            model_ids=[m.id for m in about],
            sources=sources(models),
            prices_checked=prices_checked(models),
        ),
        remembered,
    )


#: Both of the last two questions again ("same two for X", "both questions for X", "those two for X").
_BOTH_ASKS = re.compile(r"\b(?:same|those|these|both) (?:two|2|questions|qs)\b")
_PRONOUN = re.compile(r"\b(?:it|its|that|this|they|them|those)\b")
_THAN_IT = re.compile(r"\bthan (?:it|that|this|that one|this one|them|those)\b")
_OVERVIEW = dict(INTENT_RULES)["overview"]
#: Words around a model name that still ask the bot for its card ("kimi k2?", "gpt-4o pls").
_BARE = frozenset({"and", "what", "about", "the", "pls", "please", "so", "hmm", "ok", "model", "new", "this", "that"})


#: A Discord quote line ("> what about X", ">>> a block to the end").
_QUOTE = re.compile(r"^[ \t]*>{1,3}[ \t]?")


def _split_quote(text: str) -> tuple[str, str]:
    """The quoted lines and the writer's own, each joined; a reply to a quote reads it as the turn before."""
    quoted: list[str] = []
    own: list[str] = []
    for line in text.split("\n"):
        m = _QUOTE.match(line)
        (quoted if m else own).append(line[m.end() :] if m else line)
    return "\n".join(quoted).strip(), "\n".join(own).strip()


def _shortlisted(listed: FaqAnswer, memory: ChannelMemory | None, now: float) -> ChannelMemory | None:
    """The channel after a filter answer: its models, in the order shown, for "the first one", "the cheapest
    one" (nothing is "it" yet: several models were named)."""
    if len(listed.model_ids) < 2:
        return memory
    return (memory or ChannelMemory()).model_copy(update={"compared": tuple(listed.model_ids), "at": now})


def _wants_overview(q: Query) -> bool:
    """A question naming a model and nothing to look up: the card when it asks for one ("what's kimi k2?", "thoughts
    on gpt-5?") or is the name alone ("kimi k2?"); a question to teammates ("anyone tried kimi k2?") is not."""
    rest = blank_spans(q.text.lower(), list(q.spans))
    return bool(_OVERVIEW.search(rest)) or all(w in _BARE for w in re.findall(r"[a-z]+", rest))


#: "which of them", "both", "the two": the models asked one by one just before, together.
_BOTH = re.compile(r"\b(?:which of (?:them|those|the two|these)|both|the two|either of them|between them)\b")


def _unknown(text: str, q: Query, catalog: Catalog) -> FaqAnswer:
    return FaqAnswer(
        intent="unknown_model",
        question=text,
        title="Not in the catalog",
        lines=unknown_lines(q, _data_date(catalog)),
        model_ids=[],
        sources=[],
        known=False,
    )


def _data_date(catalog: Catalog) -> str | None:
    """The newest source date the catalog holds: what "not in the catalog" is as of."""
    dates = [s.source_date for s in catalog.sources if s.source_date]
    return max(dates) if dates else None


def found_families(q: Query) -> tuple[str, ...]:
    return q.families
