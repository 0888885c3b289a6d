"""The curated overlay: facts no source has (product type, best-for, decision fit, seed models).

Our own format, so it is validated strictly: an unknown key is an error, not ignored.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from catalog.models import Capabilities, CommercialUse, Openness, Price, Provenance, Route
from catalog.sources._common import load_json, validate
from catalog.sources.records import ModelRecord, RouteRecord, SourceBatch
from catalog.sources.sanity import MAX_PARAMS, MAX_TOKENS, PriceDecimal

_Tokens = Annotated[int, Field(gt=0, le=MAX_TOKENS)]
_Billions = Annotated[float, Field(gt=0, le=MAX_PARAMS / 1e9)]

SOURCE = "overlay"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _About(_Strict):
    title: str
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    """The date the curated facts were checked."""
    url: str | None = None


class _Price(_Strict):
    input: PriceDecimal | None = None
    output: PriceDecimal | None = None
    cache_read: PriceDecimal | None = None
    cache_write: PriceDecimal | None = None


class _Route(_Strict):
    provider_id: str
    provider_name: str
    provider_model_id: str
    price: _Price | None = None
    context_window: _Tokens | None = None
    max_output: _Tokens | None = None
    status: str | None = None


class _License(_Strict):
    name: str
    osi_approved: bool | None = None


class _Model(_Strict):
    spellings: list[str] = Field(min_length=1)
    """Display name first, then every other name the model goes by."""
    creator: str | None = None
    family: str | None = None
    release_date: str | None = None
    knowledge_cutoff: str | None = None
    context_window: _Tokens | None = None
    max_output: _Tokens | None = None
    params_total_b: _Billions | None = None
    params_active_b: _Billions | None = None
    architecture: str | None = None
    license: _License | None = None
    openness: Openness | None = None
    commercial_use: CommercialUse | None = None
    product_type: str | None = None
    best_for: str | None = None
    decision_fit: list[str] | None = None
    capabilities: Capabilities | None = None
    last_reviewed: str | None = None
    routes: list[_Route] = []


class _Overlay(_Strict):
    about: _About
    models: list[_Model]


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse an overlay file: ``{"about": {...}, "models": [{"spellings": [...], ...}]}``."""
    overlay = validate(_Overlay, load_json(data, file_name), file_name, "overlay")
    date = overlay.about.date
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=date)
    for i, m in enumerate(overlay.models):
        prov = Provenance(source=SOURCE, record=f"models[{i}] {m.spellings[0]}", source_date=date)
        facts: dict[str, Any] = m.model_dump(
            exclude={"spellings", "routes", "license", "capabilities"}, exclude_none=True
        )
        if "decision_fit" in facts:
            facts["decision_fit"] = tuple(facts["decision_fit"])
        if m.license:
            facts["license_name"] = m.license.name
            facts["license_osi"] = m.license.osi_approved
        if m.capabilities:  # only what the overlay states: "unknown" must not hide a source's yes/no
            facts["capabilities"] = {k: v for k, v in m.capabilities.model_dump().items() if v != "unknown"}
        batch.models.append(ModelRecord(spellings=tuple(m.spellings), facts=facts, provenance=prov))
        for r in m.routes:
            price = Price(**r.price.model_dump()) if r.price else None
            batch.routes.append(
                RouteRecord(
                    route=Route(
                        provider_id=r.provider_id,
                        provider_name=r.provider_name,
                        provider_model_id=r.provider_model_id,
                        spelling=m.spellings[0],
                        price=price,
                        context_window=r.context_window,
                        max_output=r.max_output,
                        status=r.status,
                        free_tier=price is not None and price.is_zero,
                        provenance=Provenance(
                            source=SOURCE, record=f"models[{i}].routes.{r.provider_id}", source_date=date
                        ),
                    )
                )
            )
    return batch
