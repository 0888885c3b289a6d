"""Wiring: settings -> logging -> catalog -> the Discord bot (token set) or the console; or a CLI command.

``python -m bot``            the bot when DISCORD_TOKEN is set (env or .env), else the interactive console
``python -m bot console``    the console, even with a token
``python -m bot run``        the bot; fails clearly without a token
``python -m bot sync``       push the slash commands now (HTTP only, no gateway); needs the token
``python -m bot <command>``  a CLI command (see ``python -m bot --help``)
"""

from __future__ import annotations

import asyncio
import logging
import sys

import discord
from pydantic import ValidationError

from bot.adapters.cli import main as cli
from bot.adapters.console import loop as console_loop
from bot.adapters.console.dispatch import Console
from bot.adapters.console.present import default_chart_dir
from bot.adapters.discord.client import PORTAL_HINT, create_bot, registered_commands, sync_from_cli
from bot.adapters.discord.context import BotContext
from bot.settings import Settings
from bot.state.cooldowns import Cooldowns
from bot.state.store import StateStore
from catalog.build import Progress
from catalog.service import open_catalog

log = logging.getLogger("bot")


def _progress(step: str, done: int, total: int) -> None:
    print(f"\rbuilding the catalog on first use: {step:<30}", end="\n" if done >= total else "", file=sys.stderr)


async def run_bot(settings: Settings) -> int:
    assert settings.discord_token is not None
    catalog = await open_catalog(settings.catalog_path, _progress if sys.stderr.isatty() else None)
    state = await StateStore.connect(settings.state_target)
    cooldowns = Cooldowns(
        settings.user_cooldown_seconds,
        settings.channel_cooldown_seconds,
        settings.mention_cooldown_seconds,
        settings.mention_channel_cooldown_seconds,
        settings.cooldown_max_entries,
    )
    bot = create_bot(BotContext(catalog, state, settings, cooldowns))
    log.info("catalog: %d models loaded in %.2fs", len(catalog.models), catalog.load_seconds)
    try:
        async with bot:
            await bot.start(settings.discord_token.get_secret_value())
    except discord.PrivilegedIntentsRequired:
        print(PORTAL_HINT, file=sys.stderr)
        return 1
    except discord.LoginFailure:
        print(
            "Discord rejected DISCORD_TOKEN. Reset it in the developer portal (your app → Bot → Reset Token) "
            "and put the new one in .env.",
            file=sys.stderr,
        )
        return 1
    finally:
        await state.close()
    return 0


def run_console(settings: Settings) -> int:
    progress: Progress | None = _progress if sys.stderr.isatty() else None
    loop = asyncio.new_event_loop()
    try:
        catalog = loop.run_until_complete(open_catalog(settings.catalog_path, progress))
        state = loop.run_until_complete(StateStore.connect(settings.state_target))
        console = Console(
            catalog,
            chart_dir=default_chart_dir(),
            state=state,
            catalog_path=settings.catalog_path,
            loop=loop,
            help_commands=loop.run_until_complete(registered_commands()),
        )
        try:
            return console_loop.run(console)
        finally:
            loop.run_until_complete(state.close())
    finally:
        loop.close()


def setting_error(exc: ValidationError) -> str:
    """The first problem as one line: "setting LOG_LEVEL: ..." for a field, the check's own words for a rule
    across fields (such as SHARD_IDS against SHARD_COUNT)."""
    err = exc.errors()[0]
    msg = str(err["msg"]).removeprefix("Value error, ")
    where = ".".join(str(x) for x in err["loc"]).upper()
    return f"setting {where}: {msg}" if where else msg


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] not in ("console", "run", "sync"):
        return cli.main(argv, help_commands=lambda: asyncio.run(registered_commands()))
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"error: {setting_error(exc)}", file=sys.stderr)
        return 2
    discord.utils.setup_logging(level=getattr(logging, settings.log_level))
    mode = argv[0] if argv else ("run" if settings.discord_token else "console")
    if mode in ("run", "sync"):
        if settings.discord_token is None:
            print("error: DISCORD_TOKEN is not set (env or .env); `python -m bot console` needs none.", file=sys.stderr)
            return 2
        if mode == "sync":
            asyncio.run(sync_from_cli(settings))
            return 0
        return asyncio.run(run_bot(settings))
    return run_console(settings)


if __name__ == "__main__":
    raise SystemExit(main())
