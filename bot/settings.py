"""Settings: the only module that reads the environment (and ``.env``). The token is a SecretStr."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from catalog.paths import default_db_path


class Settings(BaseSettings):
    """Every setting; ``.env.example`` lists each one (a test keeps the two in step)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    discord_token: SecretStr | None = None
    """Bot token from the developer portal (Bot → Reset Token). Unset: the console runs instead."""
    dev_guild_id: int | None = None
    """A server to sync commands to instantly while developing; unset syncs globally."""
    llm_catalog_db: Path | None = None
    """Catalog database path (default: $XDG_DATA_HOME/llm-catalog/catalog.sqlite3)."""
    bot_state_db: Path | None = None
    """Per-server state (channel switches...) database (default: next to the catalog)."""
    state_database_url: SecretStr | None = None
    """PostgreSQL URL for per-server state (``postgresql://user:pass@host:5432/db``), so several bot processes
    share it; unset keeps state in the SQLite file above. A secret: the URL usually holds a password."""
    log_level: str = "INFO"
    message_content: bool = True
    """Ask for the privileged message-content intent (needed to answer ordinary chat)."""
    shard_count: int | None = Field(default=None, ge=1)
    """Shards across all processes; needed with SHARD_IDS (Discord must know the total to route guilds)."""
    shard_ids: list[int] | None = None
    """This process's shards, e.g. ``[0, 1]``; the process holding shard 0 is the one that syncs commands."""
    owner_ids: list[int] = []
    """Discord user ids allowed to run owner-only commands (besides the application owner)."""
    stale_after_days: int = Field(default=90, ge=1)
    """Answers flag prices checked longer ago than this."""
    models_dev_url: str = "https://models.dev/catalog.json"
    """Where /catalog refresh downloads models.dev from."""
    openrouter_models_url: str = "https://openrouter.ai/api/v1/models"
    """Where /catalog refresh downloads OpenRouter's model list from."""
    refresh_hours: float = Field(default=24.0, ge=0)
    """Refresh the catalog from models.dev and OpenRouter this often when the bot runs (0 = only by hand)."""
    catalog_max_shrink: float = Field(default=0.2, ge=0, le=1)
    """A refresh or import that would remove more than this share of the models or routes is refused (an empty
    upstream file looks well-formed); the owner can force one (``/catalog refresh force:True``, ``--force``)."""
    state_backup_days: int = Field(default=7, ge=0)
    """Days of daily SQLite state backups to keep in ``<state file>.backups/`` (0 = no backups)."""
    health_port: int = Field(default=0, ge=0, le=65535)
    """Port of the health and metrics endpoint (/healthz, /readyz, /metrics); 0 keeps it off."""
    health_host: str = "127.0.0.1"
    """Address it listens on (0.0.0.0 in a container, so the orchestrator can reach it)."""
    user_cooldown_seconds: float = Field(default=20.0, ge=0)
    """Ordinary chat: one unasked-for answer per user this often, so one chatty person cannot fill a channel."""
    channel_cooldown_seconds: float = Field(default=5.0, ge=0)
    """Ordinary chat: one unasked-for answer per channel this often."""
    mention_cooldown_seconds: float = Field(default=5.0, ge=0)
    """@mentions and DMs, per user: more generous than ordinary chat (the user asked), but a burst of
    mentions still cannot make the bot spam a channel."""
    mention_channel_cooldown_seconds: float = Field(default=1.0, ge=0)
    """@mentions, per channel: at most one answer this often, however many people mention the bot at once."""
    command_cooldown_uses: int = Field(default=3, ge=1)
    """Heavy slash commands (/compare, /cost, /models, /export, /ask) build reports and draw charts: this many uses
    per user and command within COMMAND_COOLDOWN_SECONDS."""
    command_cooldown_seconds: float = Field(default=30.0, ge=0)
    """The window for COMMAND_COOLDOWN_USES; 0 turns the slash-command cooldown off."""
    command_channel_cooldown_uses: int = Field(default=10, ge=0)
    """Heavy slash commands, per channel: this many uses by everyone within COMMAND_COOLDOWN_SECONDS (0 = no
    per-channel limit), so a busy channel cannot keep the bot drawing charts."""
    cooldown_max_entries: int = Field(default=10_000, ge=1)
    """The most users/channels each in-memory cooldown map remembers; the oldest are dropped first."""

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("state_database_url")
    @classmethod
    def _postgres_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("STATE_DATABASE_URL must be a postgresql:// URL (leave it empty for SQLite)")
        return value

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        """SHARD_IDS only mean something against SHARD_COUNT; caught here rather than as a gateway crash."""
        ids = self.shard_ids
        if ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("SHARD_IDS needs SHARD_COUNT (the total number of shards across all processes)")
        if not ids:
            raise ValueError("SHARD_IDS is empty: name this process's shards, e.g. [0], or leave it unset")
        outside = sorted({i for i in ids if not 0 <= i < self.shard_count})
        if outside:
            raise ValueError(f"SHARD_IDS {outside} outside 0..{self.shard_count - 1} (SHARD_COUNT={self.shard_count})")
        if len(set(ids)) != len(ids):
            raise ValueError(f"SHARD_IDS lists a shard twice: {sorted({i for i in ids if ids.count(i) > 1})}")
        return self

    @property
    def syncs_commands(self) -> bool:
        """Only one process pushes slash commands: the one holding shard 0 (or the only one, unsharded)."""
        return self.shard_ids is None or 0 in self.shard_ids

    @property
    def catalog_path(self) -> Path:
        return self.llm_catalog_db or default_db_path()

    @property
    def state_path(self) -> Path:
        return self.bot_state_db or self.catalog_path.with_name("bot-state.sqlite3")

    @property
    def state_target(self) -> Path | str:
        """Where ``StateStore.connect`` opens the state: the PostgreSQL URL if set, else the SQLite file."""
        return self.state_database_url.get_secret_value() if self.state_database_url else self.state_path


class SettingsProblem(Exception):
    """A setting that cannot be used, in one line ("setting LOG_LEVEL: ..."): every entry point prints it as is."""


def load_settings(**overrides: Any) -> Settings:
    """The settings every entry point uses (bot, console, CLI): environment, then ``.env``, then ``overrides``.

    One loader, so ``python -m bot <command>`` reads the same state database as the running bot; a bad value is a
    ``SettingsProblem`` with one line, never a traceback."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsProblem(setting_error(exc)) from None
    except SettingsError as exc:  # a value that is not even JSON ("OWNER_IDS=nope")
        field = re.search(r'field "(\w+)"', str(exc))
        name = field.group(1).upper() if field else "a setting"
        raise SettingsProblem(f"setting {name}: not a valid value (lists are JSON, e.g. [123, 456])") from None


def setting_error(exc: ValidationError) -> str:
    """The first problem as one line: "setting LOG_LEVEL: ..." for a field, the check's own words for a rule
    across fields (such as SHARD_IDS against SHARD_COUNT)."""
    err = exc.errors()[0]
    msg = str(err["msg"]).removeprefix("Value error, ")
    where = ".".join(str(x) for x in err["loc"]).upper()
    return f"setting {where}: {msg}" if where else msg
