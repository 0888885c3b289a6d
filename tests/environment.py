"""The settings a caller may have in the shell: every name ``.env.example`` lists (the tests keep that list equal
to ``bot.settings.Settings``'s fields), so ``tests/conftest.py`` can clear them all before any test runs."""

from __future__ import annotations

from tests.paths import ROOT

ENV_EXAMPLE = ROOT / ".env.example"


def setting_names() -> list[str]:
    """The variable names in ``.env.example``, in file order."""
    lines = [line.strip() for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()]
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]
