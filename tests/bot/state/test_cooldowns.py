"""Cooldown maps: bounded, evicting what expired, and the chat listener's two kinds of cooldown."""

from __future__ import annotations

import pytest

from bot.state.cooldowns import CooldownMap, Cooldowns


def test_a_map_evicts_expired_entries_as_new_ones_come() -> None:
    m = CooldownMap(max_entries=1_000)
    for user in range(100):
        m.start(user, until=user + 10.0, now=float(user))
    assert len(m) == 10  # at t=99 only the users who started after t=89 are still cooling down
    assert m.wait(99, now=99.0) == 10.0 and m.wait(50, now=99.0) == 0.0


def test_a_map_never_grows_past_its_cap() -> None:
    m = CooldownMap(max_entries=50)
    for user in range(10_000):
        m.start(user, until=1e9, now=0.0)  # nothing ever expires: only the cap bounds it
        assert len(m) <= 50
    assert m.wait(9_999, now=0.0) > 0 and m.wait(0, now=0.0) == 0.0  # the oldest went first


def test_restarting_a_key_makes_it_the_newest() -> None:
    m = CooldownMap(max_entries=2)
    m.start("a", 100.0, 0.0)
    m.start("b", 100.0, 0.0)
    m.start("a", 100.0, 1.0)
    m.start("c", 100.0, 2.0)
    assert m.wait("a", 3.0) > 0 and m.wait("b", 3.0) == 0.0


def test_a_map_needs_room() -> None:
    with pytest.raises(ValueError):
        CooldownMap(max_entries=0)


def test_passive_cooldown_per_user_and_channel() -> None:
    c = Cooldowns(user_seconds=20, channel_seconds=5)
    assert c.ready(1, 10, now=0.0)
    assert not c.ready(1, 11, now=1.0)  # the user cools down everywhere
    assert not c.ready(2, 10, now=1.0)  # the channel cools down for everyone
    assert c.ready(2, 10, now=6.0) and c.ready(1, 10, now=26.0)


def test_addressed_cooldown_is_separate_and_per_user_and_channel() -> None:
    c = Cooldowns(user_seconds=20, channel_seconds=5, mention_seconds=4, mention_channel_seconds=1)
    assert c.ready(1, 10, now=0.0)
    assert c.addressed(1, 10, now=0.0) == 0.0  # an @mention is not held back by the passive cooldown
    assert c.addressed(1, 10, now=2.0) == pytest.approx(2.0)
    assert c.addressed(1, 11, now=2.0) == 0.0  # another channel
    assert c.addressed(2, 11, now=2.5) == pytest.approx(0.5)  # a busy channel: one answer a second at most
    assert c.addressed(2, 11, now=3.0) == 0.0 and c.addressed(1, 10, now=4.0) == 0.0


def test_a_burst_of_mentions_gets_a_few_answers() -> None:
    """Issue 17 measured 37 replies in 5 s; with the defaults a channel gets one a second at most."""
    c = Cooldowns(20, 5, mention_seconds=5, mention_channel_seconds=1)
    answered = sum(c.addressed(user % 6, 10, now=i * 5 / 37) == 0.0 for i, user in enumerate(range(37)))
    assert answered <= 5


def test_the_retry_notice_is_given_once_per_window() -> None:
    c = Cooldowns(20, 5, mention_seconds=10)
    assert c.first_notice(1, 10, wait=10, now=0.0)
    assert not c.first_notice(1, 10, wait=9, now=1.0)
    assert c.first_notice(1, 10, wait=5, now=11.0)


def test_every_map_stays_bounded() -> None:
    c = Cooldowns(20, 5, mention_seconds=5, mention_channel_seconds=1, max_entries=100)
    for i in range(5_000):
        c.ready(i, i, now=0.0)
        c.addressed(i, i, now=0.0)
        c.first_notice(i, i, wait=5, now=0.0)
    assert all(len(m) <= 100 for m in c.maps())
