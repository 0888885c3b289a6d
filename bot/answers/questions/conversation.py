"""A conversation turn: parse the message, borrow from the channel's memory for a follow-up, answer every ask.

``converse`` is what the chat listener, /ask, the console and the CLI call (through the flows); ``answer`` is the
same turn without memory. The per-intent wording lives in ``bot.answers.faq``.
"""

from __future__ import annotations

import re

from bot.answers.costs import TrafficProfile
from bot.answers.facts import prices_checked, sources
from bot.answers.faq import HANDLERS, FaqAnswer, decline, family_hint, filter_answer
from bot.answers.filters import asks_for_models, parse_filter, vendor_filter
from bot.answers.format import join_and
from bot.answers.intents import INTENT_RULES, blank_spans, is_question
from bot.answers.lifecycle import deprecation_lines
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
from bot.answers.questions.periods import period_lines, period_title
from bot.answers.questions.providers import provider_tables
from bot.answers.questions.query import Query, parse_query
from bot.answers.questions.respond import (
    cheaper_lines,
    commercial_lines,
    context_lines,
    license_lines,
    license_named,
    open_lines,
    output_lines,
    provider_lines,
    ranked_limit,
    traffic_line,
    unknown_lines,
    volume_lines,
    where_lines,
)
from bot.answers.questions.scores import benchmark_lines, benchmark_table
from bot.answers.questions.stated import StatedTraffic
from bot.answers.questions.traffic import TrafficError, read_traffic
from bot.answers.questions.units import budget_lines, unit_lines
from bot.answers.questions.workloads import workload_lines
from catalog.matching.text import mask
from catalog.models import Model
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
            if q.traffic.requests_per_month is not None and not set(asks) & _PRICED:
                asks = ["monthly_cost"]  # "what about both at 5k requests a day?" after a license question
            if not q.benchmarks and recall.benchmarks:
                q = q.model_copy(update={"benchmarks": recall.benchmarks})
            if not q.providers and recall.providers:
                q = q.model_copy(update={"providers": recall.providers})
            if not q.periods and recall.periods:
                q = q.model_copy(update={"periods": recall.periods})
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
        elif not _PER_TOKEN.search(q.text.lower()):
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
    lines, title = _parts(q, models, profile, provider_names)
    if q.unknown_topic is not None:  # "is it on bedrock? need it in Frankfurt": where it runs, then what is unknown
        unknown_line = f"I don't know the {q.unknown_topic}: the catalog has no data on it, and I won't guess."
        lines.insert(len(lines) if q.yes_no else 0, unknown_line)  # "what's its latency on azure?" asks that first
    if q.unknown and (set(q.asks) & {"cheaper", "compare"} or q.yes_no or models):  # "is o5-mini cheaper …?",
        # "how does Nova Colossal compare to Nova Pro?": the name the catalog lacks is said first
        lines[:0] = unknown_lines(q, _data_date(catalog))
    elif q.unknown:
        lines += unknown_lines(q, _data_date(catalog))
    if _priced(q) and not q.workloads:
        lines.append(traffic_line(q, profile, saved_profile, base))
    return (
        FaqAnswer(
            intent=q.asks[0] if q.asks else "overview",
            question=text,
            title=title,
            lines=lines,
            model_ids=[m.id for m in models],
            sources=sources(models),
            prices_checked=prices_checked(models),
        ),
        remembered,
    )


_PRONOUN = re.compile(r"\b(?:it|its|that|this|they|them|those)\b")
_THAN_IT = re.compile(r"\bthan (?:it|that|this|that one|this one|them|those)\b")
_OVERVIEW = dict(INTENT_RULES)["overview"]
_PER_TOKEN = re.compile(r"\bper[- ](?:1m|million|mtok|token|1k|mil)\b|/ ?(?:1m|mtok|mil)\b|\bunit price")
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


_PRICED = frozenset({"monthly_cost", "cheaper", "cheapest_route"})
#: "which of them", "both", "the two": the models asked one by one just before, together.
_BOTH = re.compile(r"\b(?:which of (?:them|those|the two|these)|both|the two|either of them|between them)\b")


def _priced(q: Query) -> bool:
    return any(a in _PRICED for a in q.asks)


def _parts(
    q: Query, models: list[Model], profile: TrafficProfile, provider_names: dict[str, str]
) -> tuple[list[str], str]:
    """Every ask's lines, yes/no answers first; the title names what was asked."""
    asks = list(q.asks)
    if "license" in asks and q.yes_no and license_named(q):
        asks.insert(0, asks.pop(asks.index("license")))  # "is it under Apache 2.0?" is the question to answer first
    elif q.yes_no and (said := [a for a in asks if a in ("commercial", "open_source")]):
        # "does its license permit commercial use?", "licensing-wise, is it open weights?": the yes/no first
        asks = [*said, *(a for a in asks if a not in said)]
        if "license" in asks:
            asks.remove("license")  # the open-weights or commercial-use line names the license already
    if "cheapest_route" in asks and "where_run" in asks:
        asks.remove("where_run")  # "who hosts it cheapest?" asks for the one host
    if "cheapest_route" in asks and len(models) > 1:  # "A vs B vs C: cheapest for input?" asks which model
        asks = list(dict.fromkeys("cheaper" if a == "cheapest_route" else a for a in asks))
    if "cheaper" in asks and "monthly_cost" in asks and len(models) > 1:
        asks.remove("monthly_cost")  # "is X cheaper than Y at our traffic": the verdict shows each month's cost
    if "compare" in asks or (len(models) > 1 and not asks):
        asks = [a for a in asks if a != "compare"] or ["compare"]
    first: list[str] = []
    rest: list[str] = []
    titles: list[str] = []
    if q.providers:  # "is it on vertex?" is answered yes/no first, beside whatever else the message asks
        first += provider_lines(models, q, provider_names)
        titles.append("Where to run it")
        # the route's price answers "how much there"; "and moonshot's own price per 1M?" asks the list price too
        only_where = set(asks) <= {"where_run", "price", "cheapest_route"} and not _PER_TOKEN.search(q.text.lower())
        asks = [a for a in asks if a not in ("where_run", "deprecated") and not (only_where and a == "price")]
    if q.workloads and set(asks) & {"monthly_cost", "price", "cheaper"}:
        # a table per feature, a quote per customer: each workload priced on its own, then the total
        rest += workload_lines(models, q.workloads)
        titles.append("Monthly cost by workload")
        asks = [a for a in asks if a not in ("monthly_cost", "price", "cheaper")]
    for ask in asks or ([] if first or rest else ["overview"]):
        if ask in ("context", "max_output") and (top := ranked_limit(models, q, *_LIMITS[ask])) is not None:
            first += top  # "which of A, B and C has the largest max output?"
            titles.append(_LIMITS[ask][1].capitalize())
            continue
        if ask == "context" and (yes_no := context_lines(models, q)) is not None:
            first += yes_no
            titles.append("Context window")
            continue
        if ask == "max_output" and (yes_no := output_lines(models, q)) is not None:
            first += yes_no
            titles.append("Max output")
            continue
        if ask == "cheaper" and (verdict := cheaper_lines(models, q, profile)) is not None:
            first += verdict
            titles.append("Which is cheaper?")
            continue
        if ask == "benchmarks" and q.benchmarks:
            rest += benchmark_lines(models, q.benchmarks)
            titles.append("Benchmarks")
            continue
        special = {
            "open_source": lambda: open_lines(models, q),
            "commercial": lambda: commercial_lines(models),
            "license": lambda: license_lines(models, q),
            "deprecated": lambda: deprecation_lines(models),
            "where_run": lambda: where_lines(models),
        }.get(ask)
        if special is not None:
            (first if q.yes_no else rest).extend(special())
            titles.append(_TITLES.get(ask, ask))
            continue
        handler = HANDLERS[ask.removeprefix("cap_") if ask.startswith("cap_") else ask]
        title, lines = handler(models, profile, ask)
        titles.append(title)
        rest += [ln for ln in lines if not ln.startswith("Traffic assumed:")]
    if _priced(q) or "price" in q.asks:
        stated = q.traffic.input_tokens is not None or q.traffic.output_tokens is not None
        rest += unit_lines(models, q.text, profile, stated)  # cached, batch, per 1k tokens, per request, blended
        first[:0] = budget_lines(models, q.text, profile)  # "how many requests can $2k/month buy?" first
    if _priced(q) and not q.workloads:
        rest += volume_lines(models, q, profile)
    if q.periods and _priced(q):
        rest += period_lines(models, profile, q.periods)
        titles = [period_title(t, q.periods) for t in titles]
    names = join_and([m.name for m in models])
    title = titles[0] if len(titles) == 1 else f"{names}: {', '.join(dict.fromkeys(t.lower() for t in titles))}"
    return first + rest, title


_LIMITS = {"context": ("context_window", "context window"), "max_output": ("max_output", "max output")}
_TITLES = {
    "deprecated": "Deprecated?",
    "open_source": "Open source?",
    "commercial": "Commercial use",
    "license": "License",
}


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
