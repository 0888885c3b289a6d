"""What the store needs from a database, so the same SQL and rules serve SQLite and PostgreSQL alike.

SQL handed to a backend uses ``?`` placeholders and the SQLite spelling of types; a backend translates what its
dialect spells differently. Rows come back as plain tuples.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol

Row = tuple[Any, ...]
#: What a person is told when a write met a locked state database (said the same in Discord, console and CLI).
BUSY = "The settings store is busy — nothing was changed, try again in a moment."


class StateUnavailable(Exception):
    """The PostgreSQL state database cannot be reached: said in one line, with the host and no password.

    Defined here, not beside asyncpg, so every entry point can catch it without loading asyncpg."""


class StateBusy(Exception):
    """Another process held the state database's write lock for longer than a write may wait; nothing was written.

    Expected under contention (a backup, a second process, a person with the file open in a SQLite tool), so it
    is told to the person as ``BUSY`` and logged as one warning, never as a traceback."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(BUSY)
        self.detail = detail
        """The database's own words ("database is locked"), for the log line."""


#: Called with each notice another process (or this one) published; never awaited, so it must not block.
Listener = Callable[[str], None]
#: Called after the backend may have missed notices (a dropped listening connection): caches must re-read.
Resync = Callable[[], None]


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered ``NNNN_name.sql`` file of ``bot.state.migrations``."""

    version: int
    name: str
    sql: str


class Session(Protocol):
    """Statements run on one connection, inside the transaction a backend opened."""

    async def execute(self, sql: str, *args: Any) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def fetch(self, sql: str, *args: Any) -> list[Row]: ...


class Backend(Session, Protocol):
    """A state database: statements, one transaction at a time for migrations, and change notices."""

    #: ``"sqlite"`` or ``"postgres"``: migrations may say where a dialect differs.
    dialect: str

    def migrating(self) -> AbstractAsyncContextManager[Session]:
        """A transaction no other process can run at the same time (migrations must run exactly once)."""
        ...

    async def publish(self, notice: str) -> None:
        """Tell every process sharing this database (itself included) that something changed."""
        ...

    async def subscribe(self, listener: Listener, resync: Resync) -> None:
        """Deliver every published notice to ``listener``; ``resync`` when notices may have been lost."""
        ...

    async def close(self) -> None: ...
