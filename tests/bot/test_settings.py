"""Settings: .env.example lists every setting (and nothing else); empty values mean "unset"."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from tests.environment import ENV_EXAMPLE as EXAMPLE
from tests.environment import setting_names as _example_keys


def test_env_example_matches_settings_fields() -> None:
    assert sorted(_example_keys()) == sorted(name.upper() for name in Settings.model_fields)


def test_env_example_loads_as_is() -> None:
    settings = Settings(_env_file=EXAMPLE)
    assert settings.discord_token is None and settings.dev_guild_id is None
    assert settings.message_content is True and settings.owner_ids == []


def test_token_is_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "abc.def.ghi")
    settings = Settings(_env_file=None)
    assert settings.discord_token is not None and "abc" not in repr(settings) and "abc" not in str(settings)
    assert settings.discord_token.get_secret_value() == "abc.def.ghi"


def test_paths_and_lists(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LLM_CATALOG_DB", str(tmp_path / "c.sqlite3"))
    monkeypatch.setenv("OWNER_IDS", "[1, 2]")
    monkeypatch.setenv("SHARD_IDS", "[0, 1]")
    monkeypatch.setenv("SHARD_COUNT", "4")
    settings = Settings(_env_file=None)
    assert settings.catalog_path == tmp_path / "c.sqlite3"
    assert settings.state_path == tmp_path / "bot-state.sqlite3"
    assert settings.owner_ids == [1, 2] and settings.shard_ids == [0, 1]


@pytest.mark.parametrize(("key", "value"), [("LOG_LEVEL", "LOUD"), ("SHARD_COUNT", "0"), ("DEV_GUILD_ID", "abc")])
def test_bad_settings_are_rejected(monkeypatch: pytest.MonkeyPatch, key: str, value: str) -> None:
    monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


def test_state_database_url_selects_postgres_and_stays_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STATE_DATABASE_URL", raising=False)
    monkeypatch.delenv("BOT_STATE_DB", raising=False)
    url = "postgresql://bot:hunter2@127.0.0.1:5432/bot"
    settings = Settings(_env_file=None, state_database_url=url, llm_catalog_db=tmp_path / "c.sqlite3")
    assert settings.state_target == url and "hunter2" not in repr(settings)
    assert (
        Settings(_env_file=None, llm_catalog_db=tmp_path / "c.sqlite3").state_target == tmp_path / "bot-state.sqlite3"
    )
    with pytest.raises(ValidationError, match="postgresql://"):
        Settings(_env_file=None, state_database_url="mysql://bot@localhost/bot")


def test_settings_in_the_callers_shell_do_not_reach_the_tests() -> None:
    """tests/conftest.py unsets every .env.example name, so `BOT_STATE_DB=... scripts/test.sh` still passes."""
    assert [name for name in _example_keys() if name in os.environ] == []


def test_a_value_that_is_not_json_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "OWNER_IDS=nope" stops start-up with one line naming the setting, not a traceback."""
    from bot.__main__ import main

    monkeypatch.setenv("OWNER_IDS", "nope")
    assert main(["console"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: setting OWNER_IDS: not a valid value (lists are JSON, e.g. [123, 456])"]


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"SHARD_IDS": "[0, 1]"}, "SHARD_IDS needs SHARD_COUNT"),
        ({"SHARD_IDS": "[0, 2]", "SHARD_COUNT": "2"}, "SHARD_IDS [2] outside 0..1"),
        ({"SHARD_IDS": "[-1]", "SHARD_COUNT": "2"}, "SHARD_IDS [-1] outside 0..1"),
        ({"SHARD_IDS": "[1, 1]", "SHARD_COUNT": "2"}, "lists a shard twice: [1]"),
        ({"SHARD_IDS": "[]", "SHARD_COUNT": "2"}, "SHARD_IDS is empty"),
    ],
)
def test_shard_ids_are_checked_against_shard_count(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], env: dict[str, str], needle: str
) -> None:
    from bot.__main__ import main

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError, match=re.escape(needle)):
        Settings(_env_file=None)
    monkeypatch.chdir(Path(__file__).parent)  # no .env here: only the environment above counts
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err and "Value error" not in err  # one clear line


@pytest.mark.parametrize(("ids", "syncs"), [(None, True), ("[0]", True), ("[0, 1]", True), ("[1]", False)])
def test_only_the_process_with_shard_0_syncs(monkeypatch: pytest.MonkeyPatch, ids: str | None, syncs: bool) -> None:
    if ids is not None:
        monkeypatch.setenv("SHARD_IDS", ids)
        monkeypatch.setenv("SHARD_COUNT", "2")
    assert Settings(_env_file=None).syncs_commands is syncs
