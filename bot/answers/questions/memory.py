"""Channel memory: the last models, traffic and asks of a channel, so "and opus?" and "same traffic on X" resolve.

It expires after a few minutes (a follow-up is asked right after its question) and is plain data, so any state
backend can keep it as JSON.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.answers.questions.traffic import StatedTraffic

#: How long a channel's last question stays the context of a follow-up.
MEMORY_SECONDS = 600.0
#: How many recently named models a channel keeps.
MAX_SEEN = 8


class ChannelMemory(BaseModel):
    """What the last answered question in a channel was about."""

    model_config = ConfigDict(frozen=True)

    model_ids: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    seen: tuple[str, ...] = ()
    """Models the channel named lately, answered or not, newest first: "we're weighing sonnet 4.5 and opus 4.1"
    makes a later "and opus?" mean Opus 4.1."""
    compared: tuple[str, ...] = ()
    """The last models asked about together, in the order named: "the second one" still means the other model
    after a follow-up on the first one alone."""
    traffic: StatedTraffic = StatedTraffic()
    providers: tuple[str, ...] = ()
    """The providers the last question named: "what about grok 4?" after "is X on azure?" asks about Azure."""
    benchmarks: tuple[str, ...] = ()
    """The benchmarks the last question named: "and o3?" after "gpqa for gpt-5?" is o3's GPQA."""
    budget: str = ""
    """The budget the last question asked to spend: "and on Haiku?" after "$5k a month buys how many on X?"."""
    earlier_asks: tuple[str, ...] = ()
    """What the question before the last one asked: "same two for o4-mini" after "max output of o3?" then "and the
    context window?" asks both."""
    periods: tuple[str, ...] = ()
    """Cost periods the last question asked beside the month: "same on Nova Pro" after "annual cost for …"."""
    at: float = 0.0

    def fresh(self, now: float) -> bool:
        return 0 <= now - self.at <= MEMORY_SECONDS

    def saw(self, model_ids: tuple[str, ...], now: float) -> ChannelMemory:
        """This memory with ``model_ids`` named just now (the last question stays the one answered)."""
        seen = tuple(dict.fromkeys((*model_ids, *self.seen)))[:MAX_SEEN]
        return self.model_copy(update={"seen": seen, "at": now})
