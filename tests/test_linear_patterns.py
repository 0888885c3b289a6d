"""Every regular expression on user text runs in linear time (issue 17: "best models " + 4,000 digits cost 686 ms).

The patterns are collected by ``tools.regex_probes`` from the modules that read user text (globals and inline
``re.*`` calls), so a new pattern is covered without being listed here. Each is timed on long runs of its own
characters and words at 2,000 and 8,000 characters; growth past 6x for 4x the input fails.
"""

from __future__ import annotations

import re

import pytest

from tools.regex_probes import KNOWN_QUADRATIC, Probe, check, probes, units_for

PROBES = probes()


def _param(probe: Probe) -> object:
    known = KNOWN_QUADRATIC.get(probe.pattern.pattern)
    marks = [pytest.mark.xfail(strict=True, reason=f"quadratic, owned by the lead: {known}")] if known else []
    return pytest.param(probe, id=probe.where, marks=marks)


def test_the_probes_find_the_patterns_that_read_chat() -> None:
    where = {p.where for p in PROBES}
    assert {"bot.answers.filters._CONTEXT", "bot.answers.filters._PRICE", "catalog.matching.ids._ID"} <= where
    assert any(w.startswith("bot.adapters.discord.cogs.chat.") for w in where)  # the mention stripper
    assert any(" re." in w for w in where)  # inline calls too
    assert len(PROBES) > 100


def test_the_probe_strings_use_the_pattern_s_own_words() -> None:
    units = units_for(re.compile(r"\bcontext\b[^.?!,\d]{0,20}\$"))
    assert {"context ", "context1", "1", " ", "best ", "$", "$1", "$ "} <= set(units)


def test_a_quadratic_pattern_is_caught() -> None:
    """The check itself can fail: the pre-fix shape of the context pattern (issue 17) is flagged."""
    old = Probe("old", re.compile(r"(\d+(?:\.\d+)?) ?([km])\b\s*context"), ("search", "findall"))
    found = check(old, size=500, first=True)
    assert found and found[0].ratio > 6 and found[0].unit in {"1", "1.", "1 ", "1,", "$1", "a1"}


@pytest.mark.parametrize("probe", [_param(p) for p in PROBES])
def test_pattern_is_linear_on_adversarial_text(probe: Probe) -> None:
    found = check(probe, size=2_000, first=True)
    assert not found, str(found[0])
