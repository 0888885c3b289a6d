"""Reading the deployment files as data: the Dockerfile's instructions, compose.yaml, the README's sections."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from bot.settings import Settings
from tests.paths import ROOT

DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "compose.yaml"
README = ROOT / "README.md"

#: Settings the deployment files already name whose code other parts of issue 15 are adding: the health/metrics
#: endpoint (HEALTH_PORT, 0 = off) and the PostgreSQL state backend (STATE_DATABASE_URL). Once they are fields of
#: Settings (and lines of .env.example) their entries here are redundant and can go.
PENDING_SETTINGS: set[str] = set()

#: Variables the image sets for Python and its libraries, not for the bot's Settings.
RUNTIME_VARIABLES = {"PATH", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "MPLCONFIGDIR", "XDG_DATA_HOME"}


def setting_names() -> set[str]:
    return {name.upper() for name in Settings.model_fields}


@dataclass(frozen=True)
class Instruction:
    stage: str
    """The ``AS`` name of the stage it belongs to."""
    keyword: str
    args: str

    def exec_form(self) -> list[str]:
        """The JSON-array form of CMD/ENTRYPOINT/HEALTHCHECK CMD (the part from the first ``[``)."""
        value = json.loads(self.args[self.args.index("[") :])
        assert isinstance(value, list) and all(isinstance(v, str) for v in value)
        return value


def dockerfile() -> list[Instruction]:
    """Every instruction, continuation lines joined and comments dropped."""
    text = re.sub(
        r"\\\n",
        " ",
        "\n".join(line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")),
    )
    out: list[Instruction] = []
    stage = ""
    for line in text.splitlines():
        if not line.strip():
            continue
        keyword, _, args = line.strip().partition(" ")
        if keyword.upper() == "FROM":
            stage = args.split(" AS ")[-1].strip() if " AS " in args else args.strip()
        out.append(Instruction(stage, keyword.upper(), " ".join(args.split())))
    return out


def final_stage() -> list[Instruction]:
    instructions = dockerfile()
    last = instructions[-1].stage
    return [i for i in instructions if i.stage == last]


def env_of(instructions: list[Instruction]) -> dict[str, str]:
    """``ENV A=1 B=2`` lines as a mapping (the only ENV form the Dockerfile uses)."""
    env: dict[str, str] = {}
    for instruction in instructions:
        if instruction.keyword == "ENV":
            for pair in instruction.args.split():
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict)
    return data


def readme_section(title: str) -> str:
    """The text of the README's ``## title`` section (up to the next ``## ``)."""
    text = README.read_text()
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]
