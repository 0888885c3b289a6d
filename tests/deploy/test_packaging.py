"""Packaging: the MIT LICENSE, third-party notices inside the package, the console entry point, and the lock files
(pinned, hashed, consistent with pyproject.toml and with each other)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.deploy.files import dockerfile
from tests.paths import ROOT

PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _lock(name: str) -> dict[str, str]:
    """``{package: version}`` of a lock file, checking that every pin carries hashes."""
    text = (ROOT / name).read_text()
    pins: dict[str, str] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{name}: {match.group(1)} has no hash"
            pins[canonicalize_name(match.group(1))] = match.group(2)
    assert pins, f"{name} pins nothing"
    return pins


def _satisfied(requirements: list[str], pins: dict[str, str]) -> None:
    for line in requirements:
        req = Requirement(line)
        version = pins.get(canonicalize_name(req.name))
        assert version is not None, f"{req.name} is not in the lock"
        assert req.specifier.contains(version, prereleases=True), f"{req.name}=={version} breaks {req.specifier}"


def test_license_is_mit_and_matches_pyproject() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n") and "Copyright (c) 2026 the llm-buyer-bot authors" in text
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE", "catalog/data/NOTICES.md"]


def test_notices_are_package_data() -> None:
    assert (ROOT / "catalog" / "data" / "NOTICES.md").is_file()
    assert "data/*.md" in PYPROJECT["tool"]["setuptools"]["package-data"]["catalog"]


def test_runtime_lock_pins_every_dependency() -> None:
    _satisfied(PYPROJECT["project"]["dependencies"], _lock("requirements.lock"))


def test_dev_lock_pins_dev_tools_and_the_runtime_lock_as_is() -> None:
    dev, runtime = _lock("requirements-dev.lock"), _lock("requirements.lock")
    _satisfied(PYPROJECT["project"]["optional-dependencies"]["dev"], dev)
    _satisfied(PYPROJECT["build-system"]["requires"], dev)  # setup.sh builds the editable install offline
    assert {name: dev.get(name) for name in runtime} == runtime, "tests run the versions the container ships"
    dev_only = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]}
    assert not dev_only & set(runtime), "no dev tool in the runtime lock"


def test_console_entry_point_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "llm-buyer-bot"
    assert script.is_file(), "scripts/setup.sh installs the project, console script included"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0 and "usage:" in done.stdout


@pytest.mark.slow
def test_wheel_from_the_image_sources_carries_data_notices_and_license(tmp_path: Path) -> None:
    """Build the wheel from exactly what the Dockerfile copies: the image gets every data file and the notices."""
    src = tmp_path / "src"
    sources = [a for i in dockerfile() if i.keyword == "COPY" and "--from" not in i.args for a in i.args.split()[:-1]]
    for name in sources:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3*"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    out = tmp_path / "wheel"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        str(src),
        "-w",
        str(out),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300, cwd=tmp_path)
    (wheel,) = out.glob("llm_buyer_bot-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = [
        p
        for pkg in ("catalog", "bot")
        for p in (ROOT / pkg).rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and ".sqlite3" not in p.name
    ]
    missing = [
        str(p.relative_to(ROOT)) for p in data if "__pycache__" not in p.parts and str(p.relative_to(ROOT)) not in names
    ]
    assert missing == []
    assert "catalog/data/NOTICES.md" in names
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/catalog/data/NOTICES.md"} <= names
    entry_points = zipfile.ZipFile(wheel).read(f"{info}/entry_points.txt").decode()
    assert "llm-buyer-bot = bot.__main__:main" in entry_points
    assert not [n for n in names if n.startswith(("tests/", "tools/"))]
