"""Rendering: every payload respects Discord's limits (bot/limits.py), on the seed pages and on ≥ 2,000
random model pairs from the shipped catalog; truncation is visible; nobody can be pinged."""

from __future__ import annotations

import random
from typing import Any

import discord
import pytest

from bot.answers.compare import compare
from bot.answers.costs import TrafficProfile, estimate
from bot.answers.filters import ModelFilter
from bot.answers.questions.conversation import answer
from bot.flows.lookup import compare_flow, cost_flow, model_flow, models_flow
from bot.limits import ELLIPSIS, clip, violations
from bot.render.cards import cost_embed, model_embed, pick_embed
from bot.render.embeds import SECTION_LABELS, compare_pages
from bot.render.reply import Reply
from catalog.models import Model
from catalog.service import Catalog


def _page_payloads(report, chart: bool = True) -> list[dict[str, Any]]:
    return [Reply(embeds=[p.embed]).payload() for p in compare_pages(report, chart=chart)]


def test_seed_reports_have_every_section_within_limits(seed_catalog: Catalog) -> None:
    for ids in (["gpt-5.3-codex-spark", "ling-2.6-flash"], ["gpt-5.3-codex-spark", "qwen2-7b-instruct"]):
        reply = compare_flow(seed_catalog, ids, TrafficProfile(), invoker_id=1)
        pages = reply.view.pages  # type: ignore[union-attr]
        assert [p.key for p in pages] == list(SECTION_LABELS)
        for i in range(len(pages)):
            payload = reply.view.render(i).payload()  # type: ignore[union-attr]
            assert violations(payload) == [], (ids, pages[i].key)
            assert payload["allowed_mentions"] == {"parse": []}
            assert "Sources:" in payload["embeds"][0]["footer"]["text"]


def test_cost_chart_is_attached_only_to_the_cost_page(shipped_catalog: Catalog) -> None:
    reply = compare_flow(shipped_catalog, ["gpt-4o", "ling 2.6 flash"], TrafficProfile(), invoker_id=1)
    pager = reply.view
    assert reply.payload()["attachments"] == []
    keys = [p.key for p in pager.pages]  # type: ignore[union-attr]
    cost_page = pager.render(keys.index("cost")).payload()  # type: ignore[union-attr]
    assert cost_page["attachments"] == ["cost.png"]
    assert cost_page["embeds"][0]["image"]["url"] == "attachment://cost.png"
    assert pager.chart is not None and pager.chart.data.startswith(b"\x89PNG")  # type: ignore[union-attr]


def test_two_thousand_random_pairs_render_within_limits(shipped_models: list[Model]) -> None:
    rng = random.Random(20261122)
    catalog = {m.id: m for m in shipped_models}
    served = [m for m in shipped_models if m.routes]
    bad = []
    for _ in range(2000):
        pair = rng.sample(served, 2)
        for payload in _page_payloads(compare(pair, catalog)):
            if v := violations(payload):
                bad.append(([m.id for m in pair], v))
    assert bad == []


def test_three_and_four_model_reports_within_limits(shipped_models: list[Model]) -> None:
    rng = random.Random(4)
    catalog = {m.id: m for m in shipped_models}
    for n in (3, 4):
        for _ in range(100):
            for payload in _page_payloads(compare(rng.sample(shipped_models, n), catalog)):
                assert violations(payload) == []


def test_every_model_card_and_cost_embed_within_limits(shipped_models: list[Model]) -> None:
    for m in shipped_models:
        assert violations(Reply(embeds=[model_embed(m)]).payload()) == [], m.id
        assert violations(Reply(embeds=[cost_embed(estimate(m), m, chart=True)]).payload()) == [], m.id


def test_faq_and_models_replies_within_limits(shipped_catalog: Catalog) -> None:
    for q in ("best open-weights model with ≥200k context and tool use under $1/1M output?",
              "which is cheaper for us, gpt-4o or claude sonnet 4.5 or gemini 2.5 pro or kimi k2.6?",
              "how fast is gpt-4o?"):  # fmt: skip
        ans = answer(q, shipped_catalog)
        assert ans is not None
        from bot.render.cards import faq_embed

        assert violations(Reply(embeds=[faq_embed(ans)]).payload()) == []
    reply = models_flow(shipped_catalog, ModelFilter(), TrafficProfile())
    assert violations(reply.payload()) == []


def test_picker_offers_at_most_25_options(shipped_catalog: Catalog) -> None:
    reply = cost_flow(shipped_catalog, "gemini", TrafficProfile(), invoker_id=1)
    payload = reply.payload()
    assert violations(payload) == []
    options = payload["components"][0]["components"][0]["options"]
    assert 1 < len(options) <= 25


def test_hostile_names_are_clipped_and_never_ping() -> None:
    evil = Model(id="x", name="@everyone " + "ping " * 100, aliases=("<@&123>",))
    embed = model_embed(evil)
    payload = Reply(embeds=[embed]).payload()
    assert violations(payload) == [] and payload["allowed_mentions"] == {"parse": []}
    assert embed.title is not None and embed.title.endswith(ELLIPSIS)
    pick = pick_embed("@here " * 100, [("x", "@everyone")], not_found=False)
    assert violations(Reply(embeds=[pick]).payload()) == []


def test_model_flow_within_limits(shipped_catalog: Catalog) -> None:
    assert violations(model_flow(shipped_catalog, "gpt-4o", 1).payload()) == []


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({"content": "x" * 2001}, "content"),
        ({"embeds": [{"title": "t" * 257}]}, "title"),
        ({"embeds": [{"description": "d" * 4097}]}, "description"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, "fields"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]}, "value length"),
        ({"embeds": [{"fields": [{"name": "", "value": "v"}]}]}, "name length"),
        ({"embeds": [{"footer": {"text": "f" * 2049}}]}, "footer"),
        ({"embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}]}, "total"),
        ({"embeds": [{}] * 11}, "embeds >"),
        ({"components": [{"components": []}] * 6}, "action rows"),
        ({"components": [{"components": [{"custom_id": "c" * 101}]}]}, "custom_id"),
        ({"components": [{"components": [{"options": [{"label": "l"}] * 26}]}]}, "options"),
    ],
)
def test_validator_catches_each_limit(payload: dict[str, Any], needle: str) -> None:
    assert any(needle in v for v in violations(payload))


def test_clip_is_visible() -> None:
    assert clip("abc", 5) == "abc"
    assert clip("abcdefgh", 5) == "abcd" + ELLIPSIS and len(clip("abcdefgh", 5)) == 5


def test_embed_to_dict_is_what_is_sent() -> None:
    reply = Reply(content="hi", embeds=[discord.Embed(title="t")])
    assert reply.payload()["embeds"] == [discord.Embed(title="t").to_dict()]
