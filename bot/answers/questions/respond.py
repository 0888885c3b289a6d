"""Answers for a parsed query: every ask answered in one reply, a yes/no first, equal values called equal,
assumptions echoed, and the parts only a yes/no question needs ("is X on Azure?", "bigger context than Y?").
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.answers import narrative
from bot.answers.costs import TrafficProfile, estimate
from bot.answers.facts import license_label, openness_label
from bot.answers.format import join_and, tokens_short, usd, usd_per_m
from bot.answers.intents import blank_spans
from bot.answers.license_terms import commercial_terms
from bot.answers.prices import headline
from bot.answers.questions.query import Query
from catalog.models import Model, Price

_COMPARATIVE = r"\b(?:bigger|larger|longer|more|greater|smaller|shorter|less|same|equal)\b"
_BIGGER_CONTEXT = re.compile(
    rf"{_COMPARATIVE}[^?.!]{{0,30}}\b(?:context|prompts?|inputs?)\b|\bcontext\b[^?.!]{{0,50}}{_COMPARATIVE}"
)  # "does A take longer prompts than B?"
#: An either/or measure ("bigger or smaller?", "larger or smaller?").
_EITHER = re.compile(r"\b(?:bigger|larger|longer|more) or (?:smaller|shorter|less|fewer)\b")
_SAME = re.compile(r"\bsame\b|\bequal\b|\bas (?:big|large|long|cheap|expensive) as\b|\bpriced the same\b")
#: "on bedrock only?", "only on bedrock?" (not "procurement only allows OpenRouter").
_ONLY = re.compile(
    r"\bonly (?:on|via|through|at|from)\b|\b(?:on|via|through|at) [a-z .-]{2,30}? only\b|\bexclusive(?:ly)?\b"
)
_SMALLER = re.compile(r"\b(?:smaller|shorter|less)\b")
_DEARER = re.compile(
    r"\bmore expensive\b|\bpricier\b|\b(?:costs?|charges?) more\b|\bdearer\b"
    r"|\bhigher (?:input |output )?(?:price|pricing|cost|rate)"
    r"|\b(?:price|pricing|costs?|rates?)\b[^?.!\n]{0,12}\bhigher\b"
)
_COMMERCIAL_YES = {"allowed", "yes", "permitted", "permissive"}


def provider_lines(models: list[Model], query: Query, provider_names: dict[str, str]) -> list[str]:
    """ "Is X on Y?": yes with the route and its price, or no with where it is served."""
    lines = []
    for m in models:
        for pid in query.providers:
            # "azure" is Azure and Azure Cognitive Services (AI Foundry); "vertex" is Vertex and its Anthropic side
            listed = [r for r in m.routes if r.provider_id == pid or r.provider_id.startswith(f"{pid}-")]
            routes = [r for r in listed if not r.deprecated]  # a listing being retired is no way to run it
            pname = provider_names.get(pid, pid)
            if listed and not routes:
                live = [p for p in m.providers if p not in {r.provider_name for r in listed}]
                where = f"; it is on {join_and(live[:6])}" + (f" and {len(live) - 6} more" if len(live) > 6 else "")
                lines.append(  # there today, but plan elsewhere
                    f"Yes, but deprecated — {listed[0].provider_name} still lists {m.name} and is retiring it"
                    + (f"{where}." if live else ".")
                )
                continue
            if routes and len(query.providers) == 1 and _ONLY.search(query.text.lower()):  # "on bedrock only?"
                others = [p for p in m.providers if p != routes[0].provider_name]
                lines.append(
                    f"No — {routes[0].provider_name} serves {m.name}, and so do {join_and(others[:6])}"
                    + (f" and {len(others) - 6} more." if len(others) > 6 else ".")
                    if others
                    else f"Yes — only {routes[0].provider_name} serves {m.name} in the catalog."
                )
                continue
            if routes:
                r = routes[0]
                price = (
                    f" at {usd_per_m(r.price.input)} in / {usd_per_m(r.price.output)} out"
                    if r.price is not None and r.price.input is not None and r.price.output is not None
                    else " (no complete price on record there)"
                )
                lines.append(f"Yes — {r.provider_name} serves {m.name} (`{r.provider_model_id}`){price}.")
            else:
                elsewhere = join_and(list(m.providers[:6])) or "no provider on record"
                more = f" and {len(m.providers) - 6} more" if len(m.providers) > 6 else ""
                lines.append(f"No — {m.name} is not on {pname} in the catalog; it is on {elsewhere}{more}.")
    return lines


def where_lines(models: list[Model]) -> list[str]:
    """ "Who hosts X?": every provider serving each model (the reader is choosing among them)."""
    lines = []
    for m in models:
        serving = list(m.providers)
        if not serving:
            lines.append(f"{m.name}: no provider serves it in the catalog.")
            continue
        lines.append(f"{m.name} is available on {join_and(serving)}.")
    return lines


def context_lines(models: list[Model], query: Query) -> list[str] | None:
    """A context comparison ("does A have a bigger context than B?", "which has the larger context?"): the
    verdict first, yes/no when asked so, equal sizes called equal; None when the message compares nothing."""
    lower = blank_spans(query.text.lower(), list(query.spans))  # "context of Mistral Medium 3.5 bigger than …"
    borrowed = "context" in query.asks and _EITHER.search(lower) is not None  # "and opus 4.1? bigger or smaller?"
    if len(models) < 2 or not (_BIGGER_CONTEXT.search(lower) or borrowed):
        return None
    if any(not m.context_window for m in models):
        missing = join_and([m.name for m in models if not m.context_window])
        return [f"Can't say: no context window is on record for {missing}."]
    sizes = "; ".join(f"{m.name} {tokens_short(m.context_window or 0)} ({m.context_window:,})" for m in models)
    windows = {m.context_window for m in models}
    if len(windows) == 1:
        size = models[0].context_window or 0
        same_asked = _SAME.search(query.text.lower()) is not None
        verdict = "Yes — both" if same_asked else "No — the same size: both" if query.yes_no else "Same — both"
        verdict = verdict if len(models) == 2 else verdict.replace("both", "all")
        return [f"{verdict} have a {tokens_short(size)}-token context window ({size:,} tokens)."]
    if _EITHER.search(lower) and len(models) == 2:  # "is that bigger or smaller?": the model named last, measured
        other, named = models
        word = "Bigger" if (named.context_window or 0) > (other.context_window or 0) else "Smaller"
        n, o = named.context_window or 0, other.context_window or 0
        return [f"{word} — {named.name} has {tokens_short(n)} ({n:,}) tokens, {other.name} {tokens_short(o)} ({o:,})."]
    if not ((query.yes_no or _SAME.search(query.text.lower())) and len(models) == 2):
        # "which has the bigger context?": the comparison page's sentence, larger first, with the exact sizes
        ranked = sorted(models, key=lambda m: -(m.context_window or 0))
        parts = [f"{m.name} supports {tokens_short(m.context_window or 0)} tokens" for m in ranked]
        exact = " vs ".join(f"{m.context_window:,}" for m in ranked)
        return [f"{parts[0]}, while {join_and(parts[1:])} ({exact} tokens)."]
    a, b = models
    assert a.context_window is not None and b.context_window is not None
    if _SAME.search(query.text.lower()):
        return [f"No — {sizes} tokens."]  # "the same context as B?" with different sizes
    smaller = _SMALLER.search(query.text.lower()) is not None
    yes = (a.context_window < b.context_window) if smaller else (a.context_window > b.context_window)
    return [f"{'Yes' if yes else 'No'} — {sizes} tokens."]


def output_lines(models: list[Model], query: Query) -> list[str] | None:
    """ "Does A have more max output than B?": yes/no first with both limits (None when not asked that way)."""
    if len(models) != 2 or not (query.yes_no or _SAME.search(query.text.lower())):
        return None
    a, b = models
    if not a.max_output or not b.max_output:
        missing = join_and([m.name for m in models if not m.max_output])
        return [f"Can't say: no output limit is on record for {missing}."]
    sizes = f"{a.name} {a.max_output:,}, {b.name} {b.max_output:,} output tokens per request"
    if _SAME.search(query.text.lower()):
        return [f"{'Yes' if a.max_output == b.max_output else 'No'} — {sizes}."]
    if a.max_output == b.max_output:  # "can A write longer outputs than B?" when both write as much
        return [f"No — the same limit: {sizes}."]
    smaller = _SMALLER.search(query.text.lower()) is not None
    yes = a.max_output < b.max_output if smaller else a.max_output > b.max_output
    return [f"{'Yes' if yes else 'No'} — {sizes}."]


def cheaper_lines(models: list[Model], query: Query, profile: TrafficProfile) -> list[str] | None:
    """ "Is A cheaper than B?" / "which is cheaper, A or B?": the verdict first (at the team's traffic, where the
    input and output prices could point different ways), then each model's list price per 1M tokens."""
    if len(models) < 2:
        return None
    if (side := _SIDE.search(query.text.lower())) is not None:
        which = "input" if side.group(1).startswith("in") else "output"
        return _side_lines(models, query, which) if len(models) == 2 else _side_ranked(models, which)
    costs = {m.id: estimate(m, profile).per_month for m in models}
    prices = [_unit_line(m, costs[m.id]) for m in models]
    if any(costs[m.id] is None for m in models):
        missing = join_and([m.name for m in models if costs[m.id] is None])
        return [f"Can't say which is cheaper: no complete token price for {missing}.", *prices]
    known = {mid: c for mid, c in costs.items() if c is not None}
    ranked = sorted(models, key=lambda m: known[m.id])
    low, high = ranked[0], ranked[-1]
    gap = known[high.id] - known[low.id]
    same_asked = _SAME.search(query.text.lower()) is not None
    if not gap:
        verdict = ("Yes — the same price" if same_asked else "No — they cost the same") if query.yes_no else "Same cost"
        return [f"{verdict}.", *prices]
    verdict = f"{low.name} is cheaper for you by {usd(gap)} a month"
    if query.yes_no and same_asked:
        verdict = f"No — {verdict}"
    elif query.yes_no and len(models) == 2:
        a, b = models
        dearer = _DEARER.search(query.text.lower()) is not None
        yes = known[a.id] > known[b.id] if dearer else known[a.id] < known[b.id]
        verdict = f"{'Yes' if yes else 'No'} — {verdict}"
    return [f"{verdict}.", *prices]


#: "cheaper per input token", "cheaper on output", "cheaper input than": one side of the price, not the bill.
_SIDE = re.compile(r"\b(?:per|for|on|in)? ?(input|output)(?: tokens?| price)?\b")


def _side_lines(models: list[Model], query: Query, side: str) -> list[str]:
    """One side of two list prices compared: yes/no first when asked, equal prices said to be equal."""
    a, b = models
    pa, pb = (getattr(p, side) if (p := _list_price(m)) is not None else None for m in (a, b))
    if pa is None or pb is None:
        missing = join_and([m.name for m, p in ((a, pa), (b, pb)) if p is None])
        return [f"Can't say: no {side} price on record for {missing}."]
    both = f"{a.name} {usd_per_m(pa)} {side} vs {b.name} {usd_per_m(pb)} {side} (list prices)."
    if pa == pb:
        return [f"{'No — ' if query.yes_no else ''}the same {side} price: {both}"]
    dearer = _DEARER.search(query.text.lower()) is not None
    yes = pa > pb if dearer else pa < pb
    cheaper, dearer_one = (a, b) if pa < pb else (b, a)
    lead = f"{'Yes' if yes else 'No'} — " if query.yes_no else ""
    if dearer:  # "is A's input price higher than B's?": said the way it was asked
        return [f"{lead}{dearer_one.name} costs more on {side}: {both}"]
    return [f"{lead}{cheaper.name} is cheaper on {side}: {both}"]


def _side_ranked(models: list[Model], side: str) -> list[str]:
    """ "cheapest for input: A, B or C?": the cheapest first, every model's price on that side."""
    priced = [(p, m) for m in models if (lp := _list_price(m)) is not None and (p := getattr(lp, side)) is not None]
    if not priced:
        return [f"Can't say: no {side} price on record for {join_and([m.name for m in models])}."]
    priced.sort(key=lambda pm: pm[0])
    low = [m.name for p, m in priced if p == priced[0][0]]
    rest = "; ".join(f"{m.name} {usd_per_m(p)}" for p, m in priced)
    missing = [m.name for m in models if m.name not in {n.name for _, n in priced}]
    tail = f" No {side} price on record for {join_and(missing)}." if missing else ""
    return [f"{join_and(low)} {'is' if len(low) == 1 else 'are'} cheapest on {side}: {rest} (list prices).{tail}"]


def ranked_limit(models: list[Model], query: Query, attr: str, label: str) -> list[str] | None:
    """ "Which of A, B and C has the largest max output?": the ones at the top (or bottom) first, then each."""
    lower = query.text.lower()
    most = _MOST.search(lower)
    if len(models) == 2:  # "which of the two has the bigger max output?" (two contexts: ``context_lines``)
        most = _MORE.search(lower) if attr == "max_output" and _WHICH_ONE.search(lower) else None
    if len(models) < 2 or most is None:
        return None
    known = [(v, m) for m in models if (v := getattr(m, attr))]
    if not known:
        return None
    least = most.group(1) in ("smallest", "least", "shortest", "lowest", "fewest", "smaller", "shorter", "lower",
                              "fewer", "less")  # fmt: skip
    best = (min if least else max)(v for v, _ in known)
    top = [m.name for v, m in known if v == best]
    if len(top) == len(known) > 1:
        both = "Both" if len(known) == 2 else "All"
        return [f"{both} have the same {label}: {best:,} tokens ({join_and(top)})."]
    verb = "has" if len(top) == 1 else "have"
    each = "; ".join(f"{m.name} {v:,}" for v, m in sorted(known, key=lambda vm: vm[0], reverse=not least))
    return [f"{join_and(top)} {verb} the {most.group(1)} {label}: {best:,} tokens ({each})."]


_MOST = re.compile(r"\b(largest|biggest|most|longest|highest|greatest|smallest|least|shortest|lowest|fewest)\b")
_MORE = re.compile(r"\b(bigger|larger|longer|higher|greater|more|smaller|shorter|lower|fewer|less)\b")
_WHICH_ONE = re.compile(r"\bwhich\b(?: one| model)?(?: of (?:the|those|these|them)(?: two| 2)?)?\b")


def _list_price(model: Model) -> Price | None:
    top = headline(model)
    return top.route.price if top is not None else None


def _unit_line(model: Model, monthly: Decimal | None) -> str:
    top = headline(model)
    price = top.route.price if top is not None else None
    if top is None or price is None or price.input is None or price.output is None or monthly is None:
        return f"{model.name}: no complete token price on record."
    return (
        f"{model.name}: {usd(monthly)}/month — {usd_per_m(price.input)} in / {usd_per_m(price.output)} out "
        f"({top.basis}, {top.route.provider_name})."
    )


def open_lines(models: list[Model], query: Query) -> list[str]:
    """Open source / open weights, with the verdict first."""
    out = []
    for m in models:
        label = openness_label(m)
        if label == "Open source":  # both words a team asks with: "open source?", "open weights?"
            out.append(f"Yes — {m.name}: Open source — open weights, license {license_label(m)}.")
            continue
        verdict = {"Open weights": "Yes, open weights", "Proprietary": "No"}.get(label, "Unknown")
        out.append(f"{verdict} — {m.name}: {label}, license {license_label(m)}.")
    return out


def commercial_lines(models: list[Model]) -> list[str]:
    """ "Can we use it commercially?": the sources' flag where they give one, else the license family's terms."""
    out = []
    for m in models:
        use = m.commercial_use
        verdict = "Yes" if use in _COMMERCIAL_YES else ("No" if use in ("no", "not allowed", "prohibited") else None)
        if verdict is None and use in (None, "unknown") and (terms := commercial_terms(m)) is not None:
            where = f"; terms: {terms.source}" if terms.source.startswith("http") else ""
            out.append(f"{terms.verdict} — {m.name}: {terms.detail} (license {license_label(m)}{where}).")
            continue
        detail = f"commercial use: {use} (license {license_label(m)})"
        out.append(f"{verdict} — {m.name}: {detail}." if verdict else f"{m.name}: {detail}.")
    return out


def license_named(query: Query) -> bool:
    """Whether the message asks about a license by name, outside the model's own name."""
    return _license_asked(query) is not None


def _license_asked(query: Query) -> re.Match[str] | None:
    """The license named by the question, outside the model's own name ("gemma" in "gemma 3 27b" is the model)."""
    return _LICENSE_NAMED.search(blank_spans(query.text.lower(), list(query.spans)))


def license_lines(models: list[Model], query: Query | None = None) -> list[str]:
    """The license sentence of the comparison page, without the advice every answer used to repeat; "is X apache
    licensed?" opens with yes or no (unknown when the catalog has no license on record)."""
    named = _license_asked(query) if query is not None else None
    if named is not None and query is not None and not query.yes_no:  # "license — apache?" asks yes or no too
        named = named if query.text[named.end() :].lstrip().startswith("?") else None
    out = []
    for m in models:
        sentence = narrative.license_answer([m]).split(" The license decides")[0]
        if named is not None:
            on_record = m.license.name.lower() if m.license is not None else ""
            family = named.group(1).split()[0].split("-")[0]
            verdict = "Unknown —" if not on_record else "Yes —" if family in on_record else "No —"
            sentence = f"{verdict} {sentence}"
        out.append(sentence)
    return out


#: A license asked about by name ("is it apache licensed?", "MIT?", "llama license?").
_LICENSE_NAMED = re.compile(r"\b(apache|mit|gpl|bsd|llama|gemma|qwen|cc[- ]by(?:[- ]nc)?|openrail|mistral research)\b")


def unknown_lines(query: Query, data_date: str | None) -> list[str]:
    """Names the catalog lacks: said plainly, with the nearest names it has."""
    when = f" (data as of {data_date})" if data_date else ""
    out = []
    for name, near in query.unknown:
        if near[:1] == ("?",):
            out.append(f"{name} could mean several models: {join_and(list(near[1:]))}. Which one?")
            continue
        closest = f" Closest it has: {join_and(list(near))}." if near else ""
        out.append(f"{name} is not in the catalog{when}.{closest}")
    return out


def volume_lines(models: list[Model], query: Query, profile: TrafficProfile) -> list[str]:
    """Several volumes stated ("three customers: 120k, 300k and 80k a month"): each one's cost, beside the total."""
    volumes = query.traffic.volumes
    if not volumes or query.traffic.scale is not None:
        return []
    lines = []
    for m in models:
        costs = [estimate(m, profile.model_copy(update={"requests_per_month": v})).per_month for v in volumes]
        if all(c is not None for c in costs):
            pairs = zip(volumes, costs, strict=True)
            each = "; ".join(f"{v:,} requests/month {usd(c or Decimal(0))}" for v, c in pairs)
            lines.append(f"{m.name} by volume: {each}.")
    return lines


def traffic_line(query: Query, profile: TrafficProfile, saved: bool, base: TrafficProfile | None = None) -> str:
    """What the estimate assumed: the traffic read from the message (``base`` fills what it leaves out), else the
    saved or default profile, named."""
    from bot.answers.questions.traffic import describe_stated

    if not query.traffic.empty:
        return f"Assumed: {describe_stated(query.traffic, profile, base)}."
    where = "your server's saved traffic profile" if saved else "the default traffic (set yours with /traffic)"
    return f"Assumed {where}: {profile.describe()}."
