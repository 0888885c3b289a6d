"""Matching: names in chat and command arguments -> canonical models. Tokeniser (``text``), candidate rules
(``rules``) and the in-memory index with resolve / mentions / suggest (``index``). Pure, sync, in memory.

May import ``catalog.models``, ``catalog.errors`` and ``catalog.identity``; never the store or ``bot``.
"""
