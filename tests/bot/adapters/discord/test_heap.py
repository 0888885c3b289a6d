"""The running bot keeps its catalog out of the cyclic GC: a full collection over it stalled the loop ~175 ms."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.discord.context import BotContext
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.service import Catalog


@pytest.fixture
def thawed() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test session collects as usual


async def test_the_running_bot_settles_the_heap_on_every_catalog(
    shipped_catalog: Catalog, tmp_path: Path, thawed: None
) -> None:
    state = await StateStore.connect(tmp_path / "s.sqlite3")
    try:
        ctx = BotContext(shipped_catalog, state, Settings(_env_file=None), CooldownPolicy.off(), freeze_catalog=True)
        assert gc.get_freeze_count() > len(shipped_catalog.models)
        gc.unfreeze()
        ctx.catalog = shipped_catalog  # a refresh or a reload
        assert gc.get_freeze_count() > len(shipped_catalog.models)
        started = time.process_time()
        gc.collect()
        assert time.process_time() - started < 0.05  # the catalog is no longer walked
    finally:
        await state.close()


async def test_tests_leave_the_heap_alone(shipped_catalog: Catalog, tmp_path: Path, thawed: None) -> None:
    gc.unfreeze()
    state = await StateStore.connect(tmp_path / "s.sqlite3")
    try:
        ctx = BotContext(shipped_catalog, state, Settings(_env_file=None), CooldownPolicy.off())
        ctx.catalog = shipped_catalog
        assert gc.get_freeze_count() == 0
    finally:
        await state.close()
