"""Price changes between two versions of the catalog (pure): what an import changed, route by route."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Model, Route

PRICE_FIELDS = ("input", "output", "cache_read", "cache_write")


@dataclass(frozen=True, slots=True)
class PriceChange:
    """One changed price (or a route that appeared or disappeared: field "route")."""

    provider_id: str
    provider_name: str
    provider_model_id: str
    model_id: str
    model_name: str
    field: str
    old_value: str | None
    new_value: str | None
    source: str
    source_date: str | None
    changed_at: str = ""

    @property
    def kind(self) -> str:
        if self.field == "route":
            return "added" if self.old_value is None else "removed"
        if self.old_value is None or self.new_value is None:
            return "priced" if self.old_value is None else "unpriced"
        return "up" if Decimal(self.new_value) > Decimal(self.old_value) else "down"


def _prices(route: Route) -> dict[str, Decimal | None]:
    p = route.price
    return {f: (getattr(p, f) if p is not None else None) for f in PRICE_FIELDS}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def diff(old: Iterable[tuple[str, str, Route]], new: Iterable[Model]) -> list[PriceChange]:
    """Changes from ``old`` (model id, model name, route) to the routes of ``new``."""
    before = {(r.provider_id, r.provider_model_id): (mid, name, r) for mid, name, r in old}
    after = {(r.provider_id, r.provider_model_id): (m.id, m.name, r) for m in new for r in m.routes}
    out: list[PriceChange] = []
    for key in sorted(before.keys() | after.keys()):
        if key in before and key not in after:
            mid, name, r = before[key]
            out.append(_change(r, mid, name, "route", "present", None, r))
            continue
        mid, name, r = after[key]
        if key not in before:
            if before:  # the first build is not a change
                out.append(_change(r, mid, name, "route", None, "present", r))
            continue
        old_prices, new_prices = _prices(before[key][2]), _prices(r)
        for f in PRICE_FIELDS:
            if old_prices[f] != new_prices[f]:
                out.append(_change(r, mid, name, f, _text(old_prices[f]), _text(new_prices[f]), r))
    return out


def _change(route: Route, mid: str, name: str, field: str, old: str | None, new: str | None, src: Route) -> PriceChange:
    return PriceChange(
        provider_id=route.provider_id,
        provider_name=route.provider_name,
        provider_model_id=route.provider_model_id,
        model_id=mid,
        model_name=name,
        field=field,
        old_value=old,
        new_value=new,
        source=src.provenance.source,
        source_date=src.provenance.source_date,
    )
