"""The cost budget before parsing, shared by every adapter (Discord, console, CLI): issue 17's long messages."""

from __future__ import annotations

import time

import pytest

from bot.answers.costs import TrafficProfile
from bot.flows.lookup import ChatSession, ask_flow
from bot.limits import ADDRESSED_TEXT, PASSIVE_TEXT
from catalog.service import Catalog

#: Issue 17's repro: "best models " + 3,988 digits cost 686 ms CPU.
REPRO = "best models " + "1" * 3988


def test_overheard_chat_past_the_budget_is_silent(shipped_catalog: Catalog) -> None:
    assert ask_flow(shipped_catalog, REPRO, TrafficProfile(), addressed=False) is None
    session = ChatSession(shipped_catalog, TrafficProfile())
    assert session.reply("is gpt-4o open source?" + " " * PASSIVE_TEXT, now=0.0) is None
    assert session.memory is None  # not read at all: nothing remembered either
    assert session.reply("is gpt-4o open source?", now=1.0) is not None  # within the budget: answered


@pytest.mark.parametrize("addressed_session", [False, True])
def test_an_addressed_question_past_the_budget_gets_one_line(shipped_catalog: Catalog, addressed_session: bool) -> None:
    text = "is gpt-4o open source? " + "x" * ADDRESSED_TEXT
    if addressed_session:
        reply = ChatSession(shipped_catalog, TrafficProfile(), addressed=True).reply(text, now=0.0)
    else:
        reply = ask_flow(shipped_catalog, text, TrafficProfile(), addressed=True)
    assert reply is not None and reply.content is not None and not reply.embeds
    assert reply.content.startswith("That is too long for me to read (4,023 characters)") and "\n" not in reply.content


def test_the_issue_repro_is_answered_within_the_cpu_budget(shipped_catalog: Catalog) -> None:
    """Addressed (so it is read, up to 4,000 characters): well under 50 ms CPU, where it took 686 ms."""
    ask_flow(shipped_catalog, "best models under $1", TrafficProfile(), addressed=True)  # warm
    started = time.process_time()
    reply = ask_flow(shipped_catalog, REPRO, TrafficProfile(), addressed=True)
    assert reply is not None
    assert time.process_time() - started < 0.05


#: Many intent matches (issue 17's fuzz): the question parser's ``_asks`` once compared each match with every
#: earlier one, so a message of many "$" was quadratic.
MANY_MATCHES = ["$ " * 1000, "best models " + "$" * 1988]


@pytest.mark.parametrize("text", MANY_MATCHES, ids=["dollar-space", "dollar-run"])
def test_many_intent_matches_stay_within_the_cpu_budget(shipped_catalog: Catalog, text: str) -> None:
    ask_flow(shipped_catalog, "best models under $1", TrafficProfile(), addressed=True)  # warm
    started = time.process_time()
    ask_flow(shipped_catalog, text, TrafficProfile(), addressed=True)
    assert time.process_time() - started < 0.05
