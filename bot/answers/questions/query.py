"""A chat message as a structured query: the models it names (and model-like names the catalog lacks), the
providers, benchmarks and traffic it states, every thing it asks, and whether it asks anything at all.

Asks come from the intent table (``bot.answers.intents``), all of them, in the order they are written; where two
rules match the same words the one listed first keeps them ("cost us" is a monthly cost, not a price).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from bot.answers.intents import INTENT_RULES, UNKNOWN_TOPICS, blank_spans, is_question
from bot.answers.questions.addressee import declares_value, for_colleagues, headed_report, narrates
from bot.answers.questions.gloss import gloss
from bot.answers.questions.names import Unknown, checked_mentions, elided_siblings, family_led, unknown_names
from bot.answers.questions.periods import cost_periods
from bot.answers.questions.scores import named_benchmarks
from bot.answers.questions.traffic import StatedTraffic, read_traffic
from bot.answers.questions.units import ratio_span
from bot.answers.questions.workloads import Workload, prose_workloads, table_workloads
from catalog.matching.rules import TIER_WORDS
from catalog.matching.text import mask
from catalog.service import Catalog

MAX_PARSED = 2000
#: Asks a yes/no question opens with ("does it", "is X on Y", "can we").
_YES_NO = re.compile(
    r"(?:^|[:;?.!\n,]| [-–—])[ \t]*(?:[-•*][ \t]*)?(?:and\s+|so\s+|also\s+)?"  # after a bullet, "and", " - "
    r"(?:is|are|does|do|can|could|will|would|has|have|did)\s+(?:it|its|they|this|that|there|we|[a-z0-9])"  # one line
)
#: A yes/no put as a last word ("commercial use ok?", "self-hosting allowed?").
_OK_ASKED = re.compile(r"\b(?:ok|okay|allowed|fine|permitted|possible|legit)\s*\?\W*$")
#: A comparison asked without "is" or "does" ("gemini 2.5 flash bigger context than gpt-4.1?"): yes or no too,
#: unless it asks which one ("which is cheaper than …?").
_TERSE_COMPARISON = re.compile(
    r"\b(?:bigger|larger|smaller|longer|shorter|cheaper|pricier|more|less|fewer|lower|higher)\b[^?!]{0,40}\bthan\b"
    r"[^?!]{1,80}\?"
)
_WHICH = re.compile(r"^\W{0,3}(?:which|what|who|how)\b")
_REQUEST = re.compile(
    r"\b(?:pls|plz|please|(?<!to )give me|(?<!to )show me|(?<!to )tell me|look ?up|lmk|let me know|what's|whats"
    r"|anyone know|remind me|refresh my memory"
    r"|curious (?:whether|if|about)|wondering (?:whether|if|about)|wonder (?:whether|if)|do you know"
    r"|i'?d like|i would like|could (?:i|we) (?:get|have)|kindly|(?:i )?would appreciate|could you|can you"
    r"|would you|(?:two|three|four|a few|a couple of|couple of|some) (?:things|questions|qs|asks)|side by side"
    r"|head to head)\b"
    r"|\bor not\W*$|\by/n\b|\byes ?/ ?no\b|\byes or no\W*$"
)
#: A statement about what the team did or saw ("was plenty", "we moved"): several asks in one are no request.
_STATEMENT = re.compile(r"\b(?:we|i|my|our|us|was|were|had|did|used|tried|went|been|they)\b")
#: A report of what is happening ("the pipeline is processing 3M requests a month"), not a question.
_PROGRESSIVE = re.compile(r"\b(?:is|are|'s|'re) (?:now |still |already )?\w+ing\b")
#: Words that make a request only together with something asked ("need the price of X", not "need to migrate").
_WANT = re.compile(  # not "would need 2 H100s"; a forwarded ask too ("Pat asks for the Nova Micro context window")
    r"(?<!would )(?<!will )(?<!won't )(?<!you )(?<!nobody )(?<!no one )(?<!n't )(?<!never )"
    r"\b(?:need|needs|want|wants|check)\b(?! \w+ing\b)"
    r"(?! to (?!know|see|check|compare|confirm|understand|find|get|figure|verify|estimate|budget|price|hear)\w)"
    r"|\bask(?:s|ing|ed)? (?:for|about)\b"
)  # not "nobody wants another round", "for when you want reasoning", "needs chunking", "want to keep our jobs"
#: An acknowledgement or bullet before a follow-up ("+1, also …", "Thank you — and …", "- same but …").
_ACK = re.compile(r"^(?:\W*(?:\+1|thanks|thank you|thx|ty|cool|great|nice|perfect|got it|ok|okay)\b)*[\W_]*")
_FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|same|ok and|also|now|then|what if|if we|with|at|double|halve|triple)\b"
    r"|^\W*\^|^\W*(?:this|that|same)\s*\^|\bsame q(?:uestion)?\b|\bwhat (?:she|he|they|you) said\b"  # "^ but for opus"
    r"|^\s*(?:the|that|its) [a-z0-9][a-z0-9-]{1,20} (?:one|version|model|variant|tier)\b"  # "the lite one?"
    r"|\b(?:too|as well)\W*$"  # "context window too?"
    r"|\b(?:without|drop(?:ping)?|remove|minus|ignore|ignoring|no) (?:the |any )?(?:cach(?:e|ing)|batch(?:ing)?)\b"
    r"|^\W*[a-z]+ (?:also|too) (?:wants?|needs?|asks? (?:for|about))\b"  # "Pat also wants Kimi K2.6"
)
#: The ask of the message before, for another model ("Could you likewise confirm it for GPT-4.1?").
_LIKEWISE = re.compile(
    r"\b(?:likewise|similarly)\b|\b(?:it|that|this|the same|those|these|both|(?:those|these|the) (?:two|three)) for\b"
    r"|\bsame (?:format|thing|question|info|details|breakdown|numbers|figures|layout)\b"
)  # "what are those two for Gemini 3 Flash?", "now GPT-5.4 mini please, same format"
#: A message that is tier words alone ("nano?", "flash lite?"): the model just discussed, in that tier.
_TIERS = "|".join(sorted(TIER_WORDS))
_ONLY_TIERS = re.compile(rf"^\W*(?:{_TIERS})(?:[ -](?:{_TIERS}))*\W*$")
_SAME_TRAFFIC = re.compile(
    r"\bsame (?:traffic|volume|numbers|usage|load|setup|estimate|calculation|math|maths)\b|\bthe same (?:for|on)\b"
)
#: Words that carry no content in a terse request ("price of gpt-4o pls", "deepseek v3.2 context window").
_FILLER = frozenset(
    {"the", "a", "an", "of", "for", "on", "in", "pls", "plz", "please", "and", "its", "it", "s", "per", "1m",
     "million", "tokens", "token", "quick", "q", "hey", "hi", "ok", "so", "again", "real", "what", "about",
     "how", "same", "also", "then", "now", "is", "there", "with", "at", "to", "or", "vs", "versus", "bigger",
     "larger", "longer", "more", "smaller", "which", "one", "normal", "standard", "base", "regular", "list",
     "prompt", "usual", "current", "last", "thing", "lastly", "finally", "another", "question", "out", "m", "mtok",
     "k"}
)  # fmt: skip
#: A file path ("/shared/evals/o4-mini-vs-gpt-5-nano.pdf", "./reports/q3/haiku.md"); a route id has one slash and
#: no leading one ("openai/gpt-4o"), so it stays.
_PATH = re.compile(
    r"(?<![\w/:])(?:~|\.{1,2})?/[\w.@+-]+/[\w.@+/-]+"
    r"|(?:^|(?<=\s))[\w.-]+/[\w.-]+/[\w./-]*\.(?:pdf|md|csv|json|txt|py|ya?ml|ipynb|png|html|xlsx|docx)\b"
)
#: Words and numbers of a message, in one linear pass.
_WORD = re.compile(r"[a-z0-9][a-z0-9.+]*")


class Query(BaseModel):
    """What one message asks."""

    model_config = ConfigDict(frozen=True)

    text: str
    model_ids: tuple[str, ...] = ()
    unknown: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Model-like names no one model answers to, each with the nearest names the catalog has (led by "?" when
    the name could mean several: "gpt-6" is Sol, Luna or Astra)."""
    asks: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    """Provider ids the message names outside model names ("on groq", "through azure")."""
    traffic: StatedTraffic = StatedTraffic()
    workloads: tuple[Workload, ...] = ()
    budget: str = ""
    """A budget carried from the question before ("$5k a month — how many requests"), for "and on X?"."""
    """Volumes that each carry their own tokens (a pasted table per feature, a quote per customer)."""
    benchmarks: tuple[str, ...] = ()
    """Benchmark names as the catalog spells them ("GPQA", "SWE-Bench Verified")."""
    unknown_topic: str | None = None
    asking: bool = False
    to_team: bool = False
    """Said to colleagues ("@lena is …?", "anyone tried …?", "is it me or …"): never the bot's to answer."""
    """A question or a request, not a statement."""
    yes_no: bool = False
    follow_up: bool = False
    same_traffic: bool = False
    periods: tuple[str, ...] = ()
    """Cost periods asked beside the month ("per year", "weekly spend"), not a rate's period ("12M a year")."""
    families: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    """Where the model names (and names the catalog lacks) stand in ``text``."""


def parse_query(
    text: str,
    catalog: Catalog,
    provider_words: dict[str, str],
    benchmarks: dict[str, str] | None = None,
    in_talk: bool = False,
) -> Query:
    """``text`` as a ``Query``; ``provider_words`` maps a word or two ("groq", "amazon bedrock") to a provider id,
    ``benchmarks`` a benchmark key to its name (``scores.benchmark_table``); ``in_talk``: the channel was just
    talking about models (short names like "o3" count)."""
    text = gloss(text[:MAX_PARSED])  # "ctx", "price_in", "contexto … por favor": the English the rules read
    text = _PATH.sub(lambda m: " " * len(m.group()), text)  # "/shared/evals/o4-mini-vs-gpt-5-nano.pdf" asks nothing
    lower = text.lower()
    # a question about a model's attributes is model talk: "is o3 open source?" names o3, not ozone
    talk = bool(_asks(lower)) or bool(benchmarks and named_benchmarks(lower, benchmarks, text))
    in_talk = in_talk or (talk and (is_question(text) or len(lower.split()) <= 8))
    found = catalog.index.mentions(text, in_talk)
    # family words the matcher left as hints ("codestral", "ministral 8b instruct"): the resolver's exact name,
    # in questions only
    led = family_led(lower, found.families, catalog) if found.families and (is_question(text) or in_talk) else []
    raw = tuple(sorted([*found.mentions, *led], key=lambda m: m.start))
    mentions, unknown = checked_mentions(lower, raw, catalog)
    mentions = sorted([*mentions, *elided_siblings(lower, mentions, catalog)], key=lambda m: m.start)
    model_ids = tuple(dict.fromkeys(m.model_id for m in mentions))
    spans = [(m.start, m.end) for m in mentions] + [span for span, _, _ in unknown]
    rest = blank_spans(lower, spans)
    unknown += unknown_names(rest, catalog, text, asked=bool(_asks(mask(rest))))
    if unknown:
        rest = blank_spans(rest, [span for span, _, _ in unknown])
    words = _WORD.findall(rest)
    labs = _labs(catalog)
    providers = _providers(words, provider_words, labs)
    prose = mask(rest)  # pasted code and links ask nothing: `{"model": "gemini-2.5-flash"}` is no JSON question
    asks = _asks(prose)
    named = named_benchmarks(rest, benchmarks, text) if benchmarks else ()
    if named and "benchmarks" not in asks:
        asks = (*asks, "benchmarks")
    topic = next((t for p, t in UNKNOWN_TOPICS if p.search(rest)), None)
    ratio = ratio_span(rest)  # "at a 3:1 input:output ratio" is no token count
    traffic = read_traffic(blank_spans(rest, [ratio]) if ratio else rest)  # names blanked: "haiku 4.5 input"
    workloads = table_workloads(text) or prose_workloads(rest, text)
    to_team = for_colleagues(text, lower, spans)
    declares, headed = declares_value(text, prose), headed_report(text, lower)
    asking = not to_team and (
        (
            not headed
            and is_question(text if _questions_carry(lower, spans, bool(providers)) else text.replace("?", "."))
        )
        or bool(_REQUEST.search(prose))
        or (not declares and _implied(prose, asks, model_ids, unknown, named, providers, traffic))
    )
    return Query(
        text=text,
        model_ids=model_ids,
        unknown=tuple((name, near) for _, name, near in unknown),
        asks=asks,
        providers=providers,
        traffic=traffic,
        workloads=workloads,
        benchmarks=named,
        unknown_topic=topic,
        asking=asking,
        to_team=to_team,
        yes_no=bool(_YES_NO.search(lower))
        or (bool(_TERSE_COMPARISON.search(lower)) and not _WHICH.search(lower))
        or "y/n" in lower
        or re.search(r"\byes ?/ ?no\b", lower) is not None
        or "yes or no" in lower
        or _OK_ASKED.search(lower) is not None,
        follow_up=bool(_FOLLOW_UP.match(_ACK.sub("", lower, count=1)))
        or bool(_LIKEWISE.search(lower))
        or bool(_SAME_TRAFFIC.search(lower))
        or bool(_ONLY_TIERS.match(lower)),  # "nano?" after a question on GPT-5.4 mini
        same_traffic=bool(_SAME_TRAFFIC.search(lower)),
        periods=cost_periods(prose),
        families=found.families,
        spans=tuple(spans),
    )


def _implied(
    prose: str,
    asks: tuple[str, ...],
    model_ids: tuple[str, ...],
    unknown: list[Unknown],
    named: tuple[str, ...],
    providers: tuple[str, ...],
    traffic: StatedTraffic,
) -> bool:
    """A request written without "?" or an asking word: something wanted, asks listed beside a model, a model and
    an attribute alone, or an attribute at a stated traffic."""
    return (
        ((bool(asks) or bool(providers)) and bool(_WANT.search(prose)))
        or (len(asks) >= 2 and bool(model_ids) and not _STATEMENT.search(prose) and _listed(prose))  # "gpt-4.1:
        # context, max output", not "the tool calling changes look nice"
        or _terse([w for w in _WORD.findall(prose) if w not in _words_of(named)], asks, bool(model_ids or unknown))
        or (
            bool(asks)
            and not traffic.empty
            and not _PROGRESSIVE.search(prose)  # not "… is processing 3M a month"
            and not narrates(prose)  # not "we hit the 10k RPM limit on …"
        )
        or (bool(model_ids) and traffic.requests_per_month is not None and bool(_WANT.search(prose)))  # "need a number"
    )


#: A hedge in brackets ("(est. savings 70%?)").
_HEDGE = re.compile(r"\([^()]{0,80}\?\)")
_POINTING = re.compile(r"\b(?:it|its|that|this|they|them|those|these|one|ones|both|either|which|how much)\b|\d")


def _questions_carry(lower: str, spans: list[tuple[int, int]], providers: bool) -> bool:
    """Whether a "?" asks about something the bot knows: some question sentence names a model, asks for an
    attribute, points back at one ("is it …?") or holds a number. "Retro: what went well? …" asks the team."""
    hedged = _HEDGE.sub(lambda m: " " * len(m.group()), lower)
    for start, end in _question_sentences(hedged):
        said = hedged[start:end]
        if _TAG.search(said) or hedged[end : end + 1] == "!":  # "that's nothing, right?", "up 20% from october?!"
            if _asks(said):
                return True
            continue
        if any(a < end and start < b for a, b in spans):
            return True
        if providers or _asks(said) or _POINTING.search(said):
            return True
    return False


#: A tag question seeking agreement ("…, right?", "…, no?"): it asks something only with an attribute in it.
_TAG = re.compile(r",\s*(?:right|no|yeah|yes|huh|eh|ok|okay|correct|isn't it|aren't they|wouldn't it)\s*\?$")


def _question_sentences(text: str) -> list[tuple[int, int]]:
    """Each sentence ending in "?", from just after the sentence before it: one pass (a regex scanning back from
    every "?" would be quadratic on long text)."""
    out = []
    start = 0
    for i, ch in enumerate(text):
        if ch in ".!\n":
            start = i + 1
        elif ch == "?":
            out.append((start, i + 1))
            start = i + 1
    return out


def _asks(rest: str) -> tuple[str, ...]:
    """Every intent written, in order; words claimed by an earlier rule are not read again by a later one."""
    taken = bytearray(len(rest))  # 1 where an earlier rule read: one look per match, linear however many match
    hits: list[tuple[int, str]] = []
    for name, pattern in INTENT_RULES:
        if name in ("compare", "overview"):
            continue
        for m in pattern.finditer(rest):
            if taken.find(1, m.start(), m.end()) != -1:
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            hits.append((m.start(), name))
    return tuple(dict.fromkeys(name for _, name in sorted(hits)))


def _listed(prose: str) -> bool:
    """Asks written as a list (few words beside the attributes), not a sentence that describes the model."""
    content = [w for w in _WORD.findall(prose) if w not in _FILLER and w not in _ASK_WORDS and not w[0].isdigit()]
    return len(content) <= 3


def _words_of(names: tuple[str, ...]) -> set[str]:
    return {w for n in names for w in _WORD.findall(n.lower().replace("-", " "))}


def _terse(words: list[str], asks: tuple[str, ...], named: bool) -> bool:
    """A model and an attribute with nothing else ("deepseek v3.2 context window", "license of qwen3 32b"): a
    request however it is punctuated, whatever it is for ("… for the client deck"). A sentence with more words
    ("was plenty for us") is a statement."""
    if not (named and asks):
        return False
    if "for" in words:  # "… for our slides": what it is for, at the end, is no content
        at = len(words) - 1 - words[::-1].index("for")
        if len(words) - at <= 4 and words[at + 1 : at + 2] and words[at + 1] in _PURPOSE:
            words = words[:at]
    content = [w for w in words if w not in _FILLER and w not in _ASK_WORDS and not w[0].isdigit()]
    return len(content) <= 1


#: Determiners that open what a request is for ("… for the client deck", "… for our budget sheet").
_PURPOSE = frozenset({"the", "our", "a", "my", "this", "that", "your", "their", "his", "her", "an"})
#: Words the intent rules read ("context", "window", "price"): not content for ``_terse``.
_ASK_WORDS = frozenset(
    {"context", "window", "price", "prices", "pricing", "cost", "costs", "license", "licence", "licensed", "max",
     "output", "input", "benchmarks", "benchmark", "scores", "score", "params", "parameters", "release", "date",
     "released", "cutoff", "knowledge", "open", "source", "weights", "commercial", "commercially", "providers",
     "provider", "size", "limit", "length", "much", "cheaper", "cheapest", "monthly", "month", "maximum",
     "number", "tokens", "function", "calling", "tool", "tools", "vision", "does", "do", "support", "supports",
     "whether"}
)  # fmt: skip


_LABS: dict[int, frozenset[str]] = {}


def _labs(catalog: Catalog) -> frozenset[str]:
    """Words naming a lab that makes models (not only hosts them: "groq" makes none) or a model family."""
    key = id(catalog.models)
    if key not in _LABS:
        makers = {m.vendor for m in catalog.models.values() if m.vendor}
        words = catalog.index.lexicon.vendor_words
        _LABS.clear()
        _LABS[key] = frozenset(w for w, v in words.items() if v in makers) | frozenset(catalog.index.brands)
    return _LABS[key]


#: Words before a provider that say "served by" ("on groq", "through azure", "via bedrock").
_VIA = frozenset({"on", "through", "thru", "via", "from", "at", "in", "using", "with", "to"})


def _providers(words: list[str], provider_words: dict[str, str], labs: frozenset[str]) -> tuple[str, ...]:
    """Providers named; a lab's or family's name ("anthropic", "llama") counts only after "on", "through", "via"
    …: "is gpt-4o cheaper than anthropic's sonnet?" names no provider, "is it on anthropic?" does."""
    out: dict[str, None] = {}
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in provider_words:
            out[provider_words[pair]] = None
        elif w in provider_words and (w not in labs or (i > 0 and words[i - 1] in _VIA)):
            out[provider_words[w]] = None
    return tuple(out)
