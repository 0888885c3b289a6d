"""The one cooldown policy: every way of asking per user and per channel, bounded maps, retry times; a test clock."""

from __future__ import annotations

import pytest

from bot.settings import Settings
from bot.state.cooldowns import Asked, CooldownPolicy, Limit, Rule, WindowMap


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_map_evicts_ended_windows_as_new_ones_start() -> None:
    m = WindowMap(Limit(1, 10.0), max_entries=1_000)
    for user in range(100):
        m.use(user, now=float(user))
    assert len(m) == 10  # at t=99 only the users who started after t=89 are still cooling down
    assert m.wait(99, now=99.0) == 10.0 and m.wait(50, now=99.0) == 0.0


def test_a_map_never_grows_past_its_cap() -> None:
    m = WindowMap(Limit(1, 1e9), max_entries=50)
    for user in range(10_000):
        m.use(user, now=0.0)  # nothing ever ends: only the cap bounds it
        assert len(m) <= 50
    assert m.wait(9_999, now=0.0) > 0 and m.wait(0, now=0.0) == 0.0  # the oldest went first


def test_a_new_window_makes_a_key_the_newest() -> None:
    m = WindowMap(Limit(1, 2.0), max_entries=2)
    m.use("a", 0.0)
    m.use("b", 1.0)
    m.use("a", 2.5)  # a's window ended: a new one starts, at the back
    m.use("c", 2.6)
    assert m.wait("a", 3.0) > 0 and m.wait("b", 3.0) == 0.0 and len(m) == 2


def test_a_window_allows_its_uses_then_waits_for_its_end() -> None:
    m = WindowMap(Limit(3, 30.0))
    for t in (0.0, 1.0, 2.0):
        assert m.wait("u", t) == 0.0
        m.use("u", t)
    assert m.wait("u", 10.0) == pytest.approx(20.0)
    assert m.wait("u", 30.0) == 0.0


def test_a_map_needs_room() -> None:
    with pytest.raises(ValueError):
        WindowMap(Limit(1, 1.0), max_entries=0)


def policy(clock: Clock | None = None, **settings: float) -> CooldownPolicy:
    config = Settings(_env_file=None, **settings)  # type: ignore[arg-type]
    return CooldownPolicy.from_settings(config, clock or Clock())


def test_passive_chat_cools_down_per_user_and_per_channel_silently() -> None:
    c = policy(user_cooldown_seconds=20, channel_cooldown_seconds=5)
    assert c.ask(Asked.PASSIVE, 1, 10, now=0.0).allowed
    held = c.ask(Asked.PASSIVE, 1, 11, now=1.0)
    assert not held.allowed and held.retry_after == pytest.approx(19) and not held.tell  # the user, everywhere
    assert not c.ask(Asked.PASSIVE, 2, 10, now=1.0).allowed  # the channel, for everyone
    assert c.ask(Asked.PASSIVE, 2, 10, now=6.0).allowed and c.ask(Asked.PASSIVE, 1, 10, now=26.0).allowed


def test_addressed_requests_have_their_own_rule_and_say_when_to_retry_once() -> None:
    c = policy(mention_cooldown_seconds=4, mention_channel_cooldown_seconds=1)
    assert c.ask(Asked.PASSIVE, 1, 10, now=0.0).allowed
    assert c.ask(Asked.ADDRESSED, 1, 10, now=0.0).allowed  # not held back by the passive cooldown
    held = c.ask(Asked.ADDRESSED, 1, 10, now=2.0)
    assert held.retry_after == pytest.approx(2.0) and held.tell
    again = c.ask(Asked.ADDRESSED, 1, 10, now=3.0)
    assert not again.allowed and not again.tell  # told once per window, not once per message
    assert c.ask(Asked.ADDRESSED, 2, 11, now=3.0).allowed
    busy = c.ask(Asked.ADDRESSED, 3, 11, now=3.5)  # a busy channel: one answer a second at most
    assert busy.retry_after == pytest.approx(0.5) and busy.tell
    assert c.ask(Asked.ADDRESSED, 1, 10, now=4.0).allowed


def test_a_burst_of_mentions_gets_a_few_answers() -> None:
    """Issue 17 measured 37 replies in 5 s in one channel; the defaults allow one a second there."""
    clock = Clock()
    c = policy(clock)
    answered = 0
    for i in range(37):
        clock.now = i * 5 / 37
        answered += c.ask(Asked.ADDRESSED, 100 + i % 6, 10).allowed
    assert answered == 5


def test_slash_commands_allow_so_many_uses_per_user_and_command_and_always_tell() -> None:
    clock = Clock()
    c = policy(clock, command_cooldown_uses=3, command_cooldown_seconds=30, command_channel_cooldown_uses=0)
    for _ in range(3):
        assert c.ask(Asked.COMMAND, 1, 10, scope="compare").allowed
    clock.now = 12.0
    held = c.ask(Asked.COMMAND, 1, 10, scope="compare")
    assert held.retry_after == pytest.approx(18) and held.tell and held.limit == Limit(3, 30)
    assert c.ask(Asked.COMMAND, 1, 10, scope="compare").tell  # an interaction must be answered: every time
    assert c.ask(Asked.COMMAND, 1, 10, scope="cost").allowed  # another command
    assert c.ask(Asked.COMMAND, 2, 10, scope="compare").allowed  # another user
    clock.now = 30.0
    assert c.ask(Asked.COMMAND, 1, 10, scope="compare").allowed


def test_slash_commands_cool_down_per_channel_too() -> None:
    c = policy(command_cooldown_uses=3, command_cooldown_seconds=30, command_channel_cooldown_uses=4)
    assert all(c.ask(Asked.COMMAND, user, 10, scope="compare", now=0.0).allowed for user in range(4))
    held = c.ask(Asked.COMMAND, 9, 10, scope="cost", now=1.0)
    assert held.retry_after == pytest.approx(29) and held.limit == Limit(4, 30)
    assert c.ask(Asked.COMMAND, 9, 11, scope="cost", now=1.0).allowed  # another channel


def test_zero_seconds_turns_a_rule_off() -> None:
    c = policy(user_cooldown_seconds=0, channel_cooldown_seconds=0, command_cooldown_seconds=0)
    assert all(c.ask(Asked.PASSIVE, 1, 10, now=0.0).allowed for _ in range(10))
    assert all(c.ask(Asked.COMMAND, 1, 10, scope="compare", now=0.0).allowed for _ in range(10))
    off = CooldownPolicy.off()
    assert all(off.ask(kind, 1, 10, now=0.0).allowed for kind in Asked for _ in range(10))


def test_the_policy_reads_its_clock() -> None:
    clock = Clock()
    c = CooldownPolicy({Asked.ADDRESSED: Rule(Limit(1, 5.0))}, clock=clock)
    assert c.ask(Asked.ADDRESSED, 1, 10).allowed
    clock.now = 4.0
    assert c.ask(Asked.ADDRESSED, 1, 10).retry_after == pytest.approx(1.0)
    clock.now = 5.0
    assert c.ask(Asked.ADDRESSED, 1, 10).allowed


def test_every_map_stays_bounded() -> None:
    c = policy(cooldown_max_entries=100, command_channel_cooldown_uses=1)
    for i in range(5_000):
        for kind in Asked:
            c.ask(kind, i, i, scope="compare", now=0.0)
            c.ask(kind, i, i, scope="compare", now=0.0)  # refused: a notice for the addressed kind
    assert all(len(m) <= 100 for m in c.maps())
    assert len(c.maps()) == 2 * len(Asked) + 1
