"""The layer rules, enforced by walking every import (including imports inside functions).

Imports go one way: adapters -> flows -> answers -> catalog; render and state are used by flows; nothing imports an
adapter but ``bot.__main__`` (the wiring); adapters never import each other; tools are never imported by the
runtime packages. Inside the catalog: sources -> identity -> store/matching, never back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

ADAPTERS = ("bot.adapters.discord", "bot.adapters.console", "bot.adapters.cli")

#: (package, prefixes it must never import). A prefix matches the module itself and everything below it.
RULES: list[tuple[str, tuple[str, ...]]] = [
    ("catalog", ("bot", "discord", "matplotlib", "tools")),
    ("catalog.sources", ("catalog.identity", "catalog.matching", "catalog.store", "catalog.build", "catalog.service")),
    ("catalog.identity", ("catalog.matching", "catalog.store", "catalog.build", "catalog.service")),
    ("catalog.matching", ("catalog.sources", "catalog.store", "catalog.build", "catalog.service")),
    ("catalog.store", ("catalog.sources", "catalog.identity", "catalog.matching", "catalog.build", "catalog.service")),
    ("bot", ("tools",)),
    ("bot.answers", ("discord", "matplotlib", "aiohttp", "bot.render", "bot.flows", "bot.state", "bot.adapters")),
    ("bot.render", ("bot.flows", "bot.state", "bot.adapters")),
    ("bot.state", ("discord", "bot.render", "bot.flows", "bot.adapters")),
    ("bot.flows", ("bot.adapters",)),
    ("bot.settings", ("bot.adapters", "bot.flows", "bot.render")),
    ("bot.limits", ("bot.adapters", "bot.flows")),
    *[(a, tuple(b for b in ADAPTERS if b != a)) for a in ADAPTERS],
]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names)  # `from pkg import submodule`
    return names


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def violations(root: Path) -> list[str]:
    """``"importer -> imported (rule)"`` for every import that breaks a layer rule under ``root``."""
    found: list[str] = []
    for path in sorted([*root.glob("bot/**/*.py"), *root.glob("catalog/**/*.py")]):
        importer = module_name(path, root)
        imports = imported_modules(path, root)
        for package, forbidden in RULES:
            if not _under(importer, package):
                continue
            found += [
                f"{importer} -> {m} ({package} must not import {p})" for m in imports for p in forbidden if _under(m, p)
            ]
        if importer != "bot.__main__":
            own = next((a for a in ADAPTERS if _under(importer, a)), None)
            found += [
                f"{importer} -> {m} (only bot.__main__ wires adapters)"
                for m in imports
                if any(_under(m, a) for a in ADAPTERS) and not (own and _under(m, own))
            ]
    return sorted(set(found))


def test_the_tree_follows_the_layer_rules() -> None:
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    ("file", "source", "expected"),
    [
        ("catalog/matching/x.py", "from bot.answers import costs\n", "catalog must not import bot"),
        ("catalog/store/x.py", "import catalog.identity.merge\n", "catalog.store must not import catalog.identity"),
        ("bot/answers/x.py", "def f():\n    import discord\n", "bot.answers must not import discord"),
        ("bot/answers/x.py", "from ..render import embeds\n", "bot.answers must not import bot.render"),
        ("bot/flows/x.py", "from bot.adapters.discord import client\n", "bot.flows must not import bot.adapters"),
        (
            "bot/adapters/cli/x.py",
            "from bot.adapters.console.present import Presenter\n",
            "must not import bot.adapters.console",
        ),
        ("bot/render/x.py", "from bot.adapters.discord.cogs import chat\n", "only bot.__main__ wires adapters"),
        ("bot/x.py", "import tools.bench_answers\n", "bot must not import tools"),
    ],
)
def test_a_wrong_import_is_caught(tmp_path: Path, file: str, source: str, expected: str) -> None:
    """The checker is not vacuous: each deliberately wrong import in a scratch tree is reported."""
    target = tmp_path / file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source, encoding="utf-8")
    found = violations(tmp_path)
    assert any(expected in v for v in found), found


def test_a_right_import_is_not_flagged(tmp_path: Path) -> None:
    target = tmp_path / "bot/adapters/cli/x.py"
    target.parent.mkdir(parents=True)
    target.write_text("from bot.flows.lookup import compare_flow\nfrom bot.adapters.cli import procurement\n")
    assert violations(tmp_path) == []


def test_tools_are_not_in_the_runtime_packages() -> None:
    names = {p.stem for p in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("catalog/**/*.py")]}
    assert not {n for n in names if n.startswith(("bench", "evaluate"))}


def test_modules_stay_small() -> None:
    big = {
        str(p.relative_to(ROOT)): n
        for p in [*ROOT.glob("catalog/**/*.py"), *ROOT.glob("bot/**/*.py"), *ROOT.glob("tools/*.py")]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert big == {}


def test_every_package_says_what_it_owns() -> None:
    """Each folder's ``__init__`` starts with a docstring (what it owns; for layers, what it may import)."""
    missing = [
        str(init.relative_to(ROOT))
        for init in [*ROOT.glob("bot/**/__init__.py"), *ROOT.glob("catalog/**/__init__.py"), ROOT / "tools/__init__.py"]
        if "migrations" not in init.parts
        and "data" not in init.parts
        and not ast.get_docstring(ast.parse(init.read_text()))
    ]
    assert missing == []
