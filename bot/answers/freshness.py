"""How old the data behind an answer is, and whether that is too old to trust without a refresh."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

DEFAULT_STALE_AFTER_DAYS = 90


def _today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True, slots=True)
class Freshness:
    """``note("2026-06-30")`` -> "prices checked 2026-06-30 (⚠ 145 days old: refresh the catalog)"."""

    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    today: date = field(default_factory=_today)

    def age_days(self, checked: str | None) -> int | None:
        if not checked:
            return None
        try:
            day = date.fromisoformat(checked[:10]) if len(checked) >= 10 else date.fromisoformat(checked[:7] + "-01")
        except ValueError:
            return None
        return (self.today - day).days

    def stale(self, checked: str | None) -> bool:
        age = self.age_days(checked)
        return age is not None and age > self.stale_after_days

    def note(self, checked: str | None) -> str:
        if not checked:
            return "price dates unknown"
        age = self.age_days(checked)
        if age is not None and age > self.stale_after_days:
            return f"prices checked {checked[:10]} (⚠ {age} days old: refresh the catalog)"
        return f"prices checked {checked[:10]}"
