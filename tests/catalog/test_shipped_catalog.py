"""The shipped catalog: broad, merged honestly, and carrying the seed models."""

from __future__ import annotations

from collections import defaultdict

from catalog.identity.curated import base_classes, load_curated, ref
from catalog.models import Model


def test_size_and_breadth(shipped_models: list[Model]) -> None:
    routes = sum(len(m.routes) for m in shipped_models)
    providers = {r.provider_id for m in shipped_models for r in m.routes}
    assert routes >= 5000
    assert len(providers) >= 100
    # models.dev's 1,3xx models, plus older and newer models only LiteLLM or genai-prices price
    assert 1900 <= len(shipped_models) <= 2300


def test_every_route_lands_on_exactly_one_model(shipped_models: list[Model]) -> None:
    routes = [(r.provider_id, r.provider_model_id) for m in shipped_models for r in m.routes]
    assert len(routes) == len(set(routes))


def test_models_dev_base_links_hold(shipped_models: list[Model]) -> None:
    """models.dev's own route -> lab-model links (ground truth) are never split or mixed, except where a curated
    entry overrides a link with a reason."""
    curated = load_curated()
    classes = base_classes(curated)
    overridden = {ref(t) for e in curated.entries for t in e.routes}
    owner = {(r.provider_id, r.provider_model_id): m.id for m in shipped_models for r in m.routes}
    by_class: dict[str, set[str]] = defaultdict(set)
    by_model: dict[str, set[str]] = defaultdict(set)
    for route, lab in curated.links.items():
        if route not in overridden:
            by_class[classes[lab]].add(owner[route])
            by_model[owner[route]].add(classes[lab])
    assert {c: ids for c, ids in by_class.items() if len(ids) > 1} == {}
    assert {m: labs for m, labs in by_model.items() if len(labs) > 1} == {}
    assert len(by_class) >= 200


def test_seed_models_present(shipped_models: list[Model]) -> None:
    by_id = {m.id: m for m in shipped_models}
    spark, ling, qwen = by_id["gpt-5.3-codex-spark"], by_id["ling-2.6-flash"], by_id["qwen2-7b-instruct"]
    assert spark.product_type == "Coding-specialized model"
    assert spark.capabilities.code_execution == "yes"
    assert ling.parameters_label == "104B (7.4B activated)"
    assert ling.license is not None and ling.license.osi_approved
    assert {"OpenRouter", "NovitaAI"} <= set(ling.providers)
    assert qwen.parameters_label == "7B" and qwen.context_window == 128000
    assert "Nvidia" in qwen.providers


def test_disagreements_are_recorded_not_hidden(shipped_models: list[Model]) -> None:
    by_id = {m.id: m for m in shipped_models}
    qwen = by_id["qwen2-7b-instruct"]
    release = [d for d in qwen.disagreements if d.field == "release_date"]
    assert release and release[0].kept == "2024-06-07"
    assert "2024-07-23" in release[0].values.values()
    ling = by_id["ling-2.6-flash"]
    assert any(d.field == "openness" for d in ling.disagreements)


def test_free_and_deprecated_routes_are_marked(shipped_models: list[Model]) -> None:
    ling = next(m for m in shipped_models if m.id == "ling-2.6-flash")
    free = [r for r in ling.routes if r.provider_model_id == "ling-2.6-flash-free"]
    assert free and free[0].free_tier and free[0].deprecated


def test_outputs_fit_contexts(shipped_models: list[Model]) -> None:
    for m in shipped_models:
        if m.context_window and m.max_output:
            assert m.max_output <= m.context_window
        for r in m.routes:
            if r.context_window and r.max_output:
                assert r.max_output <= r.context_window, (m.id, r.provider_id)


def test_llm_stats_facts_are_credited(shipped_models: list[Model]) -> None:
    by_id = {m.id: m for m in shipped_models}
    qwen = by_id["qwen2-7b-instruct"]
    assert qwen.benchmarks and all(b.provenance.source == "llm-stats" for b in qwen.benchmarks)


def test_overlay_does_not_hide_source_capabilities(shipped_models: list[Model]) -> None:
    """The overlay states code execution etc. for Ling; function calling still comes from the providers."""
    ling = next(m for m in shipped_models if m.id == "ling-2.6-flash")
    assert ling.capabilities.function_calling == "yes" and ling.capabilities.code_execution == "no"
