"""Pydantic models of the catalog: data and validation only, no I/O.

Unknown stays unknown: every optional fact is ``None`` (or ``"unknown"`` for tri-state flags) rather than a
guess, and facts carry the source they came from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Tri = Literal["yes", "no", "unknown"]
Openness = Literal["open weights", "proprietary", "unknown"]
CommercialUse = Literal["permitted", "conditional", "unknown"]

#: The ten capability flags of the comparison pages, in display order.
CAPABILITY_LABELS: dict[str, str] = {
    "vision": "Vision",
    "multimodal": "Multimodal",
    "reasoning": "Reasoning",
    "function_calling": "Function calling",
    "tool_use": "Tool use",
    "structured_outputs": "Structured outputs",
    "code_execution": "Code execution",
    "ide_integration": "IDE integration",
    "computer_use": "Computer use",
    "parallel_agents": "Parallel agents",
}


class Strict(BaseModel):
    """Base for every catalog model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Provenance(Strict):
    """Where a fact or price came from."""

    source: str
    """Source name: models-dev, llm-stats, openrouter, litellm or overlay."""
    record: str
    """The record inside the source, e.g. ``providers.openrouter.models.inclusionai/ling-2.6-flash``."""
    source_date: str | None = None
    """The date the source data describes (snapshot or last-updated), ISO format."""


class Benchmark(Strict):
    """One benchmark score as published, never normalised across sources."""

    name: str
    score: float
    metric: str | None = None
    source_url: str | None = None
    self_reported: bool | None = None
    provenance: Provenance


class License(Strict):
    """A model's license; ``osi_approved`` is None when no source says."""

    name: str
    osi_approved: bool | None = None


class Disagreement(Strict):
    """Sources that disagree on one model-level fact; the kept value is on the model."""

    field: str
    kept: str
    values: dict[str, str]
    """Record -> the value that record gives."""


class Capabilities(Strict):
    """The ten capability flags; ``unknown`` when no source says either way."""

    vision: Tri = "unknown"
    multimodal: Tri = "unknown"
    reasoning: Tri = "unknown"
    function_calling: Tri = "unknown"
    tool_use: Tri = "unknown"
    structured_outputs: Tri = "unknown"
    code_execution: Tri = "unknown"
    ide_integration: Tri = "unknown"
    computer_use: Tri = "unknown"
    parallel_agents: Tri = "unknown"


class PriceTier(Strict):
    """Prices that apply to a whole request once its prompt exceeds ``min_prompt_tokens`` (a cliff; a prompt of
    exactly ``min_prompt_tokens`` is billed at the base price)."""

    min_prompt_tokens: int = Field(gt=0)
    input: Decimal | None = None
    output: Decimal | None = None
    cache_read: Decimal | None = None
    cache_write: Decimal | None = None


class Price(Strict):
    """USD per 1M tokens for one route (other units say so in their name). A missing component is unknown, not
    zero."""

    input: Decimal | None = None
    output: Decimal | None = None
    """Text output, reasoning tokens included."""
    cache_read: Decimal | None = None
    cache_write: Decimal | None = None
    """Writing the prompt cache (Anthropic's 5-minute cache)."""
    cache_write_1h: Decimal | None = None
    """Writing the 1-hour prompt cache, where priced separately."""
    reasoning: Decimal | None = None
    batch_input: Decimal | None = None
    batch_output: Decimal | None = None
    image_output: Decimal | None = None
    """Image output tokens (image models bill these, not text output tokens)."""
    per_image: Decimal | None = None
    """USD per generated image, where billed per image rather than per token."""
    audio_input: Decimal | None = None
    audio_output: Decimal | None = None
    per_request: Decimal | None = None
    """USD charged per request on top of tokens (e.g. Perplexity's request fee)."""
    per_1k_searches: Decimal | None = None
    """USD per 1,000 web searches a request triggers."""
    fees_unknown: str | None = None
    """A fee the source names without a number we can apply (said in answers, never dropped silently)."""
    tiers: tuple[PriceTier, ...] = ()
    """Prices above a prompt-size threshold: they apply to prompts *above* ``min_prompt_tokens``."""

    @property
    def complete(self) -> bool:
        """True when both input and output token prices are known."""
        return self.input is not None and self.output is not None

    @property
    def is_zero(self) -> bool:
        """A $0/$0 route: a free tier or subscription plan, never "the cheapest"."""
        return self.input == 0 and self.output == 0


RouteRole = Literal["first-party", "cloud", "host"]


class Observation(Strict):
    """What one source says about one route, with the source's own date or version: kept side by side."""

    source: str
    source_date: str | None = None
    version: str | None = None
    """The source's release (e.g. LiteLLM 1.110.2), where it has one."""
    price: Price | None = None
    context_window: int | None = Field(default=None, gt=0)
    max_output: int | None = Field(default=None, gt=0)
    record: str


class Route(Strict):
    """A model as served by one provider."""

    provider_id: str
    provider_name: str
    provider_model_id: str
    spelling: str
    """The name this provider gives the model."""
    price: Price | None = None
    context_window: int | None = Field(default=None, gt=0)
    max_output: int | None = Field(default=None, gt=0)
    status: str | None = None
    """alpha, beta, deprecated, or None for generally available."""
    free_tier: bool = False
    quantization: str | None = None
    """Weight format the route id names (fp8, awq, 4bit ...): a route attribute, never a different model."""
    region: str | None = None
    """Region prefix of the route id (Bedrock's ``us.``, ``eu.``, ``global.`` inference profiles)."""
    placed_by: str | None = None
    """The identity rule or overlay entry that put this route in its model (``python -m catalog identity``)."""
    role: RouteRole | None = None
    """first-party (the vendor's own API), cloud (Bedrock, Vertex, Azure ...) or host (everyone else)."""
    observations: tuple[Observation, ...] = ()
    """Every source's values for this route; ``price`` and the limits above are the freshest of them."""
    provenance: Provenance

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated"

    @property
    def serving(self) -> bool:
        """Counts as "served by": not deprecated, and not a $0 placeholder (a free tier is marked as one)."""
        return not self.deprecated and not (self.price is not None and self.price.is_zero and not self.free_tier)


class Model(Strict):
    """One real model, however many providers serve it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    """Stable slug, e.g. ``ling-2.6-flash``."""
    name: str
    creator: str | None = None
    vendor: str | None = None
    """The canonical vendor key (``openai``, ``mistral`` ...) whose own API is this model's first-party route."""
    family: str | None = None
    aliases: tuple[str, ...] = ()
    """Every spelling sources use for this model."""
    moving_alias: bool = False
    """A ``-latest`` style pointer no source pins to a snapshot: what it serves changes without notice."""
    release_date: str | None = None
    knowledge_cutoff: str | None = None
    context_window: int | None = Field(default=None, gt=0)
    max_output: int | None = Field(default=None, gt=0)
    params_total_b: float | None = Field(default=None, gt=0)
    """Total parameters in billions."""
    params_active_b: float | None = Field(default=None, gt=0)
    """Activated parameters per token (mixture of experts), in billions."""
    architecture: str | None = None
    license: License | None = None
    openness: Openness = "unknown"
    commercial_use: CommercialUse = "unknown"
    product_type: str | None = None
    best_for: str | None = None
    decision_fit: tuple[str, ...] = ()
    capabilities: Capabilities = Capabilities()
    input_modalities: tuple[str, ...] = ()
    output_modalities: tuple[str, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    last_reviewed: str | None = None
    facts: dict[str, Provenance] = {}
    """Field name -> where its value came from."""
    disagreements: tuple[Disagreement, ...] = ()
    routes: tuple[Route, ...] = ()

    @model_validator(mode="after")
    def _output_fits_context(self) -> Model:
        if self.context_window and self.max_output and self.max_output > self.context_window:
            raise ValueError(
                f"max_output {self.max_output} exceeds context_window {self.context_window}; "
                "fix the source record or drop the output limit"
            )
        return self

    @property
    def parameters_label(self) -> str | None:
        """Human form, e.g. "104B (7.4B activated)"."""
        if self.params_total_b is None:
            return None
        label = f"{_fmt_b(self.params_total_b)}B"
        if self.params_active_b is not None and self.params_active_b != self.params_total_b:
            label += f" ({_fmt_b(self.params_active_b)}B activated)"
        return label

    @property
    def providers(self) -> tuple[str, ...]:
        """Distinct names of the providers serving the model (deprecated and placeholder routes left out)."""
        return tuple(dict.fromkeys(r.provider_name for r in self.routes if r.serving))


def _fmt_b(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
