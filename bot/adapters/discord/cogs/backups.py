"""Daily online backups of the SQLite state database while the bot runs (``STATE_BACKUP_DAYS``; 0 = off).

PostgreSQL state is backed up by PostgreSQL's own tools (pg_dump, base backups): nothing to do here for it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from discord.ext import commands, tasks

from bot.adapters.discord.cogs.common import context_of_bot
from bot.state.backup import back_up

log = logging.getLogger(__name__)


class StateBackups(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        if getattr(bot, "context", None) is None:
            return  # a bot built only to list its commands: no state to back up
        settings = context_of_bot(bot).settings
        if settings.state_backup_days > 0 and isinstance(settings.state_target, Path):
            self.daily.start()

    async def cog_unload(self) -> None:
        self.daily.cancel()

    @tasks.loop(hours=24)
    async def daily(self) -> None:
        settings = context_of_bot(self.bot).settings
        path = settings.state_target
        assert isinstance(path, Path)
        try:
            made = await asyncio.to_thread(back_up, path, settings.state_backup_days)
        except (OSError, sqlite3.Error) as exc:  # a full disk must not stop the bot: say it, try tomorrow
            log.warning("state backup of %s failed: %s", path, exc)
            return
        log.info("state backed up to %s", made)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(StateBackups(bot))
