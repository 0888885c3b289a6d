"""Every reply fits one Discord message: ``fit_embeds`` under any embeds, and /changes and the refresh digest under
large change sets (many models x many providers, long names). Nothing is dropped silently: what is cut is counted,
and the counts add up to what was given."""

from __future__ import annotations

import re
from typing import Any

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.flows.procurement import changes_reply, digest
from bot.limits import EMBEDS_PER_MESSAGE, violations
from bot.render.embeds import add_listing, lines_within
from bot.render.fit import TAIL_NAME, fit_embeds
from bot.render.reply import Reply
from catalog.store.history import PriceChange

PRICE_FIELDS = ("input", "output", "cache_read", "cache_write", "route")
names = st.text(min_size=1, max_size=300)
MORE_FIELD = re.compile(r"^…and (\d+) more$")
TAIL = re.compile(r"^…and (\d+) more models? \((\d+) changes?\)")


def price_changes(models: int, providers: int, fields: tuple[str, ...], name: str = "Model") -> list[PriceChange]:
    """Every ``field`` of every model changed at every provider; names are ``name`` + a number."""
    out = []
    for m in range(models):
        for p in range(providers):
            for f in fields:
                old, new = ("present", None) if f == "route" else (f"{(m + p) % 7 + 1}.25", "0.5")
                route = (f"prov-{p}", f"Provider {p} {name}", f"x/m{m}", f"model-{m}", f"{name} {m}")
                out.append(PriceChange(*route, f, old, new, "models-dev", "2026-11-01", "2026-11-22T10:00:00+00:00"))
    return out


def accounted(payload: dict[str, Any]) -> int:
    """Changes a /changes payload accounts for: lines shown, each field's "…and N more", the last "N changes"."""
    total = 0
    for field in payload["embeds"][0].get("fields", []):
        if field["name"] == "…":
            tail = TAIL.match(field["value"])
            assert tail is not None, field["value"]
            total += int(tail.group(2))
            continue
        for line in field["value"].split("\n"):
            more = MORE_FIELD.match(line)
            total += int(more.group(1)) if more else 1
    return total


def test_a_price_change_on_models_with_many_providers_fits_and_counts_the_rest() -> None:
    """The issue's case: a price change across many providers was 13,198 characters -> "Something went wrong"."""
    changes = price_changes(models=30, providers=25, fields=("input", "output"), name="Long model name " * 4)
    reply = changes_reply(changes, 30)
    payload = reply.payload()
    assert violations(payload) == []
    assert payload["embeds"][0]["description"] == f"{len(changes)} recorded."
    assert accounted(payload) == len(changes)
    last = payload["embeds"][0]["fields"][-1]
    assert last["name"] == "…" and "python -m catalog changes" in last["value"]
    lines = payload["embeds"][0]["fields"][0]["value"].split("\n")
    assert lines[0].startswith("2026-11-22 Provider 0 ") and "input $1.25 → $0.5/1M (down)" in lines[0]


def test_a_small_change_set_is_shown_whole() -> None:
    changes = price_changes(models=2, providers=2, fields=("output",))
    payload = changes_reply(changes, 7).payload()
    assert [f["name"] for f in payload["embeds"][0]["fields"]] == ["Model 0", "Model 1"]
    assert accounted(payload) == 4 and "…" not in str(payload["embeds"][0]["fields"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    models=st.integers(1, 60),
    providers=st.integers(1, 40),
    fields=st.lists(st.sampled_from(PRICE_FIELDS), min_size=1, max_size=5, unique=True),
    name=names,
    shortlisted=st.integers(0, 60),
)
def test_changes_and_digests_of_any_size_fit_and_count_what_they_cut(
    models: int, providers: int, fields: list[str], name: str, shortlisted: int
) -> None:
    changes = price_changes(models, providers, tuple(fields), name)
    payload = changes_reply(changes, 30).payload()
    assert violations(payload) == []
    assert accounted(payload) == len(changes)
    shortlist = [f"model-{m}" for m in range(shortlisted)]
    reply = digest(changes, shortlist)
    relevant = [c for c in changes if c.model_id in shortlist]
    if not relevant:
        assert reply is None
        return
    assert reply is not None
    payload = reply.payload()
    assert violations(payload) == []
    assert accounted(payload) == len(relevant)
    assert payload["embeds"][0]["title"].startswith(f"Catalog refresh: {len(relevant)} price changes")


def test_lines_within_keeps_room_for_its_own_count() -> None:
    text, shown = lines_within(["x" * 10] * 5, 35)
    assert text.split("\n") == ["x" * 10, "x" * 10, "…and 3 more"] and shown == 2 and len(text) <= 35
    assert lines_within(["x" * 50], 20) == ("", 0)
    assert lines_within(["a", "b"], 100) == ("a\nb", 2)


def test_add_listing_counts_groups_that_do_not_fit() -> None:
    embed = discord.Embed(title="t")
    groups = [(f"group {i}", [f"item {j}" for j in range(3)]) for i in range(40)]
    hidden = add_listing(embed, groups, lambda g, i: f"…and {g} more groups ({i} items)")
    shown_groups = len(embed.fields) - 1
    assert shown_groups == 24 and hidden == (40 - 24) * 3
    assert embed.fields[-1].value == f"…and {40 - 24} more groups ({hidden} items)"


# -- the net under every builder --------------------------------------------------------------------------------

texts = st.text(max_size=5000)
fields = st.lists(st.tuples(st.text(max_size=400), st.text(max_size=1500)), max_size=40)
embeds = st.lists(
    st.tuples(st.text(max_size=400), texts, fields, st.text(max_size=2500), st.text(max_size=400)), max_size=14
)


def build(spec: tuple[str, str, list[tuple[str, str]], str, str]) -> discord.Embed:
    title, description, rows, footer, author = spec
    embed = discord.Embed(title=title or None, description=description or None)
    for name, value in rows:
        embed.add_field(name=name, value=value)
    if footer:
        embed.set_footer(text=footer)
    if author:
        embed.set_author(name=author)
    return embed


def shown_fields(embed: dict[str, Any]) -> int:
    """Fields an embed accounts for: the ones shown plus the count in a cut tail."""
    out = 0
    for field in embed.get("fields", []):
        tail = re.match(r"and (\d+) more not shown", field["value"]) if field["name"] == TAIL_NAME else None
        out += int(tail.group(1)) if tail else 1
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(specs=embeds, content=st.text(max_size=3000))
def test_any_reply_fits_and_says_what_was_cut(specs: list[Any], content: str) -> None:
    originals = [build(s) for s in specs]
    payload = Reply(content=content or None, embeds=originals).payload()
    assert violations(payload) == []
    out = payload["embeds"]
    assert len(out) == min(len(originals), EMBEDS_PER_MESSAGE)
    if len(originals) > EMBEDS_PER_MESSAGE:
        note = out[-1]["description"].rsplit("\n", 1)[-1]
        assert re.fullmatch(rf"…and {len(originals) - EMBEDS_PER_MESSAGE} more embeds? not shown\.", note)
        out[-1]["description"] = out[-1]["description"].removesuffix(note).removesuffix("\n")
    for before, after in zip(originals, out, strict=False):
        assert shown_fields(after) == len(before.fields)
        for key in ("title", "description"):
            text, was = after.get(key, ""), getattr(before, key) or ""
            assert text == was or text.endswith("…"), key  # a cut is visible


def test_a_reply_within_limits_is_left_as_it_is() -> None:
    embed = discord.Embed(title="t", description="d")
    embed.add_field(name="n", value="v")
    assert fit_embeds([embed])[0] is embed
