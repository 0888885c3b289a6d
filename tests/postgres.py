"""A fresh PostgreSQL database per test, on the server ``STATE_TEST_POSTGRES_URL`` names (scripts/postgres.sh).

No URL: the PostgreSQL tests fail under ``CI=true`` (CI installs and starts a server, so a missing one is a bug)
and are skipped with the reason otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable
from urllib.parse import urlsplit

import asyncpg
import pytest

ENV = "STATE_TEST_POSTGRES_URL"


def server_url() -> str:
    """The test server's URL, or the test fails (CI) or skips (elsewhere)."""
    url = os.environ.get(ENV, "")
    if not url:
        reason = f"{ENV} is not set: run scripts/test.sh, which starts a throwaway PostgreSQL (scripts/postgres.sh)"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {reason}")
        pytest.skip(reason)
    return url


@contextlib.asynccontextmanager
async def fresh_database() -> AsyncIterator[str]:
    """Create an empty database, yield its URL, drop it (and any connection left to it) afterwards."""
    base = server_url()
    name = f"state_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(base)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlsplit(base)._replace(path=f"/{name}").geturl()
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def eventually(check: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait until ``check()`` holds: notices from another process arrive asynchronously."""
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the other process never saw the change")
