"""End to end, the real discord.py client against the fake Discord: a reply survives a 429 without Discord's ``Via``
header (a proxy's), on each way a reply goes out; and a write to a locked state database is answered in time with
the busy note, changing nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.state.base import BUSY
from catalog.service import Catalog
from tests.bot.state.test_busy import DEADLINE, write_locked
from tests.e2e.fake_discord import APP_ID, GUILD_ID, OWNER_ID, FakeDiscord, Recorded
from tests.e2e.test_bot_e2e import is_post_to, running_bot


def not_limited(fake: FakeDiscord, prefix: str):
    """A POST to ``prefix`` that was not the one answered 429 (the same body: told apart by identity)."""
    return lambda r: is_post_to(prefix)(r) and all(r is not x for x in fake.rate_limited)


def model_command(name: str = "gpt-4o") -> dict[str, object]:
    return {"id": "1", "name": "model", "type": 1, "options": [{"name": "name", "type": 3, "value": name}]}


async def test_a_chat_reply_survives_a_429_without_via(fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path):
    async with running_bot(shipped_catalog, tmp_path):
        await fake.wait_for(lambda r: r.method == "PUT")
        fake.rate_limit_once("POST", "/channels/")
        await fake.say("which has the bigger context window, gpt-4o or claude opus 4.6?")
        reply = await fake.wait_for(not_limited(fake, "/channels/"))
        assert [r.path for r in fake.rate_limited] == [reply.path]
        assert reply.body["embeds"][0]["title"] == "Context window"
        assert fake.unknown == []


@pytest.mark.parametrize("route", ["/interactions/", f"/webhooks/{APP_ID}/"])
async def test_a_command_answer_survives_a_429_without_via(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path, route: str
) -> None:
    """The first response (/model answers at once) and a follow-up (/export defers, then follows up)."""
    async with running_bot(shipped_catalog, tmp_path):
        await fake.wait_for(lambda r: r.method == "PUT")
        fake.rate_limit_once("POST", route)
        if route == "/interactions/":
            iid = await fake.interact(2, model_command())
            answer = await fake.wait_for(not_limited(fake, f"/interactions/{iid}/"))
            assert answer.body["type"] == 4 and answer.body["data"]["embeds"][0]["title"] == "GPT-4o"
        else:
            options = [{"name": "model_a", "type": 3, "value": "gpt-4o"}, {"name": "model_b", "type": 3, "value": "ling 2.6 flash"}]  # fmt: skip
            iid = await fake.interact(2, {"id": "1", "name": "export", "type": 1, "options": options})
            answer = await fake.wait_for(not_limited(fake, f"/webhooks/{APP_ID}/tok-{iid}"))
            assert sorted(answer.body["_files"]) == ["comparison.csv", "comparison.md"]  # files sent again, whole
        assert len(fake.rate_limited) == 1 and fake.rate_limited[0].path == answer.path
        assert fake.unknown == []


def shortlist_add(model: str) -> dict[str, object]:
    add = {"name": "add", "type": 1, "options": [{"name": "model", "type": 3, "value": model}]}
    return {"id": "1", "name": "shortlist", "type": 1, "options": [add]}


async def test_a_write_to_a_locked_state_database_is_answered_in_time(
    fake: FakeDiscord, shipped_catalog: Catalog, tmp_path: Path
) -> None:
    """The issue's /shortlist add answered after 5.02 s ("The application did not respond")."""
    async with running_bot(shipped_catalog, tmp_path) as bot:
        await fake.wait_for(lambda r: r.method == "PUT")
        with write_locked(tmp_path / "state.sqlite3"):
            started = time.monotonic()
            iid = await fake.interact(2, shortlist_add("gpt-4o"), user_id=OWNER_ID)
            deferred = await fake.wait_for(is_post_to(f"/interactions/{iid}/"))
            deferred_at = time.monotonic()
            follow: Recorded = await fake.wait_for(is_post_to(f"/webhooks/{APP_ID}/tok-{iid}"))
            answered_at = time.monotonic()
        assert deferred.body["type"] == 5 and deferred.body["data"]["flags"] == 64  # private, at once
        assert deferred_at - started < 1.0 and answered_at - started < DEADLINE
        assert follow.body["content"] == BUSY
        assert await bot.context.state.shortlist(GUILD_ID) == []  # type: ignore[attr-defined]
        iid = await fake.interact(2, shortlist_add("gpt-4o"), user_id=OWNER_ID)  # the lock gone: it works
        follow = await fake.wait_for(is_post_to(f"/webhooks/{APP_ID}/tok-{iid}"))
        assert "added to the shortlist" in follow.body["content"]
        assert fake.unknown == []
