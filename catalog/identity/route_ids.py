"""Route ids -> identity keys: the provider's own id names the product more reliably than its display name.

A route id carries deployment decorations that do not change the model: namespaces (``meta-llama/``,
``accounts/fireworks/models/``, ``@cf/``), region prefixes (``us.``, ``eu.``, ``global.``), Bedrock's
``-v1:0``, OpenRouter's ``:free``, Vertex's ``-maas``, and quantisation tags (``-fp8``, ``-awq``, ``-4bit``).
They are removed here and kept as route attributes; every token that makes a different product (``plus``,
``pro``, ``mini``, sizes, dated snapshots, ``latest``) stays in the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from catalog.identity.keys import NAME_VENDORS, VENDOR_TOKENS, fold, strip_vendor, tokens

#: Quantisation and weight-format tags: an attribute of the route, never part of the model's key.
_QUANT = re.compile(
    r"(?:^|[-_.:/ ])(fp8|fp16|fp4|nvfp4|mxfp4|bf16|int4|int8|w4a16|w8a8|awq|gptq|gguf|mlx|q4_k_m|q8_0|q4|q8|nf4|"
    r"iq\d_[a-z]+|\d{1,2}-?bit)((?:[-_](?:mixed|ar|autoround|dynamic))*)(?=$|[-_.:/ ])",
    re.IGNORECASE,
)
#: Region prefixes cloud providers put in front of an id (Bedrock's cross-region inference profiles).
_REGION = re.compile(r"^(us|eu|apac|ap|au|jp|ca|uk|global|us-gov)\.", re.IGNORECASE)
#: Suffixes that version the deployment, not the model: Bedrock ``-v1:0``, ``:0``, Vertex ``-maas``.
_DEPLOY_SUFFIX = re.compile(r"(-v?\d+:\d+$|:\d+$|-maas$|@default$|-tee$)", re.IGNORECASE)
#: OpenRouter-style ``:variant`` suffixes that are the same weights at another price or routing policy.
_SAME_MODEL_VARIANTS = frozenset({"free", "nitro", "floor", "exacto", "beta", "extended", "online"})
#: Namespace words some hosts put before the model name inside the last path segment.
_HOST_PREFIXES = re.compile(
    r"^(c4ai-|hf:|accounts-|openrouter-|cerebras-|groq-|alicloud-|deep-(?=deepseek)|open-(?=mi)|zai-(?=glm))",
    re.IGNORECASE,
)
#: Snapshot tokens: 8-digit dates, yyyymm, yymmdd (251201), the 4-digit yymm/mmdd stamps (2411, 0905) labs use,
#: and deployment versions (v1, 001).
_SNAPSHOT = re.compile(r"^(20\d{6}|20\d{4}|2[4-9][01]\d[0-3]\d|\d{4}|v1|00\d)$")
#: Words some APIs put in ids that name the endpoint, not the model ("imagen-4.0-generate-001").
_DEPLOY_WORDS = frozenset({"generate"})
#: Beside a parameter count these name how a host serves open weights, not a different model: Together's
#: "-Turbo" (its quantised serving), Groq's "-versatile"/"-instant", "-tput", "-it"/"-instruct".
_SIZED_NOISE = frozenset({"instruct", "it", "chat", "turbo", "versatile", "instant", "tput", "paddle"})
_PARAMS = re.compile(r"^\d+(?:\.\d+)?[bm]$")


@dataclass(frozen=True, slots=True)
class RouteId:
    """What one route id says about identity."""

    key: tuple[str, ...]
    quantization: str | None
    region: str | None
    free: bool

    @property
    def snapshot(self) -> str | None:
        """The dated-snapshot token, if the id names one."""
        return next((t for t in self.key if is_snapshot(t)), None)

    @property
    def undated(self) -> tuple[str, ...]:
        """The key without its snapshot token (the alias a dated snapshot may stand behind)."""
        return tuple(t for t in self.key if not is_snapshot(t))


def is_snapshot(token: str) -> bool:
    return bool(_SNAPSHOT.match(token))


@lru_cache(maxsize=1 << 16)
def parse_route_id(route_id: str) -> RouteId:
    """Normalise one provider route id into its identity key plus route attributes."""
    s = route_id.strip()
    last = s.rsplit("/", 1)[-1]
    region_match = _REGION.match(last)
    region = region_match.group(1).lower() if region_match else None
    if region_match:
        last = last[region_match.end() :]
    variant = ""
    if ":" in last and not _DEPLOY_SUFFIX.search(last):
        last, _, variant = last.partition(":")
    last = _DEPLOY_SUFFIX.sub("", last)
    if ":" in last:  # "claude-sonnet-4-thinking:1024": a budget, or a second variant
        last, _, more = last.partition(":")
        variant = variant or more
    quant = None
    found = _QUANT.search(last)
    if found:
        quant = found.group(1).lower()
        last = _QUANT.sub(" ", last)
    last = _HOST_PREFIXES.sub("", last)
    if _looks_dotted_vendor(last):  # Bedrock's "anthropic.claude-...": the vendor is a namespace ...
        head, _, rest = last.partition(".")
        # ... unless the name needs it: "deepseek.v3.2", "deepseek.r1-v1:0"
        last = (
            f"{head}-{rest}" if head.lower() in NAME_VENDORS or rest[:1].isdigit() or rest[:2] in ("v3", "r1") else rest
        )
    toks = [t for t in strip_vendor(tokens(last)) if t not in _DEPLOY_WORDS]
    free = variant.lower() == "free"
    if variant and variant.lower() not in _SAME_MODEL_VARIANTS and not variant.isdigit():
        toks.append(fold(variant))
    has_size = any(_PARAMS.match(t) for t in toks)
    key = tuple(sorted({t for t in toks if not (has_size and t in _SIZED_NOISE)}))
    return RouteId(key=key or tuple(sorted(set(toks))), quantization=quant, region=region, free=free)


def _looks_dotted_vendor(s: str) -> bool:
    """Bedrock ids name the vendor with a dot ("anthropic.claude-..."); dots elsewhere are versions."""
    head = s.split(".", 1)[0].lower()
    return "." in s and head.isalpha() and (head in VENDOR_TOKENS or head in _DOTTED_VENDORS)


_DOTTED_VENDORS = frozenset({"mistral", "meta", "cohere", "ai21", "deepseek", "qwen", "writer", "twelvelabs", "openai"})
