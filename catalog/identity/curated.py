"""Curated identity data, shipped as data (never code): models.dev's own route -> lab-model links, and our
identity overlay of merges, separations and alias pointers (each with a reason and a source link).

Routes are named ``"provider/route id"`` (the first ``/`` separates the provider).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from catalog.identity.route_ids import parse_route_id

#: Bump when a change to the identity code moves routes: catalogs built by older rules are re-merged on start.
RULES = 6  # 6: a route spelling another lab model's id follows its own id (5: dotless point releases joined)
LINKS_FILE = "models-dev-base-model-links.json.gz"
OVERLAY_FILE = "identity.json"

RouteRef = tuple[str, str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(_Strict):
    """One curated decision. ``routes`` are ``provider/route id`` strings."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    kind: str = Field(pattern=r"^(same|separate|alias|unlink)$")
    """same: one model; separate: pairwise different models; alias: ``routes`` point at ``target``'s model;
    unlink: models.dev's base-model link of these routes is wrong and is ignored."""
    routes: tuple[str, ...] = Field(min_length=1)
    target: str | None = None
    reason: str = Field(min_length=10)
    source: str = Field(pattern=r"^https?://")


class _Overlay(_Strict):
    about: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Curated:
    """Everything curated that identity uses."""

    links: dict[RouteRef, str] = field(default_factory=dict)
    """Route -> lab model id (``"anthropic/claude-sonnet-4-5"``) from models.dev's ``base_model`` keys."""
    entries: tuple[Entry, ...] = ()


def ref(text: str) -> RouteRef:
    provider, _, route_id = text.partition("/")
    if not route_id:
        raise ValueError(f"route {text!r} must be written 'provider/route id'")
    return provider, route_id


def load_curated() -> Curated:
    """The shipped links and overlay (validated strictly: a typo is an error, not an ignored entry)."""
    root = resources.files("catalog.data")
    raw = json.loads(gzip.decompress(root.joinpath(LINKS_FILE).read_bytes()))
    links = {(p, rid): base for p, routes in raw["links"].items() for rid, base in routes.items()}
    overlay = _Overlay.model_validate_json(root.joinpath(OVERLAY_FILE).read_bytes())
    return Curated(links=own_ids_win(links), entries=overlay.entries)


def own_ids_win(links: dict[RouteRef, str]) -> dict[RouteRef, str]:
    """``links`` with each route whose own id is another lab model of the same lab linked to that model: models.dev
    links Moonshot's ``kimi-k2.7-code-highspeed`` route to ``kimi-k2.7-code`` while three hosts' routes of that id
    go to the lab's own ``kimi-k2.7-code-highspeed``; a route that spells a lab model's id serves that model."""
    by_id: dict[tuple[str, str], str] = {}
    for base in set(links.values()):
        lab, _, lab_id = base.partition("/")
        by_id[(lab, lab_id.lower())] = base
    out = dict(links)
    for (provider, route_id), base in links.items():
        named = by_id.get((base.partition("/")[0], route_id.rsplit("/", 1)[-1].lower()))
        if named is not None and named != base:
            out[(provider, route_id)] = named
    return out


def base_classes(curated: Curated) -> dict[str, str]:
    """Lab model id -> its class: a dated lab id and the undated one of the same release are one class."""
    labs = sorted(set(curated.links.values()))
    keys = {lab: parse_route_id(lab.split("/", 1)[-1]) for lab in labs}
    undated = {k.key: lab for lab, k in keys.items() if k.snapshot is None}
    dated: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for lab, k in keys.items():
        if k.snapshot is not None:
            dated[k.undated].append(lab)
    out = {lab: lab for lab in labs}
    for key, group in dated.items():
        if key in undated and len(group) == 1:
            out[group[0]] = undated[key]
    return out


def rules_version() -> str:
    """The identity rules in force: the code's ``RULES`` number and a digest of the curated data."""
    root = resources.files("catalog.data")
    digest = hashlib.sha256()
    for name in (LINKS_FILE, OVERLAY_FILE):
        digest.update(root.joinpath(name).read_bytes())
    return f"{RULES}:{digest.hexdigest()[:16]}"
