"""Procurement: per-server state, permissions, bad arguments, exports, price-change digests, freshness."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from aiohttp import web
from discord import app_commands

from bot.adapters.cli.main import main as cli_main
from bot.adapters.discord.cogs.procurement import Procurement, post_digests
from bot.adapters.discord.context import BotContext
from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.flows.procurement import (
    Scope,
    digest,
    export,
    shortlist_add,
    shortlist_remove,
    shortlist_show,
    traffic_set,
    traffic_show,
)
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.build import build
from catalog.service import Catalog
from catalog.store.db import SourceFile, Store
from catalog.store.history import PriceChange
from tests.local_server import serving
from tests.paths import FIXTURES

GUILD, ADMIN, MEMBER = 42, 1, 2


@pytest.fixture
async def state(state_target: Path | str):
    store = await StateStore.connect(state_target)
    yield store
    await store.close()


@pytest.fixture
def scope(shipped_catalog: Catalog, state: StateStore, shipped_db: Path) -> Scope:
    return Scope(shipped_catalog, state, GUILD, ADMIN, shipped_db, Freshness())


async def test_traffic_persists_and_feeds_every_estimate(scope: Scope, state_target: Path | str) -> None:
    reply = await traffic_set(scope, requests_per_day=1000, input_tokens=2000, requests_per_month=None)
    assert reply.embeds[0].title == "Traffic profile saved"
    await scope.state.close()
    reopened = await StateStore.connect(state_target)
    try:
        assert reopened.profile(GUILD) == TrafficProfile(requests_per_month=30_000, input_tokens=2000)
        assert reopened.profile(GUILD + 1) == TrafficProfile()  # other servers keep the default
    finally:
        await reopened.close()


@pytest.mark.parametrize(
    "options",
    [
        {"requests_per_month": -5},
        {"requests_per_day": -1},
        {"input_tokens": 10**12},
        {"output_tokens": -3},
        {"cache_hit": 1.5},
        {"batch_share": -0.2},
        {"input_tokens": 0, "output_tokens": 0},
        {},
    ],
)
async def test_bad_traffic_changes_nothing(scope: Scope, options: dict[str, Any]) -> None:
    before = scope.state.profile(GUILD)
    reply = await traffic_set(scope, **options)
    assert reply.ephemeral and reply.content
    assert scope.state.profile(GUILD) == before and not scope.state.has_profile(GUILD)
    assert (await traffic_show(scope)).embeds[0].fields[-1].name == "Default"


async def test_shortlist_add_remove_show(scope: Scope) -> None:
    assert (await shortlist_add(scope, "ling 2.6 flash")).content == "Ling-2.6-Flash added to the shortlist."
    assert "already on" in ((await shortlist_add(scope, "Ling-2.6-Flash")).content or "")
    await shortlist_add(scope, "gpt-4o")
    assert await scope.state.shortlist(GUILD) == ["ling-2.6-flash", "gpt-4o"]  # in the order added
    shown = (await shortlist_show(scope)).embeds[0]
    assert [f.name for f in shown.fields] == ["Ling-2.6-Flash", "GPT-4o"]
    assert "$15.50" in (shown.fields[0].value or "")  # monthly cost at the server's (default) traffic
    assert "not on the shortlist" in ((await shortlist_remove(scope, "claude opus 4.5")).content or "")
    assert await scope.state.shortlist(GUILD) == ["ling-2.6-flash", "gpt-4o"]
    await shortlist_remove(scope, "gpt-4o")
    assert await scope.state.shortlist(GUILD) == ["ling-2.6-flash"]


async def test_unknown_or_ambiguous_models_change_nothing(scope: Scope) -> None:
    reply = await shortlist_add(scope, "zzqq no such model")
    assert reply.ephemeral and await scope.state.shortlist(GUILD) == []
    picker = await shortlist_add(scope, "gemini 2.5")
    assert await scope.state.shortlist(GUILD) == []  # nothing until a candidate is picked
    chosen = await cast(Any, picker.view).choose("gemini-2.5-pro")
    assert "Gemini 2.5 Pro added" in (chosen.content or "")
    assert await scope.state.shortlist(GUILD) == ["gemini-2.5-pro"]


async def test_shortlist_is_capped(scope: Scope) -> None:
    ids = list(scope.catalog.models)[: StateStore.MAX_SHORTLIST]
    for mid in ids:
        assert await scope.state.shortlist_add(GUILD, mid, ADMIN)
    reply = await shortlist_add(scope, "gpt-4o")
    assert "full" in (reply.content or "") and len(await scope.state.shortlist(GUILD)) == StateStore.MAX_SHORTLIST


async def test_exports_open_cleanly_in_a_csv_reader(scope: Scope) -> None:
    await shortlist_add(scope, "ling 2.6 flash")
    await shortlist_add(scope, "gpt-4o")
    reply = await export(scope)
    files = {a.filename: a.data.decode() for a in reply.files}
    assert set(files) == {"shortlist.csv", "shortlist.md"}
    rows = list(csv.reader(io.StringIO(files["shortlist.csv"])))
    assert rows[0][:3] == ["Model", "Model id", "Monthly cost"]
    assert [r[1] for r in rows[1:3]] == ["ling-2.6-flash", "gpt-4o"] and rows[1][2] == "$15.50"
    assert any(r and r[0] == "Sources" and "models.dev" in r[1] for r in rows)
    assert any(r and r[0] == "Prices checked" for r in rows)
    assert "| Ling-2.6-Flash | ling-2.6-flash | $15.50 |" in files["shortlist.md"]
    comparison = await export(scope, ["gpt-4o", "ling 2.6 flash"])
    cfiles = {a.filename: a.data.decode() for a in comparison.files}
    crows = list(csv.reader(io.StringIO(cfiles["comparison.csv"])))
    assert crows[0] == ["Section", "Row", "GPT-4o", "Ling-2.6-Flash"]
    assert ["Capabilities", "Vision", "Yes", "No"] in crows
    empty = await export(Scope(scope.catalog, scope.state, GUILD + 1, ADMIN, scope.catalog_path, scope.fresh))
    assert empty.ephemeral and not empty.files


def change(model_id: str, old: str, new: str) -> PriceChange:
    return PriceChange("openrouter", "OpenRouter", f"x/{model_id}", model_id, model_id.title(), "output", old, new,
                       "models-dev", "2026-07-01", "2026-11-22T10:00:00+00:00")  # fmt: skip


def test_digest_only_reports_shortlisted_models() -> None:
    changes = [change("ling-2.6-flash", "0.03", "0.02"), change("gpt-4o", "10", "12")]
    reply = digest(changes, ["ling-2.6-flash"])
    assert reply is not None
    text = json.dumps(reply.payload())
    assert "Ling-2.6-Flash" in text and "Gpt-4O" not in text and "down" in text
    assert digest(changes, ["claude-opus-4.5"]) is None


async def test_post_digests_to_the_chosen_channel(state: StateStore, shipped_catalog: Catalog) -> None:
    await state.shortlist_add(GUILD, "ling-2.6-flash", ADMIN)
    await state.set_digest_channel(GUILD, 777, ADMIN)
    await state.shortlist_add(GUILD + 1, "ling-2.6-flash", ADMIN)  # no digest channel: nothing posted there
    channel = MagicMock(send=AsyncMock())
    bot = MagicMock()
    ctx = BotContext(shipped_catalog, state, Settings(_env_file=None), CooldownPolicy.off())
    bot.get_channel = MagicMock(return_value=channel)
    assert await post_digests(bot, ctx, [change("ling-2.6-flash", "0.03", "0.02")]) == 1
    bot.get_channel.assert_called_once_with(777)
    assert channel.send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


@pytest.mark.parametrize(
    ("checked", "stale"),
    [("2026-11-01", False), ("2026-06-30", True), ("2026-07", True), (None, False), ("junk", False)],
)
def test_freshness_flags_old_data(checked: str | None, stale: bool) -> None:
    fresh = Freshness(stale_after_days=90, today=date(2026, 11, 22))
    assert fresh.stale(checked) is stale
    assert ("⚠" in fresh.note(checked)) is stale


def test_answers_say_how_old_prices_are(shipped_catalog: Catalog) -> None:
    from bot.flows.lookup import cost_flow

    fresh = cost_flow(shipped_catalog, "ling 2.6 flash", TrafficProfile(), 1, Freshness(90, date(2026, 11, 29)))
    text = fresh.embeds[0].footer.text or ""
    assert "prices checked 2026-11-29" in text and "days old" not in text  # the shipped sources are current
    late = cost_flow(shipped_catalog, "ling 2.6 flash", TrafficProfile(), 1, Freshness(90, date(2027, 6, 1)))
    text = late.embeds[0].footer.text or ""
    assert "prices checked 2026-11-29" in text and "184 days old: refresh the catalog" in text


# -- Discord permissions ---------------------------------------------------------------------------------------


def interaction(ctx: BotContext, user_id: int, manage_guild: bool) -> Any:
    it = MagicMock(spec=discord.Interaction)
    it.client = MagicMock(context=ctx, is_owner=AsyncMock(return_value=False))
    it.user = MagicMock(id=user_id)
    it.guild_id, it.channel_id = GUILD, 5
    it.permissions = discord.Permissions(manage_guild=manage_guild)
    it.created_at = discord.utils.utcnow()  # /export has a cooldown, counted from the interaction's time
    it.response = MagicMock(send_message=AsyncMock(), defer=AsyncMock(), is_done=MagicMock(return_value=False))
    it.followup = MagicMock(send=AsyncMock())
    it.original_response = AsyncMock()
    return it


@pytest.fixture
def ctx(shipped_catalog: Catalog, state: StateStore, shipped_db: Path) -> BotContext:
    settings = Settings(_env_file=None, llm_catalog_db=shipped_db, owner_ids=[99])
    return BotContext(shipped_catalog, state, settings, CooldownPolicy.off())


@pytest.mark.parametrize("command", ["traffic_set", "shortlist_add", "shortlist_remove", "shortlist_clear", "digest"])
async def test_members_without_manage_server_are_refused(ctx: BotContext, command: str) -> None:
    cog = Procurement(MagicMock())
    cmd = cast(Any, getattr(cog, command))
    with pytest.raises(app_commands.MissingPermissions) as err:
        await cmd._check_can_run(interaction(ctx, MEMBER, manage_guild=False))
    assert err.value.missing_permissions == ["manage_guild"]
    assert await cmd._check_can_run(interaction(ctx, ADMIN, manage_guild=True))
    assert await cmd._check_can_run(interaction(ctx, 99, manage_guild=False))  # the bot owner (OWNER_IDS)
    assert not ctx.state.has_profile(GUILD) and await ctx.state.shortlist(GUILD) == []


async def test_reading_is_open_to_everyone(ctx: BotContext) -> None:
    cog = Procurement(MagicMock())
    for name in ("traffic_show", "shortlist_show", "changes", "export"):
        assert await cast(Any, getattr(cog, name))._check_can_run(interaction(ctx, MEMBER, manage_guild=False))


async def test_catalog_refresh_is_owner_only_atomic_and_reloads(ctx: BotContext, tmp_path: Path) -> None:
    cog = Procurement(MagicMock())
    with pytest.raises(app_commands.CheckFailure):
        await cast(Any, cog.catalog_refresh)._check_can_run(interaction(ctx, ADMIN, manage_guild=True))
    db = tmp_path / "catalog.sqlite3"
    async with Store.open(db) as store:
        await build(
            store,
            [SourceFile("models-dev", "catalog.json", (FIXTURES / "models-dev-catalog.sample.json").read_bytes())],
        )
    bodies = {
        "/catalog.json": (FIXTURES / "models-dev-catalog.sample.json").read_bytes(),
        "/models": (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes(),
    }

    async def serve(request: web.Request) -> web.Response:
        if request.path not in bodies:
            return web.Response(status=404)
        return web.Response(body=bodies[request.path], content_type="application/json")

    async with serving(serve) as base:
        ctx.settings = Settings(_env_file=None, llm_catalog_db=db, owner_ids=[99], models_dev_url=f"{base}/catalog.json",
                                openrouter_models_url=f"{base}/missing")  # fmt: skip
        before = ctx.catalog
        with pytest.raises(Exception, match="HTTP 404"):  # the tree handler turns this into a friendly note
            await cast(Any, cog.catalog_refresh).callback(cog, interaction(ctx, 99, manage_guild=False))
        assert ctx.catalog is before
        async with Store.open(db) as store:
            assert [s.name for s in await store.sources()] == ["models-dev"]  # the failure changed nothing
        ctx.settings = ctx.settings.model_copy(update={"openrouter_models_url": f"{base}/models"})
        it = interaction(ctx, 99, manage_guild=False)
        await cast(Any, cog.catalog_refresh).callback(cog, it)
        assert "Catalog refreshed" in it.followup.send.await_args.args[0]
        assert ctx.catalog is not before and "ling-2.6-flash" in ctx.catalog.models
        async with Store.open(db) as store:
            assert {s.name for s in await store.sources()} == {"models-dev", "openrouter"}


def test_cli_procurement_commands(shipped_db: Path, tmp_path: Path) -> None:
    state_db = tmp_path / "cli-state.sqlite3"
    base = ["--db", str(shipped_db)]

    def run(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return cli_main([*base, *argv, "--state-db", str(state_db)], stdout=out), out.getvalue()

    code, out = run("traffic", "set", "--requests-per-day", "1000")
    assert code == 0 and "30,000 requests/month" in out
    assert run("traffic", "set", "--cache-hit", "3")[0] == 2
    assert run("shortlist", "add", "ling 2.6 flash")[0] == 0
    code, out = run("shortlist", "show", "--json")
    assert json.loads(out)["embeds"][0]["fields"][0]["name"] == "Ling-2.6-Flash"
    code, out = run("export", "--out", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "shortlist.csv").exists()
    assert list(csv.reader((tmp_path / "out" / "shortlist.csv").open()))[1][1] == "ling-2.6-flash"
    assert run("changes", "--days", "7")[0] == 0
