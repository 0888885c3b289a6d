"""Where the catalog database lives by default."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "LLM_CATALOG_DB"


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """``$LLM_CATALOG_DB``, else ``$XDG_DATA_HOME/llm-catalog/catalog.sqlite3``.

    ``XDG_DATA_HOME`` defaults to ``~/.local/share``; the catalog is rebuilt there on first use.
    """
    env = dict(os.environ) if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "llm-catalog" / "catalog.sqlite3"
