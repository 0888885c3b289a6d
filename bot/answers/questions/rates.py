"""Traffic written as something other than requests and tokens per request: people times messages ("3,000 daily
active users × 12 messages each"), a token throughput ("40k input tokens per minute", "2M tokens/hour") and
numbers in scientific notation ("1.5e6 requests"). Platform teams and capacity plans state volume this way;
reading it as requests keeps one cost model, and the echo says what was read.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

#: "1.5e6", "2e5", "3.2E+7": scientific notation, which the per-number pass would split at the "e".
_SCIENTIFIC = re.compile(r"\b(\d{1,4}(?:\.\d{1,4})?)e\+?(\d{1,2})\b")

_THINGS = (
    r"(?:messages|msgs|requests|reqs|queries|chats|calls|prompts|questions|conversations|sessions|completions"
    r"|searches|turns)"
)
_PEOPLE = (
    r"(?:users|customers|seats|employees|agents|members|students|players|accounts|subscribers|visitors|people"
    r"|learners|reps|patients|clients|actives|engineers|developers|devs|analysts|staff|lawyers|writers|designers"
    r"|testers|editors|translators|nurses|doctors|teachers)"
)
_ONE_OF_THEM = r"(?:user|seat|person|head|customer|member|employee|agent|student|player|account|subscriber|client)"
_COUNT = r"(\d{1,3}(?:[,.]\d{3}){1,3}(?![.,]?\d)|\d{1,9}(?:\.\d{1,3})?) ?(k|m|thousand|million)?"
#: "3,000 daily active users", "12k MAU", "800 seats": a number of people, with the period they are counted in.
_POPULATION = re.compile(
    rf"{_COUNT} (?:(daily|monthly|weekly) )?(?:active |paying |registered )?{_PEOPLE}\b"
    rf"(?: (?:a|per|/|each) ?(day|month|week)\b)?"
    rf"|{_COUNT} (dau|mau|wau)\b"
)
#: "12 messages each", "30 requests per seat", "each sending 20 messages", "x 12 messages": what one person sends.
_PER_PERSON = re.compile(
    rf"(\d{{1,4}}(?:\.\d)?) {_THINGS} ?(?:each|apiece|per {_ONE_OF_THEM}|a {_ONE_OF_THEM}|every {_ONE_OF_THEM}"
    rf"|/ ?{_ONE_OF_THEM})\b"
    rf"|\b(?:each|every|they|people|{_PEOPLE}) (?:one |{_ONE_OF_THEM} )?(?:sending|sends|send|making|makes|doing|does"
    rf"|running|runs|with|averaging|averages|average|having|has|asking|asks|have) (?:about |around |roughly"
    rf" |approximately |approx\.? |ca\.? |so |~ ?)?(\d{{1,4}}(?:\.\d)?) {_THINGS}\b"
    rf"|(?:\bx|×|\*|\btimes) ?(\d{{1,4}}(?:\.\d)?) {_THINGS}\b"
)
#: A period right after what one person sends ("12 messages each a day", "20 messages a day each").
_PERIOD_AFTER = re.compile(
    r"^ ?(?:each |per \w+ )?(?:a|per|/|every|each) ?((?:working |business |work )?day|month|week)\b"
    r"|^ (daily|monthly|weekly)\b"
)
_PER_MONTH = {"day": 30, "daily": 30, "dau": 30, "month": 1, "monthly": 1, "mau": 1, "week": 30 / 7,
              "weekly": 30 / 7, "wau": 30 / 7}  # fmt: skip
#: Working days in a month when a message counts per working day and does not say how many.
WORKING_DAYS = 22
_WORKING_DAYS = re.compile(r"\b(\d{1,2}) (?:working|business|work) days (?:a|per|/|each|in a) ?month\b")
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}


def expand_scientific(text: str) -> str:
    """ "1.5e6 requests" as "1500000 requests"."""

    def whole(m: re.Match[str]) -> str:
        try:
            return str(int(Decimal(m.group(1)) * 10 ** int(m.group(2))))
        except (InvalidOperation, ValueError):
            return m.group()

    return _SCIENTIFIC.sub(whole, text)


_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _count(digits: str, scale: str | None) -> Decimal | None:
    if _GROUPED.match(digits):  # "5.000 DAU": people are counted whole, so the dots group thousands
        digits = digits.replace(".", "")
    try:
        return Decimal(digits.replace(",", "")) * _SCALE.get(scale or "", 1)
    except InvalidOperation:
        return None


def people_rate(text: str) -> tuple[int, int | None, list[tuple[int, int]]] | None:
    """Requests a month (and a day, when counted daily) from people times what each sends, with the spans read;
    None unless both and a period are written ("3,000 daily active users × 12 messages each")."""
    pop = _POPULATION.search(text)
    each = _PER_PERSON.search(text)
    if pop is None or each is None:
        return None
    people = _count(pop.group(1), pop.group(2)) if pop.group(1) else _count(pop.group(5), pop.group(6))
    sends = Decimal(each.group(1) or each.group(2) or each.group(3))
    after = _PERIOD_AFTER.match(text[each.end() : each.end() + 30])
    word = (after.group(1) or after.group(2)) if after else (pop.group(3) or pop.group(4) or pop.group(7))
    if people is None or word is None or not people:
        return None  # "500 users, 12 messages each": per day or per month is not said
    per_period = people * sends
    if word.endswith(" day"):  # "200 completions each per working day, 22 working days a month"
        stated = _WORKING_DAYS.search(text)
        per_month = int(per_period * (int(stated.group(1)) if stated else WORKING_DAYS))
        return per_month, None, [pop.span(), (each.start(), each.end() + (after.end() if after else 0))]
    per_month = int(per_period * Decimal(str(_PER_MONTH[word])))
    daily = int(per_period) if _PER_MONTH[word] == 30 else None
    return per_month, daily, [pop.span(), (each.start(), each.end() + (after.end() if after else 0))]


#: Token rates: "tpm" is tokens per minute.
_TOKEN_RATE_WORDS = {"tpm": 43_200.0, "tph": 720.0, "tpd": 30.0, "tps": 2_592_000.0}
_PERIOD_NAMES = {43_200.0: "minute", 720.0: "hour", 30.0: "day", 30 / 7: "week", 1.0: "month", 1 / 12: "year",
                 2_592_000.0: "second"}  # fmt: skip


def period_name(per_month: float) -> str:
    """ "minute" for 43,200 periods a month: how the echo names a throughput's period."""
    return next((name for value, name in _PERIOD_NAMES.items() if math.isclose(value, per_month)), "period")


def token_period(
    after: list[str], token_words: frozenset[str], per: frozenset[str], periods: dict[str, float]
) -> float | None:
    """Periods a month when the words after a number say tokens per period ("input tokens per minute", "tokens/hour
    in", "TPM"); None for tokens per request. Reads up to the next number or break."""
    words: list[str] = []
    for w in after:
        if w[0].isdigit() and words[-1:] in (["and"], ["&"]):
            continue  # "1.2M input tokens and 300k output tokens per hour": one period for both
        if w[0].isdigit() or w in (":", ";", "\n", ",", "."):
            break
        words.append(w)
    if words[:1] and words[0] in _TOKEN_RATE_WORDS:
        return _TOKEN_RATE_WORDS[words[0]]
    for t, w in enumerate(words):  # the period right after a token word: "tokens per minute", "tokens of output/hour"
        if w in token_words:
            for i in range(t + 1, min(t + 4, len(words) - 1)):
                if words[i] in per and words[i + 1] in periods:
                    return periods[words[i + 1]]
    return None


#: Tokens one carrying request may hold: far below any long-context price tier ("above 200,000 prompt tokens").
_CARRIED = 10_000


def fitted(largest_per_period: int, periods: float) -> tuple[int, int]:
    """(requests a month, the divisor of each period's tokens) that carry a throughput: one request per period,
    split by a power of ten until each holds at most ``_CARRIED`` tokens, so no request reaches a long-context
    price tier the real traffic never does (the bill is otherwise the same)."""
    split = 10 ** max(0, math.ceil(math.log10(largest_per_period / _CARRIED))) if largest_per_period > _CARRIED else 1
    return max(1, round(periods)) * split, split


__all__ = ["expand_scientific", "fitted", "people_rate", "period_name", "token_period"]
