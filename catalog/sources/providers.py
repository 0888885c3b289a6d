"""Provider roles and vendor names (``catalog/data/providers.json``, curated here).

A route is *first-party* when its provider is the model vendor's own API, *cloud* when it is a hyperscaler's
model catalogue (Bedrock, Vertex, Azure ...), and *host* otherwise. Other sources' provider names (LiteLLM's
``litellm_provider``, genai-prices' provider ids) map onto models.dev's provider ids here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from catalog.models import RouteRole

FILE = "providers.json"


@dataclass(frozen=True, slots=True)
class ProviderTable:
    first_party: dict[str, frozenset[str]] = field(default_factory=dict)
    """Vendor -> the provider ids that are its own API."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Case-folded creator spelling -> vendor."""
    cloud: frozenset[str] = frozenset()
    established: frozenset[str] = frozenset()
    litellm: dict[str, str] = field(default_factory=dict)
    genai_prices: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Display names of providers models.dev does not list."""
    quote_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Vendor -> its own APIs in the order a price is quoted from: the global endpoint before a regional one
    (Alibaba's international API before its mainland-China one), as ``providers.json`` lists them."""

    def vendor_of(self, creator: str | None) -> str | None:
        """The vendor a creator spelling names ("Mistral AI", "mistralai" -> mistral), or None if unknown."""
        return self.aliases.get(creator.casefold()) if creator else None

    def vendor_serving(self, provider_ids: set[str]) -> str | None:
        """The one vendor whose own API is among ``provider_ids`` (None when none or several)."""
        found = {v for v, own in self.first_party.items() if own & provider_ids}
        return found.pop() if len(found) == 1 else None

    def role(self, provider_id: str, vendor: str | None) -> RouteRole:
        if vendor is not None and provider_id in self.first_party.get(vendor, frozenset()):
            return "first-party"
        return "cloud" if provider_id in self.cloud else "host"


@cache
def load_providers() -> ProviderTable:
    raw = json.loads(resources.files("catalog.data").joinpath(FILE).read_text(encoding="utf-8"))
    vendors = raw["vendors"]
    return ProviderTable(
        first_party={v: frozenset(d["first_party"]) for v, d in vendors.items()},
        aliases={a.casefold(): v for v, d in vendors.items() for a in (v, *d["aliases"])},
        cloud=frozenset(raw["cloud"]),
        established=frozenset(raw["established_hosts"]),
        litellm=dict(raw["litellm"]),
        genai_prices=dict(raw["genai_prices"]),
        names=dict(raw["new_providers"]),
        quote_order={v: tuple(d["first_party"]) for v, d in vendors.items()},
    )
