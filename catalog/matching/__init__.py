"""Matching: names in chat and command arguments -> canonical models. Pure, sync, in memory.

``text`` tokenises; ``rules`` and ``context`` hold the strict policy; ``forms`` and ``lexicon`` generate every
record's surface forms from the data (with ``chat_names`` for curated vendor names); ``lenient`` is the second chat
pass over them; ``ids`` reads pasted ids; ``index`` ties them together behind resolve (``resolve``), mentions and
suggest (``suggest``); ``grams`` bounds the fuzzy fallbacks; ``typos`` holds the one-edit test and deletion index
both passes use.

May import ``catalog.models``, ``catalog.errors`` and ``catalog.identity``; never the store or ``bot``.
"""
