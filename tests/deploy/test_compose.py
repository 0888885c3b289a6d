"""compose.yaml, read statically: PostgreSQL with a readiness check, and two shard processes of the bot (shards 0 and
1 of 2) that wait for it, share the state database and a data volume, restart, stop within 10 s and report health."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.deploy.files import PENDING_SETTINGS, compose, env_of, final_stage, setting_names

SHARDS = ("bot-shard-0", "bot-shard-1")


def _service(name: str) -> dict[str, Any]:
    service = compose()["services"][name]
    assert isinstance(service, dict)
    return service


def _env(name: str) -> dict[str, str]:
    env = _service(name)["environment"]
    assert isinstance(env, dict), "environment is a mapping (values as strings)"
    assert all(isinstance(v, str) for v in env.values())
    return env


def test_postgres_is_the_official_image_with_a_volume_and_pg_isready() -> None:
    pg = _service("postgres")
    assert pg["image"].split(":")[0] == "postgres"
    assert any(v.endswith(":/var/lib/postgresql/data") for v in pg["volumes"])
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert pg["restart"] in ("unless-stopped", "always")


def test_two_shard_processes_cover_shards_0_and_1_of_2() -> None:
    counts = {_env(s)["SHARD_COUNT"] for s in SHARDS}
    assert counts == {"2"}
    ids = sorted(i for s in SHARDS for i in json.loads(_env(s)["SHARD_IDS"]))
    assert ids == [0, 1]
    bots = [name for name, s in compose()["services"].items() if "SHARD_IDS" in (s.get("environment") or {})]
    assert sorted(bots) == sorted(SHARDS)


@pytest.mark.parametrize("name", SHARDS)
def test_shard_runs_the_image_entry_point_as_a_service(name: str) -> None:
    bot = _service(name)
    assert "entrypoint" not in bot and "command" not in bot, "the image's ENTRYPOINT/CMD: `llm-buyer-bot run`"
    assert bot["build"] == "." and bot["init"] is True
    assert bot["env_file"] == ".env"
    assert bot["restart"] in ("unless-stopped", "always")
    assert bot["stop_grace_period"] == "10s" and bot.get("stop_signal", "SIGTERM") == "SIGTERM"
    assert bot["depends_on"]["postgres"] == {"condition": "service_healthy"}
    assert bot["depends_on"]["catalog"] == {"condition": "service_completed_successfully"}


@pytest.mark.parametrize("name", SHARDS)
def test_shard_health_check_is_the_images(name: str) -> None:
    check = _service(name)["healthcheck"]
    image_check = next(i for i in final_stage() if i.keyword == "HEALTHCHECK")
    assert check["test"] == ["CMD", *image_check.exec_form()]
    assert {"interval", "timeout", "start_period", "retries"} <= set(check)
    assert _env(name)["HEALTH_PORT"] == env_of(final_stage())["HEALTH_PORT"]


@pytest.mark.parametrize("name", SHARDS)
def test_shard_state_is_postgres_and_data_is_on_the_volume(name: str) -> None:
    env = _env(name)
    url = urlsplit(env["STATE_DATABASE_URL"])
    pg = _env("postgres")
    assert url.scheme == "postgresql" and url.hostname == "postgres" and url.port == 5432
    assert (url.username, url.password, url.path) == (
        pg["POSTGRES_USER"],
        pg["POSTGRES_PASSWORD"],
        f"/{pg['POSTGRES_DB']}",
    )
    image_env = env_of(final_stage())
    assert env["LLM_CATALOG_DB"] == image_env["LLM_CATALOG_DB"] and env["BOT_STATE_DB"] == image_env["BOT_STATE_DB"]
    volumes = compose()["volumes"]
    mounts = dict(v.split(":", 1) for v in _service(name)["volumes"])
    assert any(target == "/data" and src in volumes for src, target in mounts.items()), "a named data volume"


def test_catalog_is_built_once_before_the_shards_start() -> None:
    init = _service("catalog")
    assert init["entrypoint"] == ["python", "-m", "catalog"] and init["command"] == ["stats"]
    assert init["environment"]["LLM_CATALOG_DB"] == _env(SHARDS[0])["LLM_CATALOG_DB"]
    assert init["volumes"] == _service(SHARDS[0])["volumes"] and init["restart"] == "no"


def test_environment_names_are_settings() -> None:
    names = {key for s in SHARDS for key in _env(s)} | set(_service("catalog")["environment"])
    known = setting_names() | PENDING_SETTINGS
    assert names <= known, f"not a setting: {sorted(names - known)}"
