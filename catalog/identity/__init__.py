"""Identity: which source records are one real model. Route/name keys (``keys``) and the merge into canonical
models with per-fact precedence and provenance (``merge``).

May import ``catalog.models`` and ``catalog.sources.records``; never the store, matching or anything of ``bot``.
"""
