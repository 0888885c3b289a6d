"""The bot context every callback test runs against: the shipped catalog and a fresh state file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.discord.context import BotContext
from bot.settings import Settings
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.service import Catalog


@pytest.fixture
async def ctx(shipped_catalog: Catalog, tmp_path: Path) -> AsyncIterator[BotContext]:
    state = await StateStore.connect(tmp_path / "state.sqlite3")
    yield BotContext(
        shipped_catalog, state, Settings(_env_file=None), CooldownPolicy.from_settings(Settings(_env_file=None))
    )
    await state.close()
