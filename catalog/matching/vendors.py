"""Who made a model, as chat names them: a vendor key's words ("moonshotai" and "moonshot") and, for models no
source gives a vendor, the one organisation their "org/model" route ids name ("arcee-ai/coder-large").
"""

from __future__ import annotations

from catalog.models import Model

#: Path segments of route ids that are a host's layout, not the model's maker ("accounts/fireworks/models/x").
_HOST_PATHS = frozenset({"models", "routers", "accounts", "openrouter", "nanogpt", "kilo-auto", "api", "v1"})


def route_org(m: Model) -> str | None:
    """The one organisation every "org/model" route id of a vendor-less model names ("arcee-ai"), if any."""
    orgs = {r.provider_model_id.split("/")[-2].lower().lstrip("~") for r in m.routes if "/" in r.provider_model_id}
    orgs -= _HOST_PATHS
    if len(orgs) != 1:
        return None
    (org,) = orgs
    return org if org.replace("-", "").isalnum() and len(org) >= 3 else None


def vendor_words_of(vendor: str | None) -> set[str]:
    if not vendor:
        return set()
    words = {vendor}
    if vendor.endswith("ai") and len(vendor) >= 8:  # "moonshotai" -> "moonshot", but "openai" is not "open"
        words.add(vendor[:-2])
    if vendor.endswith("-ai") and len(vendor) >= 6:  # "arcee-ai" -> "arcee"
        words.add(vendor[:-3])
    return words
