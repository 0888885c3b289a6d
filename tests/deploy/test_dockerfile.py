"""The Dockerfile, read statically (no Docker engine here): slim Python 3.11, non-root, installs from the lock and
nothing else, copies only what runs, stops on SIGTERM, checks /readyz, and runs the README's command."""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator

import pytest

from tests.deploy.files import (
    PENDING_SETTINGS,
    RUNTIME_VARIABLES,
    Instruction,
    dockerfile,
    env_of,
    final_stage,
    readme_section,
    setting_names,
)
from tests.paths import ROOT


def _one(instructions: list[Instruction], keyword: str) -> Instruction:
    found = [i for i in instructions if i.keyword == keyword]
    assert len(found) == 1, f"expected one {keyword}, found {len(found)}"
    return found[0]


def test_every_stage_is_slim_python_3_11() -> None:
    args = {
        i.args.split("=", 1)[0]: i.args.split("=", 1)[1] for i in dockerfile() if i.keyword == "ARG" and "=" in i.args
    }
    images = [i.args.split()[0] for i in dockerfile() if i.keyword == "FROM"]
    assert len(images) >= 1
    for image in images:
        resolved = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], image)
        assert re.fullmatch(r"python:3\.11-slim(-\w+)?", resolved), resolved


def test_runs_as_an_unprivileged_user() -> None:
    user = _one(final_stage(), "USER").args.split(":")[0]
    assert user not in ("root", "0")
    setup = " ".join(i.args for i in final_stage() if i.keyword == "RUN")
    assert f"--uid {user}" in setup, "the USER is created in the final stage with that uid"


def test_installs_the_runtime_lock_only_with_hashes() -> None:
    runs = [i.args for i in dockerfile() if i.keyword == "RUN"]
    copies = [i.args for i in dockerfile() if i.keyword == "COPY"]
    assert any("--require-hashes" in r and "-r requirements.lock" in r and "--no-deps" in r for r in runs)
    assert any(c.split()[0] == "requirements.lock" for c in copies)
    every = " ".join(runs + copies)
    assert "requirements-dev.lock" not in every and "[dev]" not in every
    assert not re.search(r"\s(-e|--editable)\s", every), "installed, not editable"
    project = [r for r in runs if re.search(r"pip install (--\S+ )*\.(\s|$)", r)]
    assert project and all("--no-deps" in r for r in project), "the project adds no unlocked dependency"


def test_copies_only_what_runs() -> None:
    sources = {
        arg for i in dockerfile() if i.keyword == "COPY" and "--from" not in i.args for arg in i.args.split()[:-1]
    }
    assert sources == {"requirements.lock", "pyproject.toml", "README.md", "LICENSE", "catalog", "bot"}
    assert all((ROOT / s).exists() for s in sources)
    assert [i.args for i in final_stage() if i.keyword == "COPY"] == ["--from=build /opt/venv /opt/venv"]


def test_dockerignore_keeps_secrets_and_dev_files_out_of_the_context() -> None:
    lines = [
        x.strip() for x in (ROOT / ".dockerignore").read_text().splitlines() if x.strip() and not x.startswith("#")
    ]
    assert lines[0] == "*", "an allowlist: everything is ignored unless named"
    allowed = {x[1:].rstrip("/") for x in lines if x.startswith("!")}
    sources = {
        arg for i in dockerfile() if i.keyword == "COPY" and "--from" not in i.args for arg in i.args.split()[:-1]
    }
    assert sources <= allowed
    assert not allowed & {".env", ".venv", ".git", "tests", "tools", "requirements-dev.lock"}


def test_stops_on_sigterm() -> None:
    assert _one(final_stage(), "STOPSIGNAL").args == "SIGTERM"


def test_data_volume_holds_both_databases() -> None:
    env = env_of(final_stage())
    assert env["LLM_CATALOG_DB"] == "/data/catalog.sqlite3" and env["BOT_STATE_DB"] == "/data/bot-state.sqlite3"
    assert _one(final_stage(), "VOLUME").exec_form() == ["/data"]
    assert env["HEALTH_PORT"] == "8080" and _one(final_stage(), "EXPOSE").args == "8080"


def test_env_names_are_settings_or_runtime_variables() -> None:
    names = set(env_of(final_stage()))
    assert names - RUNTIME_VARIABLES <= setting_names() | PENDING_SETTINGS


def test_entry_point_is_the_readme_quick_start_command() -> None:
    entry = _one(final_stage(), "ENTRYPOINT").exec_form()
    assert entry == ["llm-buyer-bot"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"llm-buyer-bot": "bot.__main__:main"}
    assert f"`{entry[0]}`" in readme_section("Quick start")
    run_sh = (ROOT / "scripts" / "run.sh").read_text().splitlines()
    assert run_sh[-1] == f'exec .venv/bin/{entry[0]} "$@"', "scripts/run.sh (the Quick start) runs the same command"
    assert _one(final_stage(), "CMD").exec_form() == ["run"]


class _Health(http.server.BaseHTTPRequestHandler):
    ready = True

    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/readyz" and self.ready else 503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def health_server() -> Iterator[http.server.HTTPServer]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_healthcheck_asks_readyz_on_health_port_with_urllib(health_server: http.server.HTTPServer) -> None:
    check = _one(final_stage(), "HEALTHCHECK")
    assert re.search(r"--interval=\S+ --timeout=\S+ --start-period=\S+ --retries=\d+ CMD \[", check.args)
    command = check.exec_form()
    assert command[0] == "python" and "urllib.request" in command[2] and "curl" not in check.args
    env = {**os.environ, "HEALTH_PORT": str(health_server.server_address[1])}
    run = [sys.executable, *command[1:]]
    _Health.ready = True
    assert subprocess.run(run, env=env, capture_output=True, timeout=30).returncode == 0
    _Health.ready = False
    assert subprocess.run(run, env=env, capture_output=True, timeout=30).returncode != 0
