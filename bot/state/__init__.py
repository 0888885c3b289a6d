"""Per-server state (traffic profiles, shortlists, digest channels, channel switches and memory) behind one store.

Two backends behind one interface (``base.Backend``): SQLite by default, PostgreSQL (asyncpg) when processes share
state. May import ``bot.answers`` (the traffic profile model) and ``catalog.store.sqlite``; never render, flows or
adapters.
"""
