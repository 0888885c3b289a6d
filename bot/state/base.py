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
