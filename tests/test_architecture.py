"""Imports go one way: catalog never imports discord or bot; bot/answers never imports discord."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("catalog", ("discord", "bot", "matplotlib")), ("bot/answers", ("discord", "matplotlib", "aiohttp"))],
)
def test_imports_point_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    offenders = {
        str(f.relative_to(ROOT)): sorted(m for m in imported_modules(f) if m.split(".")[0] in forbidden) for f in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_modules_stay_small() -> None:
    big = {
        str(p.relative_to(ROOT)): n
        for p in [*ROOT.glob("catalog/**/*.py"), *ROOT.glob("bot/**/*.py")]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert big == {}
