"""Sending a reply survives a 429 that discord.py gives up on.

discord.py 2.7 retries a 429 itself only when the response carries Discord's ``Via`` header; without it (a proxy or
gateway in front of Discord answering for it) it assumes a Cloudflare ban and raises ``HTTPException`` at once, in
``HTTPClient.request`` and in the webhook adapter that interaction responses and follow-ups use alike. The reply
would be lost. Here such a send is tried again, a bounded number of times, after the wait the 429 asks for.

Only the reply that met the 429 waits: the sleep happens after discord.py returned, holding none of its
rate-limit locks, in the task of that one message or interaction.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRIES = 2
"""Tries after the first: a proxy that keeps refusing is not waited on for ever."""
MAX_WAIT = 5.0
"""The longest Retry-After honoured, in seconds; longer, and the reply is given up (an interaction's first answer
is due within 3 s anyway, and a person is waiting)."""
DEFAULT_WAIT = 1.0
"""When a 429 names no wait at all."""


def retry_after(exc: discord.HTTPException) -> float | None:
    """Seconds a 429 asks to wait (``Retry-After`` or ``X-RateLimit-Reset-After``); None for any other error."""
    if exc.status != 429:
        return None
    headers = getattr(exc.response, "headers", None) or {}
    for name in ("Retry-After", "X-RateLimit-Reset-After"):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value))
        except ValueError:
            continue
    return DEFAULT_WAIT


async def with_retry(send: Callable[[], Awaitable[T]], what: str = "reply") -> T:
    """``await send()``, again after a 429's wait (at most ``RETRIES`` times, each wait ≤ ``MAX_WAIT``).

    ``send`` must build its request afresh on every call: discord.py closes the files of a request it sent."""
    for attempt in range(RETRIES + 1):
        try:
            return await send()
        except discord.HTTPException as exc:
            wait = retry_after(exc)
            if wait is None or attempt == RETRIES or wait > MAX_WAIT:
                raise
            via = "" if exc.response is not None and exc.response.headers.get("Via") else " without Discord's Via"
            log.warning("%s: 429%s; trying again in %.2fs (%d/%d)", what, via, wait, attempt + 1, RETRIES)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # the loop returns or raises
