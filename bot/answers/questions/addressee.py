"""Who a chat message is for, and whether it states rather than asks: a question put to a colleague ("@lena is
the 1M context usable?", "anyone tried …?"), a ticket, digest or report, a rhetorical aside, or a value the writer
already has ("GPT-4.1 has 1,047,576 tokens of context"). The bot answers none of these unless it is addressed.
"""

from __future__ import annotations

import re

#: A question put to teammates, not to the bot ("anyone tried deepseek v3.2 with tool calling?").
TO_TEAM = re.compile(
    r"^\W{0,3}(?:@\w+\s+)?(?:has |did |have )?(?:anyone|anybody|any of you|someone|somebody"
    r"|who(?:'s| has| here)?|y'?all)\s+"
    r"(?:else\s+|here\s+|on (?:the |this )?team\s+)?(?:actually\s+|already\s+|ever\s+|really\s+)?"
    r"(?:tried|used|tested|played with|run|ran|benchmarked|deployed|seen|had|using|testing|running"
    r"|try|use|test|benchmark|deploy|play with|get|got|receive|received|see|saw|hear|heard|notice|noticed|read)\b"
    r"|^\W{0,3}(?:can|could|would|will)\s+(?:someone|somebody|anyone|one of you|any of you)\s+(?:please\s+)?"
    r"(?:double[- ]check|review|look into|take|handle|ping|ask|send|grab|merge|update|fix|follow up|reach out|get"
    r"|file|open|book|set up|sign off)\b"  # a task for a colleague ("can someone double-check the license …")
    r"|^\W{0,3}(?:@\w+|[a-z]+,)\s+(?:(?:did|have|can|could|will|would|do) you|(?:what'?s|what is|how'?s) your)\b"
)  # "Kai, did you benchmark …", "@sam what's your take on …"
#: A colleague named first, then asked for their own view ("Ravi what's your take on command r+?"): a capitalised
#: name, read on the original text.
_TO_PERSON = re.compile(
    r"^\W{0,3}[A-Z][a-z]{1,15},?\s+(?:(?:did|have|can|could|will|would|do) you|(?:what'?s|what is|how'?s) your)\b"
)
#: A message that pings a colleague by handle ("@lena is the 1M context usable?", "… in the calculator tab?
#: @finance", "question for @ml-platform: …") is theirs to answer; a ping of the whole channel ("@here") or of the
#: bot by name ("@bot") still asks the bot. Not an e-mail address or "pass@1".
_TO_HANDLE = re.compile(r"(?<![\w.@])@(?!here\b|everyone\b|channel\b|bot\b)[a-z]")
#: A rhetorical question or an aside that closes the matter ("is it me or …", "anyway, not our problem").
_RHETORICAL = re.compile(
    r"\bis it (?:just )?me or\b|\bam i the only one\b|\bnot our problem\b|\bnot that it matters\b"
    r"|\b(?:review|approve|read|check) (?:my|our) (?:doc|docs|pr|draft|proposal|email|link|sheet|spreadsheet)\b"
    r"|\bcan you believe\b|\bglad those days\b|\bremember when\b|\bwhat even is\b|\bwho (?:even )?names?\b"
    r"|\bplease (?:make sure|review|merge|regenerate|re-?run|update|fix|deploy|approve|ping|double[- ]check"
    r"|take a look|have a look|look at|sign off|add|remove|revert|rebase|rotate|bump|file|book|schedule)\b"
)  # ... or a task only a colleague can do ("please review my doc", "please make sure the baseline is rerun")
#: A figure the writer already has ("bill dropped from $410 to $90", "is about $400 a month"): a report, unless
#: the message asks ("?").
_STATED_COST = re.compile(
    r"\b(?:is|was|were|came to|comes to|cost us|costs us|dropped|went|rose|from|to|cost|spend|spent|bill)\s+"
    r"(?:about |around |roughly |only |just |~|of |: ?)?\$\s?\d"
)
#: A ticket, log or digest line ("PROJ-118 Evaluate …", "weekly digest: …", "[ci] FAIL …"): a record, not a
#: question to the bot, unless one of its sentences asks (a ticket's title asks its assignee: "BUG-2210: price
#: import broken?").
_TICKET = re.compile(r"^\W{0,3}[A-Z]{2,10}-\d{2,6}\b")
_RECORD = re.compile(
    r"^\W{0,3}(?:[A-Z]{2,10}-\d{2,6}\b|(?i:\[?ci\]?:|(?:bug|incident|postmortem|outage|alert|ticket|invite|invitation"
    r"|meeting|agenda|calendar|reminder|event)\s*:"
    r"|(?:[a-z]+ ){0,2}(?:digest|report|recap|summary|notes|minutes|changelog|release notes)\b"
    r"(?: ?\([^)\n]{0,20}\))?\s*[:—-]))"
)  # a ticket key is written in capitals ("PROJ-118"); "GPT-5" has a digit-free key but no ticket number after
#: A joke's set-up ("when the gemini flash bill is lower than the coffee budget", "me when …", "pov: …").
_MEME = re.compile(r"^\W{0,3}(?:(?:me when|when (?:the|your|you|my|our|u|ur)|mfw|tfw)\b|pov\s*:|nobody\s*:)")
#: A question to the channel at large ("thoughts, team?", "what do you all think …").
_TO_ALL = re.compile(
    r"^\W{0,3}(?:quick |team )?(?:poll|vote|survey)\b\s*[:—-]|"  # "poll: which should be the default? 1️⃣ …"
    r"\b(?:thoughts|opinions|votes?|ideas|objections)\W{0,3}(?:team|all|everyone|folks|guys|y'?all|people)\W*\?"
    r"|\b(?:anyone|anybody) else\W*\?\W*$|(?:^|[.?!]\s+)did (?:someone|somebody|anyone|any of you) \w+"
    r"|\bwhat do (?:you all|y'?all|you guys|people|folks|we all) think\b"
)
#: A value stated, not asked ("GPT-4.1 has 1,047,576 tokens of context", "max output is 65,536", "heads up: …"):
#: without a "?" only an explicit request ("pls", "tell me") makes such a line ask.
_DECLARES = re.compile(
    r"\b(?:has|have|had|is|are|was|were|costs|gives|offers|supports|tops out at|maxes out at|came in at|sits at)"
    r" {1,3}(?:a |an |only |just |about |around |roughly |~ ?|up to |over |under |now |still )?\$?\d"
    r"|^\W*(?:heads[- ]up|fyi|psa|note|reminder|tl;?dr|update)\b"
)
#: A heading worded as a question ("what went wrong: …", "how we got here: …") that a report follows.
_HEADING = re.compile(r"^\W{0,3}(?:what|how|why|where|who|which)\b[^?:\n]{0,30}:\s")
#: What the writer or team did ("we hit the 10k RPM limit …", "I switched …"): a report, whatever numbers it holds.
_NARRATES = re.compile(
    r"\b(?:we|i|they)\s+(?:just |already |finally |also |then |only )?(?:\w{3,}ed|hit|had|did|went|ran|got|saw|made"
    r"|paid|spent|found|built|chose|picked|bought|took|began|stayed)\b"
)


def for_colleagues(text: str, lower: str, spans: list[tuple[int, int]]) -> bool:
    """Said to colleagues or for the record, not to the bot (``spans``: where model names stand, so "GPT-55 …"
    is no ticket key)."""
    if TO_TEAM.search(lower) or _TO_PERSON.search(text) or _TO_HANDLE.search(lower) or _RHETORICAL.search(lower):
        return True
    if "?" not in text and (_STATED_COST.search(lower) or _MEME.match(lower)):
        return True
    record = _RECORD.match(text) if "?" not in text else _TICKET.match(text)
    if record is not None and not any(a < record.end() and record.start() < b for a, b in spans):
        return True
    return _TO_ALL.search(lower) is not None


def declares_value(text: str, prose: str) -> bool:
    """A value stated without a "?" ("max output is 65,536", "heads up: …")."""
    return "?" not in text and _DECLARES.search(prose) is not None


def headed_report(text: str, lower: str) -> bool:
    """A report under a heading worded as a question ("what went wrong: we assumed …")."""
    return "?" not in text and _HEADING.match(lower) is not None


def narrates(prose: str) -> bool:
    """What the writer or team did ("we hit the 10k RPM limit on …")."""
    return _NARRATES.search(prose) is not None
