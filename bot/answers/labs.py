"""How each lab the catalog knows is named in a reply ("meta" -> "Meta"): a curated table, because the vendor
keys are identity keys (lower-case, as ``catalog.identity.keys`` spells them) and some labs serve no API of their
own whose provider name could stand in."""

from __future__ import annotations

LAB_NAMES = {
    "alibaba": "Alibaba (Qwen)", "amazon": "Amazon", "anthropic": "Anthropic", "baidu": "Baidu",
    "bytedance": "ByteDance", "cohere": "Cohere", "deepseek": "DeepSeek", "google": "Google", "ibm": "IBM",
    "inception": "Inception", "inclusionai": "inclusionAI (Ant Group)", "meta": "Meta", "microsoft": "Microsoft",
    "minimax": "MiniMax", "mistral": "Mistral AI", "moonshotai": "Moonshot AI", "morph": "Morph",
    "nvidia": "NVIDIA", "openai": "OpenAI", "perplexity": "Perplexity", "poolside": "Poolside",
    "sakana": "Sakana AI", "sarvam": "Sarvam AI", "stepfun": "StepFun", "tencent": "Tencent", "upstage": "Upstage",
    "xai": "xAI", "xiaomi": "Xiaomi", "zhipu": "Zhipu AI (Z.ai)",
}  # fmt: skip


def lab_name(vendor: str) -> str:
    """The lab's name as people write it; an unlisted key is shown as stored rather than guessed at."""
    return LAB_NAMES.get(vendor, vendor)
