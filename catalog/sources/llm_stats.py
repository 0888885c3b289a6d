"""LLM-Stats leaderboard data (CC-BY-4.0, credit "LLM-Stats (llm-stats.com)"): parameters, licenses,
benchmarks. Its ``allow_commercial`` flag is inconsistent, so commercial use is derived only from an
OSI-approved license, which by definition permits it."""

from __future__ import annotations

from typing import Any

from catalog.models import Benchmark, Provenance
from catalog.sources._common import SourceModel, expect_object, load_json, newest, validate
from catalog.sources.records import ModelRecord, SourceBatch
from catalog.sources.sanity import ParamCount

SOURCE = "llm-stats"
#: License ids in the data that are OSI-approved licenses.
OSI_APPROVED = frozenset({"apache_2_0", "mit", "mit_license"})


class _License(SourceModel):
    name: str


class _Org(SourceModel):
    name: str


class _Score(SourceModel):
    benchmark_name: str
    score: float
    is_self_reported: bool | None = None
    self_reported_source_link: str | None = None


class _Model(SourceModel):
    model_id: str
    name: str
    organization_id: str | None = None
    release_date: str | None = None
    license_id: str | None = None
    multimodal: bool | None = None
    knowledge_cutoff: str | None = None
    param_count: ParamCount | None = None
    source_weights_link: str | None = None
    updated_at: str | None = None
    benchmarks: list[_Score] = []


def parse(data: bytes, file_name: str) -> SourceBatch:
    """Parse the merged LLM-Stats JSON (``licenses``, ``organizations``, ``models`` ...)."""
    top = expect_object(load_json(data, file_name), file_name)
    raw_models = expect_object(top, file_name, "models")
    licenses = {
        k: validate(_License, v, file_name, f"licenses.{k}")
        for k, v in expect_object(top, file_name, "licenses").items()
    }
    orgs = {
        k: validate(_Org, v, file_name, f"organizations.{k}")
        for k, v in expect_object(top, file_name, "organizations").items()
    }
    models = {k: validate(_Model, v, file_name, f"models.{k}") for k, v in raw_models.items()}
    date = newest([(m.updated_at or "")[:10] or None for m in models.values()])
    batch = SourceBatch(source=SOURCE, file_name=file_name, source_date=date)
    for key, m in models.items():
        prov = Provenance(source=SOURCE, record=f"models.{key}", source_date=(m.updated_at or "")[:10] or date)
        batch.models.append(
            ModelRecord(spellings=(m.name, m.model_id), facts=_facts(m, licenses, orgs, prov), provenance=prov)
        )
    return batch


def _facts(m: _Model, licenses: dict[str, _License], orgs: dict[str, _Org], prov: Provenance) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if m.organization_id in orgs:
        facts["creator"] = orgs[m.organization_id].name
    if m.release_date:
        facts["release_date"] = m.release_date
    if m.knowledge_cutoff:
        facts["knowledge_cutoff"] = m.knowledge_cutoff
    if m.param_count:
        facts["params_total_b"] = round(m.param_count / 1e9, 2)
    if m.license_id and m.license_id != "unknown" and m.license_id in licenses:
        osi = m.license_id in OSI_APPROVED
        facts["license_name"] = licenses[m.license_id].name
        facts["license_osi"] = osi
        if osi:
            facts["commercial_use"] = "permitted"
        if m.license_id == "proprietary":
            facts["openness"] = "proprietary"
        elif m.source_weights_link:
            facts["openness"] = "open weights"
    if m.multimodal is not None:
        facts["capabilities"] = {"multimodal": "yes" if m.multimodal else "no"}
    facts["benchmarks"] = tuple(
        Benchmark(
            name=s.benchmark_name,
            score=s.score,
            metric="fraction (0-1)",
            source_url=s.self_reported_source_link,
            self_reported=s.is_self_reported,
            provenance=prov,
        )
        for s in m.benchmarks
    )
    return facts
