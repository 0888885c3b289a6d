"""Provider names as teams write them ("groq", "bedrock", "azure", "vertex", "together"): word -> provider id."""

from __future__ import annotations

from catalog.service import Catalog

#: Everyday names of clouds that the catalog lists under another name (source: each cloud's product naming).
CLOUD_NAMES = {
    "aws": "amazon-bedrock",
    "bedrock": "amazon-bedrock",
    "gcp": "google-vertex",
    "vertex": "google-vertex",
    "google cloud": "google-vertex",
    "azure": "azure",
    "together": "togetherai",
}
#: Provider name words too common to mean the provider on their own.
_TOO_COMMON = frozenset(
    {"ai", "cloud", "the", "model", "models", "api", "gateway", "labs", "inference", "chat", "weights", "deep",
     "merge", "near", "atomic", "synthetic", "lambda", "neon", "morph", "ambient", "hugging", "free", "open"}
)  # fmt: skip
_CACHE: dict[int, tuple[dict[str, str], dict[str, str]]] = {}


def provider_tables(catalog: Catalog) -> tuple[dict[str, str], dict[str, str]]:
    """(word or two -> provider id, provider id -> display name), built once per loaded catalog."""
    key = id(catalog.models)
    if key not in _CACHE:
        names: dict[str, str] = {}
        for m in catalog.models.values():
            for r in m.routes:
                names.setdefault(r.provider_id, r.provider_name)
        words: dict[str, str] = {}
        first_words: dict[str, set[str]] = {}
        for pid, name in names.items():
            words[pid.replace("-", " ")] = pid
            words[name.lower()] = pid
            first = name.lower().split()[0].strip(".()")
            first_words.setdefault(first, set()).add(pid)
        for first, pids in first_words.items():
            if len(pids) == 1 and len(first) >= 4 and first not in _TOO_COMMON:
                words.setdefault(first, next(iter(pids)))
        for word, pid in CLOUD_NAMES.items():
            if pid in names:
                words[word] = pid
        _CACHE.clear()
        _CACHE[key] = (words, names)
    return _CACHE[key]
