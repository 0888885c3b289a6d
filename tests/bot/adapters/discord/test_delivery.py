"""``with_retry``: a 429 that discord.py raises (no ``Via`` header) is tried again after its Retry-After, at most
``RETRIES`` times and never for a wait past ``MAX_WAIT``; any other error goes straight through."""

from __future__ import annotations

import asyncio
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.adapters.discord.context import BotContext
from bot.adapters.discord.controls import PagerButton, afresh
from bot.adapters.discord.delivery import DEFAULT_WAIT, MAX_WAIT, RETRIES, retry_after, with_retry
from bot.render.reply import Attachment, Reply
from bot.render.views import PAGER_BUTTON_ID
from tests.bot.adapters.discord.fakes import interaction
from tests.bot.adapters.discord.test_callbacks import sent_ids


def http_error(status: int, headers: dict[str, str] | None = None) -> discord.HTTPException:
    response = MagicMock(status=status, reason="Too Many Requests", headers=headers or {})
    return discord.HTTPException(response, {"message": "You are being rate limited.", "retry_after": 0.1})


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    return waits


def test_the_wait_comes_from_the_429() -> None:
    assert retry_after(http_error(429, {"Retry-After": "0.75"})) == 0.75
    assert retry_after(http_error(429, {"X-RateLimit-Reset-After": "1.5"})) == 1.5
    assert retry_after(http_error(429, {"Retry-After": "soon"})) == DEFAULT_WAIT
    assert retry_after(http_error(429)) == DEFAULT_WAIT
    assert retry_after(http_error(500, {"Retry-After": "1"})) is None


async def test_a_429_is_tried_again_after_its_wait(slept: list[float]) -> None:
    send = AsyncMock(side_effect=[http_error(429, {"Retry-After": "0.3"}), "sent"])
    assert await with_retry(send) == "sent"
    assert send.await_count == 2 and slept == [0.3]


async def test_retries_are_bounded(slept: list[float]) -> None:
    send = AsyncMock(side_effect=http_error(429, {"Retry-After": "0.1"}))
    with pytest.raises(discord.HTTPException):
        await with_retry(send)
    assert send.await_count == RETRIES + 1 and slept == [0.1] * RETRIES


@pytest.mark.parametrize("error", [http_error(429, {"Retry-After": str(MAX_WAIT + 1)}), http_error(403)])
async def test_a_long_wait_or_another_error_is_not_waited_on(slept: list[float], error: Exception) -> None:
    send = AsyncMock(side_effect=error)
    with pytest.raises(discord.HTTPException):
        await with_retry(send)
    assert send.await_count == 1 and slept == []


def test_each_try_gets_its_own_files() -> None:
    reply = Reply(content="x", files=[Attachment("a.csv", b"1,2")])
    kwargs: dict[str, Any] = reply.send_kwargs()
    first, second = afresh(kwargs, reply)["files"][0], afresh(kwargs, reply)["files"][0]
    assert first is not second and first.fp.read() == second.fp.read() == b"1,2"
    assert afresh({"content": "x"}, Reply(content="x")) == {"content": "x"}


async def test_a_pager_press_survives_a_429(ctx: BotContext, slept: list[float]) -> None:
    """Presses edit the message: that edit is retried too, with the page's files made again."""
    _, nxt, _ = await sent_ids(ctx, "gpt-4o", "ling 2.6 flash")
    it = interaction(ctx)
    it.response.edit_message.side_effect = [http_error(429, {"Retry-After": "0.2"}), None]
    match = PAGER_BUTTON_ID.fullmatch(nxt)
    assert match is not None
    item = await PagerButton.from_custom_id(it, discord.ui.Button(custom_id=nxt), match)
    await item.callback(it)
    assert it.response.edit_message.await_count == 2 and slept == [0.2]
    assert it.response.edit_message.await_args.kwargs["embeds"][0].title.endswith("Decision tradeoffs")
