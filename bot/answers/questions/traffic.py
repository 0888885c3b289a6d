"""Traffic a message states ("2k requests a day, 3k tokens in 500 out, 60 % of the input cached").

Read from a token stream, not with nested regular expressions: one linear pass over the words, each number
taking the nearest unit word around it. What was read is echoed back with the estimate, so a misreading shows.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bot.answers.costs import (
    MAX_REQUESTS_PER_MONTH,
    MAX_TOKENS_PER_REQUEST,
    TrafficError,
)
from bot.answers.questions.rates import expand_scientific, people_rate, token_period
from bot.answers.questions.stated import StatedTraffic, describe_stated

#: Numbers ("2k", "1.2k", "50,000", "1m", "60%"), words, and the "/" of "2k/day". Every branch is a plain run.
_TOKEN = re.compile(
    r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,4})? ?"
    r"(?:k|m|mm|mil|mill|million|thousand|billion|bn|%|percent)?(?![a-z])"
    r"|[a-z]+|[/,.;?!$<>:=\n]"
)
#: "(3) input and output price", "2. cost per month": list numbering, not a count.
_NUMBERING = re.compile(r"\(\d{1,2}\)|^[ \t]*\d{1,2}[.)][ \t]", re.MULTILINE)
#: Where one stated figure ends: a label's colon, a new line or a semicolon ("in: 7,000 tokens\nout: 400").
_BREAKS = frozenset({":", "=", "\n", ";"})
_SCALES = {"billion": 1_000_000_000, "bn": 1_000_000_000,
           "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mm": 1_000_000, "mil": 1_000_000, "mill": 1_000_000,
           "million": 1_000_000}  # fmt: skip
_REQUEST_WORDS = frozenset(
    {"request", "requests", "req", "reqs", "calls", "call", "queries", "query", "messages", "conversations", "chats",
     "completions", "prompts", "tickets", "sessions", "generations", "runs", "rpd", "rpm", "rps", "qps", "searches",
     "lookups", "documents", "docs", "emails", "summaries", "transcripts", "turns", "invocations", "jobs", "reports",
     "questions", "articles", "pages", "files"}
)  # fmt: skip
#: Requests per month in one period of each word.
_PERIODS = {
    "day": 30.0, "days": 30.0, "daily": 30.0, "d": 30.0, "week": 30 / 7, "weekly": 30 / 7, "wk": 30 / 7,
    "month": 1.0, "months": 1.0, "monthly": 1.0, "mo": 1.0, "mon": 1.0, "hour": 720.0, "hr": 720.0, "h": 720.0,
    "year": 1 / 12, "yr": 1 / 12, "annually": 1 / 12, "minute": 43_200.0, "min": 43_200.0,
    "second": 2_592_000.0, "sec": 2_592_000.0, "s": 2_592_000.0, "hourly": 720.0, "diem": 30.0,
    "quarter": 1 / 3, "quarterly": 1 / 3, "qtr": 1 / 3,
}  # fmt: skip
#: Rate words that carry their period: requests (or queries) per day, minute, second.
_RATE_WORDS = {"rpd": 30.0, "rpm": 43_200.0, "rps": 2_592_000.0, "qps": 2_592_000.0}
_INPUT_WORDS = frozenset({"in", "input", "inputs", "prompt", "prompts", "reads", "going"})
_OUTPUT_WORDS = frozenset({"out", "output", "outputs", "completion", "response", "responses", "answer", "answers",
                           "generated", "generation", "writes", "back"})  # fmt: skip
_TOKEN_WORDS = frozenset({"tokens", "token", "tok", "toks"})
_SIDES = frozenset({"in", "input", "inputs", "out", "output", "outputs"})
_CACHE_WORDS = frozenset({"cache", "cached", "caching"})
_SHARE_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
WINDOW = 4
_MULTIPLES = {"double": 2.0, "doubled": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0, "quadruple": 4.0,
              "half": 0.5, "halve": 0.5, "halved": 0.5, "doubles": 2.0, "triples": 3.0, "quadruples": 4.0,
              "halves": 0.5}  # fmt: skip
#: "double the traffic", "10x the requests", "3 times the volume": a multiple of the traffic before.
_SCALED = re.compile(
    r"\b(doubled|double|twice|tripled|triple|quadruple|halved|half|halve"
    r"|\d{1,3}(?:\.\d)?x|\d{1,3}(?:\.\d)? times)\s{1,3}"
    r"(?:(?:the |our |that |as much )?(?:[a-z]{3,12} )?(?:traffic|volume|requests|load|usage|calls|tickets)\b"
    r"|(?:that|it|this)\b(?!\s+(?:price|cost|model|one|context|size|much)))"  # "what if we double that"
    r"|\b(?:traffic|volume|requests|load|usage) (doubles|triples|quadruples|halves)\b"  # "what if traffic triples?"
)


#: "double the output tokens", "halve the prompt": a multiple of one side's tokens per request.
_SCALED_SIDE = re.compile(
    r"\b(doubled|double|twice|tripled|triple|halved|half|halve)\s{1,3}(?:the |our )?(input|output|prompt|completion)\b"
    r"(?![^.?!]{0,20}\bcach)"  # "half the input is cached" is a cache share
)


#: Several model calls for each thing counted ("each ticket triggers 4 model calls", "3 calls per request"): the
#: rate counts things, the model sees that many times as many requests.
_FAN_OUT = re.compile(
    r"\b(?:each|every|per|a) [a-z]{3,15}? (?:triggers|makes|needs|uses|fires|does|takes|runs|means|is) (?:about |~)?"
    r"(\d{1,2}) (?:model |llm |api )?(?:calls|requests|completions|prompts|round-?trips)\b"
    r"|\b(\d{1,2}) (?:model |llm |api )?(?:calls|requests|completions) (?:per|each|for each|for every|every) "
    r"(?:ticket|user|session|conversation|document|doc|message|query|order|email|page|task|chat|item)\b"
)


#: The cache left out of an estimate ("drop the cache", "without caching").
NO_CACHE = re.compile(
    r"\b(?:without|drop(?:ping)?|remove|removing|minus|ignore|ignoring|no|zero) (?:the |any |prompt )?(?:cach(?:e|ing)"
    r"|cache hits)\b"
)
_ROUND_THE_CLOCK = re.compile(r"\b24 ?[/x×] ?7(?: ?[/x×] ?365)?\b")
#: A count glued to its side or unit ("700in 120out", "2000tok").
_GLUED_UNIT = re.compile(
    r"(?<=\d)(?=(?:in|out|input|output|tok|toks|tokens|req|reqs|requests)\b)|(?<=\d[km])-(?=(?:in|out)\b)"
)
#: Thousands grouped with a space (French, Polish, SI style: "20 000 requêtes", "1 500 tokens").
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})[ \u00a0\u202f](\d{3})(?![\d.,]?\d)")
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _number(tok: str) -> tuple[Decimal, bool] | None:
    """A number token's value and whether it is a share ("60%")."""
    m = re.match(r"([\d,]+(?:\.\d+)?)\s?([a-z%]*)", tok)
    if m is None:
        return None
    digits = m.group(1)
    if _DOTTED_THOUSANDS.fullmatch(digits):  # "90.000 requests": a European thousands separator
        digits = digits.replace(".", "")
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    unit = m.group(2)
    if unit in ("%", "percent"):
        return value / 100, True
    return value * _SCALES.get(unit, 1), False


def read_traffic(text: str) -> StatedTraffic:
    """The traffic ``text`` states, number by number (each takes the unit words nearest to it)."""
    text = expand_scientific(text.lower()[:2000])
    found: dict[str, float | int] = {}
    if (people := people_rate(text)) is not None:  # "3,000 daily active users × 12 messages each"
        _volume(found, Decimal(people[0]), people[1])
        for start, end in people[2]:
            text = text[:start] + " " * (end - start) + text[end:]
    text = _GLUED_UNIT.sub(" ", text)  # "700in 120out"
    text = _ROUND_THE_CLOCK.sub(" ", text)  # "35 rps 24/7" is all day, every day, not 24 in / 7 out
    text = _SPACED_THOUSANDS.sub(r"\1\2", text)  # "6 000 requêtes par jour"
    toks = _TOKEN.findall(_NUMBERING.sub(" ", text))
    if (side := _SCALED_SIDE.search(text.lower()[:2000])) is not None:  # "double the output tokens"
        key = "input_scale" if side.group(2) in ("input", "prompt") else "output_scale"
        found[key] = _MULTIPLES[side.group(1)]
    elif (scaled := _SCALED.search(text.lower()[:2000])) is not None:
        word = scaled.group(1) or scaled.group(2)
        found["scale"] = _MULTIPLES.get(word) or float(word.removesuffix(" times").rstrip("x"))
    fan = _FAN_OUT.search(text) if people is None else None
    if fan is not None:  # the fan-out's own count is no request rate: read the rest without it
        toks = _TOKEN.findall(_NUMBERING.sub(" ", (text[: fan.start()] + text[fan.end() :])))
    for i, tok in enumerate(toks):
        if tok[0].isdigit():
            parsed = _number(tok)
            if parsed is not None:
                _place(toks, i, *parsed, found)
        elif tok in _SHARE_WORDS and _near(toks, i, _CACHE_WORDS, after=6):
            found.setdefault("cache_hit", _SHARE_WORDS[tok])
    if NO_CACHE.search(text):  # "drop the cache — what's it without caching?"
        found["cache_hit"] = 0.0
    volumes = _added_up(found)
    if fan is not None and "requests_per_month" in found:
        times = int(fan.group(1) or fan.group(2))
        found["requests_per_month"] = int(found["requests_per_month"]) * times
        if "requests_per_day" in found:
            found["requests_per_day"] = int(found["requests_per_day"]) * times
            volumes = tuple(v * times for v in volumes)
    return StatedTraffic.model_validate({**found, "volumes": volumes or None})


def _added_up(found: dict[str, float | int]) -> tuple[int, ...]:
    """The volumes stated, summed into the request rate; each one when there are several (for the breakdown)."""
    count = int(found.pop("volume_count", 0))
    volumes = tuple(int(found.pop(f"volume_{k}")) for k in range(count))
    days = [int(found.pop(f"volume_day_{k}")) for k in range(count)]
    if volumes:
        found["requests_per_month"] = sum(volumes)
        if all(d >= 0 for d in days):
            found["requests_per_day"] = sum(days)
    return volumes if len(volumes) > 1 else ()


def _near(toks: list[str], i: int, words: frozenset[str], before: int = WINDOW, after: int = WINDOW) -> bool:
    return any(t in words for t in toks[max(0, i - before) : i + after + 1])


def _place(toks: list[str], i: int, value: Decimal, share: bool, found: dict[str, float | int]) -> None:
    after = toks[i + 1 : i + 1 + WINDOW]
    before = toks[max(0, i - WINDOW) : i]
    if share:
        if 0 <= value <= 1 and _near(toks, i, _CACHE_WORDS, after=6):
            found.setdefault("cache_hit", float(value))
        elif 0 <= value <= 1 and _near(toks, i, frozenset({"batch", "batched"}), after=6):
            found.setdefault("batch_share", float(value))
        elif 0 < value < 1 and (side := _side_of(toks[i + 1]) if i + 1 < len(toks) else None) is not None:
            found.setdefault("input_share", float(value if side == "input_tokens" else 1 - value))  # "80% input"
        return
    if before and before[-1] in ("$", "<", ">"):
        return  # "$50 a day" is money; "<200k prompt" a bound, not traffic
    if before and (before[-1] == "per" or (before[-1] == "/" and before[-2:-1] and before[-2][0] in "0123456789$")):
        return  # "$1 per 1M output", "$2/1M", "$/1M" is a price's unit, not traffic ("in / 400 out" is a list)
    if (period_before := _labelled_rate(before)) is not None:  # "req_per_day: 12000", "daily_requests: 5000"
        _volume(found, value * Decimal(str(period_before)), int(value) if period_before == 30.0 else None)
        return
    if _pair(toks, i, found):  # "40k/day 900/150", "1200/300 tokens": input and output per request
        found.setdefault("input_tokens", int(value))
        found.setdefault("output_tokens", int(_number(toks[i + 2])[0]))  # type: ignore[index]
        return
    if "token_periods" in found and not found.get("total_only") and (periods := _same_clock(after)) is not None:
        _place_throughput(after, before, value, periods, found)  # "4k tokens per second in, 1k per second out"
        return
    tokens_next = bool(after) and (after[0] in _TOKEN_WORDS or after[0] in _SIDES)  # "500 out requests": tokens
    if not tokens_next and (
        any(t in _REQUEST_WORDS for t in after[:2])
        or _bare_rate(after)
        or _bare_rate(after[1:] if after[:1] == [","] else [])
    ):
        period = next((_PERIODS[t] for t in after if t in _PERIODS), None)
        if after[:1] and after[0] in _RATE_WORDS:  # "300 rpm", "40 rps", "5 qps": the period is in the word
            period = _RATE_WORDS[after[0]]
        factor = Decimal(str(period if period is not None else 1.0))
        for count in (*_listed_before(toks, i), value):  # "120k, 300k and 80k requests per month"
            _volume(found, count * factor, int(count) if period == 30.0 else None)
        return
    if (periods := token_period(toks[i + 1 : i + 11], _TOKEN_WORDS, _PER, _PERIODS)) is not None:
        _place_throughput(toks[i + 1 : i + 11], before, value, periods, found)  # "40k input tokens per minute"
        return
    side = (_side_after(after) or _side_before(before)) if value > 1_000_000 else None
    if side is not None and value > _MOST_PER_REQUEST[side] and "volume_count" not in found:
        # "10M input tokens and 2M output tokens": more than one request holds, so a total (priced as a month)
        key = "input_per_period" if side == "input_tokens" else "output_per_period"
        if found.get("token_periods", 1.0) == 1.0 and key not in found and value <= MAX_REQUESTS_PER_MONTH:
            found[key], found["token_periods"], found["total_only"] = int(value), 1.0, 1
        return
    if not 0 < value <= MAX_TOKENS_PER_REQUEST or value == 1_000_000:
        return  # "what does 1M output tokens cost": a price's unit, not a request's tokens
    if _both_ways(after):  # "500 tokens each way", "1k in and out"
        found.setdefault("input_tokens", int(value))
        found.setdefault("output_tokens", int(value))
        return
    side = _side_after(after) or _side_before(before)
    if side is not None and (value == int(value) or value >= 100):  # "(not 4.6) - input price": a version
        found.setdefault(side, int(value))


#: The most tokens one request plausibly sends or gets back; a larger count is a total over many requests.
_MOST_PER_REQUEST = {"input_tokens": 2_000_000, "output_tokens": 200_000}


_LIST_JOINS = frozenset({",", "and", "&", "+"})


def _listed_before(toks: list[str], i: int) -> list[Decimal]:
    """The counts listed right before the one at ``i`` that shares their unit ("120k, 300k and 80k requests")."""
    out: list[Decimal] = []
    j = i - 1
    while j >= 1 and toks[j] in _LIST_JOINS and toks[j - 1][0].isdigit() and (n := _number(toks[j - 1])) and not n[1]:
        out.insert(0, n[0])
        j -= 2
    return out


def _volume(found: dict[str, float | int], per_month: Decimal, per_day: int | None) -> None:
    """One stated request volume; several ("Acme 10k a day, Globex 25k a day") add up, each kept for the
    breakdown."""
    if not 0 < per_month <= MAX_REQUESTS_PER_MONTH:
        return
    count = int(found.get("volume_count", 0))
    if any(abs(int(found[f"volume_{k}"]) - per_month) <= per_month / 50 for k in range(count)):
        return  # "2k requests a day (~60k a month)": the same volume restated
    found[f"volume_{count}"] = int(per_month.to_integral_value())
    found[f"volume_day_{count}"] = per_day if per_day is not None else -1
    found["volume_count"] = count + 1


def _same_clock(after: list[str]) -> float | None:
    """The period of a count that follows a throughput without repeating "tokens" ("1k per second out")."""
    words = [w for w in after if w not in _TOKEN_WORDS]
    if len(words) >= 3 and words[0] in _PER and words[1] in _PERIODS and _side_of(words[2]):
        return _PERIODS[words[1]]
    if len(words) >= 3 and _side_of(words[0]) and words[1] in _PER and words[2] in _PERIODS:
        return _PERIODS[words[2]]
    return None


def _place_throughput(
    after: list[str], before: list[str], value: Decimal, periods: float, found: dict[str, float | int]
) -> None:
    if found.get("token_periods", periods) != periods:
        return  # one period per message: "40k tokens a minute … 2M a day" would mix two clocks
    words = [w for w in after if w not in _PER and w not in _PERIODS and w != "tpm"]
    side = _side_after(words) or _side_before(before)
    key = {"input_tokens": "input_per_period", "output_tokens": "output_per_period"}.get(side or "", "total_per_period")
    if 0 < value <= MAX_REQUESTS_PER_MONTH and key not in found:
        found[key] = int(value)
        found["token_periods"] = periods


def _pair(toks: list[str], i: int, found: dict[str, float | int]) -> bool:
    """ "900/150" after a request rate or before "tokens" or "in/out": two token counts, input first ("80/20" is a
    split and "24/7" a schedule)."""
    if toks[i + 1 : i + 2] != ["/"] or i + 2 >= len(toks) or not toks[i + 2][0].isdigit():
        return False
    first, second = _number(toks[i]), _number(toks[i + 2])
    if first is None or second is None or first[1] or second[1]:
        return False
    if first[0] + second[0] == 100 or not (0 < first[0] <= MAX_TOKENS_PER_REQUEST and second[0] > 0):
        return False
    labelled = bool(toks[i + 3 : i + 4]) and toks[i + 3] in _TOKEN_WORDS | _INPUT_WORDS
    after = toks[i + 3 : i + 5]
    rate_after = any(w in _REQUEST_WORDS for w in after) or _bare_rate(after)  # "900/150 a day" is no pair
    return not rate_after and (labelled or "volume_count" in found)


def _labelled_rate(before: list[str]) -> float | None:
    """The period of a labelled request rate ending at a colon: "req_per_day:", "requests per month:",
    "daily_requests:" (config and bullet lists write the label first)."""
    if before[-1:] not in ([":"], ["="]):
        return None
    label = [w for w in before[-5:-1] if w not in _PER]
    if label and label[-1] in _RATE_WORDS:  # "rps=0.5"
        return _RATE_WORDS[label[-1]]
    if len(label) >= 2 and label[-1] in _PERIODS and label[-2] in _REQUEST_WORDS:
        return _PERIODS[label[-1]]
    if len(label) >= 2 and label[-2] in _PERIODS and label[-1] in _REQUEST_WORDS:
        return _PERIODS[label[-2]]
    return None


def _both_ways(after: list[str]) -> bool:
    words = [w for w in after if w not in _TOKEN_WORDS]
    return words[:2] in (["each", "way"], ["both", "ways"], ["in", "and"]) and (
        words[:2] != ["in", "and"] or words[2:3] == ["out"]
    )


def _bare_rate(after: list[str]) -> bool:
    """ "12k a day", "50k/mo", "3,000 per day", "1500 PRs a day": a count per period, with no unit word or with
    a thing that is not tokens, is a request rate."""
    if len(after) >= 2 and after[0] in _PER and after[1] in _PERIODS:
        return True
    thing = after[:1] and after[0].isalpha() and after[0] not in _TOKEN_WORDS | _INPUT_WORDS | _OUTPUT_WORDS
    return bool(thing) and len(after) >= 3 and after[1] in _PER and after[2] in _PERIODS


_PER = frozenset({"a", "an", "per", "/", "each", "every"})


_FILLER = frozenset({"avg", "average", "of", "about", "around", "is", "are", "per", "request", "each", "typical",
                     "typically", "the", "a", "an", "roughly", "approx", "usually", "mean", "median", "x"})  # fmt: skip


def _side_after(after: list[str]) -> str | None:
    """ "3k tokens in", "500 out", "3k-token prompts": the first word after the number, past "tokens"."""
    if after[:1] and after[0] in _TOKEN_WORDS and (after[1:2] == ["context"] or after[1:3] == ["of", "context"]):
        return "input_tokens"  # "2,500 tokens (of) context" is what each request sends ("128k context" is a window)
    if after[:1] and after[0] in _TOKEN_WORDS and after[1:2] in (["back"], ["returned"]):
        return "output_tokens"  # "220 tokens back"
    cut = next((n for n, w in enumerate(after) if w in _BREAKS), len(after))  # "7,000 tokens\nout: 400": no
    if cut == 1 < len(after) and after[cut] == "=" and after[cut + 1 : cut + 2] != [">"]:
        return None  # "in=600 out=120": the word after a value is the next value's label ("=>" is an arrow)
    words = [w for w in after[:cut] if w not in _TOKEN_WORDS and w != "-" and w not in ("each", "per", "request", "of")]
    # the first word, or the second after a describing one ("20k tok system prompt", "2k token context")
    return (
        (_side_of(words[0]) or (_side_of(words[1]) if words[0] in _DESCRIBING and len(words) > 1 else None))
        if words
        else None
    )


_DESCRIBING = frozenset({"system", "user", "avg", "average", "long", "short", "typical", "total", "context"})


def _side_before(before: list[str]) -> str | None:
    """ "input 3000", "avg prompt 1.2k": the nearest word before the number, past filler words."""
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in _FILLER or w in _TOKEN_WORDS or w in (":", "="):  # "in: 7,000 tokens", "in=600"
            continue
        limit = i > 0 and before[i - 1] in ("max", "maximum")  # "LLM_MAX_OUT=2048" is a limit, not the traffic
        return None if limit else _side_of(w)
    return None


def _side_of(word: str) -> str | None:
    if word in _INPUT_WORDS:
        return "input_tokens"
    if word in _OUTPUT_WORDS:
        return "output_tokens"
    return None


__all__ = ["StatedTraffic", "TrafficError", "describe_stated", "read_traffic"]
