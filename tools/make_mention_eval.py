"""Regenerate ``tests/fixtures/mention_eval.jsonl``: the labelled chat set for mention precision/recall.

Variants are typed the way people type in team chat (case, spacing, hyphens, dropped vendor, one-letter
typos); templates are ordinary engineering chat. Negatives include words that are also model family names,
bare version numbers, code, URLs, emoji and user mentions. Run once and review the diff; the JSONL file is
the source of truth for the tests.  Usage: python -m tools.make_mention_eval
"""

from __future__ import annotations

import json
import random
from pathlib import Path

#: model id -> spellings people actually type (typos included on purpose).
VARIANTS: dict[str, list[str]] = {
    "gpt-5.3-codex-spark": [
        "gpt5.3 codex spark",
        "GPT-5.3-Codex-Spark",
        "gpt 5.3 codex spark",
        "GPT-5.3 Codex Spark",
    ],
    "ling-2.6-flash": [
        "ling 2.6 flash",
        "Ling-2.6-Flash",
        "ling-2.6 flash",
        "ling2.6 flash",
        "inclusionAI Ling-2.6 Flash",
    ],
    "qwen2-7b-instruct": ["qwen2 7b", "Qwen2-7B-Instruct", "Qwen2 7B instruct", "qwen2-7b"],
    "claude-sonnet-4.5": [
        "claude sonet 4.5",
        "Claude Sonnet 4.5",
        "sonnet 4.5",
        "claude-sonnet-4-5",
        "sonnet-4.5",
    ],
    "llama-3.3-70b-instruct": ["llama3.3 70b", "Llama 3.3 70B", "llama-3.3-70b-instruct", "Llama3.3-70B"],
    "kimi-k2.6": ["kimi k2.6", "Kimi-K2.6", "kimi k2.6"],
    "kimi-k2.5": ["kimi k2.5", "Kimi K2.5", "kimi-k2.5"],
    "glm-5.1": ["glm 5.1", "GLM-5.1", "glm5.1"],
    "gpt-oss-120b": ["gpt-oss-120b", "gpt oss 120b", "GPT-OSS 120B", "gptoss 120b"],
    "minimax-m2.5": ["minimax m2.5", "MiniMax-M2.5", "Minimax M2.5"],
    "claude-haiku-4.5": ["claude haiku 4.5", "haiku 4.5", "Claude Haiku 4.5", "claude-haiku-4-5"],
    "glm-5": ["glm 5", "GLM-5", "glm-5"],
    "claude-sonnet-4.6": ["sonnet 4.6", "Claude Sonnet 4.6", "claude sonnet 4.6"],
    "deepseek-v4-pro": ["deepseek v4 pro", "DeepSeek-V4-Pro", "deepseek v4 pro"],
    "claude-opus-4.6": ["opus 4.6", "Claude Opus 4.6", "claude opus 4.6"],
    "glm-4.7": ["glm 4.7", "GLM-4.7", "glm4.7"],
    "claude-opus-4.5": ["claude opus 4.5", "Opus 4.5", "claude-opus-4-5"],
    "deepseek-v3.2": ["deepseek v3.2", "DeepSeek-V3.2", "deepseek-v3.2"],
    "claude-opus-4.7": ["opus 4.7", "Claude Opus 4.7", "claude opus 4.7"],
    "deepseek-v4-flash": ["deepseek v4 flash", "DeepSeek V4 Flash", "deepseek-v4-flash"],
    "gpt-oss-20b": ["gpt-oss-20b", "gpt oss 20b", "GPT-OSS-20B"],
    "gpt-5.4": ["gpt 5.4", "GPT-5.4", "gpt5.4"],
    "gpt-5.2": ["gpt-5.2", "GPT 5.2", "gpt5.2"],
    "claude-opus-4.1": ["opus 4.1", "Claude Opus 4.1", "claude opus 4.1"],
    "gemma-4-31b-it": ["gemma 4 31b", "Gemma-4-31B-IT", "gemma4 31b"],
    "gpt-5.5": ["gpt 5.5", "GPT-5.5", "gpt-5.5"],
    "minimax-m2.7": ["minimax m2.7", "MiniMax-M2.7", "minimax-m2.7"],
    "gemini-2.5-pro": ["gemini 2.5 pro", "Gemini 2.5 Pro", "gemini-2.5-pro", "gemini2.5 pro"],
    "gemini-2.5-flash": ["gemini 2.5 flash", "Gemini 2.5 Flash", "gemini-2.5-flash"],
    "gpt-5-mini": ["gpt-5-mini", "gpt 5 mini", "GPT-5 mini", "gpt5 mini"],
    "claude-opus-4.8": ["opus 4.8", "Claude Opus 4.8", "claude-opus-4-8"],
    "gpt-5": ["gpt-5", "GPT-5", "gpt 5"],
    "kimi-k2-thinking": ["kimi k2 thinking", "Kimi-K2-Thinking", "kimi k2 thinkng"],
    "qwen3.5-397b-a17b": ["qwen3.5 397b a17b", "Qwen3.5-397B-A17B", "qwen 3.5 397b-a17b"],
    "glm-4.6": ["glm 4.6", "GLM-4.6", "glm-4.6"],
    "gpt-5.1": ["gpt-5.1", "GPT 5.1", "gpt5.1"],
    "gpt-5.4-mini": ["gpt-5.4-mini", "gpt 5.4 mini", "GPT-5.4 Mini"],
    "gpt-4.1": ["gpt-4.1", "GPT 4.1", "gpt4.1"],
    "minimax-m2.1": ["minimax m2.1", "MiniMax-M2.1"],
    "gpt-5-nano": ["gpt-5-nano", "gpt 5 nano", "GPT-5 Nano"],
    "gpt-5.3-codex": ["gpt-5.3-codex", "gpt 5.3 codex", "GPT-5.3 Codex"],
    "deepseek-r1": ["deepseek r1", "DeepSeek-R1", "deepseek-r1"],
    "deepseek-v3.1": ["deepseek v3.1", "DeepSeek-V3.1"],
    "glm-4.7-flash": ["glm 4.7 flash", "GLM-4.7-Flash", "glm-4.7-flash"],
    "gpt-5.2-codex": ["gpt-5.2-codex", "gpt 5.2 codex"],
    "qwen3-32b": ["qwen3 32b", "Qwen3-32B", "qwen 3 32b"],
    "qwen3-coder-480b-a35b-instruct": [
        "qwen3 coder 480b",
        "Qwen3-Coder-480B-A35B-Instruct",
        "qwen3-coder 480b a35b",
    ],
    "qwen3.6-plus": ["qwen3.6 plus", "Qwen3.6-Plus", "qwen 3.6 plus"],
    "glm-4.5-air": ["glm 4.5 air", "GLM-4.5-Air", "glm-4.5-air"],
    "gpt-4.1-mini": ["gpt-4.1-mini", "gpt 4.1 mini", "GPT-4.1 mini"],
    "llama-3.1-8b-instruct": ["llama 3.1 8b", "Llama-3.1-8B-Instruct", "llama3.1 8b"],
    "qwen3-235b-a22b-instruct-2507": ["qwen3 235b a22b instruct 2507", "Qwen3-235B-A22B-Instruct-2507"],
    "gpt-4o": ["gpt-4o", "GPT-4o", "gpt4o", "gpt 4o"],
    "gpt-4o-mini": ["gpt-4o-mini", "gpt 4o mini", "GPT-4o mini", "gpt4o-mini"],
    "gpt-5.1-codex": ["gpt-5.1-codex", "gpt 5.1 codex"],
    "o3-mini": ["o3-mini", "o3 mini", "O3-mini"],
    "qwen3-coder-30b-a3b-instruct": ["qwen3 coder 30b a3b", "Qwen3-Coder-30B-A3B-Instruct"],
    "glm-4.5": ["glm 4.5", "GLM-4.5"],
    "o3": ["o3", "O3"],
    "o4-mini": ["o4-mini", "o4 mini", "O4-mini"],
    "gemini-2.5-flash-lite": ["gemini 2.5 flash lite", "Gemini 2.5 Flash-Lite", "gemini-2.5-flash-lite"],
    "claude-sonnet-5": ["claude sonnet 5", "Claude Sonnet 5", "sonnet 5"],
    "gpt-4.1-nano": ["gpt-4.1-nano", "gpt 4.1 nano"],
    "gpt-5.1-codex-mini": ["gpt-5.1-codex-mini", "gpt 5.1 codex mini"],
    "gpt-5.4-pro": ["gpt-5.4-pro", "gpt 5.4 pro"],
    "grok-4.3": ["grok 4.3", "Grok-4.3", "grok4.3"],
    "mimo-v2.5-pro": ["mimo v2.5 pro", "MiMo-V2.5-Pro"],
    "qwen3-235b-a22b-thinking-2507": ["qwen3 235b a22b thinking 2507", "Qwen3-235B-A22B-Thinking-2507"],
    "claude-haiku-3.5": ["claude haiku 3.5", "Claude 3.5 Haiku", "claude-3-5-haiku"],
    "deepseek-r1-0528": ["deepseek r1 0528", "DeepSeek-R1-0528"],
    "gemini-3.5-flash": ["gemini 3.5 flash", "Gemini 3.5 Flash"],
    "gpt-5-codex": ["gpt-5-codex", "gpt 5 codex"],
    "o1": ["o1", "O1"],
    "qwen3-next-80b-a3b-instruct": ["qwen3 next 80b a3b", "Qwen3-Next-80B-A3B-Instruct"],
    "gpt-5-pro": ["gpt-5-pro", "gpt 5 pro"],
    "gpt-5.1-codex-max": ["gpt-5.1-codex-max", "gpt 5.1 codex max"],
    "qwen3-max": ["qwen3 max", "Qwen3-Max", "qwen3-max"],
    "qwen3.5-122b-a10b": ["qwen3.5 122b a10b", "Qwen3.5-122B-A10B"],
    "deepseek-v3-0324": ["deepseek v3 0324", "DeepSeek-V3-0324"],
    "qwen3.5-9b": ["qwen3.5 9b", "Qwen3.5-9B", "qwen 3.5 9b"],
    "deepseek-v3.1-terminus": ["deepseek v3.1 terminus", "DeepSeek-V3.1-Terminus"],
    "gemma-3-27b": ["gemma 3 27b", "Gemma-3-27B", "gemma3 27b"],
    "gpt-4-turbo": ["gpt-4-turbo", "gpt 4 turbo", "GPT-4 Turbo"],
    "mimo-v2-flash": ["mimo v2 flash", "MiMo-V2-Flash"],
    "claude-sonnet-3.7": ["claude sonnet 3.7", "Claude 3.7 Sonnet", "claude-3-7-sonnet", "sonnet 3.7"],
    "mistral-nemo": ["mistral nemo", "Mistral-Nemo", "Mistral Nemo"],
    "qwen2.5-72b-instruct": ["qwen2.5 72b", "Qwen2.5-72B-Instruct", "qwen 2.5 72b"],
    "gpt-3.5-turbo": ["gpt-3.5-turbo", "gpt 3.5 turbo", "GPT-3.5 Turbo"],
    "mistral-large-3": ["mistral large 3", "Mistral Large 3"],
    "mistral-medium-3": ["mistral medium 3", "Mistral Medium 3"],
    "o3-pro": ["o3-pro", "o3 pro"],
    "qwen2.5-coder-32b-instruct": ["qwen2.5 coder 32b", "Qwen2.5-Coder-32B-Instruct"],
    "qwen3-14b": ["qwen3 14b", "Qwen3-14B"],
    "grok-4": ["grok 4", "Grok-4", "grok-4"],
    "qwen2.5-7b-instruct": ["qwen2.5 7b", "Qwen2.5-7B-Instruct"],
    "llama-4-scout-17b-instruct": ["llama 4 scout 17b 16e", "Llama-4-Scout-17B-16E-Instruct"],
    "step-3.5-flash-2603": ["step 3.5 flash", "Step-3.5-Flash"],
    "ring-2.6-1t": ["ring 2.6 1t", "Ring-2.6-1T"],
    "ling-2.6-1t": ["ling 2.6 1t", "Ling-2.6-1T"],
    "llama-3.1-70b-instruct": ["llama 3.1 70b", "Llama-3.1-70B-Instruct"],
    "gemini-2.0-flash": ["gemini 2.0 flash", "Gemini 2.0 Flash", "gemini-2.0-flash"],
    "gpt-4": ["gpt-4", "GPT-4"],
}

SINGLE = [
    "has anyone tried {a} for code review yet?",
    "{a} keeps timing out on the nightly batch, anyone else?",
    "I think {a} is good enough for the support bot",
    "what does {a} cost per million output tokens?",
    "is {a} open source?",
    "where can I run {a}? we need an EU region",
    "can {a} do function calling reliably?",
    "we switched the summariser to {a} last sprint",
    "ok so {a} it is, I'll update the config",
    "does {a} support vision or is it text only",
    "pretty sure {a} has a bigger context window than what we use now",
    "finance wants a monthly estimate for {a} at our traffic",
    "ran the eval suite on {a}: 71% pass, not bad",
    "{a} hallucinated the API name again lol",
    "fwiw {a} was way faster in the playground",
    "who approved {a} for prod?",
    "lets trial {a} behind the feature flag",
    "the {a} route on openrouter was down for 10 min",
    "any benchmarks for {a} on SWE-bench?",
    "@here heads up, {a} pricing changed",
]
PAIR = [
    "which has the bigger context window, {a} or {b}?",
    "{a} vs {b} for our RAG pipeline?",
    "we're deciding between {a} and {b}",
    "is {a} cheaper than {b} for us?",
    "compare {a} with {b} please",
    "moving from {a} to {b}, what breaks?",
    "{a} or {b}? need an answer by friday",
    "I'd pick {a} over {b} tbh",
]
NEGATIVES: list[str | tuple[str, list[str]]] = [
    "we should flash the firmware before the demo",
    "she wrote a sonnet for the retro, it was great",
    "gemini season is here, happy birthday Sam",
    "the mistral wind is brutal in Marseille today",
    "opus",
    "that PR is a magnum opus",
    "is claude any good?",
    "anyone tried gpt for this?",
    "bump the version to 4.5 and tag it",
    "v2.6 of the SDK is out",
    "release 3.1 ships thursday",
    "we're on python 3.11, node 20 and postgres 16",
    "ubuntu 22.04 image is missing libssl",
    "the runbook step 3 says restart the pod",
    # pasted ids in code are read (a team's config names the model it runs): these name a model
    ("`gpt-4o` is hardcoded in config.py, fix pls", ["gpt-4o"]),
    ("see ```model = 'claude-opus-4-5'``` in the snippet", ["claude-opus-4.5"]),
    "docs at https://example.com/models/gpt-4o-mini",
    "<@123456789> can you review?",
    "<#987654321> has the logs",
    ":rocket: shipped!",
    "🚀🚀🚀",
    "lgtm",
    "merging now",
    "who broke the build",
    "standup in 5",
    "can someone restart staging",
    "the flaky test is test_checkout again",
    "the haiku bot in #random is hilarious",
    "pro tip: use --no-cache",
    "mini fridge in the office is broken",
    "we need a turbo button for CI",
    "the nova launcher on my phone crashed",
    "my m2 macbook is thermal throttling",
    "O(1) lookup would be nice here",
    "k8s upgrade to 1.29 tonight",
    "s3 bucket policy needs a review",
    "let's do a quick spike on caching",
    "I'll take the on-call shift",
    "the spark cluster is out of memory",
    "command a restart of the worker",
    "ring me when you're free",
    "seed the database before running tests",
    "phase 2 starts after the offsite",
    "sprint 3.2 retro notes are up",
    "the r1 release branch is cut",
    "api v3 is deprecated next quarter",
    "iphone 15 pro battery is bad",
    "pixel 8 pro camera is nice though",
    "windows 11 update broke docker",
    "mac mini m2 as a build agent?",
    "is llama a good name for the mascot?",
    "sonar pipeline flagged 3 code smells",
    "auto-merge is on for dependabot",
    "flash sale on keyboards at the shop",
    "the llm bill went up 20% this month",
    "we need to pick a model by friday",
    "which model should we use for search?",
    "compare the two invoices please",
    "what would it cost us a month to run the crawler?",
    "is this open source?",
    "where can I run the migrations?",
    "the context window of that meeting was too small lol",
    "temperature 0.7 or 0.2?",
    "max tokens 4096 is fine",
    "top_p=0.9, frequency_penalty=0.5",
    "we hit 429s at 10k rpm",
    "latency p99 is 1.2s",
    "the thinking time on this ticket is huge",
    "fast follow on the billing fix",
    "a lite version of the dashboard would help",
    "plus one to that",
    "max out the retries at 3",
    "@everyone lunch is here",
    "4.5 stars on the app store!",
    "2.5 days left in the sprint",
    "ship 1.0 then 1.1",
    "v0 prototype is ready",
    "the seed round closed",
    "titan security key arrived",
    "mercury is in retrograde, don't deploy",
    "the aurora db failover worked",
    "solar panels on the roof are live",
    "runway is 18 months",
    "venice offsite photos are up",
    "stable diffusion is out of scope",
    "hermes delivered the package",
    "our liquid cooling rig leaks",
    "north star metric is weekly active teams",
    "ray tracing demo was cool",
    "smart quotes broke the yaml parser",
    "big refactor incoming",
    "text me when you land",
    "model the data in dbt first",
    "alpha testers signed the NDA",
]
NEG_TEMPLATES = ["can someone look at this: {x}", "fyi {x}", "re: {x}", "quick q - {x}", "+1, {x}"]


def build(seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    ids = list(VARIANTS)
    for mid in ids:  # every model: each variant at least once, alone
        for variant in VARIANTS[mid]:
            rows.append({"text": rng.choice(SINGLE).format(a=variant), "expect": [mid]})
    for _ in range(90):  # pairs
        a, b = rng.sample(ids, 2)
        rows.append(
            {
                "text": rng.choice(PAIR).format(a=rng.choice(VARIANTS[a]), b=rng.choice(VARIANTS[b])),
                "expect": [a, b],
            }
        )
    lines = [(x, []) if isinstance(x, str) else x for x in NEGATIVES]
    for text, expect in lines:
        rows.append({"text": text, "expect": expect})
    for text, expect in lines:  # the same sentences wrapped the way people reply in threads
        for template in rng.sample(NEG_TEMPLATES, 2):
            rows.append({"text": template.format(x=text), "expect": expect})
    return rows


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mention_eval.jsonl"
    rows = build()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    pos = sum(1 for r in rows if r["expect"])
    models = {m for r in rows for m in r["expect"]}  # type: ignore[attr-defined]
    print(f"{len(rows)} rows: {pos} positive across {len(models)} models, {len(rows) - pos} negative -> {out}")


if __name__ == "__main__":
    main()
