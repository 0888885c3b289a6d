"""What a chat question asks: its intent, from the words around the model names.

Rules are ordered: the first match wins, so specific intents ("cheaper", "monthly cost") sit before general
ones ("price"). Topics the catalog has no data on are recognised explicitly so the bot can say "I don't
know that" instead of answering something else.
"""

from __future__ import annotations

import re

#: (intent, pattern) — checked in order on the question with model names blanked out.
INTENT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "cheaper",
            r"\bcheaper\b|\bless expensive\b|\bmore expensive\b|\bpricier\b|\bdearer\b|\bcosts? (?:less|more)\b"
            r"|\bcharges? (?:less|more)\b"
            r"|\b(?:price|prices|pricing|costs?|rates?)\b[^?.!\n]{0,12}\b(?:lower|higher)\b"  # "price lower than"
            r"|\b(?:lower|higher) (?:input |output )?(?:price|pricing|cost|rate)s?\b"
            r"|\bcheapest of\b"
            r"|\bsame price\b|\bpriced the same\b|\bas (?:cheap|expensive) as\b|\bcosts? the same\b|\bsame cost\b",
        ),
        (
            "monthly_cost",
            r"\bmonthly (?:costs?|bill|price|spend)\b|\bcosts? (?:us )?(?:per|a) month\b"
            r"|\ba month\b|\bper month\b|\bmonthly\b|\bcost us\b|\bour traffic\b|\bbill\b|\bspend\b"
            r"|\bestimate\b|\brun us\b|\bset us back\b|\b(?:yearly|annual|annually|per annum|per year|a year)\b"
            r"|\b(?:weekly|quarterly) (?:costs?|bill|spend|figure|budget|run-?rate)\b"
            r"|\bcosts? (?:us )?(?:per|a) (?:week|quarter)\b"
            r"|\brun-?rate\b"
            r"|^\W*(?:est|calc|calculate|estimate|quote)\b",  # one-line commands: "est claude sonnet 4.5 100k req/mo …"
        ),
        ("cheapest_route", r"\bcheapest\b|\bbest price\b|\blowest price\b"),
        (
            "price",  # "per mil", "per mtok", "$/mil", "hw much": how a hurried team writes it
            r"\bprice[sd]?\b|\bpricing\b|\bcosts?\b"
            r"|\bh(?:o)?w much\b(?! (?:context|output|memory|faster|bigger|text|content|input|data|code))"
            r"|\$|\bper[- ](?:1m|million|token|mil|mtok)\b|\bper (?:input|output) token\b"
            r"|\bcharges? (?:for|per|on)\b|\bwhat does (?:it|that|this|the \w+(?: one)?) charge\b",
        ),
        (
            "max_output",
            r"\bmax(?:imum)? output\b|\boutput (?:limit|length)\b|\bhow many output tokens\b|\boutputs? more\b"
            r"|^\W*(?:and |what about |how about )(?:the |its )?output\b"
            r"|\bmore output\b|\blonger outputs?\b|\bmax(?:imum)? (?:completion|response) (?:tokens|length)\b"
            r"|\bmax(?:imum)? number of output tokens\b"
            r"|\btokens can [a-z0-9' ]{1,30}?(?:output|generate|write|return|produce|spit out|emit)\b"
            r"|\b(?:output|generate|write|return|produce|spit out|emit)\b(?: [\w,]{1,12}){0,4} in"
            r" (?:one|a single|a|each) (?:response|reply|answer|completion|go|call|turn)\b"
            r"|\bhow long can (?:its |the )?(?:answers?|responses?|outputs?|replies) be\b|\boutput max\b"
            r"|\bhow long\b[^?.!\n]{0,40}\b(?:answers?|responses?|replies|outputs?)\b[^?.!\n]{0,10}\b(?:be|get)\b"
            r"|\b(?:write|give|produce|generate) (?:the )?(?:longer|longest|long) (?:answers?|responses?|replies)\b"
            r"|\blonger (?:answers?|responses?|replies)\b|\b(?:answers?|replies|responses?) (?:of|at least) \d"
            r"|\bmax out(?:put)?(?: tokens)?\b",
        ),
        (
            "context",
            r"\bcontext\b|\bctx\b|\bwindow\b|\bhow many tokens\b|\b(?:long (?:a )?|longer |bigger |larger )prompts?\b"
            r"|\bhow much (?:text|content|input|data|code)\b|\b(?:read|take in|take|handle|ingest|process|fit|see)"
            r"(?: [\w,]{1,12}){0,4} at once\b",
        ),
        ("open_source", r"\bopen[- ]?(?:source|weights?|models?|llm)\b|\bself[- ]?host|\bweights\b"),
        ("license", r"\blicen[cs](?:e[ds]?|ing)\b|\bapache(?:[- ]2(?:\.0)?)?\b|\bmit[- ]licen"),
        (
            "commercial",
            r"\bcommercial(?:ly)?\b|\buse it (?:in|for) (?:a |our )?(?:paid )?(?:product|production|saas)\b"
            r"|\b(?:sell|monetize|monetise)\b|\bpaid (?:saas|product|service|app|plan)\b|\bin (?:a |our )?saas\b"
            r"|\brestrictions? on (?:using|use)\b|\bfree to use\b"
            r"|\b(?:in|for) (?:a |our )?\(?paid\)? (?:app|product|service)\b",
        ),
        (
            "deprecated",
            r"\bdeprecat\w*|\bretir(?:e|ed|es|ing|ement)\b|\bsunset(?:s|ting|ted)?\b|\bend[- ]of[- ]life\b"
            r"|\beol\b|\bstill (?:supported|available|around|served)\b|\bdiscontinued\b"
            r"|\bbeing (?:removed|shut down)\b",
        ),
        (
            "maker",
            r"\bwho (?:makes|made|builds|built|develops|developed|trains|trained|is behind|released)\b"
            r"|\bwhich (?:company|lab|vendor|org|organi[sz]ation)\b|\bwhat (?:company|lab|vendor)\b"
            r"|\bmade by (?:whom|who)\b",
        ),
        (
            "release",
            r"\breleased?\b(?! under\b| with\b| as\b)|\brelease date\b|\blaunch(?:ed)?\b|\bcome out\b|\bcame out\b"
            r"|\bhow old\b",
        ),
        ("cutoff", r"\bcut-?off\b|\bknowledge\b|\btraining data\b|\btrained (?:up )?(?:to|until)\b"),
        (
            "parameters",
            r"\bparam(?:eter)?s?\b|\bhow (?:big|large)\b(?![^?.!\n]{0,40}\b(?:context|window))|\bmodel size\b",
        ),
        ("benchmarks", r"\bbenchmarks?\b|\bscores?\b|\bswe-?bench\b|\bmmlu\b|\bleaderboard\b"),
        ("cap_function_calling", r"\bfunction[- ]?call"),
        ("cap_tool_use", r"\btool[- ]?(?:use|calling|calls)\b|\btools\b"),
        ("cap_structured_outputs", r"\bstructured\b|\bjson\b|\bschema\b"),
        ("cap_code_execution", r"\bcode execution\b|\b(?:run|execute)s? code\b|\bcode interpreter\b"),
        ("cap_ide_integration", r"\bide\b|\bvs ?code\b|\beditor integration\b"),
        ("cap_computer_use", r"\bcomputer[- ]use\b|\bcontrol (?:a|the) (?:browser|computer|desktop)\b"),
        ("cap_parallel_agents", r"\bparallel agents?\b|\bmulti[- ]agents?\b"),
        (
            "cap_vision",
            r"\bvision\b|\bimages?\b|\bscreenshots?\b|\bpictures?\b|\bcan (?:it|they|this|that|[a-z0-9.-]{2,20}) see\b",
        ),
        ("cap_multimodal", r"\bmultimodal\b|\baudio\b|\bvideo\b|\bpdfs?\b"),
        (
            "cap_reasoning",  # "I'm thinking Gemini Flash" is the writer thinking, not a question about reasoning
            r"\breason(?:ing|s)?\b|(?<!i'm )(?<!i am )(?<!we're )\bthinking\b(?! (?:of|about)\b)"
            r"|\bchain[- ]of[- ]thought\b",
        ),
        ("where_run", r"\bwhere\b|\bproviders?\b|\bwho (?:serves|hosts|offers)\b|\bavailable on\b|\bhosted\b|\bhost\b"),
        ("compare", r"\bvs\.?\b|\bversus\b|\bcompare\b|\bbetter\b|\bdifferences?\b|\bdiffer\b|\bor\b"),
        ("overview", r"\btell me about\b|\bwhat(?:'s| is)\b|\bany good\b|\bthoughts on\b|\bhow good\b"),
    )
)

#: Topics with no data in the catalog -> the honest name of what is missing.
UNKNOWN_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), topic)
    for pattern, topic in (
        (r"\blatency\b|\bhow fast\b|\bspeed\b|\bthroughput\b|\btokens per second\b|\btps\b", "latency or speed"),
        (r"\brate limits?\b|\brpm\b|\bquota\b", "rate limits"),
        (r"\buptime\b|\bsla\b|\boutages?\b|\breliab", "uptime or reliability"),
        (r"\bhipaa\b|\bgdpr\b|\bsoc ?2\b|\bcomplian|\bcertif", "compliance certifications"),
        (r"\bdata retention\b|\bprivacy\b|\btrain on our data\b", "data-retention or privacy terms"),
        (r"\bregions?\b|\bdata residency\b", "regional availability"),
        (r"\bfine[- ]?tun", "fine-tuning offers"),
        (r"\bhallucinat|\baccura", "accuracy beyond published benchmarks"),
    )
)

_QUESTION_START = re.compile(
    r"^\s*(?:which|what|whats|what's|is|are|does|do|did|can|could|where|how|hw|who|should|would|will|when|"
    r"compare|tell me|any|has|have|recommend|suggest|find|list|show me)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"\bvs\.?\b|\bversus\b|\bcompare\b", re.IGNORECASE)


def is_question(text: str) -> bool:
    """A question or a comparison request: what the chat listener answers. "X vs Y" in a sentence about what
    the team did or decided ("the gpt-4.1 vs 4o debate is settled, we're going with 4.1") is neither."""
    if "?" in text or _QUESTION_START.match(text):
        return True
    return bool(_COMPARISON.search(text)) and not _DECIDED.search(text)


_DECIDED = re.compile(
    r"\b(?:we're|we are|we've|we went|we're going|going with|settled|decided|picked|chose|switched|moved|we|our"
    r"|i'm going to|going to|gonna|i'll|i will|tonight|tomorrow|yesterday|blockers?|standup"
    r"|i|tested|benchmarked|write-?up)\b",  # "I tested Nova Pro vs Haiku on 200 tickets, writeup Monday"
    re.IGNORECASE,
)


def detect(text: str) -> str | None:
    """The first intent whose pattern matches ``text`` (lower-case, model names blanked)."""
    for name, pattern in INTENT_RULES:
        if pattern.search(text):
            return name
    return None


def unknown_topic(text: str) -> str | None:
    """The missing topic a question asks about ("latency or speed"), if any."""
    for pattern, topic in UNKNOWN_TOPICS:
        if pattern.search(text):
            return topic
    return None


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace model-name spans with spaces so names ("Gemini Flash Image") do not trigger intents."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
