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
import sqlite3
import sys

import discord

from bot.adapters.cli import main as cli
from bot.adapters.console import loop as console_loop
from bot.adapters.console.dispatch import Console
from bot.adapters.console.present import default_chart_dir
from bot.adapters.discord.client import PORTAL_HINT, create_bot, registered_commands, sync_from_cli
from bot.adapters.discord.context import BotContext
from bot.adapters.discord.lifecycle import health_server, serve
from bot.adapters.health.metrics import Metrics
from bot.adapters.health.server import HealthServer
from bot.settings import Settings, SettingsProblem, load_settings
from bot.state.base import StateUnavailable
from bot.state.cooldowns import CooldownPolicy
from bot.state.store import StateStore
from catalog.build import Progress
from catalog.errors import CatalogError
from catalog.pipes import quiet_broken_pipe
from catalog.service import Catalog, open_catalog
from catalog.store.health import DamagedDatabase, plain

log = logging.getLogger("bot")


def _progress(step: str, done: int, total: int) -> None:
    print(f"\rbuilding the catalog on first use: {step:<30}", end="\n" if done >= total else "", file=sys.stderr)


def startup_error(exc: BaseException, settings: Settings) -> str:
    """One line for a database that stops start-up, with what to do about it."""
    if isinstance(exc, DamagedDatabase) and exc.path != settings.catalog_path:
        return (
            f"error: the state database {exc.path} is {exc.reason}. Nothing was changed. It holds your servers' "
            "settings, so it is not replaced automatically: run `python -m bot state restore` to put the newest "
            "backup in its place (the damaged file is kept), or move the file away to start with empty settings; "
            "`python -m bot state check` shows the backups."
        )
    if isinstance(exc, CatalogError):
        return f"error: cannot use the database {exc}"
    if isinstance(exc, StateUnavailable):  # PostgreSQL down
        return f"error: {exc}. Start it (or fix STATE_DATABASE_URL) and start the bot again."
    return f"error: cannot open the databases: {plain(exc) if isinstance(exc, sqlite3.Error) else exc}"


async def _starting() -> str | None:
    return "connecting to the catalog and state databases"


async def _open_all(settings: Settings) -> tuple[Catalog, StateStore]:
    catalog = await open_catalog(settings.catalog_path, _progress if sys.stderr.isatty() else None)
    return catalog, await StateStore.connect(settings.state_target)


async def run_bot(settings: Settings) -> int:
    assert settings.discord_token is not None
    metrics = Metrics()
    # the endpoint answers from the start: live, and not ready while the databases are reached (PostgreSQL retries)
    health = HealthServer(metrics, {"startup": _starting}) if settings.health_port else None
    if health is not None:
        try:
            await health.start(settings.health_host, settings.health_port)
        except OSError as exc:  # the port is taken or not allowed: say so and stop, nothing half-started
            print(
                f"error: cannot serve health on {settings.health_host}:{settings.health_port}: {exc}", file=sys.stderr
            )
            return 1
    try:
        catalog, state = await _open_all(settings)
    except Exception as exc:  # every failed start is one line and a prompt non-zero exit, never a traceback
        print(startup_error(exc, settings), file=sys.stderr)
        if health is not None:
            await health.stop()
        return 1
    context = BotContext(catalog, state, settings, CooldownPolicy.from_settings(settings), metrics, freeze_catalog=True)
    bot = create_bot(context)
    log.info("catalog: %d models loaded in %.2fs", len(catalog.models), catalog.load_seconds)
    if health is not None:
        ready = health_server(bot, context)
        health.checks, health.refresh = ready.checks, ready.refresh  # from now on: gateway, catalog, state
    try:
        async with bot:
            await serve(bot, settings.discord_token.get_secret_value(), health)  # until SIGTERM / SIGINT
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
        try:
            catalog = loop.run_until_complete(open_catalog(settings.catalog_path, progress))
            state = loop.run_until_complete(StateStore.connect(settings.state_target))
        except (CatalogError, OSError, sqlite3.Error) as exc:
            print(startup_error(exc, settings), file=sys.stderr)
            return 1
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


def main(argv: list[str] | None = None) -> int:
    return quiet_broken_pipe(lambda: _main(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    if argv and argv[0] not in ("console", "run", "sync"):
        return cli.main(argv, help_commands=lambda: asyncio.run(registered_commands()))
    try:
        settings = load_settings()
    except SettingsProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
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
